#pragma once
// The tests' one way to a temporary folder. Names come from mkdtemp, so they
// are unique across processes (CTest runs test cases in parallel) and never a
// fixed name another run could hold.
//  - TempDir: a folder of one test, removed with its contents (write
//    permission restored first) when it goes out of scope;
//  - fresh_path(name): a path that does not exist yet, inside this process's
//    own folder (removed at exit), for a test that lets rcmap create it.
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace rcmap::test {

namespace detail {
inline std::filesystem::path make_unique_dir(const std::string& tag) {
  std::string pattern = (std::filesystem::temp_directory_path() / ("rcmap-" + tag + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return pattern;
}
inline void remove_tree(const std::filesystem::path& p) {
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec))
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add,
                                   ec);
  std::filesystem::permissions(p, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
  std::filesystem::remove_all(p, ec);
}
}  // namespace detail

class TempDir {
 public:
  explicit TempDir(const std::string& tag = "test") : path(detail::make_unique_dir(tag)) {}
  ~TempDir() { detail::remove_tree(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& s) const { return (path / s).string(); }
  std::string str() const { return path.string(); }

  const std::filesystem::path path;
};

// A path named `name` that does not exist (anything there is removed), in a
// folder of this process's own.
inline std::string fresh_path(const std::string& name) {
  static const TempDir root("tests");
  const std::filesystem::path p = root.path / name;
  detail::remove_tree(p);
  return p.string();
}

}  // namespace rcmap::test
