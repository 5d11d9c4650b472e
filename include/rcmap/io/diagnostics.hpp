#pragma once
// Diagnostics: errors and warnings about input files, with file, line and
// column as a text editor counts them (the header is line 1, columns from 1).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rcmap {

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;         // path as given by the user; empty if not about a file
  std::size_t line = 0;     // 1-based; 0 = whole file
  std::size_t column = 0;   // 1-based CSV field number; 0 = whole line
  std::string column_name;  // header name of the column, if known
  std::string message;      // what was found and what was expected
};

// "file:line:column (name): error: message", the GNU style editors jump to.
std::string format_diagnostic(const Diagnostic& d);

// Collects diagnostics; stores at most `cap` errors but counts all of them.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t cap = 50) : cap_(cap) {}
  void add(Diagnostic d);
  void error(std::string file, std::size_t line, std::size_t column, std::string column_name, std::string message);
  void warning(std::string file, std::size_t line, std::size_t column, std::string column_name, std::string message);
  void note(std::string file, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  std::size_t warning_count() const { return warning_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // Errors beyond the cap that were counted but not stored.
  std::size_t errors_not_shown() const { return error_count_ - stored_errors_; }
  // The kind of an error: file, column name and message without its quoted
  // values and digits ("unknown unit 'X'" on any line is one kind).
  static std::string kind_of(const Diagnostic& d);
  // Errors counted of `d`'s kind, stored or not (the first 256 kinds are
  // counted; later kinds report 0).
  std::size_t errors_of_kind(const Diagnostic& d) const;

 private:
  std::size_t cap_;
  std::size_t error_count_ = 0, warning_count_ = 0, stored_errors_ = 0, stored_warnings_ = 0;
  std::vector<Diagnostic> items_;
  std::vector<std::pair<std::string, std::size_t>> kinds_;  // kind -> errors; few kinds, linear search
};

// Thrown when input is invalid; carries every diagnostic collected so far.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics diags);
  const Diagnostics& diagnostics() const { return diags_; }

 private:
  Diagnostics diags_;
};

// Thrown when an output cannot be written (exit code 3).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown for bad options or arguments (exit code 1).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace rcmap
