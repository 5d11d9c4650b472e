#pragma once
// All-or-nothing output: every file is written under a temporary name in the
// output folder and renamed into place only after all files were written, so
// a failed run leaves no half-written file under a final name and earlier
// results survive (rename(2) is atomic within a file system). If a rename
// fails, files already moved are restored from hard-link backups. Temporary
// files of rcmap runs that were killed (".NAME.tmp-PID", ".NAME.old-PID" of
// a process that no longer exists) are removed when a folder is next used.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace rcmap {

class OutputDir {
 public:
  // Creates `dir` (and parents) if needed. Throws OutputError.
  explicit OutputDir(std::string dir);
  ~OutputDir();  // removes temporary files not committed
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::string& dir() const { return dir_; }
  // Reserves `name` (a plain file name inside dir, may contain '/' for a
  // subfolder) and returns the temporary path to write it to.
  std::string temp_path(const std::string& name);
  // Writes `name` through a stream; checks the stream and flushes to disk.
  void write(const std::string& name, const std::function<void(std::ostream&)>& fill);
  // Renames every temporary file to its final name. Throws OutputError.
  void commit();
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::string dir_;
  std::vector<std::string> names_, temps_;
  bool committed_ = false;
};

}  // namespace rcmap
