#include "common.hpp"

#include <iostream>

#include "rcmap/checksum.hpp"
#include "rcmap/csv.hpp"

namespace rcmap::cli {

bool parse(const Args& args, const po::options_description& desc, po::variables_map& vm,
           const std::string& usage, const std::string& example) {
  po::options_description all(desc);
  all.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args.argv).options(all).run(), vm);
    if (vm.count("help")) {
      std::cout << "Usage: " << usage << "\n\n" << all << "\nExample:\n  " << example << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see: " + usage.substr(0, usage.find(' ', 6)) + " --help)");
  }
  return true;
}

void SurveyArgs::add_to(po::options_description& desc, bool with_thresholds) {
  desc.add_options()
    ("units", po::value(&units)->required(), "units file (unit,label,side,headcount)")
    ("responses", po::value(&responses)->required(),
     "responses file (respondent,unit,target + 7 dimensions)")
    ("encoding", po::value(&encoding)->default_value("auto"),
     "input encoding: auto (UTF-8, else Windows-1252 with a warning), utf-8, windows-1252")
    ("min-answers", po::value(&agg.min_answers)->default_value(4),
     "dimensions (of 7) a row must answer to be included")
    ("quiet,q", po::bool_switch(&quiet), "print errors only, no warnings or notes");
  if (with_thresholds)
    desc.add_options()
      ("min-n", po::value(&agg.min_n)->default_value(5),
       "anonymity threshold: figures from fewer respondents are suppressed (at least 3)")
      ("weak-below", po::value(&agg.weak_below)->default_value(3.5), "RC below this is weak")
      ("strong-from", po::value(&agg.strong_from)->default_value(4.0), "RC from this is strong");
}

ReadOptions SurveyArgs::read_options() const {
  ReadOptions r;
  if (encoding == "auto") r.encoding = Encoding::auto_detect;
  else if (encoding == "utf-8" || encoding == "utf8") r.encoding = Encoding::utf8;
  else if (encoding == "windows-1252" || encoding == "cp1252") r.encoding = Encoding::windows1252;
  else throw UsageError("--encoding must be auto, utf-8 or windows-1252, got '" + encoding + "'");
  return r;
}

void SurveyArgs::record(RunInfo& run) const {
  run.options.emplace_back("units", units);
  run.options.emplace_back("responses", responses);
  run.options.emplace_back("encoding", encoding);
  run.options.emplace_back("min-answers", std::to_string(agg.min_answers));
  run.options.emplace_back("min-n", std::to_string(agg.min_n));
  run.options.emplace_back("weak-below", format_fixed(agg.weak_below, 2));
  run.options.emplace_back("strong-from", format_fixed(agg.strong_from, 2));
  run.inputs.push_back({"units", units, sha256_file(units)});
  run.inputs.push_back({"responses", responses, sha256_file(responses)});
}

void print_diagnostics(const Diagnostics& diags, bool quiet) {
  for (const auto& d : diags.items())
    if (!quiet || d.severity == Severity::error) std::cerr << "rcmap: " << format_diagnostic(d) << '\n';
  if (diags.errors_not_shown())
    std::cerr << "rcmap: ... and " << diags.errors_not_shown() << " more errors not shown\n";
}

Survey load_survey(const SurveyArgs& a, Diagnostics& diags) {
  try {
    Survey s = read_survey(a.units, a.responses, a.read_options(), diags);
    survey_warnings(s, a.agg.min_answers, diags);
    print_diagnostics(diags, a.quiet);
    return s;
  } catch (const InputError&) {
    print_diagnostics(diags, a.quiet);
    throw;
  }
}

}  // namespace rcmap::cli
