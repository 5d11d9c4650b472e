#include "rcmap/outputs/tables.hpp"

#include <ostream>

#include "rcmap/io/diagnostics.hpp"

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
  t.add("source", [=](std::size_t i) { return Cell::of(unit(tie(i).source).id); });
  t.add("target", [=](std::size_t i) { return Cell::of(unit(tie(i).target).id); });
  t.add("source_label", [=](std::size_t i) { return Cell::of(unit(tie(i).source).label); });
  t.add("target_label", [=](std::size_t i) { return Cell::of(unit(tie(i).target).label); });
  t.add("source_side", [=](std::size_t i) { return Cell::of(unit(tie(i).source).side); });
  t.add("target_side", [=](std::size_t i) { return Cell::of(unit(tie(i).target).side); });
  t.add("n", [=](std::size_t i) { return Cell::integer(tie(i).n); });
  t.add("rc", [=](std::size_t i) { return Cell::num(tie(i).rc); });
  t.add("rc_sd", [=](std::size_t i) { return Cell::num(tie(i).sd); });
  t.add("rc_ci_low", [=](std::size_t i) { return Cell::num(tie(i).ci_low); });
  t.add("rc_ci_high", [=](std::size_t i) { return Cell::num(tie(i).ci_high); });
  for (int d = 0; d < kDimensionCount; ++d)
    t.add(std::string(kDimensions[d]), [=](std::size_t i) { return Cell::num(tie(i).dim_mean[d]); });
  t.add("strength", [=](std::size_t i) { return Cell::of(strength_name(tie(i).strength)); });
  t.add("communication", [=](std::size_t i) { return Cell::num(tie(i).communication); });
  t.add("relationship", [=](std::size_t i) { return Cell::num(tie(i).relationship); });
  return t;
}

Table units_table(const Survey& s, const Aggregate& a) {
  Table t;
  t.rows = s.units.size();
  auto ur = [&a](std::size_t i) -> const UnitResult& { return a.units[i]; };
  t.add("unit", [&s](std::size_t i) { return Cell::of(s.units[i].id); });
  t.add("label", [&s](std::size_t i) { return Cell::of(s.units[i].label); });
  t.add("side", [&s](std::size_t i) { return Cell::of(s.units[i].side); });
  t.add("headcount",
        [&s](std::size_t i) { return s.units[i].headcount ? Cell::integer(*s.units[i].headcount) : Cell{}; });
  const bool known = !a.from_ties;  // aggregated tie tables carry no respondent counts
  t.add("respondents", [=](std::size_t i) { return known ? Cell::integer(ur(i).respondents) : Cell{}; });
  t.add("response_rate", [=](std::size_t i) { return Cell::num(ur(i).response_rate); });
  t.add("rc_given", [=](std::size_t i) { return Cell::num(ur(i).rc_given); });
  t.add("rc_received", [=](std::size_t i) { return Cell::num(ur(i).rc_received); });
  t.add("rc_within", [=](std::size_t i) { return Cell::num(ur(i).rc_within); });
  return t;
}

Table sides_table(const Survey&, const Aggregate& a) {
  Table t;
  t.rows = a.sides.size();
  auto sr = [&a](std::size_t i) -> const SideResult& { return a.sides[i]; };
  t.add("source_side", [=](std::size_t i) { return Cell::of(sr(i).source_side); });
  t.add("target_side", [=](std::size_t i) { return Cell::of(sr(i).target_side); });
  t.add("n", [=](std::size_t i) { return Cell::integer(sr(i).n); });
  t.add("rc", [=](std::size_t i) { return Cell::num(sr(i).rc); });
  t.add("ties", [=](std::size_t i) { return Cell::integer(sr(i).ties); });
  return t;
}

void write_table(std::ostream& out, const Table& t, const CsvDialect& dialect) {
  CsvWriter w(out, dialect.delimiter, dialect.decimal_comma);
  for (const auto& c : t.columns) w.text(c.name);
  w.end_row();
  for (std::size_t i = 0; i < t.rows; ++i) {
    for (const auto& c : t.columns) {
      Cell v = c.cell(i);
      switch (v.kind) {
        case Cell::Kind::empty:
          w.empty();
          break;
        case Cell::Kind::text:
          w.text(v.text);
          break;
        case Cell::Kind::number:
          w.number(v.number, v.decimals);
          break;
        case Cell::Kind::integer:
          w.integer(static_cast<long long>(v.number));
          break;
      }
    }
    w.end_row();
  }
}

}  // namespace rcmap
