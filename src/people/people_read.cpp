// Reading and validating the person-network inputs (docs/people.md
// "Inputs"): people.csv and the person ties as CSV, GraphML or
// Pajek. Errors name file, line and column and say what was expected; all
// errors up to the Diagnostics cap are collected before InputError is thrown.
// CSV files are streamed (CsvReader) and ids interned in a hash map, so
// reading is O(rows) time and O(people + ties) memory; the duplicate-pair
// check sorts the packed (source, target) keys, O(m log m).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "util/text.hpp"
#include "rcmap/graph/network_files.hpp"
#include "rcmap/people/people.hpp"

namespace rcmap::people {
namespace {

// Positions of the required columns, or an error per missing one.
std::vector<int> required_columns(const CsvReader& r, const std::vector<std::string_view>& names,
                                  std::vector<std::string>& ignored, Diagnostics& diags) {
  std::vector<int> pos;
  for (auto name : names) {
    pos.push_back(detail::find_column(r.header(), name));
    if (pos.back() < 0)
      diags.error(
          r.path(), r.header_line(), 0, {},
          "missing required column '" + std::string(name) + "'; found columns: " + detail::quoted_list(r.header()));
  }
  for (std::size_t i = 0; i < r.header().size(); ++i)
    if (std::find(pos.begin(), pos.end(), static_cast<int>(i)) == pos.end()) ignored.push_back(r.header()[i]);
  if (!ignored.empty()) diags.note(r.path(), "ignored extra columns: " + detail::quoted_list(ignored));
  return pos;
}

// Why weight `w` (> 0) has no usable tie length under `d`, or "" if it has
// one. Path metrics add lengths (docs/people.md "Options", --distance), so a
// length must be a finite number > 0: 1/w is infinite for w below
// 1/DBL_MAX (about 5.6e-309, e.g. the subnormal 1e-310). Weights from 6 are
// left to person_metrics, whose usage error names the --distance choice.
std::string length_problem(double w, DistanceTransform d, std::string_view text) {
  if (d != DistanceTransform::inverse && !(w < 6)) return {};
  const double len = d == DistanceTransform::inverse ? 1.0 / w : rc_to_distance(w, d);
  if (std::isfinite(len) && len > 0) return {};
  return "weight " + detail::quoted(text) + " gives the tie length " + detail::format_number(len) +
         " under --distance " + distance_name(d) + "; a weight must give a finite positive distance";
}

// Ties being collected, with the line of each (0 for GraphML/Pajek) for the
// duplicate-pair message.
struct TieBuilder {
  PersonTies& out;
  std::vector<std::uint32_t> lines;
  Diagnostics& diags;
  std::size_t loops = 0;

  void add(std::uint32_t s, std::uint32_t t, double w, std::size_t line) {
    if (s == t) {
      ++loops;
      return;
    }
    out.source.push_back(s);
    out.target.push_back(t);
    out.weight.push_back(w);
    lines.push_back(static_cast<std::uint32_t>(line));
  }

  void finish(const People& people, std::size_t header_line) {
    if (loops)
      diags.warning(out.path, 0, 0, {},
                    std::to_string(loops) + (loops == 1 ? " tie names" : " ties name") +
                        " the person themself (self-loop); dropped");
    if (out.size() == 0 && !diags.has_errors())
      diags.error(out.path, header_line, 0, {}, "no tie between two different people; expected one row per tie");
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
      keys[i] = {(std::uint64_t(out.source[i]) << 32) | out.target[i], static_cast<std::uint32_t>(i)};
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
      if (keys[i].first != keys[i - 1].first) continue;
      const std::size_t a = keys[i - 1].second, b = keys[i].second;
      diags.error(out.path, lines[b], lines[b] ? 1 : 0, lines[b] ? "source" : "",
                  "tie " + detail::quoted(people.ids[out.source[b]]) + " -> " +
                      detail::quoted(people.ids[out.target[b]]) + " is listed twice" +
                      (lines[a] ? " (first on line " + std::to_string(lines[a]) + ")" : "") +
                      "; expected one weight per ordered pair");
    }
  }
};

void read_ties_csv(const std::string& path, const People& people, Encoding enc, DistanceTransform distance,
                   TieBuilder& b, Diagnostics& diags) {
  CsvReader r = CsvReader::open(path, enc, diags);
  if (!r.ok()) return;
  const std::vector<int> col = required_columns(r, {"source", "target", "weight"}, b.out.ignored_columns, diags);
  if (std::find(col.begin(), col.end(), -1) != col.end()) return;
  std::vector<std::string_view> f;
  std::size_t line = 0;
  std::string key;
  while (r.next(f, line)) {
    std::uint32_t ends[2] = {0, 0};
    bool ok = true;
    for (int k = 0; k < 2; ++k) {
      // Ids lose surrounding spaces and TABs as in the survey readers (a
      // quoted CR or NBSP stays part of the id, so ids match the units file's).
      key.assign(detail::trim_blanks(f[col[k]]));
      auto it = people.index.find(key);
      if (it != people.index.end()) {
        ends[k] = it->second;
        continue;
      }
      ok = false;
      diags.error(path, line, col[k] + 1, r.header()[col[k]],
                  key.empty()
                      ? "empty person id; expected a person listed in " + people.path
                      : "unknown person " + detail::quoted(key) + "; expected a person listed in " + people.path);
    }
    double w = 0;
    if (!detail::parse_double(f[col[2]], w) || !(w > 0)) {
      diags.error(path, line, col[2] + 1, r.header()[col[2]],
                  "weight " + detail::quoted(f[col[2]]) + "; expected a number greater than 0");
      ok = false;
    } else if (std::string why = length_problem(w, distance, detail::trim_blanks(f[col[2]])); !why.empty()) {
      diags.error(path, line, col[2] + 1, r.header()[col[2]], why);
      ok = false;
    }
    if (ok) b.add(ends[0], ends[1], w, line);
  }
  b.finish(people, r.header_line());
}

void read_ties_network(const std::string& path, bool graphml, const People& people, DistanceTransform distance,
                       TieBuilder& b, Diagnostics& diags) {
  // Pajek or UCINET DL, told apart by content (network_files.hpp read_network).
  NetworkFile net = graphml ? read_graphml(path, diags) : read_network(path, diags);
  if (diags.has_errors()) return;
  std::vector<std::uint32_t> person(net.labels.size(), 0);
  bool ok = true;
  for (std::size_t v = 0; v < net.labels.size(); ++v) {
    auto it = people.index.find(net.labels[v]);
    if (it == people.index.end()) {
      diags.error(path, 0, 0, {},
                  "vertex " + std::to_string(v + 1) + " is unknown person " + detail::quoted(net.labels[v]) +
                      "; expected a person listed in " + people.path);
      ok = false;
    } else {
      person[v] = it->second;
    }
  }
  if (!net.directed && !net.edges.empty())
    diags.note(path, "undirected network: each edge is read as two ties, one in each direction");
  for (const auto& e : net.edges) {
    const std::string tie = "tie " + detail::quoted(net.labels[e.from]) + " -> " + detail::quoted(net.labels[e.to]);
    if (!(e.weight > 0)) {
      diags.error(path, 0, 0, {},
                  tie + " has weight " + std::to_string(e.weight) + "; expected a number greater than 0");
      ok = false;
    } else if (std::string why = length_problem(e.weight, distance, detail::format_number(e.weight)); !why.empty()) {
      diags.error(path, 0, 0, {}, tie + ": " + why);
      ok = false;
    }
    if (!ok) continue;
    b.add(person[e.from], person[e.to], e.weight, 0);
    if (!net.directed) b.add(person[e.to], person[e.from], e.weight, 0);
  }
  if (ok) b.finish(people, 0);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return detail::ascii_lower(std::string_view(s).substr(s.size() - suffix.size())) == suffix;
}

}  // namespace

People read_people(const std::string& path, const std::vector<Unit>& units, Encoding enc, Diagnostics& diags) {
  People p;
  p.path = path;
  std::unordered_map<std::string, std::uint32_t> unit_by_id;
  for (std::size_t u = 0; u < units.size(); ++u) unit_by_id.emplace(units[u].id, static_cast<std::uint32_t>(u));
  CsvReader r = CsvReader::open(path, enc, diags);
  if (r.ok()) {
    const std::vector<int> col = required_columns(r, {"person", "unit"}, p.ignored_columns, diags);
    if (col[0] >= 0 && col[1] >= 0) {
      std::vector<std::string_view> f;
      std::size_t line = 0;
      std::vector<std::uint32_t> first_line;
      std::string id, unit;
      while (r.next(f, line)) {
        id.assign(detail::trim_blanks(f[col[0]]));
        unit.assign(detail::trim_blanks(f[col[1]]));
        auto u = unit_by_id.find(unit);
        if (id.empty()) diags.error(path, line, col[0] + 1, r.header()[col[0]], "empty person id; expected an id");
        if (u == unit_by_id.end())
          diags.error(path, line, col[1] + 1, r.header()[col[1]],
                      (unit.empty() ? std::string("empty unit") : "unknown unit " + detail::quoted(unit)) +
                          "; expected a unit listed in the units file");
        if (id.empty() || u == unit_by_id.end()) continue;
        auto [it, fresh] = p.index.emplace(id, static_cast<std::uint32_t>(p.ids.size()));
        if (!fresh) {
          diags.error(path, line, col[0] + 1, r.header()[col[0]],
                      "person " + detail::quoted(id) + " is listed twice (first on line " +
                          std::to_string(first_line[it->second]) + "); expected one row per person");
          continue;
        }
        p.ids.push_back(id);
        p.unit.push_back(u->second);
        first_line.push_back(static_cast<std::uint32_t>(line));
      }
      if (p.ids.empty() && !diags.has_errors())
        diags.error(path, r.header_line(), 0, {}, "header only, no people; expected one row per person");
    }
  }
  if (diags.has_errors()) throw InputError(diags);
  return p;
}

PersonTies read_person_ties(const std::string& path, const People& people, Encoding enc, Diagnostics& diags,
                            DistanceTransform distance) {
  PersonTies t;
  t.path = path;
  TieBuilder b{t, {}, diags};
  if (ends_with(path, ".graphml"))
    read_ties_network(path, true, people, distance, b, diags);
  else if (ends_with(path, ".net") || ends_with(path, ".dl"))
    read_ties_network(path, false, people, distance, b, diags);
  else
    read_ties_csv(path, people, enc, distance, b, diags);
  if (diags.has_errors()) throw InputError(diags);
  return t;
}

}  // namespace rcmap::people
