// Mapping files for wide survey exports: a small INI dialect read line by
// line so that every error names the mapping file's line.
//
//   ; comment            # comment too; also after a value, after whitespace
//   [section]
//   key = value          value lists: a, b, "c, with comma"
#include <fstream>
#include <set>
#include <sstream>

#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "util/text.hpp"

namespace rcmap {

namespace {

using detail::fold_key;
using detail::trim;

// fold_key, with '-' and ' ' read as '_' ("Problem solving" = problem_solving).
std::string dim_key(std::string_view s) {
  std::string k = fold_key(s);
  for (char& c : k)
    if (c == ' ' || c == '-') c = '_';
  return k;
}

// Removes an inline comment (';' or '#' after whitespace, outside quotes).
std::string strip_comment(const std::string& line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (!quoted && (line[i] == ';' || line[i] == '#') && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  }
  return line;
}

// Splits a value list at commas outside double quotes; items trimmed,
// surrounding quotes removed ("" inside quotes is a literal quote).
std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> items;
  std::string cur;
  bool quoted = false, was_quoted = false;
  auto flush = [&] {
    std::string t = was_quoted ? cur : trim(cur);
    if (!t.empty() || was_quoted) items.push_back(t);
    cur.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (quoted) {
      if (c == '"' && i + 1 < v.size() && v[i + 1] == '"')
        cur += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cur += c;
    } else if (c == '"') {
      quoted = true;
      was_quoted = true;
      cur.clear();
    } else if (c == ',') {
      flush();
    } else if (!was_quoted) {
      cur += c;
    }
  }
  flush();
  return items;
}

std::string unquote(const std::string& s) {
  auto items = split_list(s);
  return items.size() == 1 ? items[0] : trim(s);
}

}  // namespace

const std::map<std::string, std::string>& builtin_dimension_aliases() {
  static const std::map<std::string, std::string> aliases = [] {
    std::map<std::string, std::string> a;
    const std::vector<std::vector<std::string>> names = {
        {"frequent", "frequency", "frequent_communication", "hyppig", "hyppighed", "hyppig_kommunikation", "frekvens"},
        {"timely", "timeliness", "timely_communication", "rettidig", "rettidighed", "rettidig_kommunikation",
         "tidsnok"},
        {"accurate", "accuracy", "accurate_communication", "præcis", "præcision", "praecision", "præcis_kommunikation",
         "nøjagtig", "nøjagtighed"},
        {"problem_solving", "problemsolving", "problem_solving_communication", "problemløsning", "problemloesning",
         "problemløsende_kommunikation"},
        {"shared_goals", "goals", "fælles_mål", "faelles_maal", "mål"},
        {"shared_knowledge", "knowledge", "fælles_viden", "faelles_viden", "viden"},
        {"mutual_respect", "respect", "gensidig_respekt", "respekt"}};
    for (std::size_t d = 0; d < names.size(); ++d)
      for (const auto& n : names[d]) a[dim_key(n)] = std::string(kDimensions[d]);
    return a;
  }();
  return aliases;
}

int resolve_dimension(const std::string& name, const WideMapping& m) {
  std::string k = dim_key(name);
  if (k.size() == 1 && k[0] >= '1' && k[0] <= '7') return k[0] - '1';
  std::string canonical;
  for (const auto& [alias, dim] : m.dimension_aliases)
    if (dim_key(alias) == k) canonical = dim_key(dim);
  if (canonical.empty()) {
    auto it = builtin_dimension_aliases().find(k);
    if (it == builtin_dimension_aliases().end()) return -1;
    canonical = it->second;
  }
  for (int d = 0; d < kDimensionCount; ++d)
    if (kDimensions[d] == canonical) return d;
  return -1;
}

WideMapping parse_mapping(const std::string& text, const std::string& path, Diagnostics& diags) {
  WideMapping m;
  m.path = path;
  std::istringstream in(text);
  std::string raw, section;
  std::size_t line_no = 0;
  bool seen_wide = false;
  auto err = [&](const std::string& msg) { diags.error(path, line_no, 0, section, msg); };
  std::set<std::string> seen_keys;
  std::vector<std::pair<std::string, std::size_t>> alias_targets;  // checked after all aliases
  while (std::getline(in, raw)) {
    ++line_no;
    if (line_no == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
    std::string line = trim(strip_comment(raw));
    if (line.empty()) continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        err("section header '" + line + "' has no closing ']'");
        continue;
      }
      section = trim(line.substr(1, line.size() - 2));
      std::string s = fold_key(section);
      if (s == "wide") {
        seen_wide = true;
      } else if (s.rfind("recode.", 0) == 0) {
        std::string dim = section.substr(7);
        if (resolve_dimension(dim, m) < 0)
          err("[" + section + "]: unknown dimension '" + dim +
              "'; expected one of frequent, timely, "
              "accurate, problem_solving, shared_goals, shared_knowledge, mutual_respect or an alias");
      } else if (s != "dimensions" && s != "columns") {
        err("unknown section [" + section +
            "]; expected [wide], [dimensions], "
            "[recode.<dimension>] or [columns]");
      }
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos) {
      err("expected 'key = value', found '" + line + "'");
      continue;
    }
    std::string key = unquote(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    std::string s = fold_key(section);
    if (section.empty()) {
      err("'" + key + "' comes before any [section]; expected it under [wide]");
    } else if (s == "wide") {
      std::string k = fold_key(key);
      if (!seen_keys.insert(k).second) err("key '" + key + "' given twice in [wide]");
      if (k == "respondent")
        m.respondent_column = unquote(value);
      else if (k == "unit")
        m.unit_column = unquote(value);
      else if (k == "pattern")
        m.pattern = unquote(value);
      else if (k == "missing")
        m.missing = split_list(value);
      else
        err("unknown key '" + key + "' in [wide]; expected respondent, unit, pattern or missing");
    } else if (s == "dimensions") {
      m.dimension_aliases[key] = unquote(value);
      alias_targets.emplace_back(unquote(value), line_no);
    } else if (s.rfind("recode.", 0) == 0) {
      int d = resolve_dimension(section.substr(7), m);
      long long score = 0;
      if (!detail::parse_int(value, score) || score < 1 || score > 5) {
        err("recode of '" + key + "' is '" + value + "'; expected a score 1 to 5");
      } else if (d >= 0) {
        auto& table = m.recode[std::string(kDimensions[d])];
        if (!table.emplace(key, int(score)).second) err("answer '" + key + "' recoded twice");
      }
    } else if (s == "columns") {
      auto dot = key.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == key.size()) {
        err("column key '" + key + "' should be <dimension>.<unit id>, e.g. frequent.NORD");
        continue;
      }
      WideMapping::Column c{key.substr(0, dot), key.substr(dot + 1), unquote(value), line_no};
      if (resolve_dimension(c.dimension, m) < 0)
        err("unknown dimension '" + c.dimension + "' in '" + key + "'");
      else
        m.columns.push_back(std::move(c));
    }
  }
  line_no = 0;
  section = "wide";
  for (const auto& [target, l] : alias_targets) {
    bool known = false;
    for (auto d : kDimensions) known = known || dim_key(target) == d;
    if (!known)
      diags.error(path, l, 0, "dimensions",
                  "alias target '" + target +
                      "' is not a dimension; expected one of frequent, "
                      "timely, accurate, problem_solving, shared_goals, shared_knowledge, mutual_respect");
  }
  if (!seen_wide) {
    err("no [wide] section; expected respondent = ..., unit = ... and pattern = ... under [wide]");
    return m;
  }
  if (m.respondent_column.empty()) err("[wide] has no 'respondent = <column>'");
  if (m.unit_column.empty()) err("[wide] has no 'unit = <column>' (the respondent's own unit)");
  if (m.pattern.empty() && m.columns.empty())
    err("neither [wide] pattern = ... nor a [columns] section; expected one of them");
  if (!m.pattern.empty() && !m.columns.empty())
    err("both [wide] pattern and [columns] given; expected only one of them");
  if (!m.pattern.empty()) {
    std::string p = fold_key(m.pattern);
    bool has_dim = p.find("{dimension}") != std::string::npos, has_item = p.find("{item}") != std::string::npos;
    if (p.find("{unit}") == std::string::npos || has_dim == has_item)
      err("pattern '" + m.pattern + "' needs {unit} and exactly one of {dimension} or {item}");
  }
  return m;
}

WideMapping read_mapping(const std::string& ini_path, Diagnostics& diags) {
  std::ifstream in(ini_path, std::ios::binary);
  if (!in) {
    diags.error(ini_path, 0, 0, {}, "cannot open the mapping file");
    WideMapping m;
    m.path = ini_path;
    return m;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_mapping(ss.str(), ini_path, diags);
}

}  // namespace rcmap
