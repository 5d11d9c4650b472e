#pragma once
// Key findings of `rcmap compare` as structured data (no text): the change
// section of report.pdf (render/report/change_report.cpp) turns them into sentences.
// Only compared figures are used (at least min_n respondents in both waves);
// a tie or side pair below min_n in either wave never appears here.
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/json_writer.hpp"
#include "rcmap/waves/waves.hpp"

namespace rcmap {

struct ChangeFindings {
  std::string side_a, side_b;
  std::vector<std::string> wave_labels;                                // every wave, in time order
  std::vector<int> wave_respondents;                                   // respondents with an included row, per wave
  std::size_t compared = 0, improved = 0, worse = 0, no_credible = 0;  // ties, as changes.csv's direction
  std::size_t not_compared = 0;  // ties with rows in a wave but below min_n in one (no change reported)
  // Indices into Comparison::ties: credible side_a<->side_b changes (both
  // directions), largest improvement / decline first, at most 5 each.
  std::vector<std::size_t> top_improved, top_declined;
  // Every credible tie change, by |delta| descending (ties: source, target).
  std::vector<std::size_t> ranked;
  // Indices into Comparison::sides of the compared side pairs.
  std::vector<std::size_t> side_pairs;
  // Credible side_a<->side_b tie changes per direction (a_to_b: source on
  // side_a), largest |delta| first, every one of them.
  std::vector<std::size_t> credible_a_to_b, credible_b_to_a;
  // One direction changed credibly, the reverse did not: indices into
  // Comparison::sides (every compared side pair whose reverse side pair,
  // target_side -> source_side, was compared without a credible change), and
  // into Comparison::ties (side_a<->side_b ties whose reverse tie was compared
  // without a credible change; largest |delta| first).
  std::vector<std::size_t> one_way_sides, one_way_ties;
};

// Definitions above; counts agree with changes.csv's direction column.
// O(T log T) for T ties.
ChangeFindings compute_change_findings(const Comparison& c, const std::string& side_a, const std::string& side_b,
                                       const std::vector<std::string>& wave_labels,
                                       const std::vector<int>& wave_respondents);

// summary.json's `findings` for compare (docs/waves.md "Findings in
// summary.json"): entries with analyze's fields (kind, units, ties,
// tie_values, sides, dimensions, values, certainty). Kinds: `changes` (the
// counts), `improved` and `worse` per direction of the gap sides (every
// credible tie change, largest |delta| first), `one_way` per side pair and
// for the ties whose reverse did not change credibly. Only compared figures
// (>= min_n in both waves) appear. O(F) for F listed figures.
void write_change_findings_json(JsonWriter& j, const Comparison& c, const ChangeFindings& f);

}  // namespace rcmap
