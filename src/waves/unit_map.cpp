// unit-map.csv (`old,new`): renamed and merged units between survey waves.
#include "rcmap/waves/waves.hpp"

namespace rcmap {

UnitMap read_unit_map(const std::string& path, Encoding enc, Diagnostics& diags) {
  CsvTable t = read_csv(path, enc, diags);
  UnitMap m;
  if (t.header.empty()) {
    if (!diags.has_errors()) diags.error(path, 1, 0, {}, "empty file; expected header old,new");
    throw InputError(diags);
  }
  const std::size_t o = find_column(t.header, "old"), n = find_column(t.header, "new");
  const std::size_t npos = static_cast<std::size_t>(-1);
  if (o == npos || n == npos) {
    diags.error(path, 1, 0, {},
                std::string("missing required column '") + (o == npos ? "old" : "new") + "'; expected header old,new");
    throw InputError(diags);
  }
  std::unordered_map<std::string, std::size_t> line_of;
  auto trim = [](const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  for (const CsvRow& row : t.rows) {
    if (row.fields.size() <= std::max(o, n)) continue;  // ragged: reported by the CSV reader
    std::string from = trim(row.fields[o]), to = trim(row.fields[n]);
    if (from.empty() || to.empty()) {
      diags.error(path, row.line, (from.empty() ? o : n) + 1, from.empty() ? "old" : "new",
                  "empty unit id; expected an id in both columns");
      continue;
    }
    auto [it, fresh] = line_of.try_emplace(from, row.line);
    if (!fresh) {
      diags.error(path, row.line, o + 1, "old",
                  "unit '" + from + "' is mapped twice (first on line " + std::to_string(it->second) +
                      "); expected each old unit once");
      continue;
    }
    m.old_to_new.emplace(from, to);
  }
  if (diags.has_errors()) throw InputError(diags);
  return m;
}

}  // namespace rcmap
