// rcmap analyze --by-site (docs/waves.md "Sites").
#include <iostream>
#include <set>

#include "common.hpp"
#include "rcmap/checksum.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/sites.hpp"

namespace rcmap::cli {

void BySiteArgs::add_to(po::options_description& desc) {
  desc.add_options()
    ("by-site", po::bool_switch(&by_site), "full analysis per site (a 'site' column) into DIR/<site>/, plus sites.csv")
    ("authority-side", po::value(&authority_side)->default_value("authority"), "side named authority in sites.csv")
    ("provider-side", po::value(&provider_side)->default_value("provider"), "side named provider in sites.csv");
}

int run_by_site(const SurveyArgs& sa, const BySiteArgs& opt, const std::string& out,
                const std::string& dialect_name) {
  CsvDialect dialect = parse_csv_dialect(dialect_name);
  Diagnostics diags;
  Sites sites;
  try {
    SurveyTables tables = read_survey_tables(sa.input(), diags);
    sites = sites_from_tables(tables.units, tables.responses, diags);
    for (const auto& s : sites.surveys) survey_warnings(s, sa.agg.min_answers, diags);
    print_diagnostics(diags, sa.quiet);
  } catch (const InputError&) {
    print_diagnostics(diags, sa.quiet);
    throw;
  }
  std::vector<Aggregate> aggs;
  for (const auto& s : sites.surveys) aggs.push_back(aggregate(s, sa.agg));
  SitesBenchmark bench = benchmark_sites(sites, aggs, opt.authority_side, opt.provider_side);
  if (!sa.quiet)
    for (const auto& w : bench.warnings) std::cerr << "rcmap analyze: warning: " << w << '\n';

  RunInfo run;
  run.command = "analyze --by-site";
  Diagnostics checks;
  sa.record(run, Project{}, checks);
  run.options.emplace_back("out", out);
  run.options.emplace_back("csv-dialect", dialect_name);
  run.options.emplace_back("authority-side", opt.authority_side);
  run.options.emplace_back("provider-side", opt.provider_side);

  OutputDir dir(out);
  std::set<std::string> used;
  for (std::size_t k = 0; k < sites.surveys.size(); ++k) {
    std::string folder = site_folder_name(sites.labels[k]), base = folder;
    for (int i = 2; !used.insert(folder).second; ++i) folder = base + "-" + std::to_string(i);
    if (folder != sites.labels[k] && !sa.quiet)
      std::cerr << "rcmap analyze: note: site '" << sites.labels[k] << "' is written to folder '" << folder << "'\n";
    const Survey& s = sites.surveys[k];
    const Aggregate& a = aggs[k];
    auto table = [&](const char* name, const Table& t) {
      dir.write(folder + "/" + name, [&](std::ostream& os) { write_table(os, t, dialect); });
    };
    table("ties.csv", ties_table(s, a));
    table("units.csv", units_table(s, a));
    table("sides.csv", sides_table(s, a));
    RunInfo site_run = run;
    site_run.options.emplace_back("site", sites.labels[k]);
    dir.write(folder + "/summary.json", [&](std::ostream& os) { write_summary(os, s, a, site_run); });
  }
  dir.write("sites.csv", [&](std::ostream& os) { write_table(os, sites_table(bench), dialect); });
  dir.write("summary.json", [&](std::ostream& os) {
    JsonWriter j(os);
    j.begin_object();
    write_run_fields(j, run);
    j.key("sites");
    write_sites_json(j, bench);
    j.end_object();
    j.finish();
  });
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
