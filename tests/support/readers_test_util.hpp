#pragma once
// Test helpers for the reader tests: a fixture path and a minimal RFC 4180
// reader for the fixtures (comma-delimited, LF, quotes), so these tests do
// not depend on the core CSV reader.
#include <fstream>
#include <sstream>
#include <string>

#include "rcmap/io/csv.hpp"

namespace rcmap::test {

inline std::string fixture(const std::string& name) {
  return std::string(RCMAP_SOURCE_DIR) + "/tests/data/readers/" + name;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline CsvTable table_from_text(const std::string& text, const std::string& path = "mem.csv") {
  CsvTable t;
  t.path = path;
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false, first = true;
  std::size_t line = 1, start_line = 1;
  auto end_record = [&] {
    fields.push_back(cur);
    cur.clear();
    if (first)
      t.header = fields, first = false;
    else if (!(fields.size() == 1 && fields[0].empty()))
      t.rows.push_back({start_line, fields});
    fields.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cur += '"', ++i;
      else if (c == '"')
        quoted = false;
      else {
        if (c == '\n') ++line;
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(cur), cur.clear();
    } else if (c == '\n') {
      end_record();
      start_line = ++line;
    } else if (c != '\r') {
      cur += c;
    }
  }
  if (!cur.empty() || !fields.empty()) end_record();
  return t;
}

inline CsvTable load_csv(const std::string& path) { return table_from_text(slurp(path), path); }

}  // namespace rcmap::test
