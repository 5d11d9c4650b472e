#pragma once
// The survey: units and respondent-level answers of Gittell's Relational
// Coordination survey, read from the canonical units.csv and responses.csv
// and validated. See README "Input format".
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/util/row_allocator.hpp"

namespace rcmap {

inline constexpr int kDimensionCount = 7;
// Column names of the seven RC dimensions, in Gittell's order: four
// communication dimensions, then three relationship dimensions.
inline constexpr std::array<std::string_view, kDimensionCount> kDimensions = {
    "frequent", "timely", "accurate", "problem_solving", "shared_goals", "shared_knowledge", "mutual_respect"};
inline constexpr int kCommunicationDimensions = 4;  // first four

struct Unit {
  std::string id;
  std::string label;
  std::string side;
  std::optional<int> headcount;
  std::size_t line = 0;  // line in units.csv
};

// One respondent's ratings of one target unit. A score of 0 = not answered.
struct Response {
  std::uint32_t respondent = 0;  // index into Survey::respondents
  std::uint32_t unit = 0;        // respondent's own unit (index into Survey::units)
  std::uint32_t target = 0;      // rated unit (index into Survey::units)
  std::array<std::uint8_t, kDimensionCount> scores{};
  std::uint32_t line = 0;  // line in responses.csv

  int answered() const;
  // Mean of the answered dimensions in [first, last); NaN if none answered.
  double mean(int first = 0, int last = kDimensionCount) const;
};

using Rows = std::vector<Response, RowAllocator<Response>>;

struct Survey {
  std::string units_path, responses_path;
  std::vector<Unit> units;
  std::vector<std::string> respondents;        // ids, in order of first appearance
  std::vector<std::uint32_t> respondent_unit;  // respondent index -> unit index
  Rows rows;                                   // every valid row read
  std::vector<std::string> sides;              // distinct sides in order of first appearance

  std::optional<std::uint32_t> unit_index(std::string_view id) const;
  std::unordered_map<std::string, std::uint32_t> unit_by_id;
};

struct ReadOptions {
  Encoding encoding = Encoding::auto_detect;
  // Plain responses records (src/io/csv_plain.hpp) are built straight from
  // their bytes. Off only to check that path against the field-by-field one
  // (tests, fuzz/fuzz_survey.cpp): the results and messages are the same.
  bool plain_records = true;
};

// Reads and validates units.csv. Errors: missing required column, duplicate
// or empty unit id, bad headcount, empty file or header only, CSV syntax.
// Throws InputError if any error was found.
std::vector<Unit> read_units(const std::string& path, const ReadOptions& opt, Diagnostics& diags);

// Reads and validates both files (units first). Errors: see docs/input.md
// "Validation". Warnings (unit without respondents, more respondents than
// headcount) are added to `diags`. Throws InputError if any error was found.
Survey read_survey(const std::string& units_path, const std::string& responses_path, const ReadOptions& opt,
                   Diagnostics& diags);

// Same from already-parsed tables (used by other readers, tests, fuzzers).
Survey build_survey(const CsvTable& units, const CsvTable& responses, Diagnostics& diags);

// The units alone, validated as in build_survey, with no respondents: for
// aggregated tie tables (analyze --ties). Throws InputError.
Survey build_units_only(const CsvTable& units, Diagnostics& diags);

// Warnings on a valid survey: units without respondents, more respondents
// than headcount, rows with fewer than `min_answers` answered dimensions
// (which aggregation excludes).
void survey_warnings(const Survey& survey, int min_answers, Diagnostics& diags);

}  // namespace rcmap
