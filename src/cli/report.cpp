// rcmap report DIR: regenerates DIR/report.pdf and DIR/report.html (and
// units/*.png with --per-unit) and the figures (map, gap-map, matrix, profile,
// in the recorded formats: --title, --date and --lang change them too) from
// the inputs and options recorded in DIR/summary.json. The inputs are re-read
// and must still have the recorded SHA-256 (exit 2 otherwise); the analysis is
// recomputed (the same code as analyze, so the same numbers) and only the
// report and figure files are written, atomically.
#include <boost/program_options.hpp>
#include <iostream>

#include "common.hpp"

namespace rcmap::cli {

int cmd_report(const Args& args) {
  po::options_description desc("rcmap report options");
  std::string dir, lang, title, date;
  bool per_unit = false, quiet = false;
  OutArgs oa;
  desc.add_options()
    ("dir", po::value(&dir)->required(), "results folder of an earlier rcmap analyze (holds summary.json)")
    ("lang", po::value(&lang), "language of the report and figures: en, da (dansk), nb (norsk bokmål); default: as recorded")
    ("per-unit", po::bool_switch(&per_unit), "add one page and units/<name>.png per unit")
    ("title", po::value(&title), "survey name on the report and the figures; default: as recorded")
    ("date", po::value(&date), "date of the data; default: as recorded");
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
      std::cout << "Usage: rcmap report DIR [--lang en|da|nb] [--per-unit] [--title TEXT] [--date DATE]\n\n"
                << all << "\nExample:\n  rcmap report results --lang da --per-unit\n";
      return kOk;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see: rcmap report --help)");
  }
  Args a;
  a.argv = {"--config", dir + "/summary.json", "--out", dir};
  if (vm.count("lang")) a.argv.insert(a.argv.end(), {"--lang", lang});
  if (vm.count("title")) a.argv.insert(a.argv.end(), {"--title", title});
  if (vm.count("date")) a.argv.insert(a.argv.end(), {"--date", date});
  if (per_unit) a.argv.push_back("--per-unit");
  if (quiet) a.argv.push_back("--quiet");
  if (oa.wait) a.argv.push_back("--wait");
  return run_analysis(a, true);
}

}  // namespace rcmap::cli
