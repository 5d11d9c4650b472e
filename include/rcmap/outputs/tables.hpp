#pragma once
// The CSV tables of `rcmap analyze` (README "Outputs"): ties.csv, units.csv,
// sides.csv. Each table is a list of named columns so that later steps
// (metrics, ...) append columns without touching these.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/csv.hpp"

namespace rcmap {

struct CsvDialect {
  char delimiter = ',';
  bool decimal_comma = false;
};
// "standard" (`,` and `.`) or "excel-da" (`;` and `,`); throws UsageError.
CsvDialect parse_csv_dialect(const std::string& name);

// One table cell, independent of the file format (CSV, workbook, ...).
struct Cell {
  enum class Kind { empty, text, number, integer } kind = Kind::empty;
  std::string text;
  double number = 0;  // number or integer value
  int decimals = 6;   // of a number in CSV (README: 6 decimals; small shares such as PageRank more)
  static Cell of(std::string s) { return {Kind::text, std::move(s), 0}; }
  static Cell of(const char* s) { return {Kind::text, s, 0}; }
  static Cell num(double v, int decimals = 6) {  // NaN (suppressed, undefined) -> empty
    return v == v ? Cell{Kind::number, {}, v, decimals} : Cell{};
  }
  static Cell integer(long long v) { return {Kind::integer, {}, static_cast<double>(v)}; }
};

struct Column {
  std::string name;
  std::function<Cell(std::size_t row)> cell;
};

struct Table {
  std::vector<Column> columns;
  std::size_t rows = 0;
  void add(std::string name, std::function<Cell(std::size_t)> cell) {
    columns.push_back({std::move(name), std::move(cell)});
  }
};

Table ties_table(const Survey& s, const Aggregate& a);   // one row per Aggregate::ties
Table units_table(const Survey& s, const Aggregate& a);  // one row per Survey::units
Table sides_table(const Survey& s, const Aggregate& a);  // one row per Aggregate::sides

void write_table(std::ostream& out, const Table& t, const CsvDialect& dialect);

}  // namespace rcmap
