#include "figure_args.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#ifdef RCMAP_WITH_RENDER
#include "figure_module.hpp"
#endif

namespace rcmap::cli {

FigureAside::~FigureAside() {
  if (pid > 0) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  if (fd >= 0) ::close(fd);
}

void FigureArgs::wait_aside(FigureAside& aside) {
  if (aside.pid <= 0) return;
  int status = 0;
  pid_t got;
  while ((got = ::waitpid(aside.pid, &status, 0)) < 0 && errno == EINTR) {
  }
  const int waited = errno;
  aside.pid = -1;
  std::string msg;
  char buf[4096];
  for (ssize_t n; (n = ::read(aside.fd, buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    msg.append(buf, static_cast<std::size_t>(n));
  }
  ::close(aside.fd);
  aside.fd = -1;
  if (got < 0) throw std::runtime_error(std::string("waiting for the figure process: ") + std::strerror(waited));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (WIFEXITED(status) && WEXITSTATUS(status) == kCannotWrite) throw OutputError(msg);
  if (WIFEXITED(status) && !msg.empty()) throw std::runtime_error(msg);
  throw std::runtime_error("the process drawing the PNG figures ended " +
                           (WIFSIGNALED(status) ? "by signal " + std::to_string(WTERMSIG(status))
                                                : "with status " + std::to_string(WEXITSTATUS(status))));
}

bool is_tie_filter(const std::string& word) {
  return word == "emphasis" || word == "all" || word == "cross-side" || word == "weak";
}

void check_dpi(double dpi) {
  if (!(dpi >= 36 && dpi <= 1200)) throw UsageError("--dpi must be from 36 to 1200");
}

void FigureArgs::add_to(po::options_description& desc, Kind kind) {
  const bool analysis = kind == Kind::analysis, people = kind == Kind::people;
  if (people)
    desc.add_options()("max-nodes", po::value(&max_nodes)->default_value(2000),
                       "person map: at most this many people, else the map is drawn at unit level");
  desc.add_options()("formats", po::value(&formats)->default_value("png,svg"), "figure formats: any of png,svg,pdf")(
      "no-render", po::bool_switch(&no_render),
      people ? "write no figure and no report.html" : "write no figures, no report.pdf and no report.html")(
      "lang", po::value(&lang)->default_value("en"),
      analysis ? "language of figures, report.pdf and the workbook's Method sheet: en, da (dansk), nb (norsk bokmål)"
      : people ? "language of the figure: en, da (dansk), nb (norsk bokmål)"
               : "language of figures and report.pdf: en, da (dansk), nb (norsk bokmål)");
  if (analysis)
    desc.add_options()("per-unit", po::bool_switch(&per_unit),
                       "one extra report.pdf page and units/<name>.png per unit, for its manager")(
        "map-ties", po::value(&map_ties)->default_value("emphasis"),
        "ties drawn on the map: emphasis (all, routine ones faint), all, cross-side, weak");
  if (!people)
    desc.add_options()("layout", po::value(&layout)->default_value("sides"), "map layout: sides or force (seeded)");
  desc.add_options()("dpi", po::value(&dpi)->default_value(200), "PNG resolution, from 36 to 1200")(
      "page", po::value(&page)->default_value("a4"),
      "page of the figure files: a4 (A4 landscape, 841 x 595 pt) or 16:9 (a widescreen slide, 960 x 540 pt); "
      "report.pdf stays A4")(
      "no-title", po::bool_switch(&no_title),
      "figure files without their title and subtitle (for a caption in Word); report.pdf keeps them")(
      "title", po::value(&title)->default_value(""),
      people ? "survey name shown on the figure" : "survey name shown on the figures");
  if (!people)
    desc.add_options()("date", po::value(&date)->default_value(""),
                       "date of the data shown on the figures, as written");
}

#ifdef RCMAP_WITH_RENDER
void FigureArgs::check(bool load_aside) const {
  if (no_render) return;
  parse_formats(formats);
  parse_lang(lang);
  parse_ties(map_ties);
  parse_layout(layout);
  render::FigureOptions page_check;
  apply_page(page, page_check);
  check_dpi(dpi);
  if (load_aside)
    figure_module_start();  // a missing module is reported before any work; loads while the input is read
  else
    figure_module();  // a missing module is reported before any work
}

void FigureArgs::check_report() const {}

// The drawing is done by the figure module (draw_figures.cpp), loaded here
// on first use.
void FigureArgs::write(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt,
                       OutputDir& dir, const std::string& prefix, const FigureAside* aside) const {
  if (no_render) return;
  figure_module().write(*this, s, a, m, mopt, dir, prefix, aside);
}

void FigureArgs::write_aside(const Survey& s, const Aggregate& a, const MetricsResult& m, const MetricsOptions& mopt,
                             OutputDir& dir, const std::string& prefix, FigureAside& aside) const {
  if (no_render || aside.pid > 0) return;
  figure_module().write_aside(*this, s, a, m, mopt, dir, prefix, aside);
}

std::string FigureArgs::write_report(const Survey& survey, const Aggregate& a, const MetricsResult& m,
                                     const MetricsOptions& mopt, OutputDir& dir, const std::string& prefix) const {
  return figure_module().write_report(*this, survey, a, m, mopt, dir, prefix);
}

void FigureArgs::write_sites(const SitesBenchmark& b, long highlight, const AggregateOptions& agg,
                             const std::string& side_a, const std::string& side_b, const Survey& first_site,
                             const std::vector<std::string>& site_blocks, OutputDir& dir) const {
  if (no_render) return;
  figure_module().write_sites(*this, b, highlight, agg, side_a, side_b, first_site, site_blocks, dir);
}

void FigureArgs::write_change(const std::vector<Survey>& waves, const Comparison& comparison, const UnitMap& map,
                              const WaveSeries& w, const std::vector<int>& wave_respondents, const std::string& side_a,
                              const std::string& side_b, unsigned long seed, OutputDir& dir) const {
  if (no_render) return;
  figure_module().write_change(*this, waves, comparison, map, w, wave_respondents, side_a, side_b, seed, dir);
}
void FigureArgs::write_person_map(const std::vector<Unit>& units, const people::People& p, const people::PersonTies& t,
                                  const people::NetworkOptions& nopt, const std::vector<std::uint32_t>& brokers,
                                  OutputDir& dir) const {
  if (no_render) return;
  render::PersonMapInput in{&units, &p, &t, nopt.min_n, max_nodes, &brokers};
  render::FigureOptions o = options(nopt.side_a, nopt.side_b, nopt.seed);
  figure_module().person_map(in, o, formats, dir);
}
void FigureArgs::write_network_html(const people::NetworkReport& r, const std::vector<std::uint32_t>& listed,
                                    const std::vector<std::uint32_t>& brokers, OutputDir& dir) const {
  if (no_render) return;
  figure_module().network_html(r, listed, brokers, options(r.options.side_a, r.options.side_b, r.options.seed), dir);
}
#else
void FigureArgs::write_network_html(const people::NetworkReport&, const std::vector<std::uint32_t>&,
                                    const std::vector<std::uint32_t>&, OutputDir&) const {}
void FigureArgs::write_person_map(const std::vector<Unit>&, const people::People&, const people::PersonTies&,
                                  const people::NetworkOptions&, const std::vector<std::uint32_t>&, OutputDir&) const {}
void FigureArgs::check(bool) const {
  if (!no_render) throw UsageError("this rcmap was built without figures; use --no-render");
}
void FigureArgs::check_report() const {
  throw UsageError("this rcmap was built without figures, so it cannot draw report.pdf");
}
void FigureArgs::write(const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&, OutputDir&,
                       const std::string&, const FigureAside*) const {}
void FigureArgs::write_aside(const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&, OutputDir&,
                             const std::string&, FigureAside&) const {}
std::string FigureArgs::write_report(const Survey&, const Aggregate&, const MetricsResult&, const MetricsOptions&,
                                     OutputDir&, const std::string&) const {
  return {};
}
void FigureArgs::write_sites(const SitesBenchmark&, long, const AggregateOptions&, const std::string&,
                             const std::string&, const Survey&, const std::vector<std::string>&, OutputDir&) const {}
void FigureArgs::write_change(const std::vector<Survey>&, const Comparison&, const UnitMap&, const WaveSeries&,
                              const std::vector<int>&, const std::string&, const std::string&, unsigned long,
                              OutputDir&) const {}
#endif

}  // namespace rcmap::cli
