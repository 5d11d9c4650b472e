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

}  // namespace

int cmd_compare(const Args& args) {
  po::options_description desc("rcmap compare options");
  std::string before, after, units, responses, waves, unit_map, encoding = "auto";
  GapSidesArgs gaps;
  CompareOptions opt;
  SurveyArgs sa;  // reader options: --sheet, --mapping, ...
  FigureArgs fig;
  bool quiet = false;
  OutArgs oa;
  desc.add_options()("before", po::value(&before),
                     "baseline wave: folder with units.csv and responses.csv, or UNITS,RESPONSES")(
      "after", po::value(&after), "follow-up wave, as --before")(
      "units", po::value(&units), "units file shared by the waves (with --responses holding a 'wave' column)")(
      "responses", po::value(&responses), "responses file with a 'wave' column")(
      "waves", po::value(&waves),
      "the waves in time order, at least two: w1,w2,w3 (default: all, in order of "
      "appearance); changes.csv compares the first and the last")(
      "unit-map", po::value(&unit_map),
      "CSV old,new: earlier waves' unit ids renamed or merged into the last wave's ids");
  oa.add_results_folder(desc);
  desc.add_options()("min-n", po::value(&opt.agg.min_n)->default_value(5),
                     "anonymity threshold, per wave (at least 3)")(
      "min-answers", po::value(&opt.agg.min_answers)->default_value(4),
      "dimensions (of 7) a row must answer to be included")(
      "bootstrap", po::value(&opt.bootstrap)->default_value(2000),
      "bootstrap resamples for the interval of each change (at least 100)")(
      "seed", po::value(&opt.seed)->default_value(1),
      "bootstrap and layout seed (same seed, same intervals; "
      "the change map uses analyze's layout of the baseline with this seed)");
  gaps.add_to(desc, "the two sides placed left and right on the change map (as analyze)", false);
  add_encoding_option(desc, encoding);
  add_quiet_option(desc, quiet);
  sa.add_input_options(desc);
  fig.add_to(desc, FigureArgs::Kind::change);
  oa.add_to(desc);
  po::variables_map vm;
  if (!parse(
          args, desc, vm,
          "rcmap compare (--before DIR --after DIR | --units FILE --responses FILE [--waves W1,W2,...]) --out DIR "
          "[options]",
          "rcmap compare --before wave1 --after wave2 --unit-map unit-map.csv --out change --seed 1\n"
          "  rcmap compare --units units.csv --responses responses.csv --waves 2019,2021,2024 --out trend --lang da"))
    return kOk;
  const bool by_dirs = !before.empty() || !after.empty();
  if (by_dirs && (before.empty() || after.empty())) throw UsageError("give both --before and --after");
  if (by_dirs && (!units.empty() || !responses.empty()))
    throw UsageError("give either --before/--after or --units/--responses with a wave column, not both");
  if (!by_dirs && (units.empty() || responses.empty()))
    throw UsageError("give --before and --after, or --units and --responses with a wave column");
  check_options(opt.agg);
  if (opt.bootstrap < 100) throw UsageError("--bootstrap must be at least 100 resamples");
  const auto [side_a, side_b] = gaps.sides("compare", quiet, vm);
  fig.check();
  const std::string& out = oa.out;
  CsvDialect dialect = parse_csv_dialect(oa.csv_dialect);
  sa.encoding = encoding;
  ReadOptions ropt = sa.read_options();
  if (!by_dirs && !sa.mapping.empty())
    throw UsageError("--mapping works with --before/--after (a wide export per wave), not with a 'wave' column");

  std::vector<std::pair<std::string, std::string>> inputs;  // role, path
  std::string bu, br, au, ar;
  if (by_dirs) {
    std::tie(bu, br) = wave_files(before, "before");
    std::tie(au, ar) = wave_files(after, "after");
    inputs = {{"before_units", bu}, {"before_responses", br}, {"after_units", au}, {"after_responses", ar}};
    if (!sa.mapping.empty()) inputs.emplace_back("mapping", sa.mapping);
  } else {
    inputs = {{"units", units}, {"responses", responses}};
  }
  if (!unit_map.empty()) inputs.emplace_back("unit_map", unit_map);
  // The folder is locked, and checked against the inputs, before any input
  // is read (docs/outputs.md "Output safety").
  InputFiles read;
  for (const auto& [role, path] : inputs) read.add(role, path);
  std::vector<std::string> names = figure_names({"change-map", "change-matrix", "trend"});
  for (const char* n : {"changes.csv", "sides-changes.csv", "waves.csv", "sides-waves.csv", "summary.json",
                        "report.pdf", "report.html"})
    names.push_back(n);
  OutputDir dir(out, oa.options("compare", quiet, std::move(read), names, names));

  Diagnostics diags;
  std::vector<Survey> surveys;
  std::vector<std::string> labels;
  UnitMap map;
  try {
    if (by_dirs) {
      surveys.push_back(read_survey_input(sa.input(bu, br), diags));
      surveys.push_back(read_survey_input(sa.input(au, ar), diags));
      labels = {"before", "after"};
    } else {
      auto sel = split_list(waves);
      SurveyTables tables = read_survey_tables(sa.input(units, responses), diags);
      Waves w = waves_from_tables(tables.units, tables.responses, sel, diags);
      if (w.labels.size() < 2) {
        std::string found;
        for (const auto& l : w.labels) found += (found.empty() ? "'" : ", '") + l + "'";
        throw UsageError("compare needs at least two waves, found " + found + "; choose with --waves W1,W2");
      }
      surveys = std::move(w.surveys);
      labels = w.labels;
    }
    for (const auto& s : surveys) survey_warnings(s, opt.agg.min_answers, diags);
    if (!unit_map.empty()) map = read_unit_map(unit_map, ropt.encoding, diags);
    print_diagnostics(diags, quiet);
  } catch (const InputError&) {
    print_diagnostics(diags, quiet);
    throw;
  }

  // The baseline against the last wave (a reform's whole effect); every
  // wave's level is in waves.csv / sides-waves.csv.
  Comparison c = compare_waves(surveys.front(), surveys.back(), map, opt);
  c.before_label = labels.front();
  c.after_label = labels.back();
  const WaveSeries series = wave_series(surveys, labels, map, opt.agg);
  if (!quiet) {
    for (const auto& u : c.units_dropped)
      std::cerr << "rcmap compare: warning: unit '" << u << "' of wave '" << labels.front() << "' is not in wave '"
                << labels.back() << "' (add it to --unit-map if it was renamed or merged)\n";
    for (const auto& u : c.units_new)
      std::cerr << "rcmap compare: note: unit '" << u << "' is new in wave '" << labels.back() << "'\n";
    for (const auto& w : c.warnings) std::cerr << "rcmap compare: warning: " << w << '\n';
  }

  dir.write("changes.csv", [&](std::ostream& os) { write_table(os, changes_table(c), dialect); });
  dir.write("sides-changes.csv", [&](std::ostream& os) { write_table(os, sides_changes_table(c), dialect); });
  dir.write("waves.csv", [&](std::ostream& os) { write_table(os, waves_table(series), dialect); });
  dir.write("sides-waves.csv", [&](std::ostream& os) { write_table(os, sides_waves_table(series), dialect); });
  std::vector<int> respondents;  // per wave, with an included row (as analyze's summary)
  for (const Survey& s : surveys) respondents.push_back(aggregate(s, opt.agg).respondents);
  fig.write_change(surveys, c, map, series, respondents, side_a, side_b, static_cast<unsigned long>(opt.seed), dir);
  dir.write("summary.json", [&](std::ostream& os) {
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
    j.field("gap-sides", gaps.gap_sides).field("layout", fig.layout).field("lang", fig.lang);
    j.field("formats", fig.no_render ? std::string() : fig.formats);
    j.field("min-n", opt.agg.min_n).field("min-answers", opt.agg.min_answers);
    j.field("bootstrap", opt.bootstrap).field("seed", static_cast<long long>(opt.seed));
    j.field("encoding", encoding).field("csv-dialect", oa.csv_dialect).field("out", out);
    j.end_object();
    j.key("comparison");
    write_comparison_json(j, c);
    j.key("findings");
    write_change_findings_json(j, c, compute_change_findings(c, side_a, side_b, labels, respondents));
    j.end_object();
    j.finish();
  });
  dir.commit();
  print_closing_summary({"compare",
                         out,
                         dir.names().size(),
                         first_written(dir.names(), {"report.pdf", "changes.csv"}),
                         {plural(labels.size(), "wave", "waves") + " (" + labels.front() + " to " + labels.back() +
                          "): " + count_text(c.ties_compared, "en") +
                          " ties compared; credible change: " + count_text(c.ties_improved, "en") + " improved, " +
                          count_text(c.ties_worse, "en") + " worse"},
                         fig.lang},
                        quiet);
  return kOk;
}

}  // namespace rcmap::cli
