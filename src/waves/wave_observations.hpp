#pragma once
// Internal (not installed): respondent-level observations of one wave, shared
// by the two-wave comparison (compare_waves.cpp) and the per-wave series
// (wave_series.cpp), so both apply the same anonymity rules.
#include <cstdint>
#include <string_view>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap::waves_detail {

// Scores of one figure (tie or side pair), one per respondent, by key.
struct Group {
  std::uint64_t key;
  std::vector<double> scores;
};

std::uint64_t key_of(std::uint32_t a, std::uint32_t b);
std::uint64_t fnv1a(std::string_view s);  // FNV-1a, 64 bit: seeds per figure id

struct WaveObs {
  std::vector<Group> ties, sides;  // sorted by key
};

// A wave's respondent-level scores per universe tie (key_of(to_universe[unit],
// to_universe[target])) and per side pair (key_of(side ids)). A respondent's
// score is the mean of their included rows behind the figure, each row scored
// without its original tie's left-out dimensions (row_score with
// left_out_dimensions, as the wave's own analysis scores it); an original tie
// that analysis suppresses because a row answered only such dimensions is
// not used. Merged ties use only original ties with >= min_n rows; side pairs
// use only this wave's shown ties (>= min_n respondents) between different
// universe units. O(R log R).
WaveObs wave_observations(const Survey& s, const std::vector<std::uint32_t>& to_universe,
                          const std::vector<std::uint32_t>& side_of_unit, const AggregateOptions& opt);

}  // namespace rcmap::waves_detail
