// rcmap compare: change between survey waves (docs/waves.md):
// changes.csv and sides-changes.csv compare the first (baseline) and the last
// wave; waves.csv and sides-waves.csv list every wave; figures change-map,
// change-matrix and trend, and report.pdf.
#include <filesystem>
#include <iostream>
#include <sstream>
#include <tuple>

#include "closing.hpp"
#include "common.hpp"
#include "figure_args.hpp"
#include "rcmap/io/checksum.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/version.hpp"
#include "rcmap/waves/change_findings.hpp"
#include "rcmap/waves/waves.hpp"

namespace rcmap::cli {

namespace {

// A wave given as a folder holding units.csv and responses.csv, or as
// "UNITS,RESPONSES".
std::pair<std::string, std::string> wave_files(const std::string& spec, const char* option) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(spec, ec))
    return {(fs::path(spec) / "units.csv").string(), (fs::path(spec) / "responses.csv").string()};
  auto comma = spec.find(',');
  if (comma == std::string::npos || spec.find(',', comma + 1) != std::string::npos)
    throw UsageError(std::string("--") + option +
                     " must be a folder with units.csv and responses.csv, or UNITS,RESPONSES; got '" + spec + "'");
  return {spec.substr(0, comma), spec.substr(comma + 1)};
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> v;
  std::stringstream ss(s);
  for (std::string x; std::getline(ss, x, ',');)
    if (!x.empty()) v.push_back(x);
  return v;
}

// The options of rcmap compare as given.
struct CompareArgs {
  std::string before, after, units, responses, waves, unit_map, encoding = "auto";
  GapSidesArgs gaps;
  CompareOptions opt;
  SurveyArgs sa;  // reader options: --sheet, --mapping, ...
  FigureArgs fig;
  bool quiet = false;
  OutArgs oa;
  po::variables_map vm;
  // Waves as --before/--after folders or file pairs, not a 'wave' column.
  bool by_dirs() const { return !before.empty() || !after.empty(); }
};

// Parses the command line into `a`; false when --help was printed.
bool parse_compare_args(const Args& args, CompareArgs& a) {
  po::options_description desc("rcmap compare options");
  desc.add_options()("before", po::value(&a.before),
                     "baseline wave: folder with units.csv and responses.csv, or UNITS,RESPONSES")(
      "after", po::value(&a.after), "follow-up wave, as --before")(
      "units", po::value(&a.units), "units file shared by the waves (with --responses holding a 'wave' column)")(
      "responses", po::value(&a.responses), "responses file with a 'wave' column")(
      "waves", po::value(&a.waves),
      "the waves in time order, at least two: w1,w2,w3 (default: all, in order of "
      "appearance); changes.csv compares the first and the last")(
      "unit-map", po::value(&a.unit_map),
      "CSV old,new: earlier waves' unit ids renamed or merged into the last wave's ids");
  a.oa.add_results_folder(desc);
  desc.add_options()("min-n", po::value(&a.opt.agg.min_n)->default_value(5),
                     "anonymity threshold, per wave (at least 3)")(
      "min-answers", po::value(&a.opt.agg.min_answers)->default_value(4),
      "dimensions (of 7) a row must answer to be included")(
      "bootstrap", po::value(&a.opt.bootstrap)->default_value(2000),
      "bootstrap resamples for the interval of each change (at least 100)")(
      "seed", po::value(&a.opt.seed)->default_value(1),
      "bootstrap and layout seed (same seed, same intervals; "
      "the change map uses analyze's layout of the baseline with this seed)");
  a.gaps.add_to(desc, "the two sides placed left and right on the change map (as analyze)", false);
  add_encoding_option(desc, a.encoding);
  add_quiet_option(desc, a.quiet);
  a.sa.add_input_options(desc);
  a.fig.add_to(desc, FigureArgs::Kind::change);
  a.oa.add_to(desc);
  return parse(
      args, desc, a.vm,
      "rcmap compare (--before DIR --after DIR | --units FILE --responses FILE [--waves W1,W2,...]) --out DIR "
      "[options]",
      "rcmap compare --before wave1 --after wave2 --unit-map unit-map.csv --out change --seed 1\n"
      "  rcmap compare --units units.csv --responses responses.csv --waves 2019,2021,2024 --out trend --lang da");
}

// The usage errors that need no file: how the waves are given, the
// aggregation and bootstrap options, --mapping without folders.
void check_compare_args(const CompareArgs& a) {
  const bool by_dirs = a.by_dirs();
  if (by_dirs && (a.before.empty() || a.after.empty())) throw UsageError("give both --before and --after");
  if (by_dirs && (!a.units.empty() || !a.responses.empty()))
    throw UsageError("give either --before/--after or --units/--responses with a wave column, not both");
  if (!by_dirs && (a.units.empty() || a.responses.empty()))
    throw UsageError("give --before and --after, or --units and --responses with a wave column");
  check_options(a.opt.agg);
  if (a.opt.bootstrap < 100) throw UsageError("--bootstrap must be at least 100 resamples");
}

// The input files by role ("before_units", ..., "unit_map"), in the order
// of summary.json; `bu`, `br`, `au`, `ar` receive the waves' files when given
// as --before/--after.
std::vector<std::pair<std::string, std::string>> compare_inputs(const CompareArgs& a, std::string& bu, std::string& br,
                                                                std::string& au, std::string& ar) {
  std::vector<std::pair<std::string, std::string>> inputs;  // role, path
  if (a.by_dirs()) {
    std::tie(bu, br) = wave_files(a.before, "before");
    std::tie(au, ar) = wave_files(a.after, "after");
    inputs = {{"before_units", bu}, {"before_responses", br}, {"after_units", au}, {"after_responses", ar}};
    if (!a.sa.mapping.empty()) inputs.emplace_back("mapping", a.sa.mapping);
  } else {
    inputs = {{"units", a.units}, {"responses", a.responses}};
  }
  if (!a.unit_map.empty()) inputs.emplace_back("unit_map", a.unit_map);
  return inputs;
}

// The waves read and validated, in time order, with their labels, and the
// unit map. Diagnostics are printed; InputError on invalid input.
struct WaveInputs {
  std::vector<Survey> surveys;
  std::vector<std::string> labels;
  UnitMap map;
};

WaveInputs read_waves(CompareArgs& a, const std::string& bu, const std::string& br, const std::string& au,
                      const std::string& ar, const ReadOptions& ropt) {
  Diagnostics diags;
  WaveInputs w;
  try {
    if (a.by_dirs()) {
      w.surveys.push_back(read_survey_input(a.sa.input(bu, br), diags));
      w.surveys.push_back(read_survey_input(a.sa.input(au, ar), diags));
      w.labels = {"before", "after"};
    } else {
      auto sel = split_list(a.waves);
      SurveyTables tables = read_survey_tables(a.sa.input(a.units, a.responses), diags);
      Waves ws = waves_from_tables(tables.units, tables.responses, sel, diags);
      if (ws.labels.size() < 2) {
        std::string found;
        for (const auto& l : ws.labels) found += (found.empty() ? "'" : ", '") + l + "'";
        throw UsageError("compare needs at least two waves, found " + found + "; choose with --waves W1,W2");
      }
      w.surveys = std::move(ws.surveys);
      w.labels = ws.labels;
    }
    for (const auto& s : w.surveys) survey_warnings(s, a.opt.agg.min_answers, diags);
    if (!a.unit_map.empty()) w.map = read_unit_map(a.unit_map, ropt.encoding, diags);
    print_diagnostics(diags, a.quiet);
  } catch (const InputError&) {
    print_diagnostics(diags, a.quiet);
    throw;
  }
  return w;
}

// Units of the baseline missing from the last wave, new units and the
// comparison's warnings, on stderr (not with --quiet).
void print_comparison_notes(const Comparison& c, const std::vector<std::string>& labels, bool quiet) {
  if (quiet) return;
  for (const auto& u : c.units_dropped)
    std::cerr << "rcmap compare: warning: unit '" << u << "' of wave '" << labels.front() << "' is not in wave '"
              << labels.back() << "' (add it to --unit-map if it was renamed or merged)\n";
  for (const auto& u : c.units_new)
    std::cerr << "rcmap compare: note: unit '" << u << "' is new in wave '" << labels.back() << "'\n";
  for (const auto& w : c.warnings) std::cerr << "rcmap compare: warning: " << w << '\n';
}

// summary.json of rcmap compare (docs/outputs.md): inputs with checksums,
// options, the comparison and its findings.
void write_compare_summary(std::ostream& os, const CompareArgs& a,
                           const std::vector<std::pair<std::string, std::string>>& inputs, const Comparison& c,
                           const std::vector<std::string>& labels, const std::vector<int>& respondents,
                           const std::string& side_a, const std::string& side_b) {
  JsonWriter j(os);
  j.begin_object();
  j.field("rcmap_version", kVersion);
  j.field("command", "compare");
  j.key("inputs").begin_object();
  for (const auto& [role, path] : inputs) {
    j.key(role).begin_object();
    j.field("path", path).field("sha256", sha256_file(path));
    j.end_object();
  }
  j.end_object();
  j.key("options").begin_object();
  std::string all;
  for (const auto& l : labels) all += (all.empty() ? "" : ",") + l;
  j.field("waves", all);
  j.field("gap-sides", a.gaps.gap_sides).field("layout", a.fig.layout).field("lang", a.fig.lang);
  j.field("formats", a.fig.no_render ? std::string() : a.fig.formats);
  j.field("min-n", a.opt.agg.min_n).field("min-answers", a.opt.agg.min_answers);
  j.field("bootstrap", a.opt.bootstrap).field("seed", static_cast<long long>(a.opt.seed));
  j.field("encoding", a.encoding).field("csv-dialect", a.oa.csv_dialect).field("out", a.oa.out);
  j.end_object();
  j.key("comparison");
  write_comparison_json(j, c);
  j.key("findings");
  write_change_findings_json(j, c, compute_change_findings(c, side_a, side_b, labels, respondents));
  j.end_object();
  j.finish();
}

}  // namespace

int cmd_compare(const Args& args) {
  CompareArgs a;
  if (!parse_compare_args(args, a)) return kOk;
  check_compare_args(a);
  const auto [side_a, side_b] = a.gaps.sides("compare", a.quiet, a.vm);
  a.fig.check();
  const std::string& out = a.oa.out;
  CsvDialect dialect = parse_csv_dialect(a.oa.csv_dialect);
  a.sa.encoding = a.encoding;
  ReadOptions ropt = a.sa.read_options();
  if (!a.by_dirs() && !a.sa.mapping.empty())
    throw UsageError("--mapping works with --before/--after (a wide export per wave), not with a 'wave' column");

  std::string bu, br, au, ar;
  const std::vector<std::pair<std::string, std::string>> inputs = compare_inputs(a, bu, br, au, ar);
  // The folder is locked, and checked against the inputs, before any input
  // is read (docs/outputs.md "Output safety").
  InputFiles read;
  for (const auto& [role, path] : inputs) read.add(role, path);
  std::vector<std::string> names = figure_names({"change-map", "change-matrix", "trend"});
  for (const char* n : {"changes.csv", "sides-changes.csv", "waves.csv", "sides-waves.csv", "summary.json",
                        "report.pdf", "report.html"})
    names.push_back(n);
  OutputDir dir(out, a.oa.options("compare", a.quiet, std::move(read), names, names));

  const WaveInputs w = read_waves(a, bu, br, au, ar, ropt);
  const std::vector<Survey>& surveys = w.surveys;
  const std::vector<std::string>& labels = w.labels;
  // The baseline against the last wave (a reform's whole effect); every
  // wave's level is in waves.csv / sides-waves.csv.
  Comparison c = compare_waves(surveys.front(), surveys.back(), w.map, a.opt);
  c.before_label = labels.front();
  c.after_label = labels.back();
  const WaveSeries series = wave_series(surveys, labels, w.map, a.opt.agg);
  print_comparison_notes(c, labels, a.quiet);

  dir.write("changes.csv", [&](std::ostream& os) { write_table(os, changes_table(c), dialect); });
  dir.write("sides-changes.csv", [&](std::ostream& os) { write_table(os, sides_changes_table(c), dialect); });
  dir.write("waves.csv", [&](std::ostream& os) { write_table(os, waves_table(series), dialect); });
  dir.write("sides-waves.csv", [&](std::ostream& os) { write_table(os, sides_waves_table(series), dialect); });
  std::vector<int> respondents;  // per wave, with an included row (as analyze's summary)
  for (const Survey& s : surveys) respondents.push_back(aggregate(s, a.opt.agg).respondents);
  a.fig.write_change(surveys, c, w.map, series, respondents, side_a, side_b, static_cast<unsigned long>(a.opt.seed),
                     dir);
  dir.write("summary.json",
            [&](std::ostream& os) { write_compare_summary(os, a, inputs, c, labels, respondents, side_a, side_b); });
  dir.commit();
  print_closing_summary({"compare",
                         out,
                         dir.names().size(),
                         first_written(dir.names(), {"report.pdf", "changes.csv"}),
                         {plural(labels.size(), "wave", "waves") + " (" + labels.front() + " to " + labels.back() +
                          "): " + count_text(c.ties_compared, "en") +
                          " ties compared; credible change: " + count_text(c.ties_improved, "en") + " improved, " +
                          count_text(c.ties_worse, "en") + " worse"},
                         a.fig.lang},
                        a.quiet);
  return kOk;
}

}  // namespace rcmap::cli
