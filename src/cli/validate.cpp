#include <iostream>

#include "common.hpp"

namespace rcmap::cli {

int cmd_validate(const Args& args) {
  po::options_description desc("rcmap validate options");
  SurveyArgs sa;
  sa.add_to(desc, false);
  po::variables_map vm;
  if (!parse(args, desc, vm, "rcmap validate --units FILE --responses FILE [options]",
             "rcmap validate --units samples/units.csv --responses samples/responses.csv"))
    return kOk;
  Diagnostics diags;
  Survey s = load_survey(sa, diags);
  if (!sa.quiet)
    std::cerr << "rcmap validate: ok: " << s.units.size() << " units, " << s.respondents.size() << " respondents, "
              << s.rows.size() << " rows\n";
  return kOk;
}

}  // namespace rcmap::cli
