#include "rcmap/io/diagnostics.hpp"

#include <utility>

namespace rcmap {

std::string format_diagnostic(const Diagnostic& d) {
  std::string s;
  if (!d.file.empty()) {
    s += d.file;
    if (d.line > 0) {
      s += ':' + std::to_string(d.line);
      if (d.column > 0) s += ':' + std::to_string(d.column);
    }
    if (!d.column_name.empty()) s += " (" + d.column_name + ")";
    s += ": ";
  }
  switch (d.severity) {
    case Severity::error: s += "error: "; break;
    case Severity::warning: s += "warning: "; break;
    case Severity::note: s += "note: "; break;
  }
  s += d.message;
  return s;
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
  add({Severity::warning, std::move(file), line, column, std::move(column_name),
       std::move(message)});
}

void Diagnostics::note(std::string file, std::string message) {
  add({Severity::note, std::move(file), 0, 0, {}, std::move(message)});
}

static std::string summarise(const Diagnostics& d) {
  for (const auto& item : d.items())
    if (item.severity == Severity::error) {
      std::string s = format_diagnostic(item);
      if (d.error_count() > 1) s += " (and " + std::to_string(d.error_count() - 1) + " more errors)";
      return s;
    }
  return "invalid input";
}

InputError::InputError(Diagnostics diags) : std::runtime_error(summarise(diags)), diags_(std::move(diags)) {}

}  // namespace rcmap
