#pragma once
// workbook.xlsx (libxlsxwriter): one sheet per table, a coloured RC matrix
// and a method sheet. Numbers are stored as numbers, text as strings (never
// formulas), header rows frozen, columns sized; suppressed cells are blank
// and carry a note (up to WorkbookLimits::notes per sheet).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/outputs/tables.hpp"

namespace rcmap {

struct WorkbookSheet {
  std::string name;
  const Table* table = nullptr;
  // Rows whose blank cells are suppressed (not undefined); may be empty.
  std::function<bool(std::size_t row)> suppressed_row;
  std::string file;  // the CSV file with the same rows ("ties.csv"), named in workbook_notes
};

// Sizes at which the workbook changes how it is written (the defaults are
// the ones rcmap uses; tests set small ones).
struct WorkbookLimits {
  // Excel's sheet size ("Excel specifications and limits", Microsoft):
  // 1,048,576 rows (one is the header) and 16,384 columns (one is the
  // Matrix's labels). Rows or units beyond are left out, and workbook_notes
  // says so.
  std::size_t rows = 1048575, columns = 16383;
  // A sheet with more suppressed cells than this gets no note on each (a
  // note is a drawing in the file: millions of them make a workbook of
  // gigabytes that Excel cannot open) but one note on its first cell.
  std::size_t notes = 10000;
  // From this many table cells (rows x columns over the table sheets) the
  // workbook is written row by row to a temporary file (libxlsxwriter's
  // constant_memory mode, strings inline instead of shared): memory stays
  // flat and it is faster; the cells read back the same.
  std::size_t constant_memory_cells = 1000000;
};

struct WorkbookContent {
  std::vector<WorkbookSheet> sheets;  // in order
  const Survey* survey = nullptr;     // for the Matrix sheet
  const Aggregate* aggregate = nullptr;
  std::vector<std::pair<std::string, std::string>> method;  // topic, text
  std::string lang = "en";  // Method headers and Matrix corner (method_text.hpp workbook_words)
  WorkbookLimits limits;
};

// Writes the workbook to `path`. Throws OutputError on failure.
void write_workbook(const std::string& path, const WorkbookContent& content);

// One sentence for each thing the workbook leaves out at its limits (rows
// past Excel's, Matrix units past its columns, notes on suppressed cells),
// naming the CSV file that has it all; empty when nothing is left out. O(rows).
std::vector<std::string> workbook_notes(const WorkbookContent& content);

}  // namespace rcmap
