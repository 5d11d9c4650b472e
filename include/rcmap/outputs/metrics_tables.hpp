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

// gaps.csv: source,target,source_side,target_side,rc,n,reverse_rc,asymmetry,kind,severity
Table gaps_table(const Survey& s, const MetricsResult& m);

// One E-I index as a JSON object (side, internal, external, ei, *_rc, ei_weighted).
void ei_json(JsonWriter& j, const EIIndex& e);
// The "network" object of summary.json.
void write_network_json(JsonWriter& j, const MetricsResult& m, const MetricsOptions& opt);

}  // namespace rcmap
