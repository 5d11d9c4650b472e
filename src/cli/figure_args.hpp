#pragma once
// Figure options of rcmap analyze and compare, and writing their figures
// (and report.pdf) into DIR.
#include <string>

#include "common.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/waves/sites.hpp"
#include "rcmap/waves/waves.hpp"
#ifdef RCMAP_WITH_RENDER
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/render/canvas/figure_options.hpp"
#endif

namespace rcmap::cli {

#ifdef RCMAP_WITH_RENDER
// --formats (png,svg,pdf in any combination) and --lang (en, da, nb); UsageError otherwise.
std::vector<std::pair<render::Format, std::string>> parse_formats(const std::string& list);
render::Lang parse_lang(const std::string& l);
// --map-ties (emphasis, all, cross-side, weak), --layout (sides, force) and
// --page (a4, 16:9).
render::TieFilter parse_ties(const std::string& t);
LayoutKind parse_layout(const std::string& l);
void apply_page(const std::string& page, render::FigureOptions& o);
#endif
// A --map-ties word (else analyze's deprecated --ties names a tie table).
bool is_tie_filter(const std::string& word);
// --dpi: from 36 to 1200 (UsageError otherwise), the one check of its range.
void check_dpi(double dpi);

// The PNG figures of one analysis drawn by a second process (all but
// profile.png, which the parent draws: the two then finish together)
// (FigureArgs::write_aside, docs/outputs.md "Output safety"): the child's
// pid (-1: none started, write() draws every format) and the read end of a
// pipe carrying its error message. A child not waited for (an error came
// first) is killed and reaped by the destructor, before the OutputDir
// removes the temporary files it was writing.
struct FigureAside {
  int pid = -1, fd = -1;
  std::string profile_png;  // reserved by write_aside, drawn by this process (write)
  FigureAside() = default;
  FigureAside(const FigureAside&) = delete;
  FigureAside& operator=(const FigureAside&) = delete;
  ~FigureAside();
};

// The figure options of the commands that draw, defined once
// (docs/commands.md "Figure options"); `Kind` picks the ones a command has.
struct FigureArgs {
  enum class Kind {
    analysis,  // analyze: also --per-unit, --map-ties, --layout, --date
    change,    // compare: also --layout, --date
    people     // network: also --max-nodes
  };
  std::string formats = "png,svg", lang = "en", map_ties = "emphasis", layout = "sides", title, date, page = "a4";
  double dpi = 200;
  bool no_render = false, per_unit = false, no_title = false;
  std::size_t max_nodes = 2000;  // network's person map
  void add_to(po::options_description& desc, Kind kind);
  // Checks every value (UsageError) and loads the figure module (a missing
  // one is an OutputError) before any work is done. With load_aside the module is loaded by a
  // second thread while the caller reads its input (figure_module_start):
  // only for commands that fork nothing before their first figure_module()
  // call (analyze; not network, whose path kernel forks).
  void check(bool load_aside = false) const;
  // rcmap report (which always draws): nothing with figures, UsageError in
  // an rcmap built without them (RCMAP_FIGURES=OFF).
  void check_report() const;
  // Renders map, gap-map, matrix and profile in every format into `dir`,
  // names prefixed by `prefix` ("" or "SITE/"); the maps ring the best-placed
  // bridges of the findings of `m` between mopt's gap sides. With `aside`
  // started (write_aside), the formats its child draws are left out.
  void write(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt, OutputDir& dir,
             const std::string& prefix = "", const FigureAside* aside = nullptr) const;
  // Starts drawing the PNG figures of write() but profile.png (same arguments) in a child
  // process (fork(2)), into temporary files reserved here, so that a
  // second core draws them while this process writes the rest: when
  // --formats has png, the figures are drawn (not --no-render, not above the
  // unit limit), this process runs one thread (fork copies only the calling
  // thread: no lock may be held by another) and a core is idle or
  // RCMAP_FIGURE_PROCESSES=2 (=1: never; draw_figures.cpp). Otherwise does
  // nothing (aside.pid stays -1); if pipe or fork fails, draws them here.
  // Fonts are loaded first, so both processes share them; write() draws
  // profile.png (aside.profile_png) beside the other formats. Outputs are
  // byte-identical either way.
  void write_aside(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt,
                   OutputDir& dir, const std::string& prefix, FigureAside& aside) const;
  // Waits for aside's child (no-op if none): its error is rethrown as
  // OutputError (exit 3) when it could not write, else std::runtime_error
  // (exit 4, also when it ended by a signal).
  static void wait_aside(FigureAside& aside);
  // Writes report.pdf, report.html (docs/html-report.md) and, with
  // --per-unit, units/<safe-name>.png into `dir` (render/report/,
  // render/html/), names prefixed by `prefix`; the figures inside report.pdf
  // are left out above the figure unit limit, with a sentence saying why,
  // and report.html is then not written. Returns report.html's data block
  // ("" if none), which the sites report embeds.
  std::string write_report(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt,
                           OutputDir& dir, const std::string& prefix = "") const;
  // The `sites` dot plot of analyze --by-site and its report.html (the
  // sites' data blocks from write_report, in b.sites order; `first_site`
  // gives the sides); `highlight` indexes b.sites or is -1.
  void write_sites(const SitesBenchmark& b, long highlight, const AggregateOptions& agg, const std::string& side_a,
                   const std::string& side_b, const Survey& first_site, const std::vector<std::string>& site_blocks,
                   OutputDir& dir) const;
  // change-map (on the layout analyze computes for `before` with the same
  // --layout and seed), change-matrix and trend of rcmap compare, and its
  // report.pdf (figures left out above the unit limit), and report.html
  // (docs/html-report.md "Compare"); `waves` every wave's survey, the first
  // the baseline; `map` the --unit-map the comparison used; `wave_respondents`
  // parallel to w.labels.
  void write_change(const std::vector<Survey>& waves, const Comparison& c, const UnitMap& map, const WaveSeries& w,
                    const std::vector<int>& wave_respondents, const std::string& side_a, const std::string& side_b,
                    unsigned long seed, OutputDir& dir) const;

  // person-map.<ext> of rcmap network in every format (network.cpp).
  void write_person_map(const std::vector<Unit>& units, const people::People& p, const people::PersonTies& t,
                        const people::NetworkOptions& nopt, const std::vector<std::uint32_t>& brokers,
                        OutputDir& dir) const;
  // report.html of rcmap network (docs/html-report.md "Network"): `listed`
  // people and `brokers` as in people-metrics.csv and brokers.csv.
  void write_network_html(const people::NetworkReport& r, const std::vector<std::uint32_t>& listed,
                          const std::vector<std::uint32_t>& brokers, OutputDir& dir) const;

#ifdef RCMAP_WITH_RENDER
  // The figure options these arguments give (figure_options.cpp).
  render::FigureOptions options(const std::string& side_a, const std::string& side_b, unsigned long seed) const;
#endif
};

}  // namespace rcmap::cli
