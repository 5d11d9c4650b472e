#include "figure_module.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "rcmap/version.hpp"

#ifndef RCMAP_FIGURE_MODULE_RELDIR
#define RCMAP_FIGURE_MODULE_RELDIR "../lib/rcmap"
#endif
#ifndef RCMAP_FIGURE_MODULE_BUILD_DIR
#define RCMAP_FIGURE_MODULE_BUILD_DIR ""
#endif

namespace rcmap::cli {

namespace {

constexpr const char* kModuleName = "rcmap-figures.so";

std::string executable_dir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// Folders to look in, in order: the executable's (the build tree), LIBDIR/rcmap
// beside it (an installation, any prefix), the build tree it was built in.
std::vector<std::string> module_dirs() {
  std::vector<std::string> dirs;
  if (auto d = executable_dir(); !d.empty()) {
    dirs.push_back(d);
    dirs.push_back(d + "/" + RCMAP_FIGURE_MODULE_RELDIR);
  }
  if (*RCMAP_FIGURE_MODULE_BUILD_DIR) dirs.push_back(RCMAP_FIGURE_MODULE_BUILD_DIR);
  std::vector<std::string> unique;
  for (auto& d : dirs)
    if (std::find(unique.begin(), unique.end(), d) == unique.end()) unique.push_back(std::move(d));
  return unique;
}

std::vector<std::string> candidate_paths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("RCMAP_FIGURE_MODULE"); env && *env) {
    paths.push_back(env);  // given: the only place tried
  } else {
    for (const auto& dir : module_dirs()) paths.push_back(dir + "/" + kModuleName);
  }
  return paths;
}

const FigureModule* load(std::string& tried) {
  for (const auto& path : candidate_paths()) {
    if (::access(path.c_str(), F_OK) != 0) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char* e = ::dlerror();
      tried += "\n  " + path + ": " + (e ? e : "cannot load");
      continue;
    }
    auto entry = reinterpret_cast<const FigureModule* (*)()>(::dlsym(h, "rcmap_figure_module"));
    const FigureModule* m = entry ? entry() : nullptr;
    if (m && std::strcmp(m->version, kVersion) == 0 && m->layout == kFigureModuleLayout) return m;  // kept loaded
    tried += "\n  " + path + ": from another rcmap build" + (m ? std::string(" (") + m->version + ")" : "");
    ::dlclose(h);
  }
  return nullptr;
}

}  // namespace

namespace {
struct Loader {
  std::mutex m;
  bool started = false;
  std::thread thread;
  const FigureModule* module = nullptr;
  std::string tried;
  ~Loader() {  // an error thrown while the module loads: wait for it before exit
    if (thread.joinable()) thread.join();
  }
};
Loader& loader() {
  static Loader l;
  return l;
}
[[noreturn]] void cannot_load(const std::string& tried) {
  throw OutputError(std::string("cannot load the figure module ") + kModuleName +
                    ", which draws figures and report.pdf; tried:" + tried +
                    "\n  Keep it beside the rcmap executable (cmake --install installs both), or use --no-render");
}
}  // namespace

void figure_module_start() {
  Loader& l = loader();
  std::lock_guard<std::mutex> lk(l.m);
  if (l.started) return;
  l.started = true;
  const std::vector<std::string> paths = candidate_paths();
  if (std::none_of(paths.begin(), paths.end(), [](const std::string& p) { return ::access(p.c_str(), F_OK) == 0; })) {
    l.module = load(l.tried);  // names every place tried
    cannot_load(l.tried);
  }
  try {
    l.thread = std::thread([&l] {
      l.module = load(l.tried);
      if (l.module) l.module->prepare();  // fontconfig's files, while the input is read
    });
  } catch (const std::system_error&) {
    l.module = load(l.tried);
  }
}

const FigureModule& figure_module() {
  Loader& l = loader();
  std::lock_guard<std::mutex> lk(l.m);
  if (!l.started) {
    l.started = true;
    l.module = load(l.tried);
  }
  if (l.thread.joinable()) l.thread.join();
  if (!l.module) cannot_load(l.tried);
  return *l.module;
}

}  // namespace rcmap::cli
