// rcmap network: person-level network metrics, unit-pair aggregation and
// cross-side brokers (docs/people.md).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <tuple>

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
    throw UsageError(
        "--pseudonymise needs a secret key: --key-file FILE or the environment variable "
        "RCMAP_PSEUDONYM_KEY");
  }
  return key;
}

}  // namespace

int cmd_network(const Args& args) {
  po::options_description desc("rcmap network options");
  std::string people_path, ties_path, units_path, encoding = "auto", distance = "inverse", key_file;
  people::NetworkOptions nopt;
  std::size_t top = 20;
  bool quiet = false, pseudonymise = false;
  FigureArgs map;
  GapSidesArgs gaps;
  OutArgs oa;
  desc.add_options()("people", po::value(&people_path)->required(), "people file (person,unit + optional columns)")(
      "ties", po::value(&ties_path)->required(),
      "person ties: CSV (source,target,weight), GraphML (.graphml), Pajek (.net) or UCINET DL (.dl)")(
      "units", po::value(&units_path)->required(), "units file (unit,label,side,headcount)");
  oa.add_results_folder(desc);
  desc.add_options()(
      "min-n", po::value(&nopt.min_n)->default_value(5),
      "units with fewer people are reported only by head count; their ties enter no figure (at least 3)")(
      "distance", po::value(&distance)->default_value("inverse"),
      "tie weight to distance for betweenness and harmonic: inverse (1/w), complement (6-w), neglog (-ln(w/6))");
  gaps.add_to(desc, "the two sides of the cross-side brokers (brokers.csv) and the person map");
  desc.add_options()("top-brokers", po::value(&top)->default_value(20), "people listed in brokers.csv (at most)")(
      "seed", po::value(&nopt.seed)->default_value(1), "seed for community detection (and layouts)")(
      "pseudonymise", po::bool_switch(&pseudonymise),
      "replace person ids in every output by keyed pseudonyms (p- + 12 hex digits of HMAC-SHA256)")(
      "key-file", po::value(&key_file)->default_value(""),
      "file holding the pseudonym key (else the environment variable RCMAP_PSEUDONYM_KEY)");
  add_encoding_option(desc, encoding);
  add_quiet_option(desc, quiet);
  map.add_to(desc, FigureArgs::Kind::people);
  oa.add_to(desc);
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap network --people FILE --ties FILE --units FILE --out DIR [options]",
             "rcmap network --people samples/people.csv --ties samples/person-ties.csv "
             "--units samples/units.csv --out people-results"))
    return kOk;
  if (nopt.min_n < 3) throw UsageError("--min-n must be at least 3");
  nopt.distance = parse_distance(distance);
  std::tie(nopt.side_a, nopt.side_b) = gaps.sides("network", quiet, vm);
  if (nopt.side_a == nopt.side_b)
    throw UsageError("--gap-sides needs two different side names, got '" + gaps.gap_sides + "'");
  const std::string& out = oa.out;
  const CsvDialect dialect = parse_csv_dialect(oa.csv_dialect);
  map.check();
  SurveyArgs enc_args;
  enc_args.encoding = encoding;
  const Encoding enc = enc_args.read_options().encoding;
  std::string key;
  if (pseudonymise)
    key = pseudonym_key(key_file);
  else if (!key_file.empty())
    throw UsageError("--key-file is used only with --pseudonymise");
  // The folder is locked, and checked against the inputs, before any input
  // is read (docs/outputs.md "Output safety").
  InputFiles inputs;
  inputs.add("units", units_path);
  inputs.add("people", people_path);
  inputs.add("person ties", ties_path);
  inputs.add("key file", key_file);
  std::vector<std::string> names = figure_names({"person-map"});
  for (const char* n : {"people-metrics.csv", "unit-ties.csv", "brokers.csv", "summary.json", "report.html"})
    names.push_back(n);
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
  const std::vector<people::UnitPair> pairs = people::unit_ties(units.size(), net.people, net.ties, nopt.min_n);

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
  for (const auto& [role, path] :
       {std::pair<const char*, const std::string&>{"units", units_path}, {"people", people_path}, {"ties", ties_path}})
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
  // The brokers of brokers.csv, as indices into the input people the map draws.
  std::vector<std::uint32_t> ringed;
  for (std::uint32_t b : brokers) ringed.push_back(people.index.at(net.people.ids[b]));
  map.write_person_map(units, people, net.ties_in_input, nopt, ringed, dir);
  map.write_network_html(report, listed, brokers, dir);
  dir.write("summary.json", [&](std::ostream& os) {
    JsonWriter j(os);
    j.begin_object();
    write_run_fields(j, run);
    people::write_network_summary(j, report);
    j.end_object();
    j.finish();
  });
  dir.commit();
  print_closing_summary(
      {"network",
       out,
       dir.names().size(),
       first_written(dir.names(), {"person-map.png", "person-map.pdf", "person-map.svg", "people-metrics.csv"}),
       {count_text(units.size(), "en") + " units, " + count_text(listed.size(), "en") + " people listed, " +
        count_text(net.ties.size(), "en") + " person ties in the figures, " + count_text(brokers.size(), "en") +
        " brokers in brokers.csv"}},
      quiet);
  return kOk;
}

}  // namespace rcmap::cli
