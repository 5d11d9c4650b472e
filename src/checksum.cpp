#include "rcmap/checksum.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <memory>

#include "file_bytes.hpp"
#include "rcmap/diagnostics.hpp"

namespace rcmap {

std::string sha256_file(const std::string& path) {
  // Only a regular file can be read again: a pipe's bytes go to the parser,
  // and hashing what is left would give a wrong checksum. It gets none ("").
  if (struct stat st; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return {};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  // A large regular file is hashed where it lies (mapped, no copy);
  // anything else is read in blocks.
  std::shared_ptr<FileBytes> mapped;
  if (int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (1 << 20))
      mapped = FileBytes::map(fd, static_cast<std::size_t>(st.st_size), path);
    ::close(fd);
  }
  if (mapped) {
    EVP_DigestUpdate(ctx.get(), mapped->data(), mapped->size());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw OutputError("cannot read " + path + " for its checksum");
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf, in.gcount());
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < len; ++i) {
    s += hex[md[i] >> 4];
    s += hex[md[i] & 15];
  }
  return s;
}

std::shared_future<std::string> sha256_file_async(const std::string& path) {
  return std::async(std::launch::async, [path] { return sha256_file(path); }).share();
}

}  // namespace rcmap
