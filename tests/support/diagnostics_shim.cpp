// Stand-in for the core's Diagnostics implementation, linked only while the
// tree has no src/*.cpp defining Diagnostics::add (see CMakeLists.txt,
// "readers" block). Delete this file once the core implementation is merged.
#include "rcmap/diagnostics.hpp"

namespace rcmap {

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.file;
  if (d.line) s.append(":").append(std::to_string(d.line));
  if (d.column) s.append(":").append(std::to_string(d.column));
  if (!d.column_name.empty()) s += " (" + d.column_name + ")";
  s += d.severity == Severity::error ? ": error: " : d.severity == Severity::warning ? ": warning: " : ": note: ";
  return s + d.message;
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    ++error_count_;
    if (stored_errors_ >= cap_) return;
    ++stored_errors_;
  } else if (d.severity == Severity::warning) {
    ++warning_count_;
    if (stored_warnings_ >= cap_) return;
    ++stored_warnings_;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string file, std::size_t line, std::size_t column,
                        std::string column_name, std::string message) {
  add({Severity::error, std::move(file), line, column, std::move(column_name), std::move(message)});
}

void Diagnostics::warning(std::string file, std::size_t line, std::size_t column,
                          std::string column_name, std::string message) {
  add({Severity::warning, std::move(file), line, column, std::move(column_name), std::move(message)});
}

void Diagnostics::note(std::string file, std::string message) {
  add({Severity::note, std::move(file), 0, 0, {}, std::move(message)});
}

InputError::InputError(Diagnostics diags)
    : std::runtime_error("invalid input"), diags_(std::move(diags)) {}

}  // namespace rcmap
