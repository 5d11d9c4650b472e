#pragma once
// Seeded generator of the fictional "Nordby Kommune" survey (samples/README.md).
#include <cstdint>
#include <string>

namespace rcmap {

class OutputDir;

struct SampleOptions {
  std::uint64_t seed = 1;
  int respondents = 300;  // total respondents
  int units = 16;         // 16 = the Nordby units; other counts add generic units
};

// Writes units.csv and responses.csv into `out` (not committed). Rows are
// produced in O(respondents * units) time with constant memory per row.
// Throws UsageError for respondents < 1 or units < 2.
void generate_sample(const SampleOptions& opt, OutputDir& out);

}  // namespace rcmap
