#pragma once
// workbook.xlsx (libxlsxwriter): one sheet per table, a coloured RC matrix
// and a method sheet. Numbers are stored as numbers, text as strings (never
// formulas), header rows frozen, columns sized; suppressed cells are blank
// and carry a note.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/tables.hpp"

namespace rcmap {

struct WorkbookSheet {
  std::string name;
  const Table* table = nullptr;
  // Rows whose blank cells are suppressed (not undefined); may be empty.
  std::function<bool(std::size_t row)> suppressed_row;
};

struct WorkbookContent {
  std::vector<WorkbookSheet> sheets;  // in order
  const Survey* survey = nullptr;     // for the Matrix sheet
  const Aggregate* aggregate = nullptr;
  std::vector<std::pair<std::string, std::string>> method;  // topic, text
  std::string lang = "en";  // Method headers and Matrix corner (method.hpp workbook_words)
};

// Writes the workbook to `path`. Throws OutputError on failure.
void write_workbook(const std::string& path, const WorkbookContent& content);

}  // namespace rcmap
