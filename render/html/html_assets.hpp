#pragma once
// The HTML viewer's files, embedded at build time (render/html/embed_assets.cmake
// writes their definitions); docs/html-report.md "Assembly".
#include <string_view>

namespace rcmap::render::html_assets {
extern const std::string_view shell;  // shell.html, with the @RCMAP_...@ placeholders
extern const std::string_view css;    // viewer.css
extern const std::string_view js;     // viewer.js
extern const std::string_view words;  // words.json: {"en": {...}, "da": {...}, "nb": {...}}
}  // namespace rcmap::render::html_assets
