#pragma once
// Networks saved by other tools: UCINET DL (full matrix, edge list, node
// list; with labels) and Pajek .net, read with igraph's own parsers
// (igraph_read_graph_dl, igraph_read_graph_pajek) and returned as plain data.
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/diagnostics.hpp"

namespace rcmap {

struct NetworkFile {
  std::string path;
  bool directed = true;
  std::vector<std::string> labels;  // one per vertex, in file order
  struct Edge {
    std::size_t from = 0, to = 0;  // indices into labels
    double weight = 1;             // 1 where the file gives none
    bool operator==(const Edge&) const = default;
  };
  std::vector<Edge> edges;  // in igraph's edge order (file order)
};

// UCINET DL (Borgatti, Everett & Freeman, UCINET 6 manual, "DL" format):
// formats fullmatrix, edgelist1, nodelist1; "labels:" lists or "labels
// embedded". Matrix entries of 0 are no tie (igraph's convention). Read as
// directed: a full matrix is row -> column, as UCINET reads it.
NetworkFile read_dl(const std::string& path, Diagnostics& diags);

// Pajek .net (Batagelj & Mrvar, Pajek manual): *Vertices with "labels",
// *Arcs (directed) and/or *Edges, optional weight after each pair. Labels
// are igraph's "id" vertex attribute; a file with only *Edges is undirected.
NetworkFile read_pajek(const std::string& path, Diagnostics& diags);

// GraphML (igraph_read_graph_graphml, first graph of the file): labels are
// the node ids (igraph's "id" vertex attribute), weights the edge attribute
// "weight"; directed unless the graph says edgedefault="undirected".
NetworkFile read_graphml(const std::string& path, Diagnostics& diags);

// Picks read_dl or read_pajek by content: first word "DL" (any case) or a
// line starting with '*'.
NetworkFile read_network(const std::string& path, Diagnostics& diags);

// Every igraph reader used here shares these checks, added to `diags`
// (file = path): labels empty -> vertices named "1".."n" (note); duplicate
// label (error); weight NaN or infinite (error); the same ordered pair twice
// (error: a tie has one score).
void check_network(NetworkFile& net, Diagnostics& diags);

}  // namespace rcmap
