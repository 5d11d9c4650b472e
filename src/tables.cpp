#include "rcmap/tables.hpp"

#include <ostream>

#include "rcmap/diagnostics.hpp"

namespace rcmap {

CsvDialect parse_csv_dialect(const std::string& name) {
  if (name == "standard") return {',', false};
  if (name == "excel-da") return {';', true};
  throw UsageError("--csv-dialect must be standard or excel-da, got '" + name + "'");
}

Table ties_table(const Survey& s, const Aggregate& a) {
  Table t;
  t.rows = a.ties.size();
  auto tie = [&a](std::size_t i) -> const Tie& { return a.ties[i]; };
  auto unit = [&s](std::uint32_t u) -> const Unit& { return s.units[u]; };
  t.add("source", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).source).id); });
  t.add("target", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).target).id); });
  t.add("source_label", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).source).label); });
  t.add("target_label", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).target).label); });
  t.add("source_side", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).source).side); });
  t.add("target_side", [=](CsvWriter& w, std::size_t i) { w.text(unit(tie(i).target).side); });
  t.add("n", [=](CsvWriter& w, std::size_t i) { w.integer(tie(i).n); });
  t.add("rc", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).rc); });
  t.add("rc_sd", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).sd); });
  t.add("rc_ci_low", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).ci_low); });
  t.add("rc_ci_high", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).ci_high); });
  for (int d = 0; d < kDimensionCount; ++d)
    t.add(std::string(kDimensions[d]), [=](CsvWriter& w, std::size_t i) { w.number(tie(i).dim_mean[d]); });
  t.add("strength", [=](CsvWriter& w, std::size_t i) { w.text(strength_name(tie(i).strength)); });
  t.add("communication", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).communication); });
  t.add("relationship", [=](CsvWriter& w, std::size_t i) { w.number(tie(i).relationship); });
  return t;
}

Table units_table(const Survey& s, const Aggregate& a) {
  Table t;
  t.rows = s.units.size();
  auto ur = [&a](std::size_t i) -> const UnitResult& { return a.units[i]; };
  t.add("unit", [&s](CsvWriter& w, std::size_t i) { w.text(s.units[i].id); });
  t.add("label", [&s](CsvWriter& w, std::size_t i) { w.text(s.units[i].label); });
  t.add("side", [&s](CsvWriter& w, std::size_t i) { w.text(s.units[i].side); });
  t.add("headcount", [&s](CsvWriter& w, std::size_t i) {
    if (s.units[i].headcount) w.integer(*s.units[i].headcount);
    else w.empty();
  });
  t.add("respondents", [=](CsvWriter& w, std::size_t i) { w.integer(ur(i).respondents); });
  t.add("response_rate", [=](CsvWriter& w, std::size_t i) { w.number(ur(i).response_rate); });
  t.add("rc_given", [=](CsvWriter& w, std::size_t i) { w.number(ur(i).rc_given); });
  t.add("rc_received", [=](CsvWriter& w, std::size_t i) { w.number(ur(i).rc_received); });
  t.add("rc_within", [=](CsvWriter& w, std::size_t i) { w.number(ur(i).rc_within); });
  return t;
}

Table sides_table(const Survey&, const Aggregate& a) {
  Table t;
  t.rows = a.sides.size();
  auto sr = [&a](std::size_t i) -> const SideResult& { return a.sides[i]; };
  t.add("source_side", [=](CsvWriter& w, std::size_t i) { w.text(sr(i).source_side); });
  t.add("target_side", [=](CsvWriter& w, std::size_t i) { w.text(sr(i).target_side); });
  t.add("n", [=](CsvWriter& w, std::size_t i) { w.integer(sr(i).n); });
  t.add("rc", [=](CsvWriter& w, std::size_t i) { w.number(sr(i).rc); });
  t.add("ties", [=](CsvWriter& w, std::size_t i) { w.integer(sr(i).ties); });
  return t;
}

void write_table(std::ostream& out, const Table& t, const CsvDialect& dialect) {
  CsvWriter w(out, dialect.delimiter, dialect.decimal_comma);
  for (const auto& c : t.columns) w.text(c.name);
  w.end_row();
  for (std::size_t i = 0; i < t.rows; ++i) {
    for (const auto& c : t.columns) c.cell(w, i);
    w.end_row();
  }
}

}  // namespace rcmap
