#pragma once
// Person-level networks (docs/people.md): people.csv
// (person -> unit), person ties (ties.csv, GraphML or Pajek), their
// validation, person metrics, aggregation to unit pairs and pseudonyms.
// Vertices of every person graph are the people in people.csv order.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/json_writer.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/metrics/metrics_algorithms.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap::people {

struct People {
  std::string path;
  std::vector<std::string> ids;                          // in file order
  std::vector<std::uint32_t> unit;                       // index into the units
  std::unordered_map<std::string, std::uint32_t> index;  // id -> position
  std::vector<std::string> ignored_columns;              // attribute columns
};

// Directed weighted ties between people, in input order; no self-loops and
// no repeated ordered pair (both are checked on reading).
struct PersonTies {
  std::string path;
  std::vector<std::uint32_t> source, target;  // indices into People::ids
  std::vector<double> weight;                 // > 0, finite
  std::vector<std::string> ignored_columns;   // dimension columns (CSV)
  std::size_t size() const { return source.size(); }
};

// Reads people.csv: columns `person,unit` (any order, case-insensitive),
// other columns are listed in ignored_columns. Errors (file:line:column):
// missing column, empty person or unit id, unit not in `units`, person id
// listed twice, no data row. Streaming, O(rows). Throws InputError.
People read_people(const std::string& path, const std::vector<Unit>& units, Encoding enc, Diagnostics& diags);

// Reads ties by file name: *.graphml (igraph_read_graph_graphml: node ids
// are person ids, edge attribute "weight", 1 if absent), *.net (Pajek,
// labels are person ids), anything else CSV with `source,target,weight`.
// Errors: missing column, unknown person, weight not a number > 0, a weight
// whose tie length under `distance` is not a finite number > 0 (1e-310 with
// inverse: 1/w = inf), the same source->target twice, no tie. A self-loop (a
// person naming themself) is a warning and is dropped. An undirected
// GraphML/Pajek file gives each edge in both directions (note). Throws
// InputError.
PersonTies read_person_ties(const std::string& path, const People& people, Encoding enc, Diagnostics& diags,
                            DistanceTransform distance = DistanceTransform::inverse);

// HMAC-SHA256 (RFC 2104, FIPS 198-1) of the id keyed with `key`, as "p-"
// followed by the first 12 hex digits (48 bits). Stable for a key, different
// across keys. Throws UsageError for an empty key.
std::string pseudonym(std::string_view id, std::string_view key);
// Pseudonyms of all ids; throws UsageError if two ids get the same pseudonym
// (probability about n^2 / 2^49; choose another key).
std::vector<std::string> pseudonymise(const std::vector<std::string>& ids, std::string_view key);

struct PersonMetrics {
  int degree_in = 0, degree_out = 0;
  double strength_in = 0, strength_out = 0;
  double betweenness = kNaN, harmonic = kNaN, pagerank = kNaN;
  double constraint = kNaN, effective_size = kNaN;
  metrics::BrokerageRoles roles;       // group = side
  metrics::BrokerageRoles cross_side;  // only pairs between the two broker sides
  long community = -1;
};

struct NetworkOptions {
  DistanceTransform distance = DistanceTransform::inverse;
  std::string side_a = "authority", side_b = "provider";
  unsigned long seed = 1;
  int min_n = 5;
};

struct NetworkResult {
  std::vector<PersonMetrics> people;  // parallel to People::ids
  std::vector<EIIndex> ei_sides;
  EIIndex ei;  // global, sides as groups
  double assortativity_side = kNaN, assortativity_unit = kNaN;
  double reciprocity = kNaN, density = kNaN;
  long communities = 0;
  double modularity = kNaN;
  double nmi_side = kNaN, ari_side = kNaN, nmi_unit = kNaN, ari_unit = kNaN;
  bool paths_sampled = false;
  std::int64_t path_sources = 0;
  std::int64_t path_pairs = 0, path_refined = 0;  // sampled only: betweenness pairs, exact harmonic candidates
  std::string path_note;
  std::vector<std::string> warnings;
};

// Side of each unit as an index into `sides` (order of first appearance).
struct SideIndex {
  std::vector<std::string> sides;
  std::vector<int> of_unit;
};
SideIndex side_index(const std::vector<Unit>& units);

// Computes every person metric (docs/people.md "Outputs").
// `progress(step)` is called before each step. Throws UsageError if a
// weight has no distance under opt.distance (complement, neglog: weight < 6).
NetworkResult person_metrics(const std::vector<Unit>& units, const People& people, const PersonTies& ties,
                             const NetworkOptions& opt, const std::function<void(const char*)>& progress = {});

// One ordered pair of units with at least one person tie.
struct UnitPair {
  std::uint32_t source = 0, target = 0;  // unit indices
  std::size_t ties = 0;
  double density = kNaN;  // ties / possible ordered person pairs
  double mean_weight = kNaN;
  bool suppressed = false;  // a unit with fewer than min_n people
};
// Person ties aggregated to ordered unit pairs, sorted by (source, target)
// unit index; see unit_ties.cpp for density.
std::vector<UnitPair> unit_ties(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n);
// People per unit.
std::vector<std::size_t> unit_sizes(std::size_t unit_count, const People& people);

// The listed network (docs/people.md "Privacy"): the people of
// units with at least min_n people, in people.csv order, and the ties whose
// two ends are both such people, in input order. Everything `rcmap network`
// publishes is computed from it (and from head counts), so no published
// figure, alone or combined with others, depends on a tie of a unit below
// min_n. O(n + m).
struct ListedNetwork {
  People people;             // ids, unit, index of the listed people; path and ignored columns as the input
  PersonTies ties;           // indices into `people`
  PersonTies ties_in_input;  // the same ties, indices into the input People (for the person map)
};
ListedNetwork listed_network(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n);

}  // namespace rcmap::people

// ---- outputs (people_tables.cpp) ------------------------------------------

namespace rcmap::people {

// Everything the writers need; `shown_id` are the ids as written (input ids
// or pseudonyms), parallel to People::ids. `people`, `ties`, `result` and
// `pairs` describe the listed network (listed_network); `all_people` is
// people.csv, used only for the head counts in summary.json (defaults to
// `people`).
struct NetworkReport {
  const std::vector<Unit>* units = nullptr;
  const People* people = nullptr;
  const People* all_people = nullptr;
  const PersonTies* ties = nullptr;
  const NetworkResult* result = nullptr;
  const std::vector<UnitPair>* pairs = nullptr;
  std::vector<std::string> shown_id;
  NetworkOptions options;
  std::size_t top_brokers = 20;
  bool pseudonymised = false;
};

// People of units with at least min_n people, in people.csv order.
std::vector<std::uint32_t> listed_people(const NetworkReport& r);
// people-metrics.csv: person, unit, side, degree_in ... community.
Table people_metrics_table(const NetworkReport& r, const std::vector<std::uint32_t>& rows);
// unit-ties.csv: source_unit, target_unit, ties, density, mean_weight
// (suppressed pairs left out).
Table unit_ties_table(const NetworkReport& r, const std::vector<std::size_t>& rows);
// Rows of unit_ties_table: indices of the non-suppressed pairs.
std::vector<std::size_t> shown_pairs(const NetworkReport& r);
// brokers.csv: the top cross-side brokers among the listed people, most
// cross-side brokered pairs first (ties: person order); people with none
// are left out.
std::vector<std::uint32_t> top_brokers(const NetworkReport& r, const std::vector<std::uint32_t>& listed);
Table brokers_table(const NetworkReport& r, const std::vector<std::uint32_t>& rows);
// The person-network part of summary.json (fields of an open object).
void write_network_summary(JsonWriter& j, const NetworkReport& r);

}  // namespace rcmap::people

// ---- sample (people_sample.cpp) -----------------------------------------------
namespace rcmap {
class OutputDir;
}
namespace rcmap::people {

struct PeopleSampleOptions {
  std::uint64_t seed = 1;
  std::size_t people = 0;      // 0: the units' headcounts (20 where missing)
  double ties_per_person = 6;  // mean out-degree
};
// Writes people.csv and person-ties.csv for `units` into `out` (not
// committed); see samples/README.md for the planted structure. Streams the
// rows: O(people * ties_per_person) time, O(units) memory besides one
// person's targets. Throws UsageError for fewer than two people.
void generate_people_sample(const std::vector<Unit>& units, const PeopleSampleOptions& opt, OutputDir& out);

}  // namespace rcmap::people

// ---- person map layout (person_layout.cpp) --------------------------------------
#include "rcmap/graph/map_layout.hpp"

namespace rcmap::people {

// Positions in the unit square [0, 1]^2 (x right, y down) for the person
// map: one disc per drawn unit (units with at least min_n people), people
// inside their unit's disc. See person_layout.cpp.
struct PersonLayout {
  std::vector<std::uint32_t> units;  // drawn units (indices into the units)
  std::vector<Point> centre;         // parallel to `units`
  std::vector<double> radius;        // parallel to `units`, area ~ people
  std::vector<int> slot;             // unit index -> position in `units`, -1 if not drawn
  std::vector<Point> person;         // parallel to People::ids (empty without people)
  std::vector<char> drawn;           // person is drawn (unit drawn)
};
PersonLayout person_layout(std::size_t unit_count, const People& people, const PersonTies& ties, int min_n,
                           unsigned long seed, bool with_people);

}  // namespace rcmap::people
