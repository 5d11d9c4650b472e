// Parsed views of the embedded wording TSVs (wording.hpp). The TSVs are
// reviewed sources (docs/glossary.md, docs/dialogue-questions.md); their text
// is compiled into k_glossary_tsv and k_dialogue_questions_tsv.
#include "wording.hpp"

#include <map>
#include <string>

#include "rcmap/survey/survey.hpp"

namespace rcmap::render::detail {

extern const char* const k_glossary_tsv;
extern const char* const k_dialogue_questions_tsv;

namespace {

// Rows of tab-separated fields; the header row is skipped, CR and blank lines ignored.
std::vector<std::vector<std::string_view>> rows(std::string_view text) {
  std::vector<std::vector<std::string_view>> out;
  bool header = true;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string_view> fields;
    for (std::size_t tab; (tab = line.find('\t')) != std::string_view::npos; line.remove_prefix(tab + 1))
      fields.push_back(line.substr(0, tab));
    fields.push_back(line);
    out.push_back(std::move(fields));
  }
  return out;
}

std::size_t column(Lang lang) { return lang == Lang::da ? 2 : lang == Lang::nb ? 3 : 1; }

}  // namespace

std::string_view glossary_text(std::string_view key, Lang lang) {
  static const auto table = [] {
    std::map<std::string_view, std::vector<std::string_view>, std::less<>> m;
    for (auto& r : rows(k_glossary_tsv))
      if (!r.empty()) m.emplace(r[0], r);
    return m;
  }();
  const auto it = table.find(key);
  if (it == table.end() || it->second.size() <= column(lang)) return {};
  return it->second[column(lang)];
}

std::vector<std::string_view> dialogue_questions(int d, Lang lang) {
  static const auto table = rows(k_dialogue_questions_tsv);
  std::vector<std::string_view> out;
  if (d < 0 || d >= kDimensionCount) return out;
  // Columns: dimension, n, en, da, nb.
  for (const auto& r : table)
    if (r.size() >= 5 && r[0] == kDimensions[d]) out.push_back(r[1 + column(lang)]);
  return out;
}

}  // namespace rcmap::render::detail
