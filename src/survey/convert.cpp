// Canonical CSV output for `rcmap convert --to long` (RFC 4180 quoting,
// OWASP formula neutralisation).
#include "rcmap/survey/convert.hpp"

#include <ostream>

#include "rcmap/io/output_dir.hpp"

#include "util/text.hpp"

namespace rcmap {

namespace {

bool plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t frac = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string csv_field(std::string_view text, char delimiter) {
  std::string s(text);
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !plain_number(s))
    s.insert(s.begin(), '\'');
  if (s.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

void write_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, char delimiter) {
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out << delimiter;
      out << csv_field(fields[i], delimiter);
    }
    out << '\n';
  };
  line(header);
  for (const auto& r : rows) line(r);
}

CsvTable select_columns(const CsvTable& t, const std::vector<std::string>& columns,
                        const std::vector<std::string>& optional_columns, Diagnostics& diags) {
  CsvTable out;
  out.path = t.path;
  std::vector<int> idx;
  for (const auto& c : columns) {
    int i = detail::find_column(t.header, c);
    bool optional = false;
    for (const auto& o : optional_columns) optional = optional || o == c;
    if (i < 0 && !optional)
      diags.error(t.path, 1, 0, c,
                  "missing required column '" + c + "'; the header has " + detail::quoted_list(t.header));
    idx.push_back(i);
    out.header.push_back(c);
  }
  for (const auto& r : t.rows) {
    CsvRow row;
    row.line = r.line;
    for (int i : idx) row.fields.push_back(i >= 0 && i < int(r.fields.size()) ? r.fields[i] : std::string());
    out.rows.push_back(std::move(row));
  }
  return out;
}

CsvTable canonical_units(const CsvTable& units, Diagnostics& diags) {
  return select_columns(units, canonical_units_header(), {"headcount"}, diags);
}

CsvTable canonical_responses(const CsvTable& responses, Diagnostics& diags) {
  return select_columns(responses, canonical_responses_header(), {}, diags);
}

void write_canonical_files(const std::string& dir, const CsvTable& units, const CsvTable& responses) {
  OutputDir out(dir);
  write_canonical_files(out, units, responses);
  out.commit();
}

void write_canonical_files(OutputDir& out, const CsvTable& units, const CsvTable& responses) {
  for (const CsvTable* t : {&units, &responses}) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(t->rows.size());
    for (const auto& r : t->rows) rows.push_back(r.fields);
    out.write(t == &units ? "units.csv" : "responses.csv", [&](std::ostream& os) { write_csv(os, t->header, rows); });
  }
}

}  // namespace rcmap
