#pragma once
// The reviewed wording of docs/glossary.tsv and docs/dialogue-questions.tsv,
// compiled in (render/report/embed_tsv.cmake): no file is read at run time.
#include <string>
#include <string_view>
#include <vector>

#include "rcmap/render/figures/figures.hpp"

namespace rcmap::render::detail {

// glossary.tsv: the text of `key` in `lang` (columns key, en, da, nb, note);
// empty if the key is absent. O(1) after the first call (parsed once).
std::string_view glossary_text(std::string_view key, Lang lang);

// dialogue-questions.tsv: the questions of dimension `d` (kDimensions
// order) in `lang`, in the order of column n; empty if none. O(1) after the
// first call.
std::vector<std::string_view> dialogue_questions(int d, Lang lang);

}  // namespace rcmap::render::detail
