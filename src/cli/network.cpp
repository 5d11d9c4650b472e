// rcmap network: person-level network metrics, unit-pair aggregation and
// cross-side brokers (docs/people.md).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "closing.hpp"
#include "common.hpp"
#include "figure_args.hpp"
#include "rcmap/io/checksum.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/outputs/summary.hpp"
#ifdef RCMAP_WITH_RENDER
#include "figure_module.hpp"
#endif

namespace rcmap::cli {
namespace {

// Step names on stderr, only when stderr is a terminal and the run has
// taken more than two seconds (docs/people.md "Options": progress).
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && ::isatty(2)) {}
  void operator()(const char* step) {
    if (!enabled_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (s > 2.0) std::cerr << "rcmap network: " << step << " (" << static_cast<int>(s) << " s)\n";
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The pseudonym key: the bytes of --key-file (one trailing newline removed)
// or the environment variable RCMAP_PSEUDONYM_KEY.
std::string pseudonym_key(const std::string& key_file) {
  std::string key;
  if (!key_file.empty()) {
    std::ifstream in(key_file, std::ios::binary);
    if (!in) throw UsageError("--key-file: cannot read " + key_file);
    key.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!key.empty() && key.back() == '\n') key.pop_back();
    if (!key.empty() && key.back() == '\r') key.pop_back();
    if (key.empty()) throw UsageError("--key-file " + key_file + " is empty; the pseudonym key must not be empty");
  } else if (const char* env = std::getenv("RCMAP_PSEUDONYM_KEY")) {
    key = env;
    if (key.empty()) throw UsageError("RCMAP_PSEUDONYM_KEY is empty; the pseudonym key must not be empty");
  } else {
    throw UsageError("--pseudonymise needs a secret key: --key-file FILE or the environment variable "
                     "RCMAP_PSEUDONYM_KEY");
  }
  return key;
}

// person-map.<ext> in every format of --formats (docs/people.md "Outputs", person map).
struct MapArgs {
  std::string formats = "png,svg", lang = "en", title;
  std::size_t max_nodes = 2000;
  double dpi = 200;
  bool no_render = false;
  void add_to(po::options_description& desc) {
    desc.add_options()
      ("max-nodes", po::value(&max_nodes)->default_value(2000),
       "person map: at most this many people, else the map is drawn at unit level")
      ("formats", po::value(&formats)->default_value("png,svg"), "figure formats: any of png,svg,pdf")
      ("no-render", po::bool_switch(&no_render), "write no figure")
      ("lang", po::value(&lang)->default_value("en"), "language of the figure: en, da (dansk), nb (norsk bokmål)")
      ("dpi", po::value(&dpi)->default_value(200), "PNG resolution")
      ("title", po::value(&title)->default_value(""), "survey name shown on the figure");
  }
#ifdef RCMAP_WITH_RENDER
  void check() const {
    if (no_render) return;
    parse_formats(formats);
    parse_lang(lang);
    if (!(dpi >= 36 && dpi <= 1200)) throw UsageError("--dpi must be from 36 to 1200");
    figure_module();  // a missing module is reported before any work
  }
  void write(const std::vector<Unit>& units, const people::People& p, const people::PersonTies& t,
             const people::NetworkOptions& nopt, OutputDir& dir) const {
    if (no_render) return;
    render::PersonMapInput in{&units, &p, &t, nopt.min_n, max_nodes};
    render::FigureOptions o;
    o.lang = parse_lang(lang);
    o.dpi = dpi;
    o.title = title;
    o.side_a = nopt.side_a;
    o.side_b = nopt.side_b;
    o.seed = nopt.seed;
    figure_module().person_map(in, o, formats, dir);
  }
#else
  void check() const {
    if (!no_render) throw UsageError("this rcmap was built without figures; use --no-render");
  }
  void write(const std::vector<Unit>&, const people::People&, const people::PersonTies&,
             const people::NetworkOptions&, OutputDir&) const {}
#endif
};

}  // namespace

int cmd_network(const Args& args) {
  po::options_description desc("rcmap network options");
  std::string people_path, ties_path, units_path, out, encoding = "auto", distance = "inverse", key_file,
                                                         dialect_name = "standard";
  people::NetworkOptions nopt;
  std::size_t top = 20;
  bool quiet = false, pseudonymise = false;
  MapArgs map;
  OutArgs oa;
  desc.add_options()
    ("people", po::value(&people_path)->required(), "people file (person,unit + optional columns)")
    ("ties", po::value(&ties_path)->required(),
     "person ties: CSV (source,target,weight), GraphML (.graphml), Pajek (.net) or UCINET DL (.dl)")
    ("units", po::value(&units_path)->required(), "units file (unit,label,side,headcount)")
    ("out", po::value(&out)->required(),
     "results folder (created if missing; other files in it are kept, except rcmap's own earlier outputs this "
     "run does not rewrite)")
    ("min-n", po::value(&nopt.min_n)->default_value(5),
     "units with fewer people are reported only by head count; their ties enter no figure (at least 3)")
    ("distance", po::value(&distance)->default_value("inverse"),
     "tie weight to distance for betweenness and harmonic: inverse (1/w), complement (6-w), neglog (-ln(w/6))")
    ("authority-side", po::value(&nopt.side_a)->default_value("authority"), "first side of the cross-side brokers")
    ("provider-side", po::value(&nopt.side_b)->default_value("provider"), "second side of the cross-side brokers")
    ("top-brokers", po::value(&top)->default_value(20), "people listed in brokers.csv (at most)")
    ("seed", po::value(&nopt.seed)->default_value(1), "seed for community detection (and layouts)")
    ("pseudonymise", po::bool_switch(&pseudonymise),
     "replace person ids in every output by keyed pseudonyms (p- + 12 hex digits of HMAC-SHA256)")
    ("key-file", po::value(&key_file)->default_value(""),
     "file holding the pseudonym key (else the environment variable RCMAP_PSEUDONYM_KEY)")
    ("encoding", po::value(&encoding)->default_value("auto"),
     "input encoding: auto (UTF-8, else Windows-1252 with a warning), utf-8, windows-1252")
    ("csv-dialect", po::value(&dialect_name)->default_value("standard"),
     "standard (',' and '.') or excel-da (';' and decimal comma, for Danish Excel)")
    ("quiet,q", po::bool_switch(&quiet), "print errors only, no warnings, notes or progress");
  map.add_to(desc);
  oa.add_to(desc);
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap network --people FILE --ties FILE --units FILE --out DIR [options]",
             "rcmap network --people samples/people.csv --ties samples/person-ties.csv "
             "--units samples/units.csv --out people-results"))
    return kOk;
  if (nopt.min_n < 3) throw UsageError("--min-n must be at least 3");
  nopt.distance = parse_distance(distance);
  if (nopt.side_a.empty() || nopt.side_b.empty() || nopt.side_a == nopt.side_b)
    throw UsageError("--authority-side and --provider-side need two different, non-empty side names");
  const CsvDialect dialect = parse_csv_dialect(dialect_name);
  map.check();
  SurveyArgs enc_args;
  enc_args.encoding = encoding;
  const Encoding enc = enc_args.read_options().encoding;
  std::string key;
  if (pseudonymise) key = pseudonym_key(key_file);
  else if (!key_file.empty()) throw UsageError("--key-file is used only with --pseudonymise");
  // The folder is locked, and checked against the inputs, before any input
  // is read (docs/outputs.md "Output safety").
  InputFiles inputs;
  inputs.add("units", units_path);
  inputs.add("people", people_path);
  inputs.add("person ties", ties_path);
  inputs.add("key file", key_file);
  std::vector<std::string> names = figure_names({"person-map"});
  for (const char* n : {"people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json"}) names.push_back(n);
  OutputDir dir(out, oa.options("network", quiet, std::move(inputs), names, names));

  Progress progress(!quiet);
  Diagnostics diags;
  std::vector<Unit> units;
  people::People people;
  people::PersonTies ties;
  try {
    units = read_units(units_path, ReadOptions{enc}, diags);
    progress("reading people");
    people = people::read_people(people_path, units, enc, diags);
    progress("reading ties");
    ties = people::read_person_ties(ties_path, people, enc, diags, nopt.distance);
  } catch (const InputError&) {
    print_diagnostics(diags, quiet);
    throw;
  }
  print_diagnostics(diags, quiet);

  // Every figure describes the listed network only (docs/people.md
  // "Privacy"): a tie of a unit below --min-n enters no figure.
  const people::ListedNetwork net = people::listed_network(units.size(), people, ties, nopt.min_n);
  const people::NetworkResult result = people::person_metrics(units, net.people, net.ties, nopt, progress);
  if (!quiet)
    for (const auto& w : result.warnings) std::cerr << "rcmap network: warning: " << w << '\n';
  progress("aggregating to unit pairs");
  const std::vector<people::UnitPair> pairs =
      people::unit_ties(units.size(), net.people, net.ties, nopt.min_n);

  people::NetworkReport report;
  report.units = &units;
  report.people = &net.people;
  report.all_people = &people;
  report.ties = &net.ties;
  report.result = &result;
  report.pairs = &pairs;
  report.options = nopt;
  report.top_brokers = top;
  report.pseudonymised = pseudonymise;
  report.shown_id = pseudonymise ? people::pseudonymise(net.people.ids, key) : net.people.ids;

  RunInfo run;
  run.command = "network";
  run.options = options_of(vm);
  for (const auto& [role, path] : {std::pair<const char*, const std::string&>{"units", units_path},
                                   {"people", people_path},
                                   {"ties", ties_path}})
    run.inputs.push_back({role, path, sha256_file(path)});

  progress("writing");
  const std::vector<std::uint32_t> listed = people::listed_people(report);
  const std::vector<std::uint32_t> brokers = people::top_brokers(report, listed);
  const std::vector<std::size_t> shown = people::shown_pairs(report);
  auto table = [&](const char* name, const Table& t) {
    dir.write(name, [&](std::ostream& os) { write_table(os, t, dialect); });
  };
  table("people-metrics.csv", people::people_metrics_table(report, listed));
  table("unit-ties.csv", people::unit_ties_table(report, shown));
  table("brokers.csv", people::brokers_table(report, brokers));
  progress("drawing the person map");
  map.write(units, people, net.ties_in_input, nopt, dir);
  dir.write("summary.json", [&](std::ostream& os) {
    JsonWriter j(os);
    j.begin_object();
    write_run_fields(j, run);
    people::write_network_summary(j, report);
    j.end_object();
    j.finish();
  });
  dir.commit();
  print_closing_summary({"network", out, dir.names().size(),
                         first_written(dir.names(), {"person-map.png", "person-map.pdf", "person-map.svg", "people-metrics.csv"}),
                         {count_text(units.size(), "en") + " units, " + count_text(listed.size(), "en") +
                          " people listed, " + count_text(net.ties.size(), "en") + " person ties in the figures, " +
                          count_text(brokers.size(), "en") + " brokers in brokers.csv"}},
                        quiet);
  return kOk;
}

}  // namespace rcmap::cli
