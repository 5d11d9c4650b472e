#pragma once
// One piece of work run on a second thread when the system lets rcmap start
// one, else in place (std::thread throws std::system_error under a thread
// limit, e.g. a container's pids.max): the result is the same either way.
// The caller does its own half meanwhile and then calls join(). Internal to
// rcmap_core; never used around igraph calls (igraph is not thread-safe in
// Debian's build).
#include <system_error>
#include <thread>

namespace rcmap::detail {

class SideTask {
 public:
  // `task` must outlive join() (it is referred to, not copied). With
  // aside = false it runs in place at once (work too small for a thread).
  template <class F>
  explicit SideTask(F& task, bool aside = true) {
    if (aside) {
      try {
        thread_ = std::thread([&task] { task(); });
        return;
      } catch (const std::system_error&) {
      }
    }
    task();
  }
  SideTask(const SideTask&) = delete;
  SideTask& operator=(const SideTask&) = delete;
  ~SideTask() { join(); }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace rcmap::detail
