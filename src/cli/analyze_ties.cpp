// rcmap analyze --tie-table: an aggregated RC tie table (from another tool or an
// earlier report) instead of respondent answers (docs/readers.md "Aggregated tie tables").
#include <cctype>
#include <fstream>

#include "common.hpp"
#include "rcmap/aggregate/tie_table_aggregate.hpp"

namespace rcmap::cli {

namespace {

// UCINET DL ("DL n=...") or Pajek ("*Vertices"): one value per pair and no
// respondent count, so --min-n cannot be applied to them.
bool looks_like_network_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string word;
  if (!(in >> word)) return false;
  return (word.size() >= 2 && std::tolower(static_cast<unsigned char>(word[0])) == 'd' &&
          std::tolower(static_cast<unsigned char>(word[1])) == 'l') ||
         word[0] == '*';
}

}  // namespace

const std::vector<std::string>& skipped_for_ties() {
  static const std::vector<std::string> parts = {
      "respondents and response rates (units.csv, summary.json counts)",
      "rc_sd, rc_ci_low, rc_ci_high (ties.csv): need respondent answers",
      "dimension means, communication and relationship where the tie table has no such column",
      "Cronbach's alpha (summary.json reliability)",
      "row counts and --min-answers (rows are not in the table)",
      "node area by respondents in the maps (all nodes equal)"};
  return parts;
}

LoadedTies load_aggregated_ties(const SurveyArgs& a, Diagnostics& diags) {
  LoadedTies out;
  try {
    if (looks_like_network_file(a.tie_table)) {
      diags.error(a.tie_table, 1, 0, {},
                  "UCINET DL and Pajek files carry one value per pair but no respondent count n, so "
                  "--min-n cannot be applied; expected a tie table with columns source,target,n,rc "
                  "(CSV or .xlsx)");
      throw InputError(diags);
    }
    // --units-sheet (else --sheet) for a units workbook, --sheet for a tie workbook.
    const Encoding enc = a.read_options().encoding;
    auto sheet_of = [](const std::string& path, const std::string& sheet) {
      return detect_format(path) == InputFormat::xlsx ? sheet : std::string();
    };
    CsvTable units =
        read_input_table(a.units, sheet_of(a.units, a.units_sheet.empty() ? a.sheet : a.units_sheet), {}, enc, diags);
    if (diags.has_errors()) throw InputError(diags);
    out.survey = build_units_only(units, diags);
    CsvTable table = read_input_table(a.tie_table, sheet_of(a.tie_table, a.sheet), {}, enc, diags);
    if (diags.has_errors()) throw InputError(diags);
    auto rows = read_aggregated_ties(table, diags);
    if (diags.has_errors()) throw InputError(diags);
    out.aggregate = aggregate_given_ties(out.survey, table, rows, a.agg, diags);
    print_diagnostics(diags, a.quiet);
  } catch (const InputError&) {
    print_diagnostics(diags, a.quiet);
    throw;
  }
  return out;
}

}  // namespace rcmap::cli
