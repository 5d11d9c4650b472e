// PNG files encoded on a second thread (png_pipeline.hpp).
#include "rcmap/render/canvas/png_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "canvas.hpp"
#include "png_file.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap::render {

struct PngPipeline::State {
  struct Job {
    detail::PixelBuffer* buf;
    int w, h;
    std::size_t stride;
    std::string path;
    double dpi;
  };
  std::mutex m;
  std::condition_variable cv;
  detail::PixelBuffer bufs[2];  // one drawn into while the other is encoded
  std::deque<Job> jobs;
  bool stop = false;
  std::string error;  // "cannot write PATH: reason" of the first failed file
  bool error_taken = false;
  std::thread worker;
  State* outer = nullptr;  // the enclosing pipeline of this thread

  void run() {
    std::unique_lock<std::mutex> lk(m);
    for (;;) {
      cv.wait(lk, [&] { return stop || !jobs.empty(); });
      if (jobs.empty()) return;
      Job j = std::move(jobs.front());
      jobs.pop_front();
      lk.unlock();
      const cairo_status_t st = detail::write_png(j.buf->data, j.w, j.h, j.stride, j.path, j.dpi);
      lk.lock();
      if (st != CAIRO_STATUS_SUCCESS && error.empty())
        error = "cannot write " + j.path + ": " + cairo_status_to_string(st);
      j.buf->in_use = false;
      cv.notify_all();
    }
  }
  // Throws the first error not yet thrown (call with m held).
  void rethrow() {
    if (error.empty() || error_taken) return;
    error_taken = true;
    throw OutputError(error);
  }
};

namespace {
thread_local PngPipeline::State* g_current = nullptr;
}  // namespace

PngPipeline::PngPipeline() {
  if (std::thread::hardware_concurrency() < 2) return;
  auto st = std::make_unique<State>();
  try {
    st->worker = std::thread([s = st.get()] { s->run(); });
  } catch (const std::system_error&) {
    return;  // no thread: canvases write at once
  }
  st->outer = g_current;
  g_current = st.get();
  st_ = std::move(st);
}

PngPipeline::~PngPipeline() {
  if (!st_) return;
  {
    std::lock_guard<std::mutex> lk(st_->m);
    st_->stop = true;
  }
  st_->cv.notify_all();
  st_->worker.join();
  g_current = st_->outer;
}

void PngPipeline::finish() {
  if (!st_) return;
  std::unique_lock<std::mutex> lk(st_->m);
  st_->cv.wait(lk, [&] { return st_->jobs.empty() && !st_->bufs[0].in_use && !st_->bufs[1].in_use; });
  st_->rethrow();
}

namespace detail {

PngPipeline::State* png_pipeline() { return g_current; }

PixelBuffer* pipeline_buffer(PngPipeline::State& p, std::size_t bytes) {
  std::unique_lock<std::mutex> lk(p.m);
  p.cv.wait(lk, [&] { return !p.bufs[0].in_use || !p.bufs[1].in_use; });  // the encoder frees one
  p.rethrow();
  PixelBuffer& b = !p.bufs[0].in_use ? p.bufs[0] : p.bufs[1];
  if (!b.reserve(bytes)) return nullptr;
  b.in_use = true;
  return &b;
}

void pipeline_release(PngPipeline::State& p, PixelBuffer* buf) {
  std::lock_guard<std::mutex> lk(p.m);
  buf->in_use = false;
  p.cv.notify_all();
}

void pipeline_submit(PngPipeline::State& p, PixelBuffer* buf, int w, int h, std::size_t stride, const std::string& path,
                     double dpi) {
  {
    std::lock_guard<std::mutex> lk(p.m);
    p.jobs.push_back({buf, w, h, stride, path, dpi});
  }
  p.cv.notify_all();
}

}  // namespace detail
}  // namespace rcmap::render
