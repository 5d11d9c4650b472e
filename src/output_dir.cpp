#include "rcmap/output_dir.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "rcmap/diagnostics.hpp"

namespace fs = std::filesystem;

namespace rcmap {

namespace {
std::string why() { return std::strerror(errno); }

// Rejects names that would escape the folder.
void check_name(const std::string& name) {
  fs::path p(name);
  if (name.empty() || p.is_absolute())
    throw OutputError("invalid output file name '" + name + "'");
  for (const auto& part : p)
    if (part == ".." || part == ".")
      throw OutputError("invalid output file name '" + name + "'");
}
}  // namespace

OutputDir::OutputDir(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw OutputError("cannot create output folder " + dir_ + ": " + ec.message());
  if (!fs::is_directory(dir_)) throw OutputError("output path " + dir_ + " is not a folder");
  if (access(dir_.c_str(), W_OK) != 0)
    throw OutputError("cannot write to output folder " + dir_ + ": " + why());
}

OutputDir::~OutputDir() {
  if (committed_) return;
  for (const auto& t : temps_) std::remove(t.c_str());
}

std::string OutputDir::temp_path(const std::string& name) {
  check_name(name);
  fs::path final_path = fs::path(dir_) / name;
  std::error_code ec;
  fs::create_directories(final_path.parent_path(), ec);
  if (ec) throw OutputError("cannot create folder " + final_path.parent_path().string() + ": " + ec.message());
  std::string tmp = (final_path.parent_path() /
                     ("." + final_path.filename().string() + ".tmp-" + std::to_string(getpid())))
                        .string();
  names_.push_back(name);
  temps_.push_back(tmp);
  return tmp;
}

void OutputDir::write(const std::string& name, const std::function<void(std::ostream&)>& fill) {
  std::string tmp = temp_path(name);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) throw OutputError("cannot create " + tmp + ": " + why());
  fill(out);
  // A full disk or a file-size limit shows up here (write or close fails);
  // no fsync: a killed process loses nothing the kernel already has.
  out.close();
  if (out.fail()) throw OutputError("cannot write " + (fs::path(dir_) / name).string() + ": " + why());
}

void OutputDir::commit() {
  for (std::size_t i = 0; i < temps_.size(); ++i) {
    fs::path final_path = fs::path(dir_) / names_[i];
    if (std::rename(temps_[i].c_str(), final_path.c_str()) != 0)
      throw OutputError("cannot move " + temps_[i] + " to " + final_path.string() + ": " + why());
  }
  committed_ = true;
}

}  // namespace rcmap
