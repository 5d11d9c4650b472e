#pragma once
// Plain-language description of the method and the options used, for the
// workbook's Method sheet and reports.
#include <string>
#include <utility>
#include <vector>

#include "rcmap/aggregate.hpp"

namespace rcmap {

// (topic, text) rows in English.
std::vector<std::pair<std::string, std::string>> method_rows(const Aggregate& a);

}  // namespace rcmap
