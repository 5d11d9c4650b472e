#pragma once
// network.graphml: the unit graph for Gephi, NetworkX, igraph (docs/figures.md).
#include <string>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap {

// Writes the directed unit graph as GraphML with igraph_write_graph_graphml
// (igraph's C attribute handler):
//  - one node per unit (Survey::units order) with an attribute per column of
//    `units` (units.csv: unit, label, side, headcount, respondents, ..., every
//    metric, community);
//  - one edge A->B per shown between-unit tie, with an attribute per column
//    of `ties` (ties.csv) except the six endpoint columns (source, target and
//    their labels and sides, which the nodes carry).
// Suppressed ties are left out entirely (no edge, so not even their n), and so
// are within-unit ties (their RC is the node attribute rc_within). Columns
// whose cells are all numbers (or blank) are GraphML doubles, blank = NaN;
// other columns are strings. `units` must have one row per unit and `ties`
// one row per Aggregate::ties. Throws OutputError if the file cannot be
// written, ig::Error if igraph fails. O(U + T) attribute cells.
void write_graphml(const std::string& path, const Survey& s, const Aggregate& a, const Table& units, const Table& ties);

}  // namespace rcmap
