// Canonical CSV output for `rcmap convert --to long` (RFC 4180 quoting,
// OWASP formula neutralisation).
#include "rcmap/convert.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "reader_util.hpp"

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
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw OutputError("cannot create directory " + dir + ": " + ec.message());
  struct Part {
    const CsvTable* table;
    fs::path final_path, tmp_path;
  };
  std::vector<Part> parts = {{&units, fs::path(dir) / "units.csv", {}},
                             {&responses, fs::path(dir) / "responses.csv", {}}};
  for (auto& p : parts) {
    p.tmp_path = p.final_path;
    p.tmp_path += ".tmp";
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : p.table->rows) rows.push_back(r.fields);
    std::ofstream out(p.tmp_path, std::ios::binary | std::ios::trunc);
    if (out) write_csv(out, p.table->header, rows);
    out.close();
    if (!out) {
      for (auto& q : parts) fs::remove(q.tmp_path, ec);
      throw OutputError("cannot write " + p.tmp_path.string());
    }
  }
  for (auto& p : parts) {
    fs::rename(p.tmp_path, p.final_path, ec);
    if (ec) throw OutputError("cannot rename " + p.tmp_path.string() + " to " + p.final_path.string() + ": " + ec.message());
  }
}

}  // namespace rcmap
