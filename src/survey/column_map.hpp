#pragma once
// Column positions of a survey file's header (units.csv, responses.csv).
// Internal to rcmap_core.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/io/diagnostics.hpp"

namespace rcmap::detail {

// Maps required column names (case-insensitive, trimmed of blanks) to their
// positions in a header. Reports each duplicate column and each missing
// required column as an error naming the file and header line (a missing
// column's message lists the columns found, at most 20 names), and notes the
// extra columns, which are ignored. O(columns) expected time.
class ColumnMap {
 public:
  ColumnMap(const std::vector<std::string>& header, std::size_t header_line,
            const std::vector<std::string_view>& required, const std::string& path, Diagnostics& diags);
  // Position of required column k (npos if missing).
  std::size_t operator[](std::size_t k) const { return index_[k]; }
  // Whether every required column was found.
  bool complete() const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<std::size_t> index_;
};

}  // namespace rcmap::detail
