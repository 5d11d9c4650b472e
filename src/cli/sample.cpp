#include "common.hpp"
#include "rcmap/output_dir.hpp"
#include "rcmap/people_sample.hpp"
#include "rcmap/sample.hpp"

namespace rcmap::cli {

int cmd_sample(const Args& args) {
  po::options_description desc("rcmap sample options");
  std::string out;
  SampleOptions opt;
  PeopleSampleOptions people;
  desc.add_options()
    ("out", po::value(&out)->required(), "folder to write units.csv and responses.csv (with --people: units.csv, people.csv, ties.csv) into")
    ("seed", po::value(&opt.seed)->default_value(1), "random seed (same seed, same files)")
    ("respondents", po::value(&opt.respondents)->default_value(300), "number of respondents")
    ("units", po::value(&opt.units)->default_value(16), "number of units (16 = Nordby Kommune)")
    ("waves", po::value(&opt.waves)->default_value(1), "survey waves (adds a 'wave' column; authority->provider improves 0.3 per wave)")
    ("sites", po::value(&opt.sites)->default_value(1), "sites/municipalities (adds a 'site' column to both files)")
    ("people", po::value(&people.people), "person network instead: people.csv, ties.csv and units.csv with this many people (docs/network-scale.md)")
    ("ties", po::value(&people.ties)->default_value(20000), "with --people: number of directed ties");
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap sample --out DIR [--seed N --respondents N --units K --waves N --sites N]\n"
             "       rcmap sample --out DIR --people N [--ties M --seed N --units K]",
             "rcmap sample --out big --seed 7 --respondents 70000 --units 16   # about 1,000,000 rows\n"
             "  rcmap sample --out net --people 100000 --ties 1000000          # person network"))
    return kOk;
  OutputDir dir(out);
  if (vm.count("people")) {
    people.seed = opt.seed;
    people.units = vm["units"].defaulted() ? 0 : opt.units;
    generate_people_sample(people, dir);
  } else {
    generate_sample(opt, dir);
  }
  dir.commit();
  return kOk;
}

}  // namespace rcmap::cli
