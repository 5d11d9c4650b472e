#pragma once
// An ink of canvas/ink.hpp (or any Rgb) as the ReportColour of a
// ReportDocument paragraph or table cell; internal to render/.
#include "canvas/ink.hpp"
#include "rcmap/render/report/report_layout.hpp"

namespace rcmap::render::detail {

inline ReportColour report_colour(Rgb c) { return {c.r, c.g, c.b}; }

}  // namespace rcmap::render::detail
