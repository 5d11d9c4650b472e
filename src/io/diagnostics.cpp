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
    case Severity::error:
      s += "error: ";
      break;
    case Severity::warning:
      s += "warning: ";
      break;
    case Severity::note:
      s += "note: ";
      break;
  }
  s += d.message;
  return s;
}

std::string Diagnostics::kind_of(const Diagnostic& d) {
  std::string k = d.file + '|' + d.column_name + '|';
  bool quote = false;
  for (char c : d.message) {
    if (c == '\'')
      quote = !quote;
    else if (!quote && (c < '0' || c > '9'))
      k += c;
  }
  return k;
}

std::size_t Diagnostics::errors_of_kind(const Diagnostic& d) const {
  const std::string k = kind_of(d);
  for (const auto& [kind, n] : kinds_)
    if (kind == k) return n;
  return 0;
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    ++error_count_;
    const std::string k = kind_of(d);
    auto it = kinds_.begin();
    while (it != kinds_.end() && it->first != k) ++it;
    if (it != kinds_.end())
      ++it->second;
    else if (kinds_.size() < 256)
      kinds_.emplace_back(k, 1);
    if (stored_errors_ >= cap_) return;
    ++stored_errors_;
  } else if (d.severity == Severity::warning) {
    ++warning_count_;
    if (stored_warnings_ >= cap_) return;
    ++stored_warnings_;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string file, std::size_t line, std::size_t column, std::string column_name,
                        std::string message) {
  add({Severity::error, std::move(file), line, column, std::move(column_name), std::move(message)});
}

void Diagnostics::warning(std::string file, std::size_t line, std::size_t column, std::string column_name,
                          std::string message) {
  add({Severity::warning, std::move(file), line, column, std::move(column_name), std::move(message)});
}

void Diagnostics::note(std::string file, std::string message) {
  add({Severity::note, std::move(file), 0, 0, {}, std::move(message)});
}

static std::string summarise(const Diagnostics& d) {
  for (const auto& item : d.items())
    if (item.severity == Severity::error) {
      std::string s = format_diagnostic(item);
      if (const std::size_t more = d.error_count() - 1; more > 0)
        s += " (and " + std::to_string(more) + (more == 1 ? " more error)" : " more errors)");
      return s;
    }
  return "invalid input";
}

InputError::InputError(Diagnostics diags) : std::runtime_error(summarise(diags)), diags_(std::move(diags)) {}

}  // namespace rcmap
