#pragma once
// Figure options of rcmap analyze and compare, and writing their figures into DIR.
#include <string>

#include "common.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/sites.hpp"
#include "rcmap/waves.hpp"
#ifdef RCMAP_WITH_RENDER
#include "rcmap/render/figures.hpp"
#endif

namespace rcmap::cli {

struct FigureArgs {
  std::string formats = "png,svg", lang = "en", ties = "emphasis", layout = "sides", title, date;
  double dpi = 200;
  bool no_render = false;
  // `tie_filter`: also --ties (figures of one survey's map).
  void add_to(po::options_description& desc, bool tie_filter = true);
  // Checks every value (UsageError) before any work is done.
  void check() const;
  // Renders map, gap-map, matrix and profile in every format into `dir`,
  // names prefixed by `prefix` ("" or "SITE/").
  void write(const Survey& s, const Aggregate& a, const std::string& side_a, const std::string& side_b,
             double asymmetry, unsigned long seed, OutputDir& dir, const std::string& prefix = "") const;
  // The `sites` dot plot of analyze --by-site; `highlight` indexes b.sites or is -1.
  void write_sites(const SitesBenchmark& b, long highlight, int min_n, const std::string& side_a,
                   const std::string& side_b, OutputDir& dir) const;
  // change-map (on the layout analyze computes for `before` with the same
  // --layout and seed), change-matrix and trend of rcmap compare.
  void write_change(const Survey& before, const Comparison& c, const WaveSeries& w, const std::string& side_a,
                    const std::string& side_b, unsigned long seed, OutputDir& dir) const;

#ifdef RCMAP_WITH_RENDER
 private:
  render::FigureOptions options(const std::string& side_a, const std::string& side_b, unsigned long seed) const;
#endif
};

}  // namespace rcmap::cli
