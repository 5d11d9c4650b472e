// Splitting a CSV table by an optional grouping column (`wave`, `site`),
// a pass before the core survey reader so that src/survey/survey.cpp stays as it is.
#include <unordered_map>

#include "rcmap/waves/waves.hpp"
#include "util/text.hpp"

namespace rcmap {

namespace {
std::string trimmed_lower(std::string_view s) { return detail::ascii_lower(detail::trim_blanks(s)); }
std::string trimmed(std::string_view s) { return std::string(detail::trim_blanks(s)); }
}  // namespace

std::size_t find_column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (trimmed_lower(header[i]) == name) return i;
  return static_cast<std::size_t>(-1);
}

long ColumnSplit::find(std::string_view label) const {
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == label) return static_cast<long>(i);
  return -1;
}

ColumnSplit split_by_column(const CsvTable& t, std::string_view column, Diagnostics& diags) {
  ColumnSplit s;
  const std::size_t c = find_column(t.header, column);
  if (c == static_cast<std::size_t>(-1)) {
    s.labels.emplace_back();
    s.parts.push_back(t);
    return s;
  }
  s.had_column = true;
  CsvTable proto;
  proto.path = t.path;
  proto.delimiter = t.delimiter;
  proto.had_bom = t.had_bom;
  proto.transcoded_from_1252 = t.transcoded_from_1252;
  proto.header = t.header;
  proto.header.erase(proto.header.begin() + static_cast<long>(c));
  std::unordered_map<std::string, std::size_t> index;
  for (const CsvRow& row : t.rows) {
    if (c >= row.fields.size()) continue;  // ragged: already an error of the CSV reader
    std::string label = trimmed(row.fields[c]);
    if (label.empty()) {
      diags.error(t.path, row.line, c + 1, std::string(column),
                  "empty " + std::string(column) + "; expected a " + std::string(column) + " label on every row");
      continue;
    }
    auto [it, fresh] = index.try_emplace(label, s.parts.size());
    if (fresh) {
      s.labels.push_back(label);
      s.parts.push_back(proto);
    }
    CsvRow r;
    r.line = row.line;
    r.fields.reserve(row.fields.size() - 1);
    for (std::size_t i = 0; i < row.fields.size(); ++i)
      if (i != c) r.fields.push_back(row.fields[i]);
    s.parts[it->second].rows.push_back(std::move(r));
  }
  return s;
}

}  // namespace rcmap
