// PNG figures encoded on a second thread while the next one is drawn.
#pragma once

#include <memory>

namespace rcmap::render {

// While a PngPipeline lives on a thread, every PNG canvas that thread
// finishes hands its pixels to one encoder thread (PNG rows, deflate and the
// file write: about a quarter of a PNG figure's CPU time, bench/README.md
// "Figures and report") and the drawing thread goes on into a second pixel
// buffer. The encoder uses no Cairo, Pango or igraph state. Files are
// written in the order the canvases finish, with the same bytes as without
// a pipeline.
//
// Errors: finish() waits for every file and throws the first failure as the
// OutputError a canvas writing at once would have thrown; a canvas created
// after a failed file throws that error before drawing. The destructor
// waits for the encoder and drops errors not yet collected (an exception is
// then already on its way). Without a second CPU, or if the thread cannot
// be started, canvases write at once as before. Pipelines nest: the
// innermost one on the thread is used. Not copyable; one thread only.
class PngPipeline {
 public:
  PngPipeline();
  ~PngPipeline();
  PngPipeline(const PngPipeline&) = delete;
  PngPipeline& operator=(const PngPipeline&) = delete;
  void finish();
  struct State;

 private:
  std::unique_ptr<State> st_;
};

}  // namespace rcmap::render
