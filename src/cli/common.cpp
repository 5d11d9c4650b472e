#include "common.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "rcmap/io/checksum.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/json_reader.hpp"
#include "rcmap/survey/mapping_init.hpp"
#include "rcmap/waves/waves.hpp"

namespace rcmap::cli {

std::string plural_errors(std::size_t n) { return std::to_string(n) + (n == 1 ? " error" : " errors"); }

namespace {

// Options of a project file as INI text: an INI file as it is, or the
// "options" object of an earlier run's summary.json. Checksums recorded in
// summary.json are returned in `checksums` (path -> sha256).
std::string config_text(const std::string& path, std::map<std::string, std::string>& checksums,
                        std::map<std::string, std::string>& role_checksums) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read config file " + path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A UTF-8 byte-order mark (Notepad, Excel "Save as UTF-8") is no option
  // text: without this, the first INI name would start with it.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (path.size() < 5 || path.compare(path.size() - 5, 5, ".json") != 0) return text;
  JsonValue doc = parse_json(text, path);
  const JsonValue* opts = doc.get("options");
  if (!opts || opts->kind != JsonValue::Kind::object)
    throw UsageError(path + " has no \"options\" object; expected a summary.json written by rcmap");
  std::string ini;
  for (const auto& [k, v] : opts->members) ini += k + " = " + v.text + "\n";
  if (const JsonValue* inputs = doc.get("inputs"))
    for (const auto& [role, in] : inputs->members)
      if (const JsonValue* p = in.get("path"), *h = in.get("sha256"); p && h) {
        checksums[p->text] = h->text;
        role_checksums[role] = h->text;
      }
  return ini;
}

}  // namespace

bool parse(const Args& args, const po::options_description& desc, po::variables_map& vm, const std::string& usage,
           const std::string& example, Project* project, std::set<std::string>* command_line) {
  po::options_description all(desc);
  all.add_options()("help,h", "show this help");
  std::string config;
  if (project)
    all.add_options()("config", po::value(&config),
                      "read options from a project file: an INI file (name = value lines, e.g. the "
                      "project.ini rcmap writes) or an earlier run's summary.json; options given on "
                      "the command line win");
  try {
    po::store(po::command_line_parser(args.argv).options(all).run(), vm);
    if (vm.count("help")) {
      std::cout << "Usage: " << usage << "\n\n" << all << "\nExample:\n  " << example << "\n";
      return false;
    }
    if (command_line)
      for (const auto& [name, v] : vm)
        if (!v.defaulted()) command_line->insert(name);
    if (project && vm.count("config")) {
      config = vm["config"].as<std::string>();
      std::istringstream ini(config_text(config, project->checksums, project->role_checksums));
      po::store(po::parse_config_file(ini, all), vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see: " + usage.substr(0, usage.find(' ', 6)) + " --help)");
  }
  return true;
}

void deprecated_note(const std::string& command, const std::string& old_use, const std::string& new_use, bool quiet) {
  if (!quiet) std::cerr << "rcmap " << command << ": note: " << old_use << " is deprecated; use " << new_use << '\n';
}

void set_option(po::variables_map& vm, const std::string& name, const std::string& value) {
  auto it = vm.find(name);
  if (it == vm.end())
    vm.insert({name, po::variable_value(boost::any(value), false)});
  else
    it->second.value() = value;
}

void add_encoding_option(po::options_description& desc, std::string& encoding) {
  desc.add_options()("encoding", po::value(&encoding)->default_value("auto"),
                     "input encoding: auto (UTF-8, else Windows-1252 with a warning), utf-8, windows-1252");
}

void add_quiet_option(po::options_description& desc, bool& quiet) {
  desc.add_options()("quiet,q", po::bool_switch(&quiet), "print errors only: no warnings, notes or progress");
}

void GapSidesArgs::add_to(po::options_description& desc, const char* help, bool aliases) {
  desc.add_options()("gap-sides", po::value(&gap_sides)->default_value("authority,provider"), help);
  if (aliases)
    desc.add_options()("authority-side", po::value(&authority_side), "deprecated: use --gap-sides AUTHORITY,PROVIDER")(
        "provider-side", po::value(&provider_side), "deprecated: use --gap-sides AUTHORITY,PROVIDER");
}

std::pair<std::string, std::string> GapSidesArgs::sides(const std::string& command, bool quiet, po::variables_map& vm) {
  if (!authority_side.empty() || !provider_side.empty()) {
    const auto comma = gap_sides.find(',');
    std::string a = gap_sides.substr(0, comma), b = comma == std::string::npos ? "" : gap_sides.substr(comma + 1);
    if (!authority_side.empty()) a = authority_side;
    if (!provider_side.empty()) b = provider_side;
    gap_sides = a + "," + b;
    if (!quiet)
      std::cerr << "rcmap " << command
                << ": warning: --authority-side and --provider-side are deprecated; "
                   "use --gap-sides "
                << gap_sides << '\n';
  }
  const auto comma = gap_sides.find(',');
  if (comma == std::string::npos || gap_sides.find(',', comma + 1) != std::string::npos)
    throw UsageError("--gap-sides needs two side names separated by a comma, got '" + gap_sides + "'");
  std::pair<std::string, std::string> out{gap_sides.substr(0, comma), gap_sides.substr(comma + 1)};
  if (out.first.empty() || out.second.empty())
    throw UsageError("--gap-sides needs two non-empty side names separated by a comma, got '" + gap_sides + "'");
  vm.erase("authority-side");
  vm.erase("provider-side");
  set_option(vm, "gap-sides", gap_sides);
  return out;
}

void SurveyArgs::add_to(po::options_description& desc, bool with_thresholds) {
  desc.add_options()("units", po::value(&units)->required(),
                     "units file (unit,label,side,headcount; CSV, .xlsx or .sav)")(
      "responses", responses_required ? po::value(&responses)->required() : po::value(&responses),
      "responses file (respondent,unit,target + 7 dimensions; CSV, .xlsx or .sav)");
  if (!responses_required)
    desc.add_options()("tie-table", po::value(&tie_table),
                       "an aggregated tie table FILE (source,target,n,rc; CSV or .xlsx) to analyse instead of "
                       "--responses");
  add_encoding_option(desc, encoding);
  desc.add_options()("min-answers", po::value(&agg.min_answers)->default_value(4),
                     "dimensions (of 7) a row must answer to be included");
  add_quiet_option(desc, quiet);
  add_input_options(desc);
  if (with_thresholds)
    desc.add_options()("min-n", po::value(&agg.min_n)->default_value(5),
                       "anonymity threshold: figures from fewer respondents are suppressed (at least 3)")(
        "weak-below", po::value(&agg.weak_below)->default_value(3.5), "RC below this is weak")(
        "strong-from", po::value(&agg.strong_from)->default_value(4.0), "RC from this is strong");
}

void SurveyArgs::add_input_options(po::options_description& desc) {
  desc.add_options()("sheet", po::value(&sheet),
                     "worksheet to read from every .xlsx input (default: the first visible sheet)")(
      "units-sheet", po::value(&units_sheet), "worksheet of the --units workbook (overrides --sheet)")(
      "responses-sheet", po::value(&responses_sheet), "worksheet of the --responses workbook (overrides --sheet)")(
      "mapping", po::value(&mapping),
      "mapping file (INI): --responses is a wide survey export (CSV, .xlsx or .sav) to reshape; "
      "see samples/wide/");
}

SurveyInput SurveyArgs::input() const { return input(units, responses); }

SurveyInput SurveyArgs::input(const std::string& units_path, const std::string& responses_path) const {
  SurveyInput in;
  in.units = units_path;
  in.responses = responses_path;
  in.mapping = mapping;
  in.encoding = read_options().encoding;
  // A file that does not exist is reported by its reader (exit 2), not here.
  auto other = [](const std::string& p) {
    std::error_code ec;
    return std::filesystem::exists(p, ec) && detect_format(p) != InputFormat::xlsx;
  };
  const bool units_xlsx = detect_format(units_path) == InputFormat::xlsx;
  const bool responses_xlsx = detect_format(responses_path) == InputFormat::xlsx;
  if (!units_sheet.empty() && other(units_path))
    throw UsageError("--units-sheet is for .xlsx workbooks; " + units_path + " is not one");
  if (!responses_sheet.empty() && other(responses_path))
    throw UsageError("--responses-sheet is for .xlsx workbooks; " + responses_path + " is not one");
  if (!sheet.empty() && other(units_path) && other(responses_path))
    throw UsageError("--sheet is for .xlsx workbooks; neither " + units_path + " nor " + responses_path + " is one");
  if (units_xlsx) in.units_sheet = units_sheet.empty() ? sheet : units_sheet;
  if (responses_xlsx) in.responses_sheet = responses_sheet.empty() ? sheet : responses_sheet;
  return in;
}

ReadOptions SurveyArgs::read_options() const {
  ReadOptions r;
  if (encoding == "auto")
    r.encoding = Encoding::auto_detect;
  else if (encoding == "utf-8" || encoding == "utf8")
    r.encoding = Encoding::utf8;
  else if (encoding == "windows-1252" || encoding == "cp1252")
    r.encoding = Encoding::windows1252;
  else
    throw UsageError("--encoding must be auto, utf-8 or windows-1252, got '" + encoding + "'");
  return r;
}

void SurveyArgs::record(RunInfo& run, const Project& project, Diagnostics& diags) const {
  std::vector<std::pair<const char*, std::string>> files = {{"units", units}};
  for (const auto& [role, path] :
       {std::pair<const char*, const std::string&>{"responses", responses}, {"mapping", mapping}, {"ties", tie_table}})
    if (!path.empty()) files.emplace_back(role, path);
  for (const auto& [role, path] : files) {
    // A checksum being computed is waited for when summary.json is written,
    // or now to compare it with the project's.
    auto started = digests.find(path);
    auto it = project.checksums.find(path);
    if (started == digests.end())
      run.inputs.push_back({role, path, sha256_file(path)});
    else if (it == project.checksums.end())
      run.inputs.push_back({role, path, {}, started->second});
    else
      run.inputs.push_back({role, path, started->second.get()});
    if (it != project.checksums.end() && it->second != run.inputs.back().sha256)
      diags.warning(path, 0, 0, {},
                    "file differs from the one the project file was made from (SHA-256 changed); "
                    "results will differ");
  }
}

void record_relative_paths(RunInfo& run, const std::string& out) {
  namespace fs = std::filesystem;
  for (auto& in : run.inputs) {
    std::error_code ec;
    if (in.path.empty() || in.path == "-" || !fs::is_regular_file(in.path, ec)) continue;
    const fs::path rel = fs::relative(fs::absolute(in.path, ec), fs::absolute(out, ec), ec);
    if (!ec && !rel.empty()) in.from_results = rel.generic_string();
  }
}

std::vector<std::pair<std::string, std::string>> options_of(const po::variables_map& vm) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, v] : vm) {
    if (name == "help" || name == "config" || name == "quiet" || name == "wait") continue;
    const boost::any& a = v.value();
    std::string text;
    if (auto p = boost::any_cast<std::string>(&a))
      text = *p;
    else if (auto i = boost::any_cast<int>(&a))
      text = std::to_string(*i);
    else if (auto u = boost::any_cast<std::uint64_t>(&a))
      text = std::to_string(*u);
    else if (auto u = boost::any_cast<unsigned long long>(&a))
      text = std::to_string(*u);
    else if (auto d = boost::any_cast<double>(&a)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.15g", *d);
      text = buf;
    } else if (auto b = boost::any_cast<bool>(&a))
      text = *b ? "true" : "false";
    else
      throw std::logic_error("options_of: option --" + name + " has a type rcmap cannot record");
    out.emplace_back(name, text);
  }
  return out;
}

void OutArgs::add_results_folder(po::options_description& desc) {
  desc.add_options()(
      "out", po::value(&out)->required(),
      "results folder (created if missing; other files in it are kept, except rcmap's own earlier outputs this "
      "run does not rewrite)")("csv-dialect", po::value(&csv_dialect)->default_value("standard"),
                               "standard (',' and '.') or excel-da (';' and decimal comma, for Danish Excel)");
}

void OutArgs::add_to(po::options_description& desc) {
  desc.add_options()("wait", po::bool_switch(&wait),
                     "if another rcmap run is writing into the same folder, wait for it to finish instead of "
                     "exiting with code 3");
}

OutputOptions OutArgs::options(const std::string& command, bool quiet, InputFiles inputs, std::vector<std::string> plan,
                               std::vector<std::string> scope) const {
  OutputOptions o;
  o.command = "rcmap " + command;
  o.quiet = quiet;
  o.wait = wait;
  o.inputs = std::move(inputs);
  o.plan = std::move(plan);
  o.scope = std::move(scope);
  return o;
}

std::vector<std::string> figure_names(std::initializer_list<const char*> stems, const std::string& prefix) {
  std::vector<std::string> v;
  for (const char* s : stems)
    for (const char* ext : {".png", ".svg", ".pdf"}) v.push_back(prefix + s + ext);
  return v;
}

std::vector<std::string> analysis_names(const std::string& prefix) {
  std::vector<std::string> v = figure_names({"map", "gap-map", "matrix", "profile"}, prefix);
  for (const char* n : {"ties.csv", "units.csv", "sides.csv", "gaps.csv", "bridges.csv", "workbook.xlsx",
                        "network.graphml", "summary.json", "project.ini", "report.pdf", "report.html", "units/*.png"})
    v.push_back(prefix + n);
  return v;
}

std::vector<std::string> by_site_names() {
  std::vector<std::string> v = figure_names({"sites"});
  v.push_back("sites.csv");
  v.push_back("summary.json");
  v.push_back("report.pdf");
  v.push_back("report.html");
  for (auto& n : analysis_names("*/")) v.push_back(std::move(n));
  return v;
}

std::string project_ini(const RunInfo& run) {
  std::string s = "# rcmap project file: rerun with  rcmap " + run.command +
                  " --config project.ini\n"
                  "# Options given on the command line override these.\n";
  for (const auto& [k, v] : run.options) s += k + " = " + v + "\n";
  return s;
}

void print_diagnostics(const Diagnostics& diags, bool quiet) {
  // Errors of one kind after the first kMaxPerKind are collapsed into one
  // line with their count, stored or not (docs/commands.md "Guided mistakes").
  constexpr std::size_t kMaxPerKind = 5;
  std::vector<const Diagnostic*> firsts;       // first error of each kind, in order
  std::map<std::string, std::size_t> printed;  // errors of a kind printed so far
  for (const auto& d : diags.items()) {
    if (quiet && d.severity != Severity::error) continue;
    if (d.severity == Severity::error) {
      std::size_t& n = printed[Diagnostics::kind_of(d)];
      if (n == 0) firsts.push_back(&d);
      if (++n > kMaxPerKind) continue;
    }
    std::cerr << "rcmap: " << format_diagnostic(d) << '\n';
  }
  std::size_t not_shown = diags.error_count();
  for (const auto& [kind, n] : printed) not_shown -= std::min(n, kMaxPerKind);
  for (const Diagnostic* d : firsts) {
    const std::size_t all = std::max(diags.errors_of_kind(*d), printed[Diagnostics::kind_of(*d)]);
    if (all <= kMaxPerKind) continue;
    const std::size_t more = all - kMaxPerKind;
    not_shown -= std::min(not_shown, more);
    std::string what = d->message.substr(0, d->message.find_first_of(";'"));
    while (!what.empty() && what.back() == ' ') what.pop_back();
    std::cerr << "rcmap: " << d->file << (d->column_name.empty() ? "" : " (" + d->column_name + ")")
              << (d->file.empty() && d->column_name.empty() ? "" : ": ") << "... and " << more
              << (more == 1 ? " more error" : " more errors") << " like the above (" << what << ")\n";
  }
  if (not_shown)
    std::cerr << "rcmap: ... and " << not_shown << (not_shown == 1 ? " more error" : " more errors") << " not shown\n";
}

void SurveyArgs::start_checksums() const {
  for (const std::string* path : {&units, &responses})
    if (!path->empty() && !digests.count(*path)) digests.emplace(*path, sha256_file_async(*path));
}

namespace {

// The column names of a CSV file's first line, lower-cased and trimmed
// (delimiter , ; or TAB as the CSV reader guesses it); empty for a file that
// is not CSV or cannot be read. Only for the guidance below: the readers
// report every real problem.
std::vector<std::string> csv_header(const std::string& path, bool lower = true) {
  std::error_code ec;
  if (path.empty() || path == "-" || !std::filesystem::is_regular_file(path, ec) ||
      detect_format(path) != InputFormat::csv)
    return {};
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line)) return {};
  if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  char delim = ',';
  for (char c : {';', '\t'})
    if (std::count(line.begin(), line.end(), c) > std::count(line.begin(), line.end(), delim)) delim = c;
  std::vector<std::string> names;
  std::string cell;
  std::istringstream ss(line);
  while (std::getline(ss, cell, delim)) {
    std::string t;
    for (char c : cell)
      if (c != '"' && c != '\r' && (c != ' ' || !lower))
        t += lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
    names.push_back(t);
  }
  return names;
}

bool has(const std::vector<std::string>& names, std::string_view n) {
  return std::find(names.begin(), names.end(), n) != names.end();
}

// --units and --responses given the other way round (docs/commands.md
// "Guided mistakes"): the units file has respondent and target columns, or
// the responses file has label, side and headcount but no target.
void check_not_swapped(const SurveyArgs& a) {
  const auto u = csv_header(a.units), r = csv_header(a.responses);
  const bool units_is_responses = has(u, "respondent") && has(u, "target");
  const bool responses_is_units = has(r, "headcount") && has(r, "side") && !has(r, "target");
  if (units_is_responses && responses_is_units)
    throw UsageError("--units and --responses are swapped: " + a.units +
                     " holds responses (respondent, target, ...) "
                     "and " +
                     a.responses + " holds units (unit, label, side, headcount); give --units " + a.responses +
                     " --responses " + a.units);
  if (units_is_responses)
    throw UsageError("--units " + a.units +
                     " holds responses (columns respondent and target); expected the units "
                     "file (unit, label, side, headcount)");
  if (responses_is_units && a.mapping.empty())
    throw UsageError("--responses " + a.responses +
                     " holds units (columns label, side, headcount); expected the "
                     "responses file (respondent, unit, target and the seven dimensions)");
}

// After "unknown unit" errors: the units file's first ids, said once, so the
// user sees at a glance whether the two files belong together.
void note_known_units(const SurveyArgs& a, const Diagnostics& diags) {
  std::size_t unknown = 0;
  for (const auto& d : diags.items())
    if (d.severity == Severity::error && d.message.rfind("unknown unit ", 0) == 0) ++unknown;
  if (!unknown) return;
  Diagnostics scratch;
  std::vector<Unit> units;
  try {
    units = read_units(a.units, a.read_options(), scratch);
  } catch (const std::exception&) {
    return;
  }
  std::string ids;
  constexpr std::size_t kShown = 8;
  for (std::size_t i = 0; i < units.size() && i < kShown; ++i) ids += (i ? ", '" : "'") + units[i].id + "'";
  if (units.size() > kShown) ids += ", ... (" + std::to_string(units.size()) + " units)";
  std::cerr << "rcmap: note: " << a.units << " has the unit ids " << ids
            << "; the responses name other units: are --units and --responses from the same survey?\n";
}

}  // namespace

bool wide_without_mapping(const SurveyArgs& a, Diagnostics& one) {
  if (!a.mapping.empty() || a.responses.empty() || a.responses == "-") return false;
  std::vector<std::string> header = csv_header(a.responses, false);
  std::error_code ec;
  if (header.empty() && std::filesystem::is_regular_file(a.responses, ec)) {
    Diagnostics scratch;
    try {
      const SurveyInput in = a.input();
      header = read_input_table(in.responses, in.responses_sheet, {}, in.encoding, scratch).header;
    } catch (const std::exception&) {
      return false;
    }
  }
  std::size_t count = 0;
  std::vector<std::string> examples;
  if (!looks_wide(header, count, examples)) return false;
  std::string like;
  for (const auto& e : examples) like += (like.empty() ? "'" : ", '") + e + "'";
  one.error(a.responses, 1, 0, {},
            "looks like a wide survey export (" + std::to_string(count) + " columns like " + like +
                ") rather than one row per respondent and rated unit; describe its columns in a mapping file: "
                "rcmap mapping --init mapping.ini --units " +
                a.units + " --responses " + a.responses + ", check the file, then add --mapping mapping.ini");
  return true;
}

Survey load_survey(const SurveyArgs& a, Diagnostics& diags) {
  check_not_swapped(a);
  try {
    Survey s;
    // A `wave` column with several waves (docs/commands.md "Guided
    // mistakes"): one error naming them, or --wave W picks one.
    if (a.mapping.empty() && (!a.wave.empty() || has(csv_header(a.responses), "wave"))) {
      SurveyTables tables = read_survey_tables(a.input(), diags);
      ColumnSplit split = split_by_column(tables.responses, "wave", diags);
      if (diags.has_errors()) throw InputError(diags);
      if (!a.wave.empty()) {
        if (!split.had_column) throw UsageError("--wave " + a.wave + ": " + a.responses + " has no 'wave' column");
        const long k = split.find(a.wave);
        if (k < 0) {
          std::string found;
          for (const auto& l : split.labels) found += (found.empty() ? "'" : ", '") + l + "'";
          throw UsageError("--wave: no wave '" + a.wave + "' in " + a.responses + " (waves: " + found + ")");
        }
        tables.responses = std::move(split.parts[static_cast<std::size_t>(k)]);
      } else if (split.labels.size() > 1) {
        std::string found;
        for (const auto& l : split.labels) found += (found.empty() ? "" : ", ") + l;
        diags.error(a.responses, 1, find_column(tables.responses.header, "wave") + 1, "wave",
                    "the file holds " + std::to_string(split.labels.size()) + " survey waves (" + found +
                        "); analyse one with rcmap analyze --wave " + split.labels.front() +
                        ", or compare them with rcmap compare --units " + a.units + " --responses " + a.responses +
                        " --out change");
        throw InputError(diags);
      } else {
        tables.responses = std::move(split.parts.front());
      }
      s = build_survey_tables(tables, diags);
      s.units_path = a.units;
      s.responses_path = a.responses;
    } else {
      s = read_survey_input(a.input(), diags);
    }
    // Warnings are only printed, and --quiet prints none: a quiet run skips
    // them (a pass over every row).
    if (!a.quiet) survey_warnings(s, a.agg.min_answers, diags);
    print_diagnostics(diags, a.quiet);
    return s;
  } catch (const InputError&) {
    if (Diagnostics one; wide_without_mapping(a, one)) {
      print_diagnostics(one, a.quiet);
      throw InputError(one);
    }
    print_diagnostics(diags, a.quiet);
    note_known_units(a, diags);
    throw;
  }
}

}  // namespace rcmap::cli
