// PNG files from the RGB24 pixels of a Cairo image surface.
#pragma once

#include <cairo.h>

#include <cstddef>
#include <string>

namespace rcmap::render::detail {

// Writes w x h RGB24 pixels (rows `stride` bytes apart, as Cairo lays them
// out) as an 8-bit RGB PNG at `path` with a pHYs chunk for `dpi`. The pixel
// rows are overwritten in the process (the PNG rows are built in place).
// Returns CAIRO_STATUS_SUCCESS, CAIRO_STATUS_NO_MEMORY or
// CAIRO_STATUS_WRITE_ERROR. Safe to call from any thread (no Cairo state;
// the compressed bytes go into the calling thread's own buffer).
// O(w h): one pass over the pixels, then libdeflate.
cairo_status_t write_png(unsigned char* data, int w, int h, std::size_t stride, const std::string& path, double dpi);

}  // namespace rcmap::render::detail
