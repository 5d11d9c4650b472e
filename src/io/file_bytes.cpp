#include "file_bytes.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "rcmap/io/output_dir.hpp"

namespace rcmap {

namespace {

// Mapped files the SIGBUS handler knows about: address range and path,
// published with release stores so the handler (async-signal-safe: atomic
// loads and write(2) only) sees whole entries.
constexpr int kSlots = 16;
constexpr std::size_t kPathMax = 512;
struct Slot {
  std::atomic<std::uintptr_t> begin{0}, end{0};
  char path[kPathMax];
};
Slot g_slots[kSlots];
std::mutex g_slots_mutex;
struct sigaction g_previous;

void say(const char* s, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(2, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

void on_sigbus(int sig, siginfo_t* info, void* ctx) {
  auto a = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (auto& s : g_slots) {
    std::uintptr_t b = s.begin.load(std::memory_order_acquire);
    if (b != 0 && a >= b && a < s.end.load(std::memory_order_acquire)) {
      // As rcmap's other messages: "rcmap: FILE: error: ...".
      constexpr char head[] = "rcmap: ";
      constexpr char tail[] =
          ": error: the file was shortened by another program while rcmap read it; expected it "
          "unchanged until rcmap has read it. Nothing was written; run rcmap again\n";
      say(head, sizeof head - 1);
      say(s.path, ::strnlen(s.path, kPathMax));
      say(tail, sizeof tail - 1);
      output_cleanup_for_exit();  // no temporary file or new folder stays behind
      ::_exit(2);                 // exit code 2: invalid input (README "Exit codes")
    }
  }
  // Not a mapped input: what would have happened without this handler.
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction) return g_previous.sa_sigaction(sig, info, ctx);
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
    return g_previous.sa_handler(sig);
  }
  ::signal(SIGBUS, SIG_DFL);  // the faulting access runs again and ends the process
}

int guard(std::uintptr_t begin, std::uintptr_t end, const std::string& path) {
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  static const bool installed = [] {
    struct sigaction sa = {};
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    return ::sigaction(SIGBUS, &sa, &g_previous) == 0;
  }();
  if (!installed) return -1;
  for (int i = 0; i < kSlots; ++i) {
    Slot& s = g_slots[i];
    if (s.begin.load(std::memory_order_relaxed) != 0) continue;
    std::size_t n = std::min(path.size(), kPathMax - 1);
    std::memcpy(s.path, path.data(), n);
    s.path[n] = '\0';
    s.end.store(end, std::memory_order_release);
    s.begin.store(begin, std::memory_order_release);
    return i;
  }
  return -1;
}

void unguard(int slot) {
  std::lock_guard<std::mutex> lock(g_slots_mutex);
  g_slots[slot].begin.store(0, std::memory_order_release);
  g_slots[slot].end.store(0, std::memory_order_release);
}

}  // namespace

FileBytes::FileBytes(std::string bytes) : owned_(std::move(bytes)) {
  data_ = owned_.data();
  size_ = owned_.size();
}

std::shared_ptr<FileBytes> FileBytes::map(int fd, std::size_t size, const std::string& path) {
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page <= 0 || size == 0) return nullptr;
  const auto pg = static_cast<std::size_t>(page);
  // One page more than the file: the bytes after the end, up to the mapping's
  // end, are zero (mmap(2)), so data()[size()] is NUL even when the size is a
  // whole number of pages. The anonymous reservation is then overlaid by the
  // file.
  const std::size_t file_len = (size + pg - 1) / pg * pg;
  const std::size_t len = file_len + pg;
  void* base = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return nullptr;
  void* file = ::mmap(base, file_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (file == MAP_FAILED) {
    ::munmap(base, len);
    return nullptr;
  }
  // All of it is read soon: start reading ahead now.
  ::madvise(base, file_len, MADV_WILLNEED);
  std::shared_ptr<FileBytes> b(new FileBytes());
  b->map_ = base;
  b->map_len_ = len;
  b->data_ = static_cast<char*>(base);
  b->size_ = size;
  auto begin = reinterpret_cast<std::uintptr_t>(base);
  b->guard_ = guard(begin, begin + len, path);
  if (b->guard_ < 0) return nullptr;  // no handler: read the file instead (the destructor unmaps)
  return b;
}

FileBytes::~FileBytes() {
  if (map_) {
    if (guard_ >= 0) unguard(guard_);
    ::munmap(map_, map_len_);
  }
}

}  // namespace rcmap
