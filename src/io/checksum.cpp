#include "rcmap/io/checksum.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

#include "file_bytes.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

std::string sha256_file(const std::string& path) {
  // Only a regular file can be read again: a pipe's bytes go to the parser,
  // and hashing what is left would give a wrong checksum. It gets none ("").
  if (struct stat st; ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return {};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  // One open: a large file is hashed where it lies (mapped, no copy), a
  // small one read in blocks.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw OutputError("cannot read " + path + " for its checksum");
  struct stat st;
  std::shared_ptr<FileBytes> mapped;
  if (::fstat(fd, &st) == 0 && st.st_size >= (1 << 20))
    mapped = FileBytes::map(fd, static_cast<std::size_t>(st.st_size), path);
  if (mapped) {
    EVP_DigestUpdate(ctx.get(), mapped->data(), mapped->size());
  } else {
    char buf[1 << 16];
    for (;;) {
      const ssize_t got = ::read(fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        ::close(fd);
        throw OutputError("cannot read " + path + " for its checksum");
      }
      if (got == 0) break;
      EVP_DigestUpdate(ctx.get(), buf, static_cast<std::size_t>(got));
    }
  }
  ::close(fd);
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
