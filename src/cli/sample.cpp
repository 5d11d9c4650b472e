#include "common.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/sample.hpp"

namespace rcmap::cli {

int cmd_sample(const Args& args) {
  po::options_description desc("rcmap sample options");
  std::string out;
  SampleOptions opt;
  desc.add_options()
    ("out", po::value(&out)->required(), "folder to write units.csv and responses.csv into")
    ("seed", po::value(&opt.seed)->default_value(1), "random seed (same seed, same files)")
    ("respondents", po::value(&opt.respondents)->default_value(300), "number of respondents")
    ("units", po::value(&opt.units)->default_value(16), "number of units (16 = Nordby Kommune)")
    ("waves", po::value(&opt.waves)->default_value(1), "survey waves (adds a 'wave' column; authority->provider improves 0.3 per wave)")
    ("sites", po::value(&opt.sites)->default_value(1), "sites/municipalities (adds a 'site' column to both files)");
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap sample --out DIR [--seed N --respondents N --units K --waves N --sites N]",
             "rcmap sample --out big --seed 7 --respondents 70000 --units 16   # about 1,000,000 rows"))
    return kOk;
  OutputDir dir(out);
  generate_sample(opt, dir);
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
