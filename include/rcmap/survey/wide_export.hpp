#pragma once
// Wide survey-tool exports (SurveyXact, Enalyzer, ...: one row per
// respondent, one column per question x rated unit) and the mapping file
// that says how to read them. See docs/readers.md and samples/mapping.ini.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "rcmap/survey/tie_table_reader.hpp"
#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

struct WideMapping {
  std::string path;               // mapping file, for diagnostics
  std::string respondent_column;  // header of the respondent-id column
  std::string unit_column;        // header of the own-unit column (id or label)
  // How to recognise a rating column: literal text with the placeholders
  // {dimension} (a dimension name or alias), {item} (1..7, Gittell's order)
  // and {unit} (unit id or label), e.g. "{dimension}_{unit}", "Q{item}.{unit}".
  // Matched case- and whitespace-insensitively against the whole header.
  std::string pattern;
  // Extra names for dimensions, alias -> canonical name (kDimensions). The
  // built-in English and Danish names (builtin_dimension_aliases) always apply.
  std::map<std::string, std::string> dimension_aliases;
  // Answers meaning "not answered" ("6", "9", "-1", "Ved ikke"), compared
  // case- and whitespace-insensitively. Blank cells are always not answered.
  std::vector<std::string> missing;
  // Per canonical dimension: raw answer -> score (1..5). Keys compared case-
  // and whitespace-insensitively; a dimension's recode applies before the
  // missing list; answers without an entry pass through unchanged.
  std::map<std::string, std::map<std::string, int>> recode;
  // Explicit alternative to `pattern`: one entry per rating column.
  struct Column {
    std::string dimension;  // canonical name or alias
    std::string unit;       // unit id (or label)
    std::string column;     // header text in the wide table
    std::size_t line = 0;   // line in the mapping file
  };
  std::vector<Column> columns;
};

// Built-in dimension names: the canonical English names and common variants
// (frequency, timeliness, accuracy, problem-solving, goals, knowledge,
// respect) and Danish ones (hyppighed, rettidighed, præcision, problemløsning,
// fælles_mål, fælles_viden, gensidig_respekt, ...), keyed by fold_key form
// with '-' and ' ' read as '_'.
const std::map<std::string, std::string>& builtin_dimension_aliases();

// Canonical dimension index (0..6) for a name, alias or item number "1".."7";
// -1 if unknown.
int resolve_dimension(const std::string& name, const WideMapping& m);

// Reads a mapping file (INI: [wide], [dimensions], [recode.<dimension>],
// [columns]; format in docs/readers.md). Errors (file:line) for unknown
// sections or keys, unknown dimensions, scores outside 1..5, a missing
// respondent/unit key, neither pattern nor columns, a pattern without
// {unit} or without one of {dimension}/{item}.
WideMapping read_mapping(const std::string& ini_path, Diagnostics& diags);
// Same from text in memory (tests).
WideMapping parse_mapping(const std::string& text, const std::string& path, Diagnostics& diags);

// Reshapes a wide table into the canonical long responses table (header
// respondent,unit,target,frequent,...,mutual_respect).
//
// Own-unit values may be ids or labels, matched exactly, then case- and
// whitespace-insensitively against the `unit` and `label` columns of `units`.
// Each answer is trimmed, recoded (per dimension), then blanked if it is in
// the missing list; what remains must be an integer 1..5. One long row per
// respondent x rated unit with at least one answer, respondents in file
// order, rated units in `units` order; each long row keeps the wide row's
// line and the table keeps the wide path, so later diagnostics point at the
// original file (line only: their column refers to the long layout).
//
// Errors (file, line, column, header name): mapped column not in the header,
// pattern matching no column, a column whose unit part names no unit, two
// columns for the same dimension and unit, empty or unknown own unit (the
// message lists the valid labels), a label matching two units, an answer that
// is neither missing nor an integer 1..5 after recoding. Cost O(rows x columns).
CsvTable wide_to_long(const CsvTable& wide, const WideMapping& m, const CsvTable& units, Diagnostics& diags);

}  // namespace rcmap
