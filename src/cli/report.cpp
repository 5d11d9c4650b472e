// rcmap report DIR: regenerates DIR/report.pdf and DIR/report.html (and
// units/*.png with --per-unit) and the figures (map, gap-map, matrix, profile,
// in the recorded formats: --title, --date and --lang change them too) from
// the inputs and options recorded in DIR/summary.json (--page and --no-title
// change the figure files as in analyze). The inputs are re-read
// and must still have the recorded SHA-256 (exit 2 otherwise); the analysis is
// recomputed (the same code as analyze, so the same numbers) and only the
// report and figure files are written, atomically.
//
// Inputs are searched at the path recorded (as given to analyze, from where
// it ran) and at the path recorded relative to the results folder, so DIR
// may be moved together with its inputs and rcmap report run from anywhere
// (docs/outputs.md "Moving a results folder").
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "common.hpp"
#include "rcmap/io/json_reader.hpp"

namespace rcmap::cli {

namespace {

// The inputs of DIR/summary.json as command-line options (--units PATH ...)
// at the place each is found; InputError naming the file and what to do
// when one is in neither place. Nothing is added when summary.json is
// missing or unreadable: the --config reading reports that.
std::vector<std::string> located_inputs(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string summary = (fs::path(dir) / "summary.json").string();
  std::ifstream in(summary, std::ios::binary);
  if (!in) return {};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  JsonValue doc;
  try {
    doc = parse_json(text, summary);
  } catch (const InputError&) {
    return {};
  }
  const JsonValue* inputs = doc.get("inputs");
  if (!inputs || inputs->kind != JsonValue::Kind::object) return {};
  std::vector<std::string> argv;
  Diagnostics missing;
  for (const auto& [role, v] : inputs->members) {
    if (role != "units" && role != "responses" && role != "mapping" && role != "ties") continue;
    const JsonValue* p = v.get("path");
    if (!p || p->kind != JsonValue::Kind::string || p->text.empty() || p->text == "-") continue;
    const JsonValue* rel = v.get("path_from_results");
    std::error_code ec;
    std::string found;
    if (fs::is_regular_file(p->text, ec))
      found = p->text;
    else if (rel && rel->kind == JsonValue::Kind::string && !rel->text.empty() &&
             fs::is_regular_file(fs::path(dir) / rel->text, ec))
      found = (fs::path(dir) / rel->text).lexically_normal().string();
    if (found.empty()) {
      std::string where = p->text;
      if (rel && rel->kind == JsonValue::Kind::string && !rel->text.empty())
        where += " (from where rcmap analyze ran) nor " + (fs::path(dir) / rel->text).lexically_normal().string() +
                 " (relative to the results folder)";
      missing.error(summary, 0, 0, {},
                    "the " + role + " file the results were made from is not found: neither " + where +
                        " exists; put the file back there (or next to the results folder as it was), "
                        "then rerun rcmap report");
      continue;
    }
    argv.insert(argv.end(), {"--" + role, found});
  }
  if (missing.has_errors()) {
    print_diagnostics(missing, false);
    throw InputError(missing);
  }
  return argv;
}

}  // namespace

int cmd_report(const Args& args) {
  po::options_description desc("rcmap report options");
  std::string dir, lang, title, date, page;
  bool per_unit = false, quiet = false, no_title = false;
  OutArgs oa;
  desc.add_options()("dir", po::value(&dir)->required(),
                     "results folder of an earlier rcmap analyze (holds summary.json)")(
      "lang", po::value(&lang),
      "language of the report and figures: en, da (dansk), nb (norsk bokmål); default: as recorded")(
      "per-unit", po::bool_switch(&per_unit), "add one page and units/<name>.png per unit")(
      "title", po::value(&title), "survey name on the report and the figures; default: as recorded")(
      "date", po::value(&date), "date of the data; default: as recorded")(
      "page", po::value(&page),
      "page of the figure files: a4 or 16:9 (a widescreen slide); report.pdf stays A4; default: as recorded")(
      "no-title", po::bool_switch(&no_title), "figure files without their title and subtitle; report.pdf keeps them");
  add_quiet_option(desc, quiet);
  oa.add_to(desc);
  po::options_description all(desc);
  all.add_options()("help,h", "show this help");
  po::positional_options_description pos;
  pos.add("dir", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args.argv).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
      std::cout << "Usage: rcmap report DIR [--lang en|da|nb] [--per-unit] [--title TEXT] [--date DATE] "
                   "[--page a4|16:9] [--no-title]\n\n"
                << all
                << "\nExample:\n  rcmap report results --lang da --per-unit\n"
                   "  rcmap report results --page 16:9 --no-title   (figures for slides, captioned there)\n";
      return kOk;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see: rcmap report --help)");
  }
  Args a;
  a.argv = {"--config", dir + "/summary.json", "--out", dir};
  for (auto& w : located_inputs(dir)) a.argv.push_back(std::move(w));
  if (vm.count("lang")) a.argv.insert(a.argv.end(), {"--lang", lang});
  if (vm.count("title")) a.argv.insert(a.argv.end(), {"--title", title});
  if (vm.count("date")) a.argv.insert(a.argv.end(), {"--date", date});
  if (vm.count("page")) a.argv.insert(a.argv.end(), {"--page", page});
  if (no_title) a.argv.push_back("--no-title");
  if (per_unit) a.argv.push_back("--per-unit");
  if (quiet) a.argv.push_back("--quiet");
  if (oa.wait) a.argv.push_back("--wait");
  return run_analysis(a, true);
}

}  // namespace rcmap::cli
