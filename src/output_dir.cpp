#include "rcmap/output_dir.hpp"

#include <signal.h>
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
// Removes temporary files (".NAME.tmp-PID") and commit backups
// (".NAME.old-PID") left in `folder` by an rcmap process that no longer
// runs (killed mid-write). Files of running processes are left alone.
void remove_stale_temps(const fs::path& folder) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (n.size() < 8 || n[0] != '.') continue;
    std::size_t k = n.rfind('-');
    if (k == std::string::npos || k + 1 >= n.size() || k < 5) continue;
    std::string kind = n.substr(k - 4, 4), digits = n.substr(k + 1);
    if ((kind != ".tmp" && kind != ".old") || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || pid <= 0 || kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    fs::remove(it->path(), rm);
  }
}
}  // namespace

OutputDir::OutputDir(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw OutputError("cannot create output folder " + dir_ + ": " + ec.message());
  if (!fs::is_directory(dir_)) throw OutputError("output path " + dir_ + " is not a folder");
  if (access(dir_.c_str(), W_OK) != 0)
    throw OutputError("cannot write to output folder " + dir_ + ": " + why());
  remove_stale_temps(dir_);
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
  if (final_path.parent_path() != fs::path(dir_)) remove_stale_temps(final_path.parent_path());
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

// Renames every temporary file into place. Before that, each existing final
// file is hard-linked to ".NAME.old-PID"; if a rename fails, the files
// already replaced are restored from these links (or removed if they did not
// exist), so DIR keeps the complete earlier set rather than a mix.
void OutputDir::commit() {
  enum class Before { absent, backed_up, unknown };
  std::vector<Before> before(temps_.size(), Before::unknown);
  std::vector<std::string> backups(temps_.size());
  auto drop_backups = [&] {
    for (std::size_t i = 0; i < backups.size(); ++i)
      if (before[i] == Before::backed_up) std::remove(backups[i].c_str());
  };
  for (std::size_t i = 0; i < temps_.size(); ++i) {
    fs::path final_path = fs::path(dir_) / names_[i];
    backups[i] = (final_path.parent_path() /
                  ("." + final_path.filename().string() + ".old-" + std::to_string(getpid())))
                     .string();
    std::remove(backups[i].c_str());
    if (link(final_path.c_str(), backups[i].c_str()) == 0) before[i] = Before::backed_up;
    else if (errno == ENOENT) before[i] = Before::absent;
    // else: no hard links on this file system; that file cannot be rolled back.
  }
  for (std::size_t i = 0; i < temps_.size(); ++i) {
    fs::path final_path = fs::path(dir_) / names_[i];
    if (std::rename(temps_[i].c_str(), final_path.c_str()) != 0) {
      std::string msg = "cannot move " + temps_[i] + " to " + final_path.string() + ": " + why();
      for (std::size_t j = 0; j < i; ++j) {
        fs::path done = fs::path(dir_) / names_[j];
        if (before[j] == Before::backed_up) std::rename(backups[j].c_str(), done.c_str());
        else if (before[j] == Before::absent) std::remove(done.c_str());
      }
      drop_backups();
      throw OutputError(msg);
    }
  }
  drop_backups();
  committed_ = true;
}

}  // namespace rcmap
