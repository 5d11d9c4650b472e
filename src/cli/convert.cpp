// rcmap convert --to long: what rcmap understood from any survey input, as
// the canonical units.csv and responses.csv (docs/readers.md "Converting").
#include <iostream>

#include "closing.hpp"
#include "common.hpp"
#include "rcmap/survey/convert.hpp"
#include "rcmap/io/output_dir.hpp"

namespace rcmap::cli {

int cmd_convert(const Args& args) {
  po::options_description desc("rcmap convert options");
  SurveyArgs sa;
  std::string to, out;
  OutArgs oa;
  sa.add_to(desc, false);
  oa.add_to(desc);
  desc.add_options()("to", po::value(&to)->required(), "output layout: long (canonical units.csv and responses.csv)")(
      "out", po::value(&out)->required(), "folder for units.csv and responses.csv (created if missing)");
  po::variables_map vm;
  if (!parse(args, desc, vm,
             "rcmap convert --to long --units FILE --responses FILE [--mapping FILE] [--sheet NAME] --out DIR",
             "rcmap convert --to long --units samples/units.csv --responses samples/wide/nordby-wide.xlsx "
             "--mapping samples/wide/nordby-wide-xlsx.ini --out understood"))
    return kOk;
  if (to != "long") throw UsageError("--to must be long, got '" + to + "'");
  sa.read_options();  // checks --encoding before the folder is locked
  InputFiles inputs;
  inputs.add("units", sa.units);
  inputs.add("responses", sa.responses);
  inputs.add("mapping", sa.mapping);
  const std::vector<std::string> names = {"units.csv", "responses.csv"};
  OutputDir dir(out, oa.options("convert", sa.quiet, std::move(inputs), names, names));
  Diagnostics diags;
  SurveyTables tables;
  try {
    tables = read_survey_tables(sa.input(), diags);
    // Full validation first: invalid input writes nothing.
    build_survey_tables(tables, diags);
  } catch (const InputError&) {
    if (Diagnostics one; wide_without_mapping(sa, one)) {
      print_diagnostics(one, sa.quiet);
      throw InputError(one);
    }
    print_diagnostics(diags, sa.quiet);
    throw;
  }
  Diagnostics pick;  // canonical columns are there: validation needed them
  CsvTable units = canonical_units(tables.units, pick), responses = canonical_responses(tables.responses, pick);
  if (pick.has_errors()) {
    print_diagnostics(pick, sa.quiet);
    throw InputError(pick);
  }
  print_diagnostics(diags, sa.quiet);
  write_canonical_files(dir, units, responses);
  dir.commit();
  print_closing_summary(
      {"convert",
       out,
       dir.names().size(),
       "responses.csv",
       {count_text(units.rows.size(), "en") + " units in units.csv, " + count_text(responses.rows.size(), "en") +
        " rows in responses.csv (check them, then: "
        "rcmap analyze --units " +
        out + "/units.csv --responses " + out + "/responses.csv --out results)"}},
      sa.quiet);
  return kOk;
}

}  // namespace rcmap::cli
