// UCINET DL and Pajek networks through igraph's readers with the C
// attribute handler, which is installed only for the duration of one read
// (igraph's handlers are global state; igraph is not thread-safe anyway).
#include "rcmap/graph/network_files.hpp"

#include "rcmap/graph/igraph_raii.hpp"
#include "util/text.hpp"

#include <igraph.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <set>

namespace rcmap {

namespace {

// Installs igraph's C attribute handler for its lifetime (the readers keep
// labels and weights as attributes), restoring the previous one afterwards.
class AttributeTableScope {
 public:
  AttributeTableScope() : attr_(igraph_set_attribute_table(&igraph_cattribute_table)) {}
  ~AttributeTableScope() { igraph_set_attribute_table(attr_); }
  AttributeTableScope(const AttributeTableScope&) = delete;
  AttributeTableScope& operator=(const AttributeTableScope&) = delete;

 private:
  igraph_attribute_table_t* attr_;
};

// igraph's DL parser reads full matrices of 0/1 only (its grammar in
// src/io/dl-parser.y accepts binary digits there), while UCINET full
// matrices usually hold values (RC scores). A valued full matrix is therefore
// rewritten as the equivalent edgelist1 text (row, column, value for every
// non-zero entry; embedded labels kept) and that is what igraph parses.
// Returns nothing when the file is not a valued full matrix.
std::optional<std::string> valued_fullmatrix_as_edgelist(const std::string& text) {
  const std::string low = detail::ascii_lower(text);
  std::size_t data = std::string::npos;
  for (std::size_t pos = 0; pos < low.size();) {
    std::size_t start = low.find_first_not_of(" \t", pos);
    if (start != std::string::npos && low.compare(start, 5, "data:") == 0) {
      data = start;
      break;
    }
    pos = low.find('\n', pos);
    if (pos == std::string::npos) break;
    ++pos;
  }
  if (data == std::string::npos) return std::nullopt;
  std::string header = text.substr(0, data), head_low = low.substr(0, data);
  if (head_low.find("edgelist") != std::string::npos || head_low.find("nodelist") != std::string::npos)
    return std::nullopt;
  long n = 0;
  const std::size_t dl = head_low.find("dl");
  if (dl == std::string::npos) return std::nullopt;
  for (std::size_t i = dl + 2; i < head_low.size(); ++i) {  // "n = 5" after "DL"
    if (head_low[i] == 'n') {
      std::size_t j = head_low.find_first_not_of(" \t", i + 1);
      if (j != std::string::npos && head_low[j] == '=') {
        n = std::strtol(head_low.c_str() + j + 1, nullptr, 10);
        break;
      }
    }
  }
  if (n <= 0) return std::nullopt;
  const bool embedded = head_low.find("embedded") != std::string::npos;
  std::vector<std::string> tok;
  {
    std::string cur;
    std::size_t line_end = text.find('\n', data);
    for (std::size_t i = line_end == std::string::npos ? text.size() : line_end; i < text.size(); ++i) {
      char c = text[i];
      if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
        if (!cur.empty()) tok.push_back(cur), cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) tok.push_back(cur);
  }
  const std::size_t un = std::size_t(n);
  const std::size_t expected = embedded ? un + un * (un + 1) : un * un;
  if (tok.size() != expected) return std::nullopt;  // let igraph report it
  std::vector<std::string> col_labels, row_labels;
  std::size_t k = 0;
  if (embedded) col_labels.assign(tok.begin(), tok.begin() + long(un)), k = un;
  std::ostringstream edges;
  bool valued = false;
  for (std::size_t r = 0; r < un; ++r) {
    if (embedded && tok[k++] != col_labels[r]) return std::nullopt;
    for (std::size_t c = 0; c < un; ++c) {
      const std::string& v = tok[k++];
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (end != v.c_str() + v.size()) return std::nullopt;  // not a number: igraph reports it
      if (x != 0 && x != 1) valued = true;
      if (x != 0) edges << r + 1 << ' ' << c + 1 << ' ' << v << '\n';
    }
  }
  if (!valued) return std::nullopt;
  std::size_t fm = head_low.find("fullmatrix");
  if (fm != std::string::npos) {
    header.replace(fm, 10, "edgelist1");
  } else {
    std::size_t eol = header.find('\n');
    header.insert(eol == std::string::npos ? header.size() : eol + 1, "format = edgelist1\n");
  }
  if (embedded) {  // numeric ids + a labels list keep the vertex order
    std::size_t e = detail::ascii_lower(header).find("labels embedded");
    std::size_t len = std::string("labels embedded").size();
    if (e + len < header.size() && header[e + len] == ':') ++len;
    header.erase(e, len);
    if (e < header.size() && header[e] == '\r') header.erase(e, 1);
    if (e < header.size() && header[e] == '\n' && (e == 0 || header[e - 1] == '\n')) header.erase(e, 1);
    if (!header.empty() && header.back() != '\n') header += '\n';
    header += "labels:\n";
    for (std::size_t i = 0; i < un; ++i) header += (i ? "," : "") + col_labels[i];
    header += "\n";
  }
  return header + "data:\n" + edges.str();
}

template <class Reader>
NetworkFile read_with(const std::string& path, const char* format, const char* label_attr, Reader reader,
                      Diagnostics& diags) {
  NetworkFile net;
  net.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(path, 0, 0, {}, "cannot open the file");
    return net;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(path, 0, 0, {}, "the file is empty; expected a " + std::string(format) + " network");
    return net;
  }
  if (std::string_view(format) == "UCINET DL")
    if (auto rewritten = valued_fullmatrix_as_edgelist(text)) text = std::move(*rewritten);
  std::unique_ptr<FILE, int (*)(FILE*)> f(fmemopen(text.data(), text.size(), "rb"), std::fclose);
  if (!f) {
    diags.error(path, 0, 0, {}, "cannot read the file into memory");
    return net;
  }
  AttributeTableScope attributes;
  ig::ErrorScope scope;
  igraph_t raw;
  igraph_error_t rc = reader(&raw, f.get());
  for (const auto& w : scope.take_warnings())  // "igraph: REASON"
    diags.warning(path, 0, 0, {}, std::string(format) + " reader: " + w.substr(w.find(": ") + 2));
  if (rc != IGRAPH_SUCCESS) {
    diags.error(path, 0, 0, {}, std::string("cannot read as ") + format + ": " + ig::ErrorScope::last_reason());
    return net;
  }
  ig::Graph graph = ig::Graph::adopt(raw);
  const igraph_t& g = *graph.get();
  net.directed = igraph_is_directed(&g);
  const igraph_integer_t n = igraph_vcount(&g), m = igraph_ecount(&g);
  bool has_labels = igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_VERTEX, label_attr);
  bool has_weight = igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_EDGE, "weight");
  for (igraph_integer_t v = 0; v < n; ++v) net.labels.emplace_back(has_labels ? VAS(&g, label_attr, v) : "");
  for (igraph_integer_t e = 0; e < m; ++e) {
    igraph_integer_t from, to;
    igraph_edge(&g, e, &from, &to);
    net.edges.push_back({std::size_t(from), std::size_t(to), has_weight ? double(EAN(&g, "weight", e)) : 1.0});
  }
  check_network(net, diags);
  return net;
}

}  // namespace

void check_network(NetworkFile& net, Diagnostics& diags) {
  bool any_label = false;
  for (const auto& l : net.labels) any_label = any_label || !l.empty();
  if (!any_label && !net.labels.empty()) {
    for (std::size_t i = 0; i < net.labels.size(); ++i) net.labels[i] = std::to_string(i + 1);
    diags.note(net.path, "the file gives no vertex labels; vertices are named 1.." + std::to_string(net.labels.size()));
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < net.labels.size(); ++i) {
    if (net.labels[i].empty())
      diags.error(net.path, 0, 0, {},
                  "vertex " + std::to_string(i + 1) + " has no label; expected a label for every vertex");
    else if (auto [it, fresh] = seen.emplace(net.labels[i], i); !fresh)
      diags.error(net.path, 0, 0, {},
                  "label '" + net.labels[i] + "' is used by vertices " + std::to_string(it->second + 1) + " and " +
                      std::to_string(i + 1) + "; expected distinct labels");
  }
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& e : net.edges) {
    std::string name = net.labels[e.from] + " -> " + net.labels[e.to];
    if (!std::isfinite(e.weight))
      diags.error(net.path, 0, 0, {},
                  "tie " + name + " has weight " + std::to_string(e.weight) + "; expected a number");
    auto key = net.directed ? std::pair{e.from, e.to} : std::pair{std::min(e.from, e.to), std::max(e.from, e.to)};
    if (!pairs.insert(key).second)
      diags.error(net.path, 0, 0, {}, "tie " + name + " is listed twice; expected one value per pair");
  }
}

NetworkFile read_dl(const std::string& path, Diagnostics& diags) {
  return read_with(
      path, "UCINET DL", "name", [](igraph_t* g, FILE* f) { return igraph_read_graph_dl(g, f, /*directed=*/true); },
      diags);
}

NetworkFile read_pajek(const std::string& path, Diagnostics& diags) {
  return read_with(
      path, "Pajek", "id", [](igraph_t* g, FILE* f) { return igraph_read_graph_pajek(g, f); }, diags);
}

NetworkFile read_graphml(const std::string& path, Diagnostics& diags) {
  return read_with(
      path, "GraphML", "id", [](igraph_t* g, FILE* f) { return igraph_read_graph_graphml(g, f, 0); }, diags);
}

NetworkFile read_network(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  std::string word;
  char c;
  while (in.get(c)) {
    if (std::isspace(static_cast<unsigned char>(c)) && word.empty()) continue;
    if (std::isspace(static_cast<unsigned char>(c)) || word.size() >= 2) break;
    word += c;
  }
  if (!word.empty() && word[0] == '*') return read_pajek(path, diags);
  if (word.size() >= 2 && std::toupper(static_cast<unsigned char>(word[0])) == 'D' &&
      std::toupper(static_cast<unsigned char>(word[1])) == 'L')
    return read_dl(path, diags);
  NetworkFile net;
  net.path = path;
  diags.error(path, 1, 0, {},
              "not a UCINET DL file (first word 'DL') nor a Pajek file (first line '*Vertices'); "
              "cannot tell the network format");
  return net;
}

}  // namespace rcmap
