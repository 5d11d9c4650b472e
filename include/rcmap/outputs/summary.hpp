#pragma once
// summary.json of `rcmap analyze`: counts, thresholds, every option used,
// reliability, overall RC, input checksums and the rcmap version.
#include <functional>
#include <future>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/json_writer.hpp"

namespace rcmap {

struct RunInfo {
  std::string command;  // e.g. "analyze"
  // Options as given or defaulted, in a stable order: name -> value text.
  std::vector<std::pair<std::string, std::string>> options;
  // Input files: role ("units", "responses") -> path and SHA-256.
  struct Input {
    std::string role, path, sha256;
    // While `sha256` is empty: the checksum still being computed, waited
    // for only when it is written.
    std::shared_future<std::string> pending = {};
    // The path relative to the results folder ("../data/units.csv"), so that
    // rcmap report finds the input after both were moved together; empty for
    // a pipe. Written as "path_from_results".
    std::string from_results = {};
    std::string checksum() const { return sha256.empty() && pending.valid() ? pending.get() : sha256; }
  };
  std::vector<Input> inputs;
  // Later steps add sections ("network": {...}) through these.
  std::vector<std::pair<std::string, std::function<void(JsonWriter&)>>> sections;
};

// rcmap_version, command, inputs (path, sha256) and options, as fields of an
// open JSON object: the head of every summary.json.
void write_run_fields(JsonWriter& j, const RunInfo& run);

void write_summary(std::ostream& out, const Survey& s, const Aggregate& a, const RunInfo& run);

}  // namespace rcmap
