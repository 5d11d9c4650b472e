#include "closing.hpp"

#include <iostream>

#include "rcmap/outputs/glossary.hpp"

namespace rcmap::cli {

namespace {

// A glossary term (docs/glossary.tsv) with its placeholders filled.
std::string term(const char* key, std::string_view lang, const std::string& a0, const std::string& a1 = {}) {
  return fill_term(glossary_term(key, lang), a0, a1);
}

}  // namespace

std::string count_text(std::size_t n, std::string_view lang) { return group_thousands(n, lang); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_closing_summary(const ClosingSummary& s, bool quiet) {
  if (quiet) return;
  const std::string prefix = "rcmap " + s.command + ": ";
  std::string dir = s.dir;
  if (dir.empty() || dir.back() != '/') dir += '/';
  std::cerr << prefix << term("results_in", s.lang, dir) << " ("
            << term(s.files == 1 ? "file_count_one" : "files_count", s.lang, count_text(s.files, s.lang)) << ")\n";
  if (!s.open_first.empty()) std::cerr << prefix << term("open_first", s.lang, dir + s.open_first) << '\n';
  for (const auto& line : s.headline) std::cerr << prefix << line << '\n';
}

std::vector<std::string> analysis_headline(const Survey& s, const Aggregate& a, std::string_view lang) {
  std::size_t shown = 0, hidden = 0;
  for (const Tie& t : a.ties) (t.suppressed ? hidden : shown) += 1;
  std::string first = term("units_count", lang, count_text(s.units.size(), lang));
  if (!a.from_ties)
    first += ", " + term("respondents_count", lang, count_text(static_cast<std::size_t>(a.respondents), lang)) + ", " +
             term("ratings_count", lang, count_text(a.rows_included, lang));
  return {first, term("ties_shown_count", lang, count_text(shown, lang)) + ", " +
                     term("ties_hidden_count", lang, count_text(hidden, lang), std::to_string(a.options.min_n))};
}

}  // namespace rcmap::cli

namespace rcmap::cli {
std::string first_written(const std::vector<std::string>& names, std::initializer_list<const char*> choices) {
  for (const char* c : choices)
    for (const auto& n : names)
      if (n == c) return n;
  return {};
}
}  // namespace rcmap::cli
