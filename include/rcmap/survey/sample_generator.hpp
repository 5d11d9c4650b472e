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
  // Waves and sites (docs/waves.md). waves > 1 adds a `wave` column (w1, w2, ...)
  // to responses.csv; the same respondents answer every wave and the
  // authority -> provider ties improve by `wave_gain` per wave. sites > 1 adds a
  // `site` column to both files (S1, S2, ...): every site has the same units
  // and its own respondents; site s shifts every tie by site_step * (s - (sites-1)/2).
  // With waves = sites = 1 the files are exactly the classic sample.
  int waves = 1;
  int sites = 1;
  double wave_gain = 0.3;
  double site_step = 0.15;
};

// Writes units.csv and responses.csv into `out` (not committed). Rows are
// produced in O(respondents * units) time with constant memory per row.
// Throws UsageError for respondents < 1 or units < 2.
void generate_sample(const SampleOptions& opt, OutputDir& out);

}  // namespace rcmap
