// rcmap mapping --init: guess a mapping file from a wide export's header
// (docs/readers.md "Writing a mapping file").
#include "rcmap/survey/mapping_init.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "util/text.hpp"

namespace rcmap {

namespace {

using detail::fold_key;

bool is_sep(char c) { return c == '_' || c == '.' || c == '-' || c == ':' || c == ' '; }

// The pattern of one header given that the unit part is `unit` (folded
// text), or "" if the rest is no dimension or item. `h` is the folded header.
std::string pattern_of(const std::string& h, const std::string& unit) {
  static const WideMapping none;
  auto rest_pattern = [](std::string rest, bool unit_first) -> std::string {
    // rest = dimension + separator (unit last) or separator + dimension.
    std::string sep;
    if (unit_first) {
      while (!rest.empty() && is_sep(rest.front())) sep += rest.front(), rest.erase(0, 1);
    } else {
      while (!rest.empty() && is_sep(rest.back())) sep.insert(sep.begin(), rest.back()), rest.pop_back();
    }
    if (rest.empty()) return {};
    std::string dim_part;
    if (resolve_dimension(rest, none) >= 0 && !(rest.size() == 1 && rest[0] >= '1' && rest[0] <= '7'))
      dim_part = "{dimension}";
    else if (rest.back() >= '1' && rest.back() <= '7' &&
             (rest.size() == 1 || !std::isdigit(static_cast<unsigned char>(rest[rest.size() - 2]))))
      dim_part = rest.substr(0, rest.size() - 1) + "{item}";
    else
      return {};
    return unit_first ? "{unit}" + sep + dim_part : dim_part + sep + "{unit}";
  };
  std::string p;
  if (h.size() > unit.size() && h.compare(h.size() - unit.size(), unit.size(), unit) == 0)
    p = rest_pattern(h.substr(0, h.size() - unit.size()), false);
  if (p.empty() && h.size() > unit.size() && h.compare(0, unit.size(), unit) == 0)
    p = rest_pattern(h.substr(unit.size()), true);
  return p;
}

// `p` (found in the folded header `h`) with its literal text in the case of
// the header as written, `raw` ("Q{item}." rather than "q{item}."), when
// folding kept every byte in place; else `p`.
std::string restore_case(const std::string& p, const std::string& h, const std::string& raw) {
  if (h.size() != raw.size()) return p;
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '{') {
      const std::size_t j = p.find('}', i);
      out += p.substr(i, j - i + 1);
      i = j + 1;
      continue;
    }
    std::size_t j = p.find('{', i);
    if (j == std::string::npos) j = p.size();
    const std::string lit = p.substr(i, j - i);
    const std::size_t at = h.find(lit, pos);
    if (at == std::string::npos) return p;
    out += raw.substr(at, lit.size());
    pos = at + lit.size();
    i = j;
  }
  return out;
}

// A header read as dimension/item + separator + anything (no units known).
bool rating_like(const std::string& header) {
  static const WideMapping none;
  const std::string h = fold_key(header);
  for (std::size_t i = 1; i + 1 < h.size(); ++i) {
    if (!is_sep(h[i])) continue;
    const std::string a = h.substr(0, i), b = h.substr(i + 1);
    for (const std::string& part : {a, b}) {
      if (resolve_dimension(part, none) >= 0 && part.size() > 1) return true;
      if (part.size() >= 2 && part.size() <= 4 && part.back() >= '1' && part.back() <= '7' &&
          std::isalpha(static_cast<unsigned char>(part.front())) &&
          !std::isdigit(static_cast<unsigned char>(part[part.size() - 2])))
        return true;
    }
  }
  return false;
}

// A value for the INI file: quoted when it has a comma, quote, ; or # or
// surrounding spaces.
std::string ini_value(const std::string& v) {
  if (v.find_first_of(",\";#") == std::string::npos && !v.empty() && v.front() != ' ' && v.back() != ' ') return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

bool looks_wide(const std::vector<std::string>& header, std::size_t& count, std::vector<std::string>& examples) {
  count = 0;
  examples.clear();
  for (const auto& h : header) {
    if (fold_key(h) == "target") return false;
    if (rating_like(h)) {
      ++count;
      if (examples.size() < 3) examples.push_back(h);
    }
  }
  return count >= 7;
}

MappingGuess init_mapping(const CsvTable& wide, const CsvTable& units) {
  MappingGuess g;
  // Unit ids and labels, folded, longest first (so "nord-2" wins over "nord").
  std::vector<std::string> names;
  std::map<std::string, std::size_t> unit_of;  // folded id or label -> unit row
  const int uc = detail::find_column(units.header, "unit"), lc = detail::find_column(units.header, "label");
  for (std::size_t r = 0; r < units.rows.size(); ++r)
    for (int c : {uc, lc})
      if (c >= 0 && static_cast<std::size_t>(c) < units.rows[r].fields.size()) {
        const std::string k = fold_key(units.rows[r].fields[static_cast<std::size_t>(c)]);
        if (!k.empty() && unit_of.emplace(k, r).second) names.push_back(k);
      }
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  // Votes per pattern; the columns and units each pattern matches.
  std::map<std::string, std::vector<std::size_t>> cols_of;
  std::map<std::string, std::set<std::size_t>> units_of;
  for (std::size_t c = 0; c < wide.header.size(); ++c) {
    const std::string h = fold_key(wide.header[c]);
    for (const auto& n : names) {
      const std::string p = restore_case(pattern_of(h, n), h, wide.header[c]);
      if (p.empty()) continue;
      cols_of[p].push_back(c);
      units_of[p].insert(unit_of[n]);
      break;
    }
  }
  // Headers "<name><sep><unit>" (or unit first) whose name is no known
  // dimension: a survey's own word for one (samples/mapping.ini: samarbejde).
  std::map<std::string, std::set<std::size_t>> unknown;  // folded name -> units
  static const WideMapping none;
  for (std::size_t c = 0; c < wide.header.size(); ++c) {
    const std::string h = fold_key(wide.header[c]);
    for (const auto& n : names) {
      std::string rest;
      if (h.size() > n.size() + 1 && h.compare(h.size() - n.size(), n.size(), n) == 0 &&
          is_sep(h[h.size() - n.size() - 1]))
        rest = h.substr(0, h.size() - n.size() - 1);
      else if (h.size() > n.size() + 1 && h.compare(0, n.size(), n) == 0 && is_sep(h[n.size()]))
        rest = h.substr(n.size() + 1);
      else
        continue;
      if (!rest.empty() && resolve_dimension(rest, none) < 0 && !std::isdigit(static_cast<unsigned char>(rest.back())))
        unknown[rest].insert(unit_of[n]);
      break;
    }
  }
  std::set<std::size_t> rating;
  for (const auto& [p, cols] : cols_of)
    if (cols.size() > g.rating_columns || (cols.size() == g.rating_columns && p < g.pattern)) {
      g.pattern = p;
      g.rating_columns = cols.size();
      g.units_matched = units_of[p].size();
    }
  // Dimensions the pattern found; an unknown name on as many units as the
  // pattern's is proposed as the alias of the one dimension not found.
  std::set<int> dims_found;
  if (g.pattern.find("{dimension}") != std::string::npos)
    for (std::size_t c : cols_of[g.pattern]) {
      const std::string h = fold_key(wide.header[c]);
      for (int d = 0; d < kDimensionCount; ++d)
        for (const auto& [alias, dim] : builtin_dimension_aliases())
          if (dim == kDimensions[d] && h.find(alias) != std::string::npos) dims_found.insert(d);
    }
  std::vector<std::string> unknown_names;
  for (const auto& [name, us] : unknown)
    if (g.units_matched && us.size() * 2 >= g.units_matched) unknown_names.push_back(name);
  int lone_missing = -1;
  if (dims_found.size() + 1 == static_cast<std::size_t>(kDimensionCount))
    for (int d = 0; d < kDimensionCount; ++d)
      if (!dims_found.count(d)) lone_missing = d;
  if (!g.pattern.empty()) {
    rating.insert(cols_of[g.pattern].begin(), cols_of[g.pattern].end());
    if (lone_missing >= 0 && unknown_names.size() == 1) {
      g.alias = unknown_names.front();
      g.alias_dimension = std::string(kDimensions[static_cast<std::size_t>(lone_missing)]);
      for (std::size_t c = 0; c < wide.header.size(); ++c) {
        const std::string h = fold_key(wide.header[c]);
        if (h.rfind(g.alias, 0) == 0 ||
            (h.size() > g.alias.size() && h.compare(h.size() - g.alias.size(), g.alias.size(), g.alias) == 0))
          rating.insert(c);
      }
    }
    g.unknown = unknown_names;
    for (std::size_t c : cols_of[g.pattern])
      if (g.examples.size() < 3) g.examples.push_back(wide.header[c]);
  }
  // Respondent column: a header naming a respondent or an id, else the first
  // column that is no rating column.
  long resp = -1;
  for (std::size_t c = 0; c < wide.header.size() && resp < 0; ++c) {
    const std::string h = fold_key(wide.header[c]);
    if (!rating.count(c) && (h.find("respondent") != std::string::npos || h == "id" || h.rfind("id ", 0) == 0 ||
                             h.find(" id") != std::string::npos || h.find("svarperson") != std::string::npos))
      resp = static_cast<long>(c);
  }
  for (std::size_t c = 0; c < wide.header.size() && resp < 0; ++c)
    if (!rating.count(c)) resp = static_cast<long>(c);
  if (resp >= 0) g.respondent_column = wide.header[static_cast<std::size_t>(resp)];
  // Own unit: the other column whose values are most often unit ids or labels.
  std::size_t best = 0;
  for (std::size_t c = 0; c < wide.header.size(); ++c) {
    if (rating.count(c) || static_cast<long>(c) == resp) continue;
    std::size_t hits = 0;
    for (const auto& row : wide.rows)
      if (c < row.fields.size() && unit_of.count(fold_key(row.fields[c]))) ++hits;
    if (hits > best) {
      best = hits;
      g.unit_column = wide.header[c];
    }
  }
  // Answers that are not 1..5: candidates for `missing` (or a recode).
  std::set<std::string> odd;
  for (const auto& row : wide.rows)
    for (std::size_t c : rating) {
      if (c >= row.fields.size()) continue;
      const std::string v = detail::trim(row.fields[c]);
      long long x = 0;
      if (v.empty() || (detail::parse_int(v, x) && x >= 1 && x <= 5)) continue;
      if (odd.size() < 12) odd.insert(v);
    }
  // Numbers outside 1..5 and "don't know" / "not relevant" answers are
  // proposed as missing; other text is an answer to recode (never dropped
  // silently: left unmapped, it is an error naming the cell).
  for (const std::string& v : odd) {
    const std::string k = fold_key(v);
    long long x = 0;
    const bool dont_know = k.find("ved ikke") != std::string::npos || k.find("vet ikke") != std::string::npos ||
                           k.find("ikke relevant") != std::string::npos || k.find("don't know") != std::string::npos ||
                           k.find("not relevant") != std::string::npos || k == "n/a" || k == "na" || k == "-";
    (detail::parse_int(v, x) || dont_know ? g.missing : g.to_recode).push_back(v);
  }

  std::string& t = g.text;
  t += "; rcmap mapping file written by rcmap mapping --init for " + wide.path +
       "\n"
       "; (units from " +
       units.path +
       "). Check every line, then use it with\n"
       ";   rcmap analyze --units " +
       units.path + " --responses " + wide.path +
       " --mapping THIS_FILE --out results\n"
       "; Format: samples/mapping.ini and docs/readers.md. Comments start with ; or #.\n\n"
       "[wide]\n"
       "; Column with the respondent id (unique per respondent).\n";
  t += (g.respondent_column.empty() ? "; respondent = ?  (not found: name the column)\n"
                                    : "respondent = " + ini_value(g.respondent_column) + "\n");
  t += "; Column with the respondent's own unit (a unit id or label from the units file).\n";
  t += g.unit_column.empty() ? "; unit = ?  (not found: name the column)\n"
                             : "unit = " + ini_value(g.unit_column) + "\n";
  t += "; How a rating column is named: {dimension} (frequent ... mutual_respect, or the Danish\n"
       "; names), {item} (1..7 in Gittell's order) and {unit} (a unit id or label).\n";
  if (g.pattern.empty()) {
    t += "; pattern = {dimension}_{unit}  (no rating columns recognised: write the pattern, or list\n"
         ";   every column in a [columns] section, see samples/mapping.ini)\n";
  } else {
    t += "; It matches " + std::to_string(g.rating_columns) + " columns for " + std::to_string(g.units_matched) +
         " units, e.g.";
    for (const auto& e : g.examples) t += " '" + e + "'";
    t += ".\npattern = " + ini_value(g.pattern) + "\n";
  }
  t += "; Answers meaning \"not answered\" (blank cells always are).\n";
  if (g.missing.empty()) {
    t += "; missing = 9, \"Ved ikke\"  (no answer outside 1..5 looks like one)\n";
  } else {
    t += "; Found in the rating columns: check that each means \"not answered\".\n"
         "missing = ";
    for (std::size_t i = 0; i < g.missing.size(); ++i) t += (i ? ", " : "") + ini_value(g.missing[i]);
    t += "\n";
  }
  if (!g.to_recode.empty()) {
    t += "; Text answers found that need a score: give each one in a [recode.<dimension>] section\n"
         "; (answer = score 1..5, see samples/mapping.ini), or add it to missing. Until then the\n"
         "; analysis stops at the first cell holding one. Found:";
    for (const auto& v : g.to_recode) t += " " + ini_value(v) + ";";
    t.back() = '\n';
  }
  if (!g.alias.empty()) {
    t += "\n[dimensions]\n; Your headers' own dimension names: alias = canonical name. Guessed: '" + g.alias +
         "' is on the rating\n; columns and " + g.alias_dimension + " is the one dimension not otherwise found.\n" +
         ini_value(g.alias) + " = " + g.alias_dimension + "\n";
  } else {
    t += "\n; [dimensions]\n; Extra dimension names in your headers: alias = canonical name, e.g.\n"
         "; samarbejde = mutual_respect\n";
    for (const auto& u : g.unknown)
      t += "; " + ini_value(u) + " = ?   (on rating-like columns, not a known dimension name)\n";
  }
  t += ""
       "\n; [recode.problem_solving]\n; Answer as exported = score 1..5, e.g. a reversed scale:\n; 1 = 5\n; 5 = 1\n";
  return g;
}

}  // namespace rcmap
