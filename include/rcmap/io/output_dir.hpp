#pragma once
// All-or-nothing output into a results folder DIR (docs/outputs.md "Output safety").
//
// - One writer per folder: the constructor takes an exclusive flock(2) on
//   DIR/.rcmap.lock (kept in DIR, empty) for the object's lifetime; a second
//   run gets OutputError "DIR is in use by another rcmap run" at once (exit
//   3), or waits with OutputOptions::wait.
// - Inputs are never overwritten: before anything is created in DIR, every
//   existing file this run may write (OutputOptions::plan) is compared with
//   every input by device and inode (stat(2), so symbolic and hard links
//   count) and by name; a match is a UsageError (exit 1). temp_path() checks
//   each name again when it is reserved.
// - Temporary files live in a private folder DIR/.rcmap-tmp-XXXXXXXXXXXXXXXX
//   (mode 0700, random name, created with mkdir, which never follows a
//   link); each is created with O_CREAT|O_EXCL|O_NOFOLLOW. commit() renames
//   them to their final names (rename(2) replaces a link or FIFO at the final
//   name, it does not write through it), so every final output is a regular
//   file written by this run. If a rename fails, the files already moved are
//   restored from hard-link backups.
// - Stale temporary folders of killed runs are removed only while the lock is
//   held (then no other run can be writing), never by guessing from PIDs.
// - SIGINT, SIGTERM, SIGHUP and SIGPIPE (where their disposition is the
//   default) remove this run's temporary files, and the folders and lock file
//   this run created, then end the process with that signal; during commit()
//   the signal waits until the renames are done. The SIGBUS handler for
//   shortened inputs (file_bytes.cpp) calls output_cleanup_for_exit() first.
// - Leftovers: DIR/.rcmap-outputs lists the files rcmap wrote into DIR.
//   commit() removes the listed files this run did not rewrite whose names
//   match OutputOptions::scope (and that are not inputs), and lists them on
//   stderr unless quiet; see docs/outputs.md "Leftovers of earlier runs".
#include <cstdio>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace rcmap {

// The files a command reads, with the role named in messages ("units").
struct InputFiles {
  std::vector<std::pair<std::string, std::string>> files;  // role, path
  // Adds `path` unless it is empty.
  void add(const std::string& role, const std::string& path) {
    if (!path.empty()) files.emplace_back(role, path);
  }
};

struct OutputOptions {
  InputFiles inputs;
  // Names this run may write, relative to DIR: exact names or fnmatch(3)
  // patterns ('*' within one path component, e.g. "units/*.png",
  // "*/ties.csv"). temp_path() refuses any other name (a bug: logic_error).
  // Empty: any name (library use and tests).
  std::vector<std::string> plan;
  // Names of earlier outputs this command replaces: listed files matching
  // one of these and not written by this run are removed by commit().
  std::vector<std::string> scope;
  // In the refusal message: the option naming DIR and what to do instead.
  std::string out_label = "--out", advice = "choose another --out folder";
  bool wait = false;              // block until another run's lock is released
  bool quiet = false;             // no notes about removed leftovers
  std::string command = "rcmap";  // message prefix for notes ("rcmap analyze")
};

class OutputDir {
 public:
  // Creates `dir` (and parents) if needed, takes the folder's lock and
  // removes stale temporary files. Throws OutputError (cannot write, folder
  // in use) or UsageError (an input would be overwritten).
  explicit OutputDir(std::string dir);
  OutputDir(std::string dir, OutputOptions options);
  // Unless committed: removes this run's temporary files and the folders and
  // lock file it created; releases the lock.
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::string& dir() const { return dir_; }
  // Reserves `name` (a file name inside dir, may contain '/' for a subfolder),
  // creates its temporary file (empty, mode 0666 & ~umask) and returns its
  // path, for writers that need a path: open it with open_output_file(), or
  // a library's fopen(3) (the private folder is the user's own, mode 0700).
  std::string temp_path(const std::string& name);
  // Writes `name` through a stream; checks the stream and flushes to disk.
  void write(const std::string& name, const std::function<void(std::ostream&)>& fill);
  // Renames every temporary file to its final name, removes leftovers (see
  // above) and writes DIR/.rcmap-outputs. Throws OutputError (then DIR holds
  // its earlier files).
  void commit();
  const std::vector<std::string>& names() const { return names_; }
  // Relative names of the earlier outputs commit() removed.
  const std::vector<std::string>& removed() const { return removed_; }

  struct State;  // shared with the signal handlers (output_dir.cpp)

 private:
  int create_temp(const std::string& name, std::string& path);
  void check_identity(const std::string& name) const;
  void check_early() const;
  void open_folder();
  void clean_stale();
  void read_manifest();
  std::vector<std::string> leftovers() const;
  void release() noexcept;

  std::string dir_;
  OutputOptions opt_;
  std::vector<std::string> names_, temps_, removed_;
  std::vector<std::string> earlier_;  // manifest entries (or legacy names) of earlier runs
  bool manifest_found_ = false;
  struct Identity {
    unsigned long long dev, ino;
    std::string role, path, canonical;
  };
  std::vector<Identity> inputs_;
  State* state_ = nullptr;  // a slot of the signal handlers' table, or owned
  bool state_owned_ = false;
  int dir_fd_ = -1, lock_fd_ = -1, priv_fd_ = -1;
  std::string priv_;  // name of the private temporary folder in dir
  bool committed_ = false;
};

// Opens `path` for writing ("wb") without following a link: the regular file
// there (a temporary file made by OutputDir::temp_path), truncated, else a
// new file created with O_EXCL. A link, FIFO or other non-regular file at
// `path` fails (ELOOP, EINVAL) rather than being written through. nullptr
// (errno set) on failure.
std::FILE* open_output_file(const std::string& path);

// For fatal-signal handlers that end the process with _exit (async-signal-
// safe): what ~OutputDir would do for every OutputDir not yet committed.
void output_cleanup_for_exit() noexcept;

// The file names rcmap keeps in a results folder besides the outputs.
inline constexpr const char* kLockFileName = ".rcmap.lock";
inline constexpr const char* kManifestName = ".rcmap-outputs";
inline constexpr const char* kTempPrefix = ".rcmap-tmp-";

}  // namespace rcmap
