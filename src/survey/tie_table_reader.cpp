// Aggregated RC tie tables (source,target,n,rc,...) from other tools or
// earlier rcmap reports.
#include "rcmap/survey/tie_table_reader.hpp"

#include <limits>
#include <set>

#include "util/text.hpp"

namespace rcmap {

std::vector<AggregatedTieRow> read_aggregated_ties(const CsvTable& t, Diagnostics& diags) {
  std::vector<AggregatedTieRow> out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto col = [&](std::string_view name) { return detail::find_column(t.header, name); };
  const int src = col("source"), tgt = col("target"), n = col("n"), rc = col("rc");
  bool missing_required = false;
  for (auto [idx, name] : {std::pair{src, "source"}, {tgt, "target"}, {n, "n"}, {rc, "rc"}}) {
    if (idx < 0) {
      diags.error(t.path, 1, 0, name,
                  std::string("missing required column '") + name +
                      "'; expected source,target,n,rc (optional: the seven dimensions, communication, relationship)");
      missing_required = true;
    }
  }
  if (missing_required) return out;
  std::array<int, kDimensionCount> dim_col;
  for (int d = 0; d < kDimensionCount; ++d) dim_col[d] = col(kDimensions[d]);
  const int comm = col("communication"), rel = col("relationship");

  std::set<int> used{src, tgt, n, rc, comm, rel};
  used.insert(dim_col.begin(), dim_col.end());
  std::vector<std::string> extra;
  for (std::size_t i = 0; i < t.header.size(); ++i)
    if (!used.count(int(i))) extra.push_back(t.header[i]);
  if (!extra.empty()) diags.note(t.path, "ignored columns: " + detail::quoted_list(extra));

  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& row : t.rows) {
    bool ok = true;
    auto field = [&](int c) {
      return c >= 0 && c < int(row.fields.size()) ? detail::trim(row.fields[c]) : std::string();
    };
    auto err = [&](int c, const std::string& msg) {
      diags.error(t.path, row.line, std::size_t(c) + 1, t.header[c], msg);
      ok = false;
    };
    // Score in [1, 5] or blank/NA (NaN).
    auto score = [&](int c) {
      if (c < 0) return nan;
      std::string v = field(c);
      if (v.empty() || v == "NA" || v == "na") return nan;
      double x = 0;
      if (!detail::parse_double(v, x) || x < 1 || x > 5) {
        err(c, "'" + v + "' is not a score; expected a number from 1 to 5 or blank");
        return nan;
      }
      return x;
    };
    AggregatedTieRow r;
    r.line = row.line;
    r.source = field(src);
    r.target = field(tgt);
    if (r.source.empty()) err(src, "empty source; expected a unit id");
    if (r.target.empty()) err(tgt, "empty target; expected a unit id");
    long long nv = 0;
    if (!detail::parse_int(field(n), nv) || nv < 0 || nv > std::numeric_limits<int>::max())
      err(n, "n is '" + field(n) + "'; expected a whole number of respondents >= 0");
    r.n = int(nv);
    r.rc = score(rc);
    for (int d = 0; d < kDimensionCount; ++d) r.dims[d] = score(dim_col[d]);
    r.communication = score(comm);
    r.relationship = score(rel);
    if (ok && !seen.emplace(r.source, r.target).second) {
      diags.error(t.path, row.line, std::size_t(src) + 1, t.header[src],
                  "tie " + r.source + " -> " + r.target + " listed twice; expected one row per ordered pair");
      ok = false;
    }
    if (ok) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace rcmap
