#include "closing.hpp"
#include "common.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/people/people.hpp"
#include "rcmap/survey/sample_generator.hpp"

namespace rcmap::cli {

int cmd_sample(const Args& args) {
  po::options_description desc("rcmap sample options");
  std::string out, units_file;
  SampleOptions opt;
  people::PeopleSampleOptions popt;
  bool person_network = false, quiet = false;
  OutArgs oa;
  desc.add_options()("out", po::value(&out)->required(), "folder to write units.csv and responses.csv into")(
      "seed", po::value(&opt.seed)->default_value(1), "random seed (same seed, same files)")(
      "respondents", po::value(&opt.respondents)->default_value(300), "number of respondents")(
      "units", po::value(&opt.units)->default_value(16), "number of units (16 = Nordby Kommune)")(
      "waves", po::value(&opt.waves)->default_value(1),
      "survey waves (adds a 'wave' column; authority->provider improves 0.3 per wave)")(
      "sites", po::value(&opt.sites)->default_value(1), "sites/municipalities (adds a 'site' column to both files)")(
      "people", po::bool_switch(&person_network),
      "write a person network instead: people.csv and person-ties.csv for the units of --units-file")(
      "units-file", po::value(&units_file)->default_value("samples/units.csv"), "units of the person network")(
      "people-count", po::value(&popt.people)->default_value(0), "people in the person network (0: the headcounts)")(
      "ties-per-person", po::value(&popt.ties_per_person)->default_value(6), "mean ties a person names")(
      "quiet,q", po::bool_switch(&quiet), "print errors only (no closing summary)");
  oa.add_to(desc);
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap sample --out DIR [--seed N --respondents N --units K --waves N --sites N]",
             "rcmap sample --out big --seed 7 --respondents 70000 --units 16   # about 1,000,000 rows\n"
             "  rcmap sample --people --units-file samples/units.csv --out samples   # person network"))
    return kOk;
  InputFiles inputs;
  if (person_network) inputs.add("units", units_file);
  const std::vector<std::string> names = person_network ? std::vector<std::string>{"people.csv", "person-ties.csv"}
                                                        : std::vector<std::string>{"units.csv", "responses.csv"};
  OutputDir dir(out, oa.options("sample", quiet, std::move(inputs), names, names));
  if (person_network) {
    Diagnostics diags;
    std::vector<Unit> units;
    try {
      units = read_units(units_file, ReadOptions{}, diags);
    } catch (const InputError&) {
      print_diagnostics(diags, false);
      throw;
    }
    popt.seed = opt.seed;
    people::generate_people_sample(units, popt, dir);
    dir.commit();
    print_closing_summary({"sample",
                           out,
                           dir.names().size(),
                           "people.csv",
                           {"a fictional person network for the " + count_text(units.size(), "en") + " units of " +
                            units_file + "; next: rcmap network --people " + out + "/people.csv --ties " + out +
                            "/person-ties.csv --units " + units_file + " --out people-results"}},
                          quiet);
    return kOk;
  }
  generate_sample(opt, dir);
  dir.commit();
  std::string what = count_text(static_cast<std::size_t>(opt.units), "en") + " units, " +
                     count_text(static_cast<std::size_t>(opt.respondents), "en") + " respondents" +
                     (opt.sites > 1 ? " per site" : "");
  if (opt.waves > 1) what += ", " + plural(static_cast<std::size_t>(opt.waves), "wave", "waves");
  if (opt.sites > 1) what += ", " + plural(static_cast<std::size_t>(opt.sites), "site", "sites");
  const std::string next =
      opt.waves > 1 ? "rcmap compare --units " + out + "/units.csv --responses " + out + "/responses.csv --out change"
      : opt.sites > 1
          ? "rcmap analyze --by-site --units " + out + "/units.csv --responses " + out + "/responses.csv --out sites"
          : "rcmap analyze --units " + out + "/units.csv --responses " + out + "/responses.csv --out results";
  print_closing_summary({"sample", out, dir.names().size(), "", {"fictional survey: " + what, "next: " + next}}, quiet);
  return kOk;
}

}  // namespace rcmap::cli
