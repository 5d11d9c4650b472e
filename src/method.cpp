#include "rcmap/method.hpp"

#include "rcmap/csv.hpp"

namespace rcmap {

std::vector<std::pair<std::string, std::string>> method_rows(const Aggregate& a) {
  const auto& o = a.options;
  auto num = [](double v) { return format_fixed(v, 2); };
  return {
      {"Survey", "Gittell's Relational Coordination survey: respondents of unit A rate unit B on seven "
                 "dimensions, each 1-5: frequent, timely, accurate and problem-solving communication "
                 "(communication index) and shared goals, shared knowledge and mutual respect "
                 "(relationship index)."},
      {"Row score", "Mean of the answered dimensions; a row needs at least " + std::to_string(o.min_answers) +
                        " of 7 answers, otherwise it is excluded (" + std::to_string(a.rows_excluded) +
                        " of " + std::to_string(a.rows_read) + " rows)."},
      {"Tie score", "RC of A->B: mean of the row scores of A's respondents about B, with sample standard "
                    "deviation and 95% t confidence interval. A->A is coordination within the unit."},
      {"Strength", "weak below " + num(o.weak_below) + ", strong from " + num(o.strong_from) +
                       ", moderate between. A common convention, not a published standard."},
      {"Anonymity", "Any figure from fewer than " + std::to_string(o.min_n) +
                        " respondents is suppressed (blank) and used in no other figure; unit, side and "
                        "overall figures are computed from shown ties only, so no hidden tie can be "
                        "recovered by subtraction."},
      {"Reliability", "Cronbach's alpha of the 7 items over " + std::to_string(a.alpha.n) +
                          " complete rows of shown ties: " + format_fixed(a.alpha.value, 3) + "."},
  };
}

}  // namespace rcmap
