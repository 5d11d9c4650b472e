// The figure module (rcmap-figures.so): everything that draws with Cairo
// and Pango, loaded only by runs that draw (figure_module.hpp).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "cli/figure_module.hpp"
#include "rcmap/waves/change_findings.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/io/safe_names.hpp"
#include "rcmap/render/canvas/png_pipeline.hpp"
#include "rcmap/render/figures/change_figures.hpp"
#include "rcmap/render/figures/figures.hpp"
#include "rcmap/render/figures/person_map.hpp"
#include "rcmap/render/html/html_report.hpp"
#include "rcmap/render/report/report.hpp"
#include "rcmap/version.hpp"
#include "util/phase_times.hpp"

namespace rcmap::cli {

namespace {
// A map or matrix of hundreds of units is unreadable and costly to lay out.
constexpr std::size_t kMaxUnits = 120;
bool too_many_units(std::size_t units, const char* command) {
  if (units <= kMaxUnits) return false;
  std::cerr << "rcmap " << command << ": warning: " << units << " units: figures are drawn for at most " << kMaxUnits
            << " units; none written (tables are complete)\n";
  return true;
}
// report.pdf and its unit pages are A4 with titles whatever --page and
// --no-title say (they apply to the figure files).
render::FigureOptions report_page(render::FigureOptions o) {
  o.page_width = render::kPageWidth;
  o.page_height = render::kPageHeight;
  o.no_title = false;
  return o;
}
}  // namespace

namespace {
// The four figures of one analysis, in one format (a figure whose path is
// empty is not drawn). The maps ring the bridges of `findings`.
void draw_figures(const Survey& s, const Aggregate& a, const std::vector<Point>& pos, const Findings& findings,
                  const render::FigureOptions& o, render::Format fmt, const std::string& map,
                  const std::string& gap_map, const std::string& matrix, const std::string& profile) {
  // PNGs: each encoded on a second thread while the next is drawn (png_pipeline.hpp).
  std::optional<render::PngPipeline> pipe;
  if (fmt == render::Format::png) pipe.emplace();
  render::render_map(s, a, pos, o, fmt, map, &findings);
  render::render_gap_map(s, a, pos, o, fmt, gap_map, &findings);
  render::render_matrix(s, a, o, fmt, matrix);
  if (!profile.empty()) render::render_profile(s, a, o, fmt, profile);
  if (pipe) pipe->finish();
}

// True when this process runs one thread (the entries of /proc/self/task):
// then fork(2) copies a process in which no other thread holds a lock.
bool single_threaded() {
  DIR* d = ::opendir("/proc/self/task");
  if (!d) return false;
  int n = 0;
  while (const dirent* e = ::readdir(d))
    if (e->d_name[0] != '.') ++n;
  ::closedir(d);
  return n == 1;
}

// Whether write_aside forks: RCMAP_FIGURE_PROCESSES=1 never, =2 whenever
// it can; otherwise only while a core is idle: at this moment no more tasks
// are runnable than CPUs minus one (this process included; the fourth field
// of /proc/loadavg, proc(5)) and the 1-minute load average is below the
// number of CPUs. On a busy machine the second process gets no more CPU (the
// scheduler shares it among sessions) and costs about 0.1 s of CPU more than
// one process drawing everything; a benchmark that alternates two programs
// keeps the load average near 1 while a core is idle between its runs
// (bench/README.md "Figures and report").
bool second_process_pays() {
  const char* env = std::getenv("RCMAP_FIGURE_PROCESSES");
  if (env && std::string(env) == "1") return false;
  if (env && std::string(env) == "2") return true;
  const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
  double load = 0;
  long running = 0, tasks = 0;
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  if (!f) return false;
  const int got = std::fscanf(f, "%lf %*f %*f %ld/%ld", &load, &running, &tasks);
  std::fclose(f);
  return cpus >= 2 && got == 3 && running <= cpus - 1 && load < static_cast<double>(cpus);
}

// The child's end (write_aside): default disposition for the signals whose
// handlers remove the run's temporary files (output_dir.cpp), so that only
// the parent cleans up; signals ignored by the user stay ignored.
void child_signals() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) ::signal(sig, SIG_DFL);
  }
}
}  // namespace

void write(const FigureArgs& f, const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt,
           OutputDir& dir, const std::string& prefix, const FigureAside* aside) {
  if (too_many_units(s.units.size(), "analyze")) return;
  const std::string &side_a = mopt.gap_side_a, &side_b = mopt.gap_side_b;
  render::FigureOptions o = f.options(side_a, side_b, mopt.seed);
  o.asymmetry = mopt.asymmetry;
  std::vector<Point> pos = compute_layout(s, a, o.layout, side_a, side_b, mopt.seed);
  // The same findings as report.pdf's decision page (write_report): the maps ring its bridges.
  const Findings findings = compute_findings(s, a, m, mopt);
  for (const auto& [fmt, ext] : parse_formats(f.formats)) {
    if (fmt == render::Format::png && aside && aside->pid > 0) {
      // The child draws map, gap-map and matrix; the profile, the cheapest,
      // is drawn here, which balances the two processes (bench/README.md).
      render::render_profile(s, a, o, fmt, aside->profile_png);
      continue;
    }
    auto path = [&](const char* name) { return dir.temp_path(prefix + name + "." + ext); };
    // Reserved in this order (map, gap-map, matrix, profile), then drawn.
    const std::string map = path("map"), gap_map = path("gap-map"), matrix = path("matrix"), profile = path("profile");
    draw_figures(s, a, pos, findings, o, fmt, map, gap_map, matrix, profile);
  }
}

// FigureArgs::write_aside. The child draws into files reserved here, writes
// its error message (if any) into the pipe and leaves with _exit: 0, 3 for
// an OutputError, 4 for any other error; it never runs the OutputDir's
// destructor or exit handlers of the parent's state.
void write_aside(const FigureArgs& f, const Survey& s, const Aggregate& a, const MetricsResult& m,
                 const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix, FigureAside& aside) {
  if (!second_process_pays() || s.units.size() > kMaxUnits) return;
  bool png = false;
  for (const auto& fe : parse_formats(f.formats)) png |= fe.first == render::Format::png;
  if (!png || !single_threaded()) return;
  const std::string &side_a = mopt.gap_side_a, &side_b = mopt.gap_side_b;
  render::FigureOptions o = f.options(side_a, side_b, mopt.seed);
  o.asymmetry = mopt.asymmetry;
  // igraph: here, not in the child.
  const std::vector<Point> pos = compute_layout(s, a, o.layout, side_a, side_b, mopt.seed);
  const Findings findings = compute_findings(s, a, m, mopt);
  auto path = [&](const char* name) { return dir.temp_path(prefix + name + ".png"); };
  const std::string map = path("map"), gap_map = path("gap-map"), matrix = path("matrix"), profile = path("profile");
  RCMAP_PHASE("figure process: layout, files reserved");
  render::load_fonts();
  RCMAP_PHASE("figure process: fonts loaded");
  // Pango 1.50 matches and sorts fonts on short-lived threads of its own
  // (FcFontSetMatch, FcFontSetSort) when load_fonts meets a font for the
  // first time. fork copies only this thread: one of them holding a lock
  // (the allocator's, fontconfig's) would leave the child waiting forever.
  // Wait up to 0.5 s for them to end, else draw here.
  bool alone = single_threaded();
  for (int i = 0; i < 500 && !alone; ++i) {
    ::usleep(1000);
    alone = single_threaded();
  }
  int fds[2];
  const pid_t pid = !alone ? -3 : ::pipe2(fds, O_CLOEXEC) == 0 ? ::fork() : -2;
  if (pid < 0) {  // other threads, no pipe or no fork: drawn here, now (errors thrown as in one process)
    if (pid == -1) ::close(fds[0]), ::close(fds[1]);
    draw_figures(s, a, pos, findings, o, render::Format::png, map, gap_map, matrix, profile);
    return;
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_signals();
    int code = 0;
    std::string msg;
    try {
      RCMAP_PHASE("figure process: drawing");
      draw_figures(s, a, pos, findings, o, render::Format::png, map, gap_map, matrix, "");
      RCMAP_PHASE("figure process: done");
    } catch (const OutputError& e) {
      code = kCannotWrite, msg = e.what();
    } catch (const std::exception& e) {
      code = kInternal, msg = e.what();
    } catch (...) {
      code = kInternal, msg = "unknown error while drawing the PNG figures";
    }
    for (std::size_t done = 0; done < msg.size();) {
      const ssize_t n = ::write(fds[1], msg.data() + done, msg.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::_exit(code);
  }
  ::close(fds[1]);
  aside.pid = pid;
  aside.fd = fds[0];
  aside.profile_png = profile;
}

std::string write_report(const FigureArgs& f, const Survey& s, const Aggregate& a, const MetricsResult& m,
                         const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) {
  render::ReportInput in;
  in.survey = &s;
  in.aggregate = &a;
  in.metrics = &m;
  const Findings findings = compute_findings(s, a, m, mopt);
  in.findings = &findings;
  in.figure = report_page(f.options(mopt.gap_side_a, mopt.gap_side_b, mopt.seed));
  in.figure.asymmetry = mopt.asymmetry;
  in.max_figure_units = kMaxUnits;
  in.per_unit = f.per_unit;
  in.max_gap_pairs = mopt.max_gap_pairs;
  in.version = kVersion;
  if (s.units.size() <= kMaxUnits)
    in.layout = compute_layout(s, a, in.figure.layout, in.figure.side_a, in.figure.side_b, mopt.seed);
  render::render_report(in, dir.temp_path(prefix + "report.pdf"));
  // report.html: the same analysis, layout and findings (not above the figure unit limit).
  std::string html_block;
  if (s.units.size() <= kMaxUnits) {
    const render::HtmlAnalysis h{&s, &a, &m, &findings, in.layout};
    html_block = render::html_analysis_block(h, in.figure);
    dir.write(prefix + "report.html",
              [&](std::ostream& os) { os << render::html_report_analyze(html_block, s, a, in.figure, kVersion); });
  }
  if (!f.per_unit) return html_block;
  SafeNames names;
  const render::UnitTieIndex index(a, s.units.size());
  render::PngPipeline pipe;  // each page encoded while the next is drawn
  for (std::uint32_t u = 0; u < s.units.size(); ++u) {
    const std::string name = names.unique(render::label_text(s.units[u].label));  // named as its page is titled
    std::size_t shown =
        render::render_unit_page(in, u, render::Format::png, dir.temp_path(prefix + "units/" + name + ".png"), &index);
    // Ties the page cannot hold continue in units/<name>-2.png, -3.png, ...
    // (names taken from the same SafeNames, so no unit's file is overwritten)
    const std::size_t ties = index.start[u + 1] - index.start[u];
    for (int page = 2; shown < ties; ++page)
      shown = render::render_unit_ties_page(
          in, u, index, shown, page, render::Format::png,
          dir.temp_path(prefix + "units/" + names.unique(name + "-" + std::to_string(page)) + ".png"));
  }
  pipe.finish();
  return html_block;
}

void write_sites(const FigureArgs& f, const SitesBenchmark& b, long highlight, const AggregateOptions& agg,
                 const std::string& side_a, const std::string& side_b, const Survey& first_site,
                 const std::vector<std::string>& site_blocks, OutputDir& dir) {
  const render::FigureOptions o = f.options(side_a, side_b, 1);
  for (const auto& [fmt, ext] : parse_formats(f.formats))
    render::render_sites(b, highlight, agg.min_n, o, fmt, dir.temp_path("sites." + ext));
  // report.pdf: the cross-site summary (A4 with titles, like every report.pdf).
  render::SitesReportInput rin;
  rin.bench = &b;
  rin.highlight = highlight;
  rin.min_n = agg.min_n;
  rin.figure = report_page(o);
  rin.version = kVersion;
  render::render_sites_report(rin, dir.temp_path("report.pdf"));
  // report.html with every site's block (a site above the unit limit has none: no report).
  bool all = site_blocks.size() == b.sites.size();
  for (const auto& x : site_blocks) all = all && !x.empty();
  if (all)
    dir.write("report.html", [&](std::ostream& os) {
      os << render::html_report_sites(site_blocks, first_site, agg, b, highlight, o, kVersion);
    });
}

// compare's report.html: every wave's analysis as analyze computes it
// (aggregate, metrics, findings), on the baseline's positions. When units
// were renamed, added or closed between the waves, every wave is first put on
// the comparison's units (waves_on_units) and laid out as the baseline so
// put; after a merge of units no report.html is written (a note says so).
void write_change_html(const FigureArgs& f, const std::vector<Survey>& given, const Comparison& c, const UnitMap& map,
                       const WaveSeries& w, const ChangeFindings& findings, const std::vector<Point>& before_layout,
                       const std::string& side_a, const std::string& side_b, unsigned long seed, OutputDir& dir) {
  if (before_layout.empty()) return;  // above the figure unit limit
  bool same = true;
  for (const Survey& s : given) {
    same = same && s.units.size() == c.units.size();
    for (std::size_t i = 0; same && i < s.units.size(); ++i) same = s.units[i].id == c.units[i].id;
  }
  std::optional<std::vector<Survey>> mapped;
  std::vector<Point> mapped_layout;
  if (!same) {
    mapped = waves_on_units(given, c, map);
    if (!mapped) {
      std::cerr << "rcmap compare: note: report.html is not written when units were merged between the waves "
                   "(changes.csv, waves.csv and report.pdf compare the merged units)\n";
      return;
    }
    if (too_many_units(mapped->front().units.size(), "compare")) return;
    const Survey& d = mapped->front();
    mapped_layout = compute_layout(d, aggregate(d, c.options.agg), report_page(f.options(side_a, side_b, seed)).layout,
                                   side_a, side_b, seed);
  }
  const std::vector<Survey>& waves = same ? given : *mapped;
  const std::vector<Point>& layout = same ? before_layout : mapped_layout;
  const render::FigureOptions o = f.options(side_a, side_b, seed);
  MetricsOptions mopt;
  mopt.gap_side_a = side_a;
  mopt.gap_side_b = side_b;
  mopt.seed = seed;
  mopt.asymmetry = o.asymmetry;
  const std::size_t n = waves.size();
  std::vector<Aggregate> aggs(n);
  std::vector<MetricsResult> metrics(n);
  std::vector<Findings> fs(n);
  std::vector<render::HtmlAnalysis> blocks(n);
  for (std::size_t k = 0; k < n; ++k) {
    const Survey& s = waves[k];
    aggs[k] = aggregate(s, c.options.agg);
    metrics[k] = compute_metrics(s, aggs[k], mopt);
    fs[k] = compute_findings(s, aggs[k], metrics[k], mopt);
    blocks[k] = render::HtmlAnalysis{&s, &aggs[k], &metrics[k], &fs[k], layout, k ? &blocks[0] : nullptr};
  }
  dir.write("report.html",
            [&](std::ostream& os) { os << render::html_report_compare(blocks, w.labels, c, findings, o, kVersion); });
}

void write_change(const FigureArgs& f, const std::vector<Survey>& waves, const Comparison& c, const UnitMap& map,
                  const WaveSeries& w, const std::vector<int>& wave_respondents, const std::string& side_a,
                  const std::string& side_b, unsigned long seed, OutputDir& dir) {
  const Survey& before = waves.front();
  render::ChangeReportInput in;
  const render::FigureOptions files = f.options(side_a, side_b, seed);  // --page, --no-title
  in.figure = report_page(files);
  // The baseline's own aggregate and layout, as `rcmap analyze` on the before wave.
  const Aggregate a = aggregate(before, c.options.agg);
  if (!too_many_units(std::max(before.units.size(), c.units.size()), "compare")) {
    in.before_layout = compute_layout(before, a, in.figure.layout, side_a, side_b, seed);
    for (const auto& [fmt, ext] : parse_formats(f.formats)) {
      render::render_change_map(before, a, in.before_layout, c, files, fmt, dir.temp_path("change-map." + ext));
      render::render_change_matrix(c, files, fmt, dir.temp_path("change-matrix." + ext));
      render::render_trend(w, c.options.agg.min_n, files, fmt, dir.temp_path("trend." + ext));
    }
  }
  const ChangeFindings findings = compute_change_findings(c, side_a, side_b, w.labels, wave_respondents);
  in.before = &before;
  in.before_agg = &a;
  in.max_figure_units = kMaxUnits;
  in.comparison = &c;
  in.series = &w;
  in.findings = &findings;
  in.version = kVersion;
  render::render_change_report(in, dir.temp_path("report.pdf"));
  write_change_html(f, waves, c, map, w, findings, in.before_layout, side_a, side_b, seed, dir);
}
void person_map(const render::PersonMapInput& in, const render::FigureOptions& o, const std::string& formats,
                OutputDir& dir) {
  for (const auto& [fmt, ext] : parse_formats(formats))
    render::render_person_map(in, o, fmt, dir.temp_path("person-map." + ext));
}
void network_html(const people::NetworkReport& r, const std::vector<std::uint32_t>& listed,
                  const std::vector<std::uint32_t>& brokers, const render::FigureOptions& o, OutputDir& dir) {
  dir.write("report.html",
            [&](std::ostream& os) { os << render::html_report_network(r, listed, brokers, o, kVersion); });
}

}  // namespace rcmap::cli

extern "C" __attribute__((visibility("default"))) const rcmap::cli::FigureModule* rcmap_figure_module() {
  using namespace rcmap::cli;
  static const FigureModule m = {
      rcmap::kVersion, kFigureModuleLayout, write,      write_aside,  write_report,
      write_sites,     write_change,        person_map, network_html, rcmap::render::prepare_fonts};
  return &m;
}
