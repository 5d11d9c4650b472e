// rcmap mapping --init FILE: a first, commented mapping file for a wide
// survey export (docs/readers.md "Writing a mapping file").
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "closing.hpp"
#include "common.hpp"
#include "rcmap/survey/mapping_init.hpp"
#include "rcmap/survey/wide_export.hpp"

namespace rcmap::cli {

int cmd_mapping(const Args& args) {
  po::options_description desc("rcmap mapping options");
  std::string init;
  SurveyArgs sa;
  desc.add_options()("init", po::value(&init)->required(),
                     "mapping file to write (INI; an existing file is never overwritten)")(
      "units", po::value(&sa.units)->required(), "units file (unit,label,side,headcount; CSV, .xlsx or .sav)")(
      "responses", po::value(&sa.responses)->required(), "the wide survey export (CSV, .xlsx or .sav)")(
      "encoding", po::value(&sa.encoding)->default_value("auto"), "input encoding: auto, utf-8, windows-1252")(
      "sheet", po::value(&sa.sheet), "worksheet to read from every .xlsx input (default: the first visible sheet)")(
      "units-sheet", po::value(&sa.units_sheet), "worksheet of the --units workbook (overrides --sheet)")(
      "responses-sheet", po::value(&sa.responses_sheet), "worksheet of the --responses workbook (overrides --sheet)")(
      "quiet,q", po::bool_switch(&sa.quiet), "print errors only");
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap mapping --init FILE --units FILE --responses WIDE-EXPORT",
             "rcmap mapping --init mapping.ini --units samples/units.csv --responses samples/wide/nordby-wide.csv"))
    return kOk;
  std::error_code ec;
  if (std::filesystem::exists(init, ec))
    throw UsageError("--init " + init + " exists; rcmap does not overwrite it (give another name, or remove it)");
  for (const std::string* in : {&sa.units, &sa.responses})
    if (std::filesystem::exists(*in, ec) && std::filesystem::equivalent(*in, init, ec))
      throw UsageError("--init " + init + " is an input");
  const SurveyInput input = sa.input();
  Diagnostics diags;
  CsvTable units = read_input_table(input.units, input.units_sheet, {}, input.encoding, diags);
  CsvTable wide = read_input_table(input.responses, input.responses_sheet, {}, input.encoding, diags);
  if (diags.has_errors()) {
    print_diagnostics(diags, sa.quiet);
    throw InputError(diags);
  }
  const MappingGuess g = init_mapping(wide, units);
  // The file written must load: checked before it is written.
  Diagnostics check;
  parse_mapping(g.text, init, check);
  if (!g.pattern.empty() && check.has_errors())
    throw std::logic_error("the mapping file written does not load: " + format_diagnostic(check.items().front()));
  const std::string tmp = init + ".rcmap-tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << g.text;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw OutputError("cannot write " + init);
    }
  }
  if (std::rename(tmp.c_str(), init.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw OutputError("cannot write " + init);
  }
  if (!sa.quiet) {
    std::cerr << "rcmap mapping: wrote " << init << '\n';
    if (g.pattern.empty())
      std::cerr << "rcmap mapping: no rating columns recognised in " << sa.responses
                << "; write the pattern (or a [columns] section) in " << init << " before using it\n";
    else
      std::cerr << "rcmap mapping: " << g.rating_columns << " rating columns like '" << g.examples.front() << "' for "
                << g.units_matched << " units (pattern " << g.pattern << "); respondent column '" << g.respondent_column
                << "', own unit column '" << g.unit_column << "'\n";
    std::cerr << "rcmap mapping: check it, then: rcmap analyze --units " << sa.units << " --responses " << sa.responses
              << " --mapping " << init << " --out results\n";
  }
  return kOk;
}

}  // namespace rcmap::cli
