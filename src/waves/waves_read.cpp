// Reading several survey waves from one responses file with a `wave` column.
#include "rcmap/waves/waves.hpp"

namespace rcmap {

Waves read_waves(const std::string& units_path, const std::string& responses_path,
                 const std::vector<std::string>& select, const ReadOptions& opt, Diagnostics& diags) {
  CsvTable units = read_csv(units_path, opt.encoding, diags);
  CsvTable responses = read_csv(responses_path, opt.encoding, diags);
  if (diags.has_errors()) throw InputError(diags);
  return waves_from_tables(units, responses, select, diags);
}

Waves waves_from_tables(const CsvTable& units, const CsvTable& responses, const std::vector<std::string>& select,
                        Diagnostics& diags) {
  ColumnSplit split = split_by_column(responses, "wave", diags);
  if (!split.had_column) {
    diags.error(responses.path, 1, 0, {},
                "no 'wave' column; expected a wave label on every row "
                "(or use --before and --after with one folder per wave)");
  }
  if (diags.has_errors()) throw InputError(diags);
  Waves w;
  std::vector<std::size_t> pick;
  if (select.empty()) {
    for (std::size_t i = 0; i < split.labels.size(); ++i) pick.push_back(i);
  } else {
    for (const auto& label : select) {
      long k = split.find(label);
      if (k < 0) {
        std::string found;
        for (const auto& l : split.labels) found += (found.empty() ? "'" : ", '") + l + "'";
        throw UsageError("wave '" + label + "' is not in " + responses.path + " (found " + found + ")");
      }
      pick.push_back(static_cast<std::size_t>(k));
    }
  }
  for (std::size_t k : pick) {
    w.labels.push_back(split.labels[k]);
    w.surveys.push_back(build_survey(units, split.parts[k], diags));
    w.surveys.back().units_path = units.path;
    w.surveys.back().responses_path = responses.path;
  }
  return w;
}

}  // namespace rcmap
