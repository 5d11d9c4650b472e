#pragma once
// The closing summary a command prints on stderr when it succeeds
// (docs/commands.md "Closing summary"): where the results are, how many
// files, which to open first and the headline counts. --quiet silences it.
// Words from docs/glossary.tsv (rcmap/outputs/glossary.hpp).
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"

namespace rcmap::cli {

// `n` with thousands grouped as docs/glossary.md "1.4 Numbers": 3,606 (en),
// 3.606 (da), 3<U+00A0>606 (nb); any other lang as en. O(digits).
std::string count_text(std::size_t n, std::string_view lang);

// "1 error" / "2 errors": English noun with its count (messages are English).
std::string plural(std::size_t n, const char* one, const char* many);

struct ClosingSummary {
  std::string command;                // "analyze"
  std::string dir;                    // results folder as the user gave it
  std::size_t files = 0;              // files written by this run
  std::string open_first;             // name inside dir ("report.pdf"), or empty
  std::vector<std::string> headline;  // lines of counts, already in `lang`
  std::string lang = "en";            // en, da, nb
};

// Prints `s` on stderr: "rcmap CMD: Results in DIR (N files)", "Open
// first: DIR/FILE" and the headline lines; nothing when `quiet`.
void print_closing_summary(const ClosingSummary& s, bool quiet);

// Headline of an analysis in `lang`: units, respondents, ratings; ties shown
// and hidden (fewer than min_n respondents). Hidden ties are counted, never
// described, so the line gives away nothing a table does not.
std::vector<std::string> analysis_headline(const Survey& s, const Aggregate& a, std::string_view lang);

}  // namespace rcmap::cli

namespace rcmap::cli {
// The first of `choices` among the written `names`, or "".
std::string first_written(const std::vector<std::string>& names, std::initializer_list<const char*> choices);
}  // namespace rcmap::cli
