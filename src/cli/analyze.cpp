#include <iostream>

#include "common.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/tables.hpp"

namespace rcmap::cli {

int cmd_analyze(const Args& args) {
  po::options_description desc("rcmap analyze options");
  SurveyArgs sa;
  std::string out, dialect_name = "standard";
  BySiteArgs site;  // by_site.cpp
  sa.add_to(desc, true);
  site.add_to(desc);
  desc.add_options()
    ("out", po::value(&out)->required(), "results folder (created if missing; other files in it are kept)")
    ("csv-dialect", po::value(&dialect_name)->default_value("standard"),
     "standard (',' and '.') or excel-da (';' and decimal comma, for Danish Excel)");
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap analyze --units FILE --responses FILE --out DIR [options]",
             "rcmap analyze --units samples/units.csv --responses samples/responses.csv --out results --min-n 5"))
    return kOk;
  check_options(sa.agg);
  CsvDialect dialect = parse_csv_dialect(dialect_name);
  auto read_opt = sa.read_options();
  (void)read_opt;
  if (site.by_site) return run_by_site(sa, site, out, dialect_name);

  Diagnostics diags;
  Survey survey = load_survey(sa, diags);
  Aggregate agg = aggregate(survey, sa.agg);

  RunInfo run;
  run.command = "analyze";
  sa.record(run);
  run.options.emplace_back("out", out);
  run.options.emplace_back("csv-dialect", dialect_name);

  OutputDir dir(out);
  auto table = [&](const char* name, const Table& t) {
    dir.write(name, [&](std::ostream& os) { write_table(os, t, dialect); });
  };
  table("ties.csv", ties_table(survey, agg));
  table("units.csv", units_table(survey, agg));
  table("sides.csv", sides_table(survey, agg));
  dir.write("summary.json", [&](std::ostream& os) { write_summary(os, survey, agg, run); });
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
