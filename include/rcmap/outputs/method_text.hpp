#pragma once
// Plain-language description of the method and the options used, for the
// workbook's Method sheet and the report's method page, in English, Danish
// or Norwegian Bokmål.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"

namespace rcmap {

// (topic, text) rows in `lang`: "en", "da" or "nb" (anything else: English).
// Numbers use a decimal comma in da and nb. Alpha is printed with its n;
// an undefined alpha (too few complete rows) is printed as "not defined".
std::vector<std::pair<std::string, std::string>> method_rows(const Aggregate& a, std::string_view lang = "en");

// Fixed words of the workbook in `lang`: the Method sheet's column headers
// and the Matrix sheet's corner cell.
struct WorkbookWords {
  const char* topic;
  const char* text;
  const char* matrix_corner;
};
const WorkbookWords& workbook_words(std::string_view lang);

}  // namespace rcmap
