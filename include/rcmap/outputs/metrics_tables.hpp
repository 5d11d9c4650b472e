#pragma once
// Metric columns for units.csv and ties.csv, the gaps.csv table and the
// "network" section of summary.json (docs/metrics.md).
#include "rcmap/io/json_writer.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap {

// Appends in_strength ... community to a units_table() and reverse_rc ...
// overlap to a ties_table(). `m` must outlive the tables.
void append_unit_metrics(Table& units, const MetricsResult& m);
void append_tie_metrics(Table& ties, const MetricsResult& m);

// Appends `certainty` (certainty.hpp tie_certainty; empty for suppressed
// ties) to a ties_table(), after append_tie_metrics: ties.csv's last column.
void append_tie_certainty(Table& ties, const Aggregate& a);

// gaps.csv: source,target,source_side,target_side,rc,n,reverse_rc,asymmetry,kind,severity,
// rc_ci_low,rc_ci_high,certainty,group
Table gaps_table(const Survey& s, const MetricsResult& m);

// bridges.csv: source,target,bridge,rank, then RC and n of source->bridge,
// bridge->source, target->bridge, bridge->target (source_to_bridge_rc,
// source_to_bridge_n, ...): every value that of a shown tie.
Table bridges_table(const Survey& s, const MetricsResult& m);

// One E-I index as a JSON object (side, internal, external, ei, *_rc, ei_weighted).
void ei_json(JsonWriter& j, const EIIndex& e);
// The "network" object of summary.json.
void write_network_json(JsonWriter& j, const MetricsResult& m, const MetricsOptions& opt);

}  // namespace rcmap
