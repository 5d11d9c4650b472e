#pragma once
// Figures are drawn by a module loaded at run time, rcmap-figures.so (built
// from draw_figures.cpp and render/), so that a run that draws nothing
// (--no-render, validate, convert) does not load Cairo, Pango and the ~35
// libraries behind them: about 5 ms of every start (bench/README.md).
#include <string>
#include <vector>

#include "figure_args.hpp"
#include "rcmap/render/figures/person_map.hpp"

namespace rcmap::cli {

// Layout check between the executable and the module: both must come from
// the same build (the module is found beside the executable first).
// kFigureModuleInterface counts changes of the entry points' signatures
// (3: write takes the metrics and has write_aside; 4: FigureAside names the
// PNG the parent draws; 5: prepare).
inline constexpr unsigned long kFigureModuleInterface = 5;
inline constexpr unsigned long kFigureModuleLayout =
    kFigureModuleInterface * 1000000007ul + sizeof(FigureArgs) * 1000003ul + sizeof(Survey) * 10007ul +
    sizeof(Aggregate) * 101ul + sizeof(MetricsResult) * 7ul + sizeof(render::FigureOptions) + sizeof(OutputDir) * 13ul;

// The module's entry points (draw_figures.cpp).
struct FigureModule {
  const char* version;   // kVersion of the module's build
  unsigned long layout;  // kFigureModuleLayout of the module's build
  // map, gap-map, matrix, profile; the maps ring the bridges of compute_findings(m, mopt).
  void (*write)(const FigureArgs&, const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&,
                OutputDir&, const std::string& prefix, const FigureAside* aside);
  // FigureArgs::write_aside.
  void (*write_aside)(const FigureArgs&, const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&,
                      OutputDir&, const std::string& prefix, FigureAside& aside);
  // report.pdf and report.html; returns the report.html data block (for the sites report).
  std::string (*write_report)(const FigureArgs&, const Survey&, const Aggregate&, const MetricsResult&,
                              const MetricsOptions&, OutputDir&, const std::string& prefix);
  void (*write_sites)(const FigureArgs&, const SitesBenchmark&, long highlight, const AggregateOptions&,
                      const std::string& side_a, const std::string& side_b, const Survey& first_site,
                      const std::vector<std::string>& site_blocks, OutputDir&);
  void (*write_change)(const FigureArgs&, const std::vector<Survey>& waves, const Comparison&, const UnitMap&,
                       const WaveSeries&, const std::vector<int>& wave_respondents, const std::string& side_a,
                       const std::string& side_b, unsigned long seed, OutputDir&);
  // person-map.<ext> of rcmap network in every format of `formats`.
  void (*person_map)(const render::PersonMapInput&, const render::FigureOptions&, const std::string& formats,
                     OutputDir&);
  // report.html of rcmap network (render/html/html_report.hpp html_report_network).
  void (*network_html)(const people::NetworkReport&, const std::vector<std::uint32_t>& listed,
                       const std::vector<std::uint32_t>& brokers, const render::FigureOptions&, OutputDir&);
  // Run by the loading thread once loaded (render::prepare_fonts).
  void (*prepare)();
};

// The module, loaded on first use (figure_module.cpp): the file named by the
// environment variable RCMAP_FIGURE_MODULE if set, else from the executable's
// folder, then ../LIBDIR/rcmap from there (an installation), then the build
// tree it was built in. Throws OutputError naming the places tried if none
// loads.
const FigureModule& figure_module();
// Starts loading the module on a second thread (dlopen of Cairo, Pango and
// the libraries behind them: 20-40 ms, bench/README.md "Figures and report")
// while the caller reads and analyses its input; the next figure_module()
// waits for it. Throws the same OutputError at once if no candidate file
// exists; a file that exists but does not load is reported by
// figure_module(). The thread never runs igraph. Without a thread (a
// thread limit) loads in place. The caller must not fork(2) before its next
// figure_module() call (the child would copy a half-done dlopen).
void figure_module_start();

}  // namespace rcmap::cli

// The module's one exported symbol.
extern "C" const rcmap::cli::FigureModule* rcmap_figure_module();
