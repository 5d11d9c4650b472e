// The figure module (rcmap-figures.so): everything that draws with Cairo
// and Pango, loaded only by runs that draw (figure_module.hpp).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "cli/figure_module.hpp"
#include "rcmap/waves/change_findings.hpp"
#include "rcmap/outputs/findings.hpp"
#include "rcmap/graph/map_layout.hpp"
#include "rcmap/io/safe_names.hpp"
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
// Labels are drawn at most kMaxLabel bytes long: a longer one is cut at a
// UTF-8 boundary and ends in "…" (the tables keep it whole).
constexpr std::size_t kMaxLabel = 160;
void cut_label(std::string& label) {
  if (label.size() <= kMaxLabel) return;
  std::size_t n = kMaxLabel;
  while (n > 0 && (static_cast<unsigned char>(label[n]) & 0xC0) == 0x80) --n;
  label = label.substr(0, n) + "\u2026";
}
// `x` (a Survey or a Comparison), or a copy in `cut` with its units'
// labels cut.
template <class T>
const T& drawable(const T& x, T& cut) {
  bool long_label = false;
  for (const auto& u : x.units) long_label |= u.label.size() > kMaxLabel;
  if (!long_label) return x;
  cut = x;
  for (auto& u : cut.units) cut_label(u.label);
  return cut;
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
// The four figures of one analysis, in one format.
void draw_figures(const Survey& d, const Aggregate& a, const std::vector<Point>& pos, const render::FigureOptions& o,
                  render::Format fmt, const std::string& map, const std::string& gap_map, const std::string& matrix,
                  const std::string& profile) {
  render::render_map(d, a, pos, o, fmt, map);
  render::render_gap_map(d, a, pos, o, fmt, gap_map);
  render::render_matrix(d, a, o, fmt, matrix);
  render::render_profile(d, a, o, fmt, profile);
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
// it can; otherwise only while a core is idle (the 1-minute load average,
// getloadavg(3), is below the online CPUs minus one). On a busy machine the
// second process gets no more CPU (the scheduler shares it among sessions)
// and costs about 0.1 s of CPU more than one process drawing everything
// (bench/README.md "Figures and report").
bool second_process_pays() {
  const char* env = std::getenv("RCMAP_FIGURE_PROCESSES");
  if (env && std::string(env) == "1") return false;
  if (env && std::string(env) == "2") return true;
  const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
  double load = 0;
  return cpus >= 2 && ::getloadavg(&load, 1) == 1 && load < static_cast<double>(cpus - 1);
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

void write(const FigureArgs& f, const Survey& s, const Aggregate& a, const std::string& side_a,
           const std::string& side_b, double asymmetry, unsigned long seed, OutputDir& dir, const std::string& prefix,
           const FigureAside* aside) {
  if (too_many_units(s.units.size(), "analyze")) return;
  Survey cut;
  const Survey& d = drawable(s, cut);
  render::FigureOptions o = f.options(side_a, side_b, seed);
  o.asymmetry = asymmetry;
  std::vector<Point> pos = compute_layout(d, a, o.layout, side_a, side_b, seed);
  for (const auto& [fmt, ext] : parse_formats(f.formats)) {
    if (fmt == render::Format::png && aside && aside->pid > 0) continue;  // drawn by the child
    auto path = [&](const char* name) { return dir.temp_path(prefix + name + "." + ext); };
    // Reserved in this order (map, gap-map, matrix, profile), then drawn.
    const std::string map = path("map"), gap_map = path("gap-map"), matrix = path("matrix"), profile = path("profile");
    draw_figures(d, a, pos, o, fmt, map, gap_map, matrix, profile);
  }
}

// FigureArgs::write_aside. The child draws into files reserved here, writes
// its error message (if any) into the pipe and leaves with _exit: 0, 3 for
// an OutputError, 4 for any other error; it never runs the OutputDir's
// destructor or exit handlers of the parent's state.
void write_aside(const FigureArgs& f, const Survey& s, const Aggregate& a, const std::string& side_a,
                 const std::string& side_b, double asymmetry, unsigned long seed, OutputDir& dir,
                 const std::string& prefix, FigureAside& aside) {
  if (!second_process_pays() || s.units.size() > kMaxUnits) return;
  bool png = false;
  for (const auto& fe : parse_formats(f.formats)) png |= fe.first == render::Format::png;
  if (!png || !single_threaded()) return;
  Survey cut;
  const Survey& d = drawable(s, cut);
  render::FigureOptions o = f.options(side_a, side_b, seed);
  o.asymmetry = asymmetry;
  const std::vector<Point> pos =
      compute_layout(d, a, o.layout, side_a, side_b, seed);  // igraph: here, not in the child
  auto path = [&](const char* name) { return dir.temp_path(prefix + name + ".png"); };
  const std::string map = path("map"), gap_map = path("gap-map"), matrix = path("matrix"), profile = path("profile");
  RCMAP_PHASE("figure process: layout, files reserved");
  render::load_fonts();
  RCMAP_PHASE("figure process: fonts loaded");
  int fds[2];
  const pid_t pid = ::pipe2(fds, O_CLOEXEC) == 0 ? ::fork() : -2;
  if (pid < 0) {  // no pipe or no fork: drawn here, now (errors thrown as in one process)
    if (pid == -1) ::close(fds[0]), ::close(fds[1]);
    draw_figures(d, a, pos, o, render::Format::png, map, gap_map, matrix, profile);
    return;
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_signals();
    int code = 0;
    std::string msg;
    try {
      RCMAP_PHASE("figure process: drawing");
      draw_figures(d, a, pos, o, render::Format::png, map, gap_map, matrix, profile);
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
}

std::string write_report(const FigureArgs& f, const Survey& survey, const Aggregate& a, const MetricsResult& m,
                         const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) {
  Survey cut;
  const Survey& s = drawable(survey, cut);  // labels cut as on the figures: the report shows them too
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
  for (std::uint32_t u = 0; u < s.units.size(); ++u) {
    const std::string name = names.unique(s.units[u].label);
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
// (aggregate, metrics, findings), on the baseline's positions. Written only
// when every wave lists the same units in the same order (then the unit
// indices of the waves and of the comparison agree).
void write_change_html(const FigureArgs& f, const std::vector<Survey>& waves, const Comparison& c, const WaveSeries& w,
                       const ChangeFindings& findings, const std::vector<Point>& layout, const std::string& side_a,
                       const std::string& side_b, unsigned long seed, OutputDir& dir) {
  if (layout.empty()) return;  // above the figure unit limit
  for (const Survey& s : waves) {
    bool same = s.units.size() == c.units.size();
    for (std::size_t i = 0; same && i < s.units.size(); ++i) same = s.units[i].id == c.units[i].id;
    if (!same) {
      std::cerr << "rcmap compare: note: report.html is written only when every wave has the same units in the "
                   "same order; not written\n";
      return;
    }
  }
  const render::FigureOptions o = f.options(side_a, side_b, seed);
  MetricsOptions mopt;
  mopt.gap_side_a = side_a;
  mopt.gap_side_b = side_b;
  mopt.seed = seed;
  mopt.asymmetry = o.asymmetry;
  const std::size_t n = waves.size();
  std::vector<Survey> cut(n);
  std::vector<Aggregate> aggs(n);
  std::vector<MetricsResult> metrics(n);
  std::vector<Findings> fs(n);
  std::vector<render::HtmlAnalysis> blocks(n);
  for (std::size_t k = 0; k < n; ++k) {
    const Survey& s = drawable(waves[k], cut[k]);
    aggs[k] = aggregate(s, c.options.agg);
    metrics[k] = compute_metrics(s, aggs[k], mopt);
    fs[k] = compute_findings(s, aggs[k], metrics[k], mopt);
    blocks[k] = render::HtmlAnalysis{&s, &aggs[k], &metrics[k], &fs[k], layout, k ? &blocks[0] : nullptr};
  }
  dir.write("report.html",
            [&](std::ostream& os) { os << render::html_report_compare(blocks, w.labels, c, findings, o, kVersion); });
}

void write_change(const FigureArgs& f, const std::vector<Survey>& waves, const Comparison& comparison,
                  const WaveSeries& w, const std::vector<int>& wave_respondents, const std::string& side_a,
                  const std::string& side_b, unsigned long seed, OutputDir& dir) {
  const Survey& before = waves.front();
  Survey cut;
  const Survey& d = drawable(before, cut);
  Comparison cut_comparison;
  const Comparison& c = drawable(comparison, cut_comparison);
  render::ChangeReportInput in;
  const render::FigureOptions files = f.options(side_a, side_b, seed);  // --page, --no-title
  in.figure = report_page(files);
  // The baseline's own aggregate and layout, as `rcmap analyze` on the before wave.
  const Aggregate a = aggregate(d, c.options.agg);
  if (!too_many_units(std::max(before.units.size(), c.units.size()), "compare")) {
    in.before_layout = compute_layout(d, a, in.figure.layout, side_a, side_b, seed);
    for (const auto& [fmt, ext] : parse_formats(f.formats)) {
      render::render_change_map(d, a, in.before_layout, c, files, fmt, dir.temp_path("change-map." + ext));
      render::render_change_matrix(c, files, fmt, dir.temp_path("change-matrix." + ext));
      render::render_trend(w, c.options.agg.min_n, files, fmt, dir.temp_path("trend." + ext));
    }
  }
  const ChangeFindings findings = compute_change_findings(c, side_a, side_b, w.labels, wave_respondents);
  in.before = &d;
  in.before_agg = &a;
  in.max_figure_units = kMaxUnits;
  in.comparison = &c;
  in.series = &w;
  in.findings = &findings;
  in.version = kVersion;
  render::render_change_report(in, dir.temp_path("report.pdf"));
  write_change_html(f, waves, c, w, findings, in.before_layout, side_a, side_b, seed, dir);
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
  static const FigureModule m = {rcmap::kVersion, kFigureModuleLayout, write,      write_aside, write_report,
                                 write_sites,     write_change,        person_map, network_html};
  return &m;
}
