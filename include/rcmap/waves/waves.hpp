#pragma once
// Change between survey waves (docs/waves.md): per tie and side pair, RC in
// each wave, the change, Welch's t-test with Benjamini-Hochberg q-values and a
// seeded bootstrap interval of the change. Anonymity holds per wave.
//
// The result structs are what the change-map / change-matrix figures draw:
// Comparison::units carries each unit's index in both waves' Survey::units
// (so a renderer can place it at the baseline map's position), every
// TieChange refers to Comparison::units, and `credible` says whether to draw
// it at full strength.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/json_writer.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap {

// ---- optional grouping columns (`wave`, `site`) -----------------------------

// Position of column `name` in `header` (case-insensitive, blanks trimmed), or npos.
std::size_t find_column(const std::vector<std::string>& header, std::string_view name);

// A CSV table split by the values of one column, that column removed from
// every part (so the core survey reader neither sees nor notes it). Parts are
// in order of first appearance; rows keep their file line numbers, so later
// errors still point into the original file.
struct ColumnSplit {
  bool had_column = false;
  std::vector<std::string> labels;
  std::vector<CsvTable> parts;  // parallel to labels
  long find(std::string_view label) const;
};
// Rows with an empty value are errors (file, line, column). Without the
// column, `had_column` is false and the table is returned whole as one part
// with label "". O(rows * columns).
ColumnSplit split_by_column(const CsvTable& table, std::string_view column, Diagnostics& diags);

// Surveys of the waves in one responses file with a `wave` column (units.csv
// shared by all waves). `select` picks waves and their order (empty: all, in
// order of first appearance); an unknown label is a UsageError, a file without
// a `wave` column an InputError. Each wave is validated on its own (a
// respondent may rate the same target once per wave). Throws InputError.
struct Waves {
  std::vector<std::string> labels;
  std::vector<Survey> surveys;  // parallel to labels
};
Waves read_waves(const std::string& units_path, const std::string& responses_path,
                 const std::vector<std::string>& select, const ReadOptions& opt, Diagnostics& diags);
// Same from tables already read (CSV, .xlsx, .sav: survey_input.hpp).
Waves waves_from_tables(const CsvTable& units, const CsvTable& responses, const std::vector<std::string>& select,
                        Diagnostics& diags);

// ---- unit map ---------------------------------------------------------------

// unit-map.csv: `old,new` (header required, case-insensitive): the before
// wave's unit `old` is the after wave's unit `new`. Several old ids may map to
// one new id (a merge). Errors: missing column, empty id, an old id listed twice.
struct UnitMap {
  std::unordered_map<std::string, std::string> old_to_new;
  std::string map(const std::string& old_id) const {
    auto it = old_to_new.find(old_id);
    return it == old_to_new.end() ? old_id : it->second;
  }
};
UnitMap read_unit_map(const std::string& path, Encoding enc, Diagnostics& diags);

// ---- comparison -------------------------------------------------------------

struct CompareOptions {
  AggregateOptions agg;    // min_n and min_answers apply per wave
  int bootstrap = 2000;    // resamples for the interval of the change
  std::uint64_t seed = 1;  // bootstrap seed
  double level = 0.95;     // interval level
  double fdr = 0.05;       // q below this (and interval excluding 0): credible
};

enum class Direction { improved, worse, no_credible_change, not_compared };
const char* direction_name(Direction d);  // "improved", "worse", "no credible change", ""

// One compared figure (a tie or a side pair). Scores of a wave are NaN when
// that wave has fewer than min_n respondents behind it; delta, interval, t,
// p and q are NaN unless both waves have at least min_n.
struct Change {
  double rc_before = kNaN, rc_after = kNaN, delta = kNaN;
  double ci_low = kNaN, ci_high = kNaN;  // bootstrap interval of delta
  double t = kNaN, df = kNaN, p = kNaN, q = kNaN;
  int n_before = 0, n_after = 0;  // respondents (always shown, like `n` in ties.csv)
  Direction direction = Direction::not_compared;
  bool compared() const { return direction != Direction::not_compared; }
  bool credible() const { return direction == Direction::improved || direction == Direction::worse; }
};

struct ComparedUnit {
  std::string id, label, side;  // id in the after wave's terms (after the unit map)
  long before = -1;             // first index in the before survey's units mapping here, or -1
  long after = -1;              // index in the after survey's units, or -1
};

struct TieChange : Change {
  std::uint32_t source = 0, target = 0;  // indices into Comparison::units
};
struct SideChange : Change {
  std::string source_side, target_side;
};

struct Comparison {
  std::string before_label = "before", after_label = "after";
  CompareOptions options;
  std::vector<ComparedUnit> units;         // after-wave units in file order, then before-only units
  std::vector<TieChange> ties;             // every pair with an included row in either wave, by (source, target)
  std::vector<SideChange> sides;           // side pairs (between different units) with a shown tie in either wave
  std::vector<std::string> units_dropped;  // before-wave units (after mapping) absent from the after wave
  std::vector<std::string> units_new;      // after-wave units absent from the before wave
  std::vector<std::string> warnings;       // ill-defined tests, side changes of a unit, unused map rows
  std::size_t ties_compared = 0, ties_improved = 0, ties_worse = 0;
};

// Compares two waves. Definitions (docs/waves.md "Statistics"):
//  - a respondent's score for a tie is the mean of their included row scores
//    (one row, or several when the unit map merged units); the tie's RC in a
//    wave is the mean over its respondents, n the number of respondents;
//  - when units are merged, only original ties shown in that wave (n >= min_n)
//    contribute, so the merged figure minus shown parts never reveals a
//    suppressed tie;
//  - side pairs: a respondent's score is the mean of their rows in the wave's
//    shown ties between different units of that side pair (each wave uses
//    its own units' sides);
//  - a figure is compared only if both waves have >= min_n respondents:
//    delta = after - before, Welch's t-test on respondent scores, BH q-values
//    over all compared ties (and separately over side pairs), percentile
//    bootstrap interval seeded by (seed, figure ids);
//  - credible = q < fdr and the interval excludes 0; improved if delta > 0.
// Complexity O(R log R + F * bootstrap * n) for R rows and F figures.
Comparison compare_waves(const Survey& before, const Survey& after, const UnitMap& map, const CompareOptions& opt);

// changes.csv: source,target,rc_before,rc_after,delta,ci_low,ci_high,p,q,n_before,n_after,direction
Table changes_table(const Comparison& c);
// sides-changes.csv: source_side,target_side, then the same columns.
Table sides_changes_table(const Comparison& c);
// The "comparison" section of summary.json.
void write_comparison_json(JsonWriter& j, const Comparison& c);

// ---- every wave: waves.csv, sides-waves.csv, the trend figure --------------

// A figure in one wave: RC = mean of respondent-level scores (as in
// changes.csv), its 95 % t interval (mean +- t(0.975, n-1) sd / sqrt(n)) and
// n respondents. rc and the interval are NaN when n < min_n (anonymity per
// wave); the interval also when n < 2.
struct WaveLevel {
  double rc = kNaN, ci_low = kNaN, ci_high = kNaN;
  int n = 0;
};
struct WaveSeriesRow {
  std::string source, target;    // unit ids (last wave's terms) or side names
  std::vector<WaveLevel> waves;  // parallel to WaveSeries::labels
};
struct WaveSeries {
  std::vector<std::string> labels;
  std::vector<WaveSeriesRow> ties;   // every pair with an included row in any wave
  std::vector<WaveSeriesRow> sides;  // side pairs (between different units) shown in any wave
};

// Per-wave figures of every tie and side pair. Units are the last wave's
// units, then earlier waves' (mapped by `map` into the last wave's ids) not
// in it; respondent-level scores and anonymity exactly as compare_waves
// (merged ties from shown original ties only; side pairs from each wave's
// shown ties, each wave using its own units' sides). Rows are ordered by
// (source, target) in that unit (side) order. O(W R log R).
WaveSeries wave_series(const std::vector<Survey>& waves, const std::vector<std::string>& labels, const UnitMap& map,
                       const AggregateOptions& opt);

// Every wave re-expressed on one unit list, so that the waves can be viewed
// side by side when units were renamed, added or closed (report.html of
// compare): c.units (the last wave's units, then the baseline's units the
// map does not carry into it), then any middle wave's unit in neither;
// earlier waves' ids pass through `map`; each unit's label and side are the
// comparison's. Rows, respondents and scores are kept; only unit indices
// change, so each wave's aggregate is the wave's own analysis under the new
// names. nullopt when two units of one wave fall on one unit (a merge): a
// respondent would then hold two rows for one tie (changes.csv and waves.csv
// handle merges, docs/waves.md "Statistics"). O(W (U + R)) expected.
std::optional<std::vector<Survey>> waves_on_units(const std::vector<Survey>& waves, const Comparison& c,
                                                  const UnitMap& map);

// waves.csv: source,target,wave,rc,ci_low,ci_high,n (one line per tie and wave).
Table waves_table(const WaveSeries& w);
// sides-waves.csv: source_side,target_side,wave,rc,ci_low,ci_high,n.
Table sides_waves_table(const WaveSeries& w);

}  // namespace rcmap
