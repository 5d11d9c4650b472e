// Column positions of a survey file's header (README "Input format").
#include "column_map.hpp"

#include <algorithm>
#include <unordered_map>

#include "util/text.hpp"

namespace rcmap::detail {

namespace {

// "'a', 'b', ... and N more": at most 20 names in a message.
void append_name(std::string& list, std::size_t& count, std::string_view name) {
  if (++count <= 20) list += (list.empty() ? "" : ", ") + quoted(name);
}
std::string name_list(const std::string& list, std::size_t count) {
  return count > 20 ? list + " and " + std::to_string(count - 20) + " more" : list;
}

}  // namespace

ColumnMap::ColumnMap(const std::vector<std::string>& header, std::size_t header_line,
                     const std::vector<std::string_view>& required, const std::string& path, Diagnostics& diags) {
  std::unordered_map<std::string, std::size_t> seen;
  std::string extras;
  std::size_t n_extras = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = ascii_lower(trim_blanks(header[i]));
    if (auto it = seen.find(name); it != seen.end()) {
      diags.error(path, header_line, i + 1, header[i],
                  "duplicate column " + quoted(name) + " (also column " + std::to_string(it->second + 1) +
                      "); expected each column once");
      continue;
    }
    seen.emplace(name, i);
    if (std::find(required.begin(), required.end(), name) == required.end()) append_name(extras, n_extras, header[i]);
  }
  std::string found;
  std::size_t n_found = 0;
  for (const auto& h : header) append_name(found, n_found, h);
  found = name_list(found, n_found);
  for (auto name : required) {
    auto it = seen.find(std::string(name));
    if (it == seen.end()) {
      diags.error(path, header_line, 0, {}, "missing required column " + quoted(name) + "; found columns: " + found);
      index_.push_back(npos);
    } else {
      index_.push_back(it->second);
    }
  }
  if (!extras.empty()) diags.note(path, "ignored extra columns: " + name_list(extras, n_extras));
}

bool ColumnMap::complete() const { return std::find(index_.begin(), index_.end(), npos) == index_.end(); }

}  // namespace rcmap::detail
