// network.graphml via igraph_write_graph_graphml (include/rcmap/outputs/graphml_writer.hpp).
#include "rcmap/outputs/graphml_writer.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <set>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/graph/igraph_raii.hpp"
#include "rcmap/io/output_dir.hpp"

namespace rcmap {

namespace {

// Installs igraph's C attribute handler for its lifetime: graphs created and
// destroyed inside carry attributes (igraph's handler is global, so restore it).
class AttributeScope {
 public:
  AttributeScope() : prev_(igraph_set_attribute_table(&igraph_cattribute_table)) {}
  ~AttributeScope() { igraph_set_attribute_table(prev_); }
  AttributeScope(const AttributeScope&) = delete;
  AttributeScope& operator=(const AttributeScope&) = delete;

 private:
  igraph_attribute_table_t* prev_;
};

bool numeric_column(const Column& c, const std::vector<std::size_t>& rows) {
  for (std::size_t r : rows)
    if (c.cell(r).kind == Cell::Kind::text) return false;
  return true;
}

// Sets attribute `c` for the elements (vertices or edges) 0..rows.size()-1
// from table rows `rows`.
void set_attribute(igraph_t* g, bool vertex, const Column& c, const std::vector<std::size_t>& rows) {
  const char* name = c.name.c_str();
  if (numeric_column(c, rows)) {
    ig::Vector v(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Cell cell = c.cell(rows[i]);
      VECTOR(*v.get())[i] = cell.kind == Cell::Kind::empty ? std::nan("") : cell.number;
    }
    ig::check(vertex ? igraph_cattribute_VAN_setv(g, name, v.get()) : igraph_cattribute_EAN_setv(g, name, v.get()),
              "setting a GraphML attribute");
    return;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Cell cell = c.cell(rows[i]);
    const std::string text = cell.kind == Cell::Kind::text ? cell.text : "";
    const auto id = static_cast<igraph_integer_t>(i);
    ig::check(vertex ? igraph_cattribute_VAS_set(g, name, id, text.c_str())
                     : igraph_cattribute_EAS_set(g, name, id, text.c_str()),
              "setting a GraphML attribute");
  }
}

}  // namespace

void write_graphml(const std::string& path, const Survey& s, const Aggregate& a, const Table& units,
                   const Table& ties) {
  if (units.rows != s.units.size() || ties.rows != a.ties.size())
    throw std::invalid_argument("write_graphml: tables do not match the survey");
  ig::ErrorScope errors;
  AttributeScope attributes;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<std::size_t> edge_rows, unit_rows(s.units.size());
  for (std::size_t i = 0; i < a.ties.size(); ++i) {
    const Tie& t = a.ties[i];
    // Suppressed ties are not edges: not even their existence or n is written.
    if (t.suppressed || t.within()) continue;
    edges.emplace_back(t.source, t.target);
    edge_rows.push_back(i);
  }
  for (std::size_t i = 0; i < unit_rows.size(); ++i) unit_rows[i] = i;
  ig::Graph g(s.units.size(), edges, true);
  for (const Column& c : units.columns) set_attribute(g.get(), true, c, unit_rows);
  static const std::set<std::string> endpoint = {"source",       "target",      "source_label",
                                                 "target_label", "source_side", "target_side"};
  for (const Column& c : ties.columns)
    if (!endpoint.count(c.name)) set_attribute(g.get(), false, c, edge_rows);
  std::FILE* f = open_output_file(path);  // never through a link planted at `path`
  if (!f) throw OutputError("cannot write " + path + ": " + std::strerror(errno));
  const igraph_error_t rc = igraph_write_graph_graphml(g.get(), f, true);
  const bool closed = std::fclose(f) == 0;
  ig::check(rc, "writing GraphML");
  if (!closed) throw OutputError("cannot write " + path);
}

}  // namespace rcmap
