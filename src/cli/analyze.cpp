#include <iostream>

#include "common.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/method.hpp"
#include "rcmap/tables.hpp"
#include "rcmap/workbook.hpp"

namespace rcmap::cli {

int cmd_analyze(const Args& args) {
  po::options_description desc("rcmap analyze options");
  SurveyArgs sa;
  std::string out, dialect_name = "standard";
  sa.add_to(desc, true);
  desc.add_options()
    ("out", po::value(&out)->required(), "results folder (created if missing; other files in it are kept)")
    ("csv-dialect", po::value(&dialect_name)->default_value("standard"),
     "standard (',' and '.') or excel-da (';' and decimal comma, for Danish Excel)");
  po::variables_map vm;
  Project project;
  if (!parse(args, desc, vm, "rcmap analyze --units FILE --responses FILE --out DIR [options]",
             "rcmap analyze --units samples/units.csv --responses samples/responses.csv --out results --min-n 5\n"
             "  rcmap analyze --config results/project.ini --out results-again",
             &project))
    return kOk;
  check_options(sa.agg);
  CsvDialect dialect = parse_csv_dialect(dialect_name);
  sa.read_options();  // checks --encoding before any work

  Diagnostics diags;
  Survey survey = load_survey(sa, diags);
  Aggregate agg = aggregate(survey, sa.agg);

  RunInfo run;
  run.command = "analyze";
  run.options = options_of(vm);
  Diagnostics checks;
  sa.record(run, project, checks);
  print_diagnostics(checks, sa.quiet);

  OutputDir dir(out);
  Table ties = ties_table(survey, agg), units = units_table(survey, agg), sides = sides_table(survey, agg);
  auto table = [&](const char* name, const Table& t) {
    dir.write(name, [&](std::ostream& os) { write_table(os, t, dialect); });
  };
  table("ties.csv", ties);
  table("units.csv", units);
  table("sides.csv", sides);
  WorkbookContent book;
  book.sheets = {{"Ties", &ties, [&](std::size_t r) { return agg.ties[r].suppressed; }},
                 {"Units", &units, {}},
                 {"Sides", &sides, {}}};
  book.survey = &survey;
  book.aggregate = &agg;
  book.method = method_rows(agg);
  write_workbook(dir.temp_path("workbook.xlsx"), book);
  dir.write("summary.json", [&](std::ostream& os) { write_summary(os, survey, agg, run); });
  dir.write("project.ini", [&](std::ostream& os) { os << project_ini(run); });
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
