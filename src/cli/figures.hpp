#pragma once
// Figure options of rcmap analyze and writing the four figures into DIR.
#include <string>

#include "common.hpp"
#include "rcmap/output_dir.hpp"
#ifdef RCMAP_WITH_RENDER
#include "rcmap/render/figures.hpp"
#endif

namespace rcmap::cli {

#ifdef RCMAP_WITH_RENDER
// --formats (png,svg,pdf in any combination) and --lang (en, da, nb); UsageError otherwise.
std::vector<std::pair<render::Format, std::string>> parse_formats(const std::string& list);
render::Lang parse_lang(const std::string& l);
#endif

struct FigureArgs {
  std::string formats = "png,svg", lang = "en", ties = "emphasis", layout = "sides", title, date;
  double dpi = 200;
  bool no_render = false;
  void add_to(po::options_description& desc);
  // Checks every value (UsageError) before any work is done.
  void check() const;
  // Renders map, gap-map, matrix and profile in every format into `dir`.
  void write(const Survey& s, const Aggregate& a, const std::string& side_a, const std::string& side_b,
             double asymmetry, unsigned long seed, OutputDir& dir) const;
};

}  // namespace rcmap::cli
