#pragma once
// One entry point for a survey in any supported form: canonical CSV, Excel
// .xlsx, SPSS .sav, or a wide survey-tool export read through a mapping file.
// Every command that reads a survey (analyze, validate, compare, convert)
// goes through here, so all of them accept the same inputs.
#include <cstddef>
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/survey/survey.hpp"

namespace rcmap {

enum class InputFormat { csv, xlsx, sav };

// The format of the file at `path`, by content: the zip signature "PK\3\4"
// is .xlsx, the SPSS record-type text "$FL2" / "$FL3" is .sav (.zsav),
// anything else (or an unreadable file, which the CSV reader reports) is CSV.
// The extension is not trusted: survey tools and e-mail clients rename files.
InputFormat detect_format(const std::string& path);
const char* format_name(InputFormat f);

// Where a survey comes from.
struct SurveyInput {
  std::string units, responses;               // paths
  std::string units_sheet, responses_sheet;   // .xlsx worksheet; empty = first sheet
  std::string mapping;                        // mapping INI: --responses is a wide export
  Encoding encoding = Encoding::auto_detect;  // CSV files only
};

// One file as a table: CSV (with `encoding`), .xlsx (`sheet`, or the first
// sheet) or .sav (value labels for the variables in `label_variables`).
// Problems go to `diags`; the table holds what could be read.
CsvTable read_input_table(const std::string& path, const std::string& sheet,
                          const std::vector<std::string>& label_variables, Encoding encoding, Diagnostics& diags);

// The survey as two tables in the canonical long layout (column order as in
// the file; responses reshaped by wide_to_long when `mapping` is set). With
// a mapping and a .sav export, the mapping's own-unit variable is read
// through its value labels. Not yet validated (build_survey does that).
// Throws InputError if a file cannot be read.
struct SurveyTables {
  CsvTable units, responses;
  // Wide export only: 1-based columns of the respondent id and own unit in
  // the wide header, for diagnostics (0 = responses were already long).
  std::size_t wide_respondent_column = 0, wide_unit_column = 0;
  std::string wide_respondent_name, wide_unit_name;  // their header text
};
SurveyTables read_survey_tables(const SurveyInput& in, Diagnostics& diags);

// Reads and validates the survey (read_survey_tables + build_survey). Plain
// CSV without a mapping takes read_survey's streaming path. Diagnostics
// about a wide export name the wide file and row, and the respondent or
// own-unit column of the wide header where the long layout's column has a
// counterpart (a target rated twice = the respondent id on two rows); other
// long-layout columns are left out.
// Throws InputError if any error was found. Cost O(cells).
Survey read_survey_input(const SurveyInput& in, Diagnostics& diags);

// build_survey on tables from read_survey_tables, with the column fix-up above.
Survey build_survey_tables(const SurveyTables& tables, Diagnostics& diags);

}  // namespace rcmap
