#pragma once
// The glossary of docs/glossary.tsv (en, da, nb; sources in
// docs/glossary.md), compiled in: the words rcmap shows its readers in the
// workbook, summaries and messages. Figures and report keep their word tables
// in render/, checked against the same file by tests/render/test_glossary.cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace rcmap {

// The term `key` in `lang` ("en", "da", "nb"; anything else: en), or an empty
// view if the glossary has no such key. O(log K).
std::string_view glossary_term(std::string_view key, std::string_view lang);

// Number of terms, and the i-th key in key order (tests).
std::size_t glossary_size();
std::string_view glossary_key(std::size_t i);

// A count with thousands grouped as docs/glossary.md "1.4 Numbers": 3,606 (en),
// 3.606 (da), 3<U+00A0>606 (nb), from four digits; any other lang as en.
std::string group_thousands(std::size_t n, std::string_view lang);

// `tmpl` with {0} and {1} replaced (the glossary's placeholders).
std::string fill_term(std::string_view tmpl, std::string_view a0, std::string_view a1 = {});

}  // namespace rcmap
