#pragma once
// A first mapping file for a wide survey export, written by
// `rcmap mapping --init` (docs/readers.md "Writing a mapping file"): the
// columns rcmap recognised, as a commented INI file ready to edit.
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"

namespace rcmap {

// What init_mapping found in the wide header.
struct MappingGuess {
  std::string respondent_column, unit_column;  // header text; empty if not found
  std::string pattern;                         // e.g. "{dimension}_{unit}"; empty if none
  std::size_t rating_columns = 0;              // header columns the pattern matches
  std::size_t units_matched = 0;               // distinct units in them
  std::vector<std::string> examples;           // up to 3 matched headers
  std::vector<std::string> missing;            // answers found that look like "not answered" (9, "Ved ikke")
  std::vector<std::string> to_recode;          // other text answers found (need a [recode.*] score)
  std::vector<std::string> unknown;            // names joined to units that are no known dimension
  std::string alias, alias_dimension;          // [dimensions] guess: the one unknown name = the one dimension not found
  std::string text;                            // the INI file
};

// Guesses the [wide] section for `wide` (a wide export read as a table) and
// `units` (the units table, columns unit and label). A rating column is a
// header that is a unit id or label joined by a separator (_ . - : space or
// none) to a dimension name (builtin_dimension_aliases) or to an item number
// 1..7 after a fixed prefix ("Q3."), unit first or last; the pattern matched
// by most headers wins. The respondent column: a header with "respondent" or
// "id" in it, else the first column; the own-unit column: the other column
// whose values most often are unit ids or labels. `text` always parses with
// parse_mapping when a pattern was found. Cost O(columns x units + rows).
MappingGuess init_mapping(const CsvTable& wide, const CsvTable& units);

// Whether a header looks like a wide export: no `target` column and at least
// 7 headers that init_mapping would read as rating columns (`examples`
// receives up to 3 of them, `count` their number).
bool looks_wide(const std::vector<std::string>& header, std::size_t& count, std::vector<std::string>& examples);

}  // namespace rcmap
