// All-or-nothing output into a locked results folder (include/rcmap/io/output_dir.hpp,
// docs/outputs.md "Output safety").
#include "rcmap/io/output_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <ostream>
#include <set>
#include <stdexcept>
#include <streambuf>

#include "rcmap/io/diagnostics.hpp"

namespace fs = std::filesystem;

namespace rcmap {

// What the signal handlers need to undo a run that has not committed:
// written before it is published (atomics) and read with syscalls only.
struct OutputDir::State {
  std::atomic<bool> in_use{false};      // slot taken (table below)
  std::atomic<bool> active{false};      // the fields below describe a live run
  std::atomic<bool> committing{false};  // commit() is renaming: signals wait
  std::atomic<int> pending{0};          // a signal that arrived while committing
  std::atomic<int> dir_fd{-1};
  std::atomic<int> created_levels{0};  // folders this run created: DIR and parents
  std::atomic<bool> lock_created{false}, priv_made{false};
  pid_t owner = 0;
  char dir_path[PATH_MAX] = {};
  char priv[64] = {};
};

namespace {

std::string why() { return std::strerror(errno); }
std::string why(int e) { return std::strerror(e); }

// ---- the table the signal handlers read ------------------------------------

constexpr int kSlots = 8;
OutputDir::State g_slots[kSlots];

OutputDir::State* take_slot() {
  for (auto& s : g_slots) {
    bool free = false;
    if (s.in_use.compare_exchange_strong(free, true)) return &s;
  }
  return nullptr;  // more than kSlots folders open at once: no signal cleanup for this one
}

// ---- async-signal-safe removal ------------------------------------------------

struct Dirent64 {
  ino64_t d_ino;
  off64_t d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[1];
};

// Removes `name` in the folder `parent` (an fd): a file, a link, or a folder
// and everything in it. Never follows a link. Only system calls and stack
// buffers, so a signal handler may call it. Folders nest at most a few levels
// here (the private folder mirrors DIR/SITE/units/).
void remove_tree(int parent, const char* name, int depth = 0) noexcept {
  if (::unlinkat(parent, name, 0) == 0 || errno == ENOENT) return;
  if ((errno != EISDIR && errno != EPERM) || depth > 6) return;
  const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  alignas(8) char buf[2048];
  for (int pass = 0; pass < 4; ++pass) {  // again from the start: entries may move while removed
    bool any = false;
    ::lseek(fd, 0, SEEK_SET);
    for (long n; (n = ::syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0;) {
      for (long off = 0; off < n;) {
        const auto* d = reinterpret_cast<const Dirent64*>(buf + off);
        off += d->d_reclen;
        if (d->d_name[0] == '.' && (d->d_name[1] == 0 || (d->d_name[1] == '.' && d->d_name[2] == 0))) continue;
        any = true;
        remove_tree(fd, d->d_name, depth + 1);
      }
    }
    if (!any) break;
  }
  ::close(fd);
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

// Undoes an uncommitted run: its private folder, the lock file and the
// folders it created (only if empty). async-signal-safe.
void cleanup_state(OutputDir::State& s) noexcept {
  if (!s.active.load() || s.owner != ::getpid()) return;
  const int dfd = s.dir_fd.load();
  if (dfd >= 0 && s.priv_made.load()) remove_tree(dfd, s.priv);
  if (dfd >= 0 && s.lock_created.load()) ::unlinkat(dfd, kLockFileName, 0);
  char path[PATH_MAX];
  std::memcpy(path, s.dir_path, sizeof path);
  for (int k = s.created_levels.load(); k > 0; --k) {
    if (::rmdir(path) != 0) break;
    char* slash = std::strrchr(path, '/');
    if (!slash || slash == path) break;
    *slash = '\0';
  }
  s.active.store(false);
}

void reraise(int sig) noexcept {
  ::signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(sig);
}

void on_signal(int sig) {
  const int saved = errno;
  for (auto& s : g_slots)
    if (s.active.load() && s.committing.load() && s.owner == ::getpid()) {
      s.pending.store(sig);  // commit() raises it when the renames are done
      errno = saved;
      return;
    }
  output_cleanup_for_exit();
  reraise(sig);
  errno = saved;
}

// Installs on_signal for the signals that end a run, where their disposition
// is the default (an ignored SIGHUP under nohup stays ignored; a test
// framework's handler is left alone).
void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
      struct sigaction old = {};
      if (::sigaction(sig, nullptr, &old) != 0) continue;
      if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
      struct sigaction sa = {};
      sa.sa_handler = on_signal;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_RESTART;
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

// ---- names --------------------------------------------------------------------

// A relative name inside DIR without "", ".", ".." or a reserved ".rcmap"
// component.
bool safe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    const std::string part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == ".." || part.rfind(".rcmap", 0) == 0) return false;
    start = end + 1;
  }
  return true;
}

void check_name(const std::string& name) {
  if (!safe_name(name)) throw OutputError("invalid output file name '" + name + "'");
}

bool matches(const std::vector<std::string>& patterns, const std::string& name) {
  for (const auto& p : patterns)
    if (::fnmatch(p.c_str(), name.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0) return true;
  return false;
}

bool has_wildcard(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

std::string join(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Opens the folder `rel` ("a/b", "" for `base` itself) below `base`, each
// component with O_NOFOLLOW (a link planted as a subfolder is not followed).
// With `created`, missing folders are made (mode 0777 & ~umask) and their
// names appended. -1 (errno set) on failure.
int open_folder_at(int base, const std::string& rel, std::vector<std::string>* created = nullptr) {
  int fd = ::fcntl(base, F_DUPFD_CLOEXEC, 0);
  std::size_t start = 0;
  while (fd >= 0 && start < rel.size()) {
    std::size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    const std::string part = rel.substr(start, end - start);
    int next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0 && errno == ENOENT && created) {
      if (::mkdirat(fd, part.c_str(), 0777) == 0) created->push_back(rel.substr(0, end));
      next = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    const int e = errno;
    ::close(fd);
    errno = e;
    fd = next;
    start = end + 1;
  }
  return fd;
}

std::string parent_of(const std::string& rel) {
  const auto k = rel.rfind('/');
  return k == std::string::npos ? std::string() : rel.substr(0, k);
}
std::string base_of(const std::string& rel) {
  const auto k = rel.rfind('/');
  return k == std::string::npos ? rel : rel.substr(k + 1);
}

// Names in the folder `fd` (not . and ..), with whether each is a folder
// (d_type, else lstat).
std::vector<std::pair<std::string, bool>> list_folder(int fd) {
  std::vector<std::pair<std::string, bool>> out;
  const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return out;
  DIR* d = ::fdopendir(copy);
  if (!d) {
    ::close(copy);
    return out;
  }
  ::rewinddir(d);  // the copy shares its offset with `fd`: an earlier listing left it at the end
  while (const dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n == "." || n == "..") continue;
    bool folder = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      folder = ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    out.emplace_back(n, folder);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// A temporary or backup file of rcmap before version 0.2 (".NAME.tmp-PID",
// ".NAME.old-PID").
bool legacy_temp(const std::string& n) {
  if (n.size() < 8 || n[0] != '.') return false;
  const std::size_t k = n.rfind('-');
  if (k == std::string::npos || k + 1 >= n.size() || k < 5) return false;
  const std::string kind = n.substr(k - 4, 4), digits = n.substr(k + 1);
  return (kind == ".tmp" || kind == ".old") && digits.size() <= 9 &&
         digits.find_first_not_of("0123456789") == std::string::npos;
}

void remove_legacy_temps(int fd) {
  for (const auto& [n, folder] : list_folder(fd))
    if (!folder && legacy_temp(n)) ::unlinkat(fd, n.c_str(), 0);
}

std::string random_suffix() {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[16];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw OutputError(std::string("cannot get random bytes for a temporary name: ") + why());
    got += static_cast<std::size_t>(n);
  }
  std::string s;
  for (unsigned char b : bytes) s += kChars[b % 36];
  return s;
}

// Creates `dir` and its missing parents like mkdir -p; returns how many
// folders were created (the last ones of the path).
int create_folders(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) throw OutputError("cannot create output folder " + dir + ": a file of that name exists");
    return 0;
  }
  std::vector<std::string> missing;
  fs::path p = fs::path(dir).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  for (fs::path q = p; !q.empty(); q = q.parent_path()) {
    if (::stat(q.c_str(), &st) == 0) break;
    missing.push_back(q.string());
    if (q == q.parent_path()) break;
  }
  int made = 0;
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0777) == 0)
      ++made;
    else if (errno != EEXIST)
      throw OutputError("cannot create output folder " + dir + ": " + why());
  }
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw OutputError("output path " + dir + " is not a folder");
  return made;
}

// A stream buffer writing to a file descriptor; remembers the first error.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  int error() const { return error_; }
  bool drain() {
    const char* p = pbase();
    while (p < pptr() && !error_) {
      const ssize_t w = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0)
        error_ = w < 0 ? errno : EIO;
      else
        p += w;
    }
    setp(buf_, buf_ + sizeof buf_);
    return !error_;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  int fd_, error_ = 0;
  char buf_[1 << 16];
};

const char kManifestHeader[] =
    "# rcmap: files that rcmap runs wrote into this folder; a rerun removes those it does not rewrite "
    "(README \"Leftovers of earlier runs\")\n";

}  // namespace

void output_cleanup_for_exit() noexcept {
  for (auto& s : g_slots) cleanup_state(s);
}

std::FILE* open_output_file(const std::string& path) {
  // O_NONBLOCK: opening a FIFO for writing must not wait for a reader.
  const int flags = O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
  int fd = ::open(path.c_str(), flags);
  if (fd < 0 && errno == ENOENT) fd = ::open(path.c_str(), flags | O_CREAT | O_EXCL, 0666);
  if (fd < 0) return nullptr;
  struct stat st;
  int e = 0;
  if (::fstat(fd, &st) != 0)
    e = errno;
  else if (!S_ISREG(st.st_mode))
    e = EINVAL;
  else if (::ftruncate(fd, 0) != 0 || ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
    e = errno;
  if (e) {
    ::close(fd);
    errno = e;
    return nullptr;
  }
  std::FILE* f = ::fdopen(fd, "wb");
  if (!f) {
    const int e = errno;
    ::close(fd);
    errno = e;
  }
  return f;
}

OutputDir::OutputDir(std::string dir) : OutputDir(std::move(dir), OutputOptions{}) {}

OutputDir::OutputDir(std::string dir, OutputOptions options) : dir_(std::move(dir)), opt_(std::move(options)) {
  for (const auto& [role, path] : opt_.inputs.files) {
    Identity id{0, 0, role, path, {}};
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) {
      id.dev = st.st_dev;
      id.ino = st.st_ino;
    } else {
      std::error_code ec;
      id.canonical = fs::weakly_canonical(path, ec).string();
    }
    inputs_.push_back(std::move(id));
  }
  check_early();  // before anything is created
  state_ = take_slot();
  if (!state_) {
    state_ = new State;
    state_owned_ = true;
  }
  const std::string normal = fs::path(dir_).lexically_normal().string();
  if (normal.size() >= sizeof state_->dir_path) {
    release();
    throw OutputError("output folder name too long: " + dir_);
  }
  std::memset(state_->dir_path, 0, sizeof state_->dir_path);
  std::memcpy(state_->dir_path, normal.data(), normal.size());
  if (normal.size() > 1 && state_->dir_path[normal.size() - 1] == '/') state_->dir_path[normal.size() - 1] = '\0';
  state_->owner = ::getpid();
  state_->created_levels = 0;
  state_->lock_created = false;
  state_->priv_made = false;
  state_->committing = false;
  state_->pending = 0;
  state_->dir_fd = -1;
  state_->active = true;
  install_handlers();
  try {
    open_folder();
    clean_stale();
    read_manifest();
    for (int attempt = 0;; ++attempt) {
      priv_ = kTempPrefix + random_suffix();
      if (::mkdirat(dir_fd_, priv_.c_str(), 0700) == 0) break;
      if (errno != EEXIST || attempt > 8)
        throw OutputError("cannot create a temporary folder in " + dir_ + ": " + why());
    }
    std::memcpy(state_->priv, priv_.c_str(), priv_.size() + 1);
    state_->priv_made = true;
    priv_fd_ = ::openat(dir_fd_, priv_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (priv_fd_ < 0) throw OutputError("cannot open " + join(dir_, priv_) + ": " + why());
  } catch (...) {
    release();
    throw;
  }
}

// Takes the lock: creates DIR if needed, opens DIR/.rcmap.lock (never
// following a link, never blocking on a FIFO) and flocks it. A run that
// failed may have removed the lock file, or DIR, after this run opened them:
// then the lock is taken again on the current ones.
void OutputDir::open_folder() {
  const std::string lock_path = join(dir_, kLockFileName);
  for (int attempt = 0;; ++attempt) {
    state_->created_levels = state_->created_levels + create_folders(dir_);
    dir_fd_ = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    state_->dir_fd = dir_fd_;
    if (dir_fd_ < 0) throw OutputError("cannot open output folder " + dir_ + ": " + why());
    if (::access(dir_.c_str(), W_OK) != 0) throw OutputError("cannot write to output folder " + dir_ + ": " + why());
    bool created = false;
    const int flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    lock_fd_ = ::openat(dir_fd_, kLockFileName, O_RDWR | O_CREAT | O_EXCL | flags, 0666);
    if (lock_fd_ >= 0)
      created = true;
    else if (errno == EEXIST) {
      lock_fd_ = ::openat(dir_fd_, kLockFileName, O_RDWR | flags);
      if (lock_fd_ < 0 && errno == EACCES) lock_fd_ = ::openat(dir_fd_, kLockFileName, O_RDONLY | flags);
    }
    if (lock_fd_ < 0)
      throw OutputError("cannot open the lock file " + lock_path + ": " +
                        (errno == ELOOP ? "it is a symbolic link" : why()));
    struct stat mine;
    if (::fstat(lock_fd_, &mine) != 0 || !S_ISREG(mine.st_mode))
      throw OutputError("the lock file " + lock_path + " is not a regular file; remove it");
    int r;
    while ((r = ::flock(lock_fd_, LOCK_EX | (opt_.wait ? 0 : LOCK_NB))) != 0 && errno == EINTR) {
    }
    if (r != 0) {
      const int e = errno;
      state_->created_levels = 0;  // another run's folder now: leave it alone
      if (e == EWOULDBLOCK)
        throw OutputError(dir_ + " is in use by another rcmap run (lock file " + lock_path +
                          "); run again when it has finished, or use --wait");
      throw OutputError("cannot lock " + lock_path + ": " + why(e));
    }
    struct stat named, folder_fd, folder_named;
    const bool same = ::fstatat(dir_fd_, kLockFileName, &named, AT_SYMLINK_NOFOLLOW) == 0 &&
                      named.st_dev == mine.st_dev && named.st_ino == mine.st_ino && ::fstat(dir_fd_, &folder_fd) == 0 &&
                      ::stat(dir_.c_str(), &folder_named) == 0 && folder_fd.st_dev == folder_named.st_dev &&
                      folder_fd.st_ino == folder_named.st_ino;
    if (same) {
      state_->lock_created = created;
      return;
    }
    ::close(lock_fd_);
    ::close(dir_fd_);
    lock_fd_ = dir_fd_ = -1;
    state_->dir_fd = -1;
    if (attempt > 100) throw OutputError("cannot lock " + lock_path + ": it keeps being replaced");
  }
}

// With the lock held no other rcmap run writes here: every private
// temporary folder is a killed run's. Also removes the temporary files of
// rcmap before 0.2 in DIR and in the subfolders rcmap writes (SITE/,
// units/, SITE/units/).
void OutputDir::clean_stale() {
  for (const auto& [n, folder] : list_folder(dir_fd_)) {
    if (n.rfind(kTempPrefix, 0) == 0) {
      remove_tree(dir_fd_, n.c_str());
    } else if (folder && n[0] != '.') {
      const int sub = open_folder_at(dir_fd_, n);
      if (sub < 0) continue;
      remove_legacy_temps(sub);
      const int units = open_folder_at(sub, "units");
      if (units >= 0) {
        remove_legacy_temps(units);
        ::close(units);
      }
      ::close(sub);
    }
  }
  remove_legacy_temps(dir_fd_);
}

// DIR/.rcmap-outputs, if it is rcmap's (a regular file starting with the
// header). Without one, a folder holding an rcmap summary.json is taken to
// be rcmap's results from before the manifest existed: its figures and
// reports (scope names ending in .png, .svg or .pdf, outside site folders)
// count as earlier outputs.
void OutputDir::read_manifest() {
  auto read_small = [&](const char* name, std::string& text) {
    const int fd = ::openat(dir_fd_, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (64 << 20);
    char buf[65536];
    for (ssize_t n; ok && (n = ::read(fd, buf, sizeof buf)) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        ok = false;
      else
        text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return ok;
  };
  std::string text;
  if (read_small(kManifestName, text) && text.rfind(kManifestHeader, 0) == 0) {
    manifest_found_ = true;
    std::size_t start = sizeof kManifestHeader - 1;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      if (safe_name(line)) earlier_.push_back(line);
      start = end + 1;
    }
    return;
  }
  std::string summary;
  if (!read_small("summary.json", summary) || summary.find("\"rcmap_version\"") == std::string::npos) return;
  for (const auto& p : opt_.scope) {
    const std::string ext = p.size() > 4 ? p.substr(p.size() - 4) : "";
    if (ext != ".png" && ext != ".svg" && ext != ".pdf") continue;
    if (has_wildcard(parent_of(p))) continue;
    if (!has_wildcard(base_of(p))) {
      earlier_.push_back(p);
      continue;
    }
    const int fd = open_folder_at(dir_fd_, parent_of(p));
    if (fd < 0) continue;
    for (const auto& [n, folder] : list_folder(fd))
      if (!folder && ::fnmatch(base_of(p).c_str(), n.c_str(), FNM_PERIOD) == 0)
        earlier_.push_back(parent_of(p).empty() ? n : parent_of(p) + "/" + n);
    ::close(fd);
  }
}

// An input at the final name `name` (the same file by device and inode,
// following links, or the same path) cannot be overwritten: UsageError.
void OutputDir::check_identity(const std::string& name) const {
  if (inputs_.empty()) return;
  const std::string full = join(dir_, name);
  struct stat st;
  const bool exists = ::stat(full.c_str(), &st) == 0;
  std::string canonical;
  for (const auto& in : inputs_) {
    bool same = exists && in.canonical.empty() && st.st_dev == in.dev && st.st_ino == in.ino;
    if (!same && !in.canonical.empty()) {
      if (canonical.empty()) {
        std::error_code ec;
        canonical = fs::weakly_canonical(full, ec).string();
      }
      same = canonical == in.canonical;
    }
    if (same)
      throw UsageError(opt_.out_label + " " + dir_ + " would overwrite the input " + in.path + " (results file " +
                       full + "); " + opt_.advice);
  }
}

// Every planned name that exists now (names with a wildcard in the last
// component: every match in that folder) against the inputs. Names under a
// wildcard folder ("*/ties.csv", one per site) are checked by temp_path.
void OutputDir::check_early() const {
  if (inputs_.empty()) return;
  for (const auto& p : opt_.plan) {
    const std::string parent = parent_of(p), base = base_of(p);
    if (has_wildcard(parent)) continue;
    if (!has_wildcard(base)) {
      check_identity(p);
      continue;
    }
    const std::string folder = join(dir_, parent);
    DIR* d = ::opendir(folder.c_str());
    if (!d) continue;
    std::vector<std::string> found;
    while (const dirent* e = ::readdir(d))
      if (::fnmatch(base.c_str(), e->d_name, FNM_PERIOD) == 0) found.push_back(e->d_name);
    ::closedir(d);
    for (const auto& n : found) check_identity(parent.empty() ? n : parent + "/" + n);
  }
}

int OutputDir::create_temp(const std::string& name, std::string& path) {
  if (committed_ || priv_fd_ < 0) throw std::logic_error("OutputDir: " + name + " reserved after commit()");
  check_name(name);
  if (!opt_.plan.empty() && !matches(opt_.plan, name))
    throw std::logic_error("OutputDir: output name '" + name + "' is not among the names this command declares");
  if (std::find(names_.begin(), names_.end(), name) != names_.end())
    throw std::logic_error("OutputDir: output name '" + name + "' reserved twice");
  check_identity(name);
  path = join(join(dir_, priv_), name);
  std::vector<std::string> made;
  const int parent = open_folder_at(priv_fd_, parent_of(name), &made);
  if (parent < 0) throw OutputError("cannot create " + path + ": " + why());
  const int fd = ::openat(parent, base_of(name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  const int e = errno;
  ::close(parent);
  if (fd < 0) throw OutputError("cannot create " + path + ": " + why(e));
  names_.push_back(name);
  temps_.push_back(path);
  return fd;
}

std::string OutputDir::temp_path(const std::string& name) {
  std::string path;
  ::close(create_temp(name, path));
  return path;
}

void OutputDir::write(const std::string& name, const std::function<void(std::ostream&)>& fill) {
  std::string path;
  const int fd = create_temp(name, path);
  int error = 0;
  try {
    FdBuf buf(fd);
    std::ostream out(&buf);
    fill(out);
    out.flush();
    buf.drain();
    error = buf.error();
    if (!error && !out) error = EIO;
  } catch (...) {
    ::close(fd);
    throw;
  }
  // A full disk or a file-size limit shows up here (write or close fails);
  // no fsync: a killed process loses nothing the kernel already has.
  if (::close(fd) != 0 && !error) error = errno;
  if (error) throw OutputError("cannot write " + join(dir_, name) + ": " + why(error));
}

// Earlier outputs to remove: listed, in this command's scope, not written
// by this run, still a regular file under that name, and not an input.
std::vector<std::string> OutputDir::leftovers() const {
  std::vector<std::string> out;
  const std::set<std::string> written(names_.begin(), names_.end());
  for (const auto& e : earlier_) {
    if (written.count(e) || !matches(opt_.scope, e)) continue;
    const int parent = open_folder_at(dir_fd_, parent_of(e));
    if (parent < 0) continue;
    struct stat st;
    const bool file = ::fstatat(parent, base_of(e).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
    ::close(parent);
    if (!file) continue;
    bool input = false;
    for (const auto& in : inputs_) input |= in.canonical.empty() && in.dev == st.st_dev && in.ino == st.st_ino;
    if (!input) out.push_back(e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Moves everything into place. Before the renames each existing final file
// is hard-linked into the private folder (linkat does not follow a link); if
// a rename fails, the files already replaced are restored from these links
// (or removed if they did not exist), so DIR keeps the complete earlier set.
// Leftovers are moved into the private folder too and only deleted with it
// once the manifest is in place. Signals wait until this is done.
void OutputDir::commit() {
  if (committed_) throw std::logic_error("OutputDir::commit() called twice");
  struct Guard {
    State& s;
    explicit Guard(State& st) : s(st) { s.committing = true; }
    ~Guard() {
      s.committing = false;
      if (const int sig = s.pending.exchange(0)) {
        output_cleanup_for_exit();
        reraise(sig);
      }
    }
  } guard(*state_);

  const std::size_t n = names_.size();
  std::vector<int> parent(n, -1);
  std::vector<std::string> made;  // final subfolders created here
  enum class Before { absent, backed_up, unknown };
  std::vector<Before> before(n, Before::unknown);
  auto close_all = [&] {
    for (int& fd : parent)
      if (fd >= 0) ::close(fd), fd = -1;
  };
  auto remove_made = [&] {
    for (auto it = made.rbegin(); it != made.rend(); ++it) ::unlinkat(dir_fd_, it->c_str(), AT_REMOVEDIR);
  };
  const std::string bak = ".rcmap-backup", gone = ".rcmap-removed";
  if (::mkdirat(priv_fd_, bak.c_str(), 0700) != 0 || ::mkdirat(priv_fd_, gone.c_str(), 0700) != 0)
    throw OutputError("cannot create " + join(join(dir_, priv_), bak) + ": " + why());
  const int bak_fd = open_folder_at(priv_fd_, bak), gone_fd = open_folder_at(priv_fd_, gone);
  struct Closer {
    int a, b;
    ~Closer() {
      if (a >= 0) ::close(a);
      if (b >= 0) ::close(b);
    }
  } closer{bak_fd, gone_fd};
  if (bak_fd < 0 || gone_fd < 0) throw OutputError("cannot open a temporary folder in " + dir_ + ": " + why());

  for (std::size_t i = 0; i < n; ++i) {
    parent[i] = open_folder_at(dir_fd_, parent_of(names_[i]), &made);
    if (parent[i] < 0) {
      const bool blocked = errno == ENOTDIR || errno == ELOOP;
      const std::string msg = "cannot create folder " + join(dir_, parent_of(names_[i])) + ": " +
                              (blocked ? "a file or link of that name is in the way" : why());
      close_all();
      remove_made();
      throw OutputError(msg);
    }
    const std::string b = std::to_string(i);
    if (::linkat(parent[i], base_of(names_[i]).c_str(), bak_fd, b.c_str(), 0) == 0)
      before[i] = Before::backed_up;
    else if (errno == ENOENT)
      before[i] = Before::absent;
    // else: no hard links on this file system; that file cannot be rolled back.
  }
  auto roll_back = [&](std::size_t upto) {
    for (std::size_t j = 0; j < upto; ++j) {
      const std::string b = std::to_string(j);
      if (before[j] == Before::backed_up)
        ::renameat(bak_fd, b.c_str(), parent[j], base_of(names_[j]).c_str());
      else if (before[j] == Before::absent)
        ::unlinkat(parent[j], base_of(names_[j]).c_str(), 0);
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (::renameat(priv_fd_, names_[i].c_str(), parent[i], base_of(names_[i]).c_str()) != 0) {
      const std::string msg = "cannot move " + temps_[i] + " to " + join(dir_, names_[i]) + ": " + why();
      roll_back(i);
      close_all();
      remove_made();
      throw OutputError(msg);
    }
  }
  close_all();

  // Leftovers of earlier runs, into the private folder.
  std::vector<std::string> moved;
  for (const auto& e : leftovers()) {
    const int p = open_folder_at(dir_fd_, parent_of(e));
    if (p < 0) continue;
    if (::renameat(p, base_of(e).c_str(), gone_fd, std::to_string(moved.size()).c_str()) == 0) moved.push_back(e);
    ::close(p);
  }
  auto put_back = [&] {
    for (std::size_t k = 0; k < moved.size(); ++k) {
      const int p = open_folder_at(dir_fd_, parent_of(moved[k]));
      if (p < 0) continue;
      ::renameat(gone_fd, std::to_string(k).c_str(), p, base_of(moved[k]).c_str());
      ::close(p);
    }
  };

  // The manifest: this run's files and the earlier ones still there.
  std::set<std::string> listed(names_.begin(), names_.end());
  const std::set<std::string> removed(moved.begin(), moved.end());
  for (const auto& e : earlier_) {
    if (listed.count(e) || removed.count(e) || !manifest_found_) continue;
    const int p = open_folder_at(dir_fd_, parent_of(e));
    if (p < 0) continue;
    struct stat st;
    if (::fstatat(p, base_of(e).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) listed.insert(e);
    ::close(p);
  }
  std::string text = kManifestHeader;
  for (const auto& e : listed) text += e + "\n";
  std::string failure;
  const int mfd = ::openat(priv_fd_, kManifestName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (mfd < 0) failure = why();
  for (std::size_t done = 0; mfd >= 0 && failure.empty() && done < text.size();) {
    const ssize_t w = ::write(mfd, text.data() + done, text.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0)
      failure = w < 0 ? why() : why(EIO);
    else
      done += static_cast<std::size_t>(w);
  }
  if (mfd >= 0 && ::close(mfd) != 0 && failure.empty()) failure = why();
  if (failure.empty() && ::renameat(priv_fd_, kManifestName, dir_fd_, kManifestName) != 0) failure = why();
  if (!failure.empty()) {
    put_back();
    for (std::size_t i = 0; i < n; ++i) parent[i] = open_folder_at(dir_fd_, parent_of(names_[i]));
    roll_back(n);
    close_all();
    remove_made();
    throw OutputError("cannot write " + join(dir_, kManifestName) + ": " + failure);
  }

  committed_ = true;
  state_->active = false;  // nothing left for a signal handler to undo
  remove_tree(dir_fd_, priv_.c_str());
  // Folders emptied by removing leftovers (SITE/units, then SITE).
  std::set<std::string> folders;
  for (const auto& e : moved)
    for (std::string p = parent_of(e); !p.empty(); p = parent_of(p)) folders.insert(p);
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) ::unlinkat(dir_fd_, it->c_str(), AT_REMOVEDIR);
  removed_ = moved;
  if (!opt_.quiet && !moved.empty()) {
    constexpr std::size_t kShown = 20;
    for (std::size_t k = 0; k < moved.size() && k < kShown; ++k)
      std::cerr << opt_.command << ": note: removed " << join(dir_, moved[k])
                << ", an earlier output this run did not write\n";
    if (moved.size() > kShown)
      std::cerr << opt_.command << ": note: ... and " << moved.size() - kShown << " more earlier outputs removed\n";
  }
}

// Undoes an uncommitted run (as the signal handlers do) and releases the lock.
void OutputDir::release() noexcept {
  if (state_) {
    if (!committed_) cleanup_state(*state_);
    state_->active = false;
  }
  if (priv_fd_ >= 0) ::close(priv_fd_);
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
  if (dir_fd_ >= 0) ::close(dir_fd_);
  priv_fd_ = lock_fd_ = dir_fd_ = -1;
  if (state_) {
    state_->dir_fd = -1;
    if (state_owned_)
      delete state_;
    else
      state_->in_use = false;
    state_ = nullptr;
  }
}

OutputDir::~OutputDir() { release(); }

}  // namespace rcmap
