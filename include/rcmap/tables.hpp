#pragma once
// The CSV tables of `rcmap analyze` (README "Outputs"): ties.csv, units.csv,
// sides.csv. Each table is a list of named columns so that later steps
// (metrics, ...) append columns without touching these.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/csv.hpp"

namespace rcmap {

struct CsvDialect {
  char delimiter = ',';
  bool decimal_comma = false;
};
// "standard" (`,` and `.`) or "excel-da" (`;` and `,`); throws UsageError.
CsvDialect parse_csv_dialect(const std::string& name);

struct Column {
  std::string name;
  std::function<void(CsvWriter&, std::size_t row)> cell;
};

struct Table {
  std::vector<Column> columns;
  std::size_t rows = 0;
  void add(std::string name, std::function<void(CsvWriter&, std::size_t)> cell) {
    columns.push_back({std::move(name), std::move(cell)});
  }
};

Table ties_table(const Survey& s, const Aggregate& a);   // one row per Aggregate::ties
Table units_table(const Survey& s, const Aggregate& a);  // one row per Survey::units
Table sides_table(const Survey& s, const Aggregate& a);  // one row per Aggregate::sides

void write_table(std::ostream& out, const Table& t, const CsvDialect& dialect);

}  // namespace rcmap
