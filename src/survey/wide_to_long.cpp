// Wide survey export -> canonical long responses table.
#include <array>
#include <map>
#include <optional>
#include <set>

#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "util/text.hpp"

namespace rcmap {

namespace {

using detail::fold_key;
using detail::trim;

// Unit lookup by id (exact, then folded) or label (folded).
class UnitLookup {
 public:
  UnitLookup(const CsvTable& units, Diagnostics& diags) {
    int ci = detail::find_column(units.header, "unit");
    int li = detail::find_column(units.header, "label");
    if (ci < 0) {
      diags.error(units.path, 1, 0, "unit", "units table has no 'unit' column; expected unit,label,side,headcount");
      return;
    }
    for (const auto& r : units.rows) {
      std::string id = ci < int(r.fields.size()) ? trim(r.fields[ci]) : "";
      if (id.empty()) continue;  // reported by the units validation
      std::size_t idx = ids_.size();
      ids_.push_back(id);
      exact_.emplace(id, idx);
      folded_.emplace(fold_key(id), idx);
      if (li >= 0 && li < int(r.fields.size()) && !trim(r.fields[li]).empty()) {
        labels_.push_back(trim(r.fields[li]));
        auto [it, fresh] = by_label_.emplace(fold_key(r.fields[li]), idx);
        if (!fresh && it->second != idx) ambiguous_.insert(it->first);
      }
    }
  }
  // Unit index, or nullopt; `ambiguous` set when a label names two units.
  std::optional<std::size_t> find(const std::string& text, bool& ambiguous) const {
    ambiguous = false;
    std::string t = trim(text);
    if (auto it = exact_.find(t); it != exact_.end()) return it->second;
    std::string k = fold_key(t);
    if (auto it = folded_.find(k); it != folded_.end()) return it->second;
    if (ambiguous_.count(k)) {
      ambiguous = true;
      return std::nullopt;
    }
    if (auto it = by_label_.find(k); it != by_label_.end()) return it->second;
    return std::nullopt;
  }
  const std::vector<std::string>& ids() const { return ids_; }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  std::vector<std::string> ids_, labels_;
  std::map<std::string, std::size_t> exact_, folded_, by_label_;
  std::set<std::string> ambiguous_;
};

struct RatingColumn {
  std::size_t column;  // index in the wide header
  int dimension;       // 0..6
  std::size_t unit;    // index in UnitLookup::ids()
};

// Pattern pieces: literal text (folded) or a placeholder.
struct Piece {
  enum Kind { literal, dimension, item, unit } kind;
  std::string text;
};

std::vector<Piece> parse_pattern(const std::string& pattern) {
  std::vector<Piece> pieces;
  std::string p = fold_key(pattern), lit;
  for (std::size_t i = 0; i < p.size();) {
    Piece::Kind k = Piece::literal;
    std::size_t len = 0;
    for (auto [name, kind] : {std::pair{"{dimension}", Piece::dimension}, std::pair{"{item}", Piece::item},
                              std::pair{"{unit}", Piece::unit}}) {
      std::string_view n(name);
      if (p.compare(i, n.size(), n) == 0) k = kind, len = n.size();
    }
    if (k == Piece::literal) {
      lit += p[i++];
      continue;
    }
    if (!lit.empty()) pieces.push_back({Piece::literal, lit}), lit.clear();
    pieces.push_back({k, {}});
    i += len;
  }
  if (!lit.empty()) pieces.push_back({Piece::literal, lit});
  return pieces;
}

// Backtracking match of a folded header against the pieces. On success sets
// dim and unit_text; `unit_ok` says whether the unit text names a unit. A
// match with a known unit is preferred over one without.
struct PatternMatch {
  bool matched = false, unit_ok = false;
  int dim = -1;
  std::string unit_text;
  std::size_t unit = 0;
};

void match_pieces(const std::string& h, std::size_t pos, const std::vector<Piece>& pieces, std::size_t pi, int dim,
                  const std::string& unit_text, const WideMapping& m, const UnitLookup& units, PatternMatch& best) {
  if (best.matched && best.unit_ok) return;
  if (pi == pieces.size()) {
    if (pos != h.size() || dim < 0) return;
    bool amb = false;
    auto u = units.find(unit_text, amb);
    if (u || !best.matched) {
      best.matched = true;
      best.unit_ok = u.has_value();
      best.dim = dim;
      best.unit_text = unit_text;
      best.unit = u.value_or(0);
    }
    return;
  }
  const Piece& p = pieces[pi];
  if (p.kind == Piece::literal) {
    if (h.compare(pos, p.text.size(), p.text) == 0)
      match_pieces(h, pos + p.text.size(), pieces, pi + 1, dim, unit_text, m, units, best);
    return;
  }
  for (std::size_t end = pos + 1; end <= h.size(); ++end) {
    std::string part = h.substr(pos, end - pos);
    if (p.kind == Piece::unit) {
      match_pieces(h, end, pieces, pi + 1, dim, part, m, units, best);
    } else {
      int d = -1;
      if (p.kind == Piece::item) {
        if (part.size() == 1 && part[0] >= '1' && part[0] <= '7') d = part[0] - '1';
      } else {
        d = resolve_dimension(part, m);
      }
      if (d >= 0) match_pieces(h, end, pieces, pi + 1, d, unit_text, m, units, best);
    }
  }
}

}  // namespace

CsvTable wide_to_long(const CsvTable& wide, const WideMapping& m, const CsvTable& units, Diagnostics& diags) {
  CsvTable out;
  out.path = wide.path;
  out.header = {"respondent", "unit", "target"};
  for (auto d : kDimensions) out.header.emplace_back(d);

  UnitLookup lookup(units, diags);
  const std::string& file = wide.path;

  auto locate = [&](const std::string& name, const char* key) -> int {
    int c = detail::find_column(wide.header, name);
    if (c < 0)
      diags.error(
          file, 1, 0, name,
          "no column '" + name + "' (mapping [wide] " + key + "); the header has " + detail::quoted_list(wide.header));
    return c;
  };
  int resp_col = locate(m.respondent_column, "respondent");
  int unit_col = locate(m.unit_column, "unit");

  // ---- rating columns ----
  std::vector<RatingColumn> rating;
  std::map<std::pair<int, std::size_t>, std::size_t> seen;  // (dim, unit) -> column
  auto add_rating = [&](std::size_t col, int dim, std::size_t unit) {
    auto [it, fresh] = seen.emplace(std::pair{dim, unit}, col);
    if (!fresh) {
      diags.error(file, 1, col + 1, wide.header[col],
                  "second column for " + std::string(kDimensions[dim]) + " of unit '" + lookup.ids()[unit] +
                      "' (the first is column " + std::to_string(it->second + 1) + ", '" + wide.header[it->second] +
                      "'); expected one column each");
      return;
    }
    rating.push_back({col, dim, unit});
  };
  if (!m.columns.empty()) {
    for (const auto& c : m.columns) {
      int col = detail::find_column(wide.header, c.column);
      int dim = resolve_dimension(c.dimension, m);
      bool amb = false;
      auto unit = lookup.find(c.unit, amb);
      if (col < 0)
        diags.error(m.path, c.line, 0, "columns", "column '" + c.column + "' is not in the header of " + file);
      else if (dim < 0)
        diags.error(m.path, c.line, 0, "columns", "unknown dimension '" + c.dimension + "'");
      else if (!unit)
        diags.error(
            m.path, c.line, 0, "columns",
            "unit '" + c.unit + "' is not in the units table; expected one of " + detail::quoted_list(lookup.ids()));
      else
        add_rating(std::size_t(col), dim, *unit);
    }
  } else {
    auto pieces = parse_pattern(m.pattern);
    for (std::size_t c = 0; c < wide.header.size(); ++c) {
      if (int(c) == resp_col || int(c) == unit_col) continue;
      PatternMatch pm;
      match_pieces(fold_key(wide.header[c]), 0, pieces, 0, -1, {}, m, lookup, pm);
      if (!pm.matched) continue;
      if (!pm.unit_ok) {
        diags.error(file, 1, c + 1, wide.header[c],
                    "column matches the pattern '" + m.pattern + "' but '" + pm.unit_text +
                        "' is no unit id or label; expected one of " + detail::quoted_list(lookup.ids()));
        continue;
      }
      add_rating(c, pm.dim, pm.unit);
    }
    if (rating.empty() && !diags.has_errors())
      diags.error(
          file, 1, 0, {},
          "no column matches the pattern '" + m.pattern + "'; the header has " + detail::quoted_list(wide.header));
  }
  if (resp_col < 0 || unit_col < 0 || rating.empty()) return out;

  // grid[unit][dim] = wide column, or -1
  std::vector<std::array<int, kDimensionCount>> grid(lookup.ids().size());
  for (auto& g : grid) g.fill(-1);
  for (const auto& r : rating) grid[r.unit][r.dimension] = int(r.column);

  std::set<std::string> missing;
  for (const auto& s : m.missing) missing.insert(fold_key(s));
  std::vector<std::map<std::string, int>> recode(kDimensionCount);
  for (const auto& [dim, table] : m.recode) {
    int d = resolve_dimension(dim, m);
    if (d < 0) continue;
    for (const auto& [raw, score] : table) recode[d][fold_key(raw)] = score;
  }

  // ---- rows ----
  for (const auto& row : wide.rows) {
    auto field = [&](int c) { return c < int(row.fields.size()) ? trim(row.fields[c]) : std::string(); };
    std::string respondent = field(resp_col), own_text = field(unit_col);
    if (respondent.empty())
      diags.error(file, row.line, resp_col + 1, wide.header[resp_col],
                  "empty respondent id; expected an id for every respondent");
    std::optional<std::size_t> own;
    bool amb = false;
    if (own_text.empty()) {
      diags.error(file, row.line, unit_col + 1, wide.header[unit_col], "empty own unit; expected a unit id or label");
    } else if (!(own = lookup.find(own_text, amb))) {
      diags.error(file, row.line, unit_col + 1, wide.header[unit_col],
                  amb ? "label '" + own_text + "' names more than one unit; use the unit id"
                      : "own unit '" + own_text + "' matches no unit id or label; expected one of " +
                            detail::quoted_list(lookup.labels().empty() ? lookup.ids() : lookup.labels()));
    }
    for (std::size_t u = 0; u < grid.size(); ++u) {
      std::vector<std::string> scores(kDimensionCount);
      bool any = false;
      for (int d = 0; d < kDimensionCount; ++d) {
        int c = grid[u][d];
        if (c < 0) continue;
        std::string v = field(c);
        if (v.empty()) continue;
        std::string k = fold_key(v);
        if (auto it = recode[d].find(k); it != recode[d].end()) {
          v = std::to_string(it->second);
        } else if (missing.count(k)) {
          continue;
        } else {
          long long s = 0;
          if (!detail::parse_int(v, s) || s < 1 || s > 5) {
            diags.error(file, row.line, c + 1, wide.header[c],
                        "answer '" + v + "' is not a score 1 to 5" +
                            (recode[d].empty() ? std::string() : ", not recoded for " + std::string(kDimensions[d])) +
                            " and not in the mapping's missing list");
            continue;
          }
          v = std::to_string(s);
        }
        scores[d] = v;
        any = true;
      }
      if (!any || !own) continue;
      CsvRow r;
      r.line = row.line;
      r.fields = {respondent, lookup.ids()[*own], lookup.ids()[u]};
      r.fields.insert(r.fields.end(), scores.begin(), scores.end());
      out.rows.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace rcmap
