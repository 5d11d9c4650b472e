// A survey in any supported form (CSV, .xlsx, .sav, wide export + mapping)
// read into the canonical tables and validated. See docs/readers.md and
// docs/input.md.
#include "rcmap/survey/survey_input.hpp"

#include <sys/stat.h>

#include <cstring>
#include <fstream>

#include "rcmap/io/sav_reader.hpp"
#include "rcmap/survey/wide_export.hpp"
#include "rcmap/io/xlsx_reader.hpp"
#include "util/text.hpp"

namespace rcmap {

InputFormat detect_format(const std::string& path) {
  // A pipe (/dev/stdin, <(...)) can be read once only, by the CSV reader:
  // peeking at it here would take its first bytes. Workbooks and SPSS files
  // need a file that can be read at any offset anyway.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return InputFormat::csv;
  std::ifstream in(path, std::ios::binary);
  char sig[4] = {};
  if (!in.read(sig, 4)) return InputFormat::csv;
  if (std::memcmp(sig, "PK\x03\x04", 4) == 0) return InputFormat::xlsx;
  // SPSS system files start with the record type "$FL2" (zlib-compressed
  // .zsav: "$FL3"); IBM SPSS Statistics "System file format" documentation.
  if (std::memcmp(sig, "$FL2", 4) == 0 || std::memcmp(sig, "$FL3", 4) == 0) return InputFormat::sav;
  return InputFormat::csv;
}

const char* format_name(InputFormat f) {
  switch (f) {
    case InputFormat::xlsx:
      return "xlsx";
    case InputFormat::sav:
      return "sav";
    case InputFormat::csv:
      break;
  }
  return "csv";
}

CsvTable read_input_table(const std::string& path, const std::string& sheet,
                          const std::vector<std::string>& label_variables, Encoding encoding, Diagnostics& diags) {
  switch (detect_format(path)) {
    case InputFormat::xlsx:
      return read_xlsx(path, sheet, diags);
    case InputFormat::sav:
      return read_sav(path, label_variables, diags);
    case InputFormat::csv:
      break;
  }
  return read_csv(path, encoding, diags);
}

SurveyTables read_survey_tables(const SurveyInput& in, Diagnostics& diags) {
  SurveyTables t;
  t.units = read_input_table(in.units, in.units_sheet, {}, in.encoding, diags);
  if (diags.has_errors()) throw InputError(diags);
  if (in.mapping.empty()) {
    t.responses = read_input_table(in.responses, in.responses_sheet, {}, in.encoding, diags);
    if (diags.has_errors()) throw InputError(diags);
    return t;
  }
  WideMapping m = read_mapping(in.mapping, diags);
  if (diags.has_errors()) throw InputError(diags);
  // A coded own-unit variable in a .sav export is read through its value
  // labels, which wide_to_long matches against unit labels.
  CsvTable wide = read_input_table(in.responses, in.responses_sheet, {m.unit_column}, in.encoding, diags);
  if (diags.has_errors()) throw InputError(diags);
  auto wide_column = [&](const std::string& name, std::size_t& column, std::string& header) {
    int i = detail::find_column(wide.header, name);
    column = static_cast<std::size_t>(i + 1);
    header = i >= 0 ? wide.header[i] : name;
  };
  wide_column(m.respondent_column, t.wide_respondent_column, t.wide_respondent_name);
  wide_column(m.unit_column, t.wide_unit_column, t.wide_unit_name);
  t.responses = wide_to_long(wide, m, t.units, diags);
  if (diags.has_errors()) throw InputError(diags);
  return t;
}

Survey build_survey_tables(const SurveyTables& t, Diagnostics& diags) {
  if (!t.wide_unit_column) return build_survey(t.units, t.responses, diags);
  // Long-layout columns mean nothing to the user: point respondent and own
  // unit at their wide columns, drop the others (the row is still right).
  Diagnostics inner;
  auto relay = [&] {
    for (Diagnostic d : inner.items()) {
      if (d.file == t.responses.path && d.column) {
        // A wide export rates each unit once per row: a target rated twice
        // means the respondent id is on two rows.
        if (d.column_name == "respondent" || d.column_name == "target") {
          d.column = t.wide_respondent_column;
          d.column_name = t.wide_respondent_name;
        } else if (d.column_name == "unit") {
          d.column = t.wide_unit_column;
          d.column_name = t.wide_unit_name;
        } else {
          d.column = 0;
          d.column_name.clear();
        }
      }
      diags.add(std::move(d));
    }
  };
  try {
    Survey s = build_survey(t.units, t.responses, inner);
    relay();
    return s;
  } catch (const InputError&) {
    relay();
    throw InputError(diags);
  }
}

Survey read_survey_input(const SurveyInput& in, Diagnostics& diags) {
  if (in.mapping.empty() && in.units_sheet.empty() && in.responses_sheet.empty() &&
      detect_format(in.units) == InputFormat::csv && detect_format(in.responses) == InputFormat::csv)
    return read_survey(in.units, in.responses, ReadOptions{in.encoding}, diags);
  return build_survey_tables(read_survey_tables(in, diags), diags);
}

}  // namespace rcmap
