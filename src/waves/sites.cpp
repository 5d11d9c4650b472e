// Reading several sites from one survey and benchmarking them (docs/waves.md
// "Sites"). Whether sites differ: one-way ANOVA with ICC(1), ICC(2) (Bliese
// 2000), as Gittell's RC measurement guidelines use to justify aggregation.
#include "rcmap/waves/sites.hpp"

#include <cmath>
#include <unordered_map>

#include "rcmap/waves/waves.hpp"

namespace rcmap {

Sites read_sites(const std::string& units_path, const std::string& responses_path, const ReadOptions& opt,
                 Diagnostics& diags) {
  CsvTable units = read_csv(units_path, opt.encoding, diags);
  CsvTable responses = read_csv(responses_path, opt.encoding, diags);
  if (diags.has_errors()) throw InputError(diags);
  return sites_from_tables(units, responses, diags);
}

Sites sites_from_tables(const CsvTable& units, const CsvTable& responses, Diagnostics& diags) {
  ColumnSplit us = split_by_column(units, "site", diags);
  ColumnSplit rs = split_by_column(responses, "site", diags);
  if (!us.had_column && !rs.had_column)
    diags.error(responses.path, 1, 0, {},
                "no 'site' column in " + units.path +
                    " or here; expected a site label "
                    "on every row for --by-site");
  if (diags.has_errors()) throw InputError(diags);
  Sites s;
  s.units_have_site = us.had_column;
  if (!rs.had_column) {
    // Responses follow their own unit's site; unit ids must be unique across sites.
    std::unordered_map<std::string, std::size_t> site_of;
    for (std::size_t k = 0; k < us.parts.size(); ++k)
      for (const CsvRow& row : us.parts[k].rows) {
        std::size_t c = find_column(us.parts[k].header, "unit");
        if (c >= row.fields.size()) continue;
        auto [it, fresh] = site_of.emplace(row.fields[c], k);
        if (!fresh && it->second != k)
          diags.error(units.path, row.line, c + 1, "unit",
                      "unit '" + row.fields[c] + "' is in sites '" + us.labels[it->second] + "' and '" + us.labels[k] +
                          "'; expected unique unit ids, or a 'site' column in " + responses.path);
      }
    const std::size_t uc = find_column(responses.header, "unit");
    if (uc == static_cast<std::size_t>(-1)) diags.error(responses.path, 1, 0, {}, "missing required column 'unit'");
    if (diags.has_errors()) throw InputError(diags);
    rs = ColumnSplit{};
    rs.had_column = true;
    CsvTable proto = responses;
    proto.rows.clear();
    for (const auto& l : us.labels) {
      rs.labels.push_back(l);
      rs.parts.push_back(proto);
    }
    for (const CsvRow& row : responses.rows) {
      auto it = uc < row.fields.size() ? site_of.find(row.fields[uc]) : site_of.end();
      if (it == site_of.end()) {
        diags.error(responses.path, row.line, uc + 1, "unit", "unknown unit; expected a unit id from " + units.path);
        continue;
      }
      rs.parts[it->second].rows.push_back(row);
    }
    if (diags.has_errors()) throw InputError(diags);
  }
  for (std::size_t k = 0; k < rs.labels.size(); ++k) {
    if (rs.parts[k].rows.empty()) continue;  // a site listed in units.csv without answers
    const CsvTable* ut = &units;
    if (us.had_column) {
      long u = us.find(rs.labels[k]);
      if (u < 0) {
        diags.error(responses.path, rs.parts[k].rows.front().line, 0, "site",
                    "site '" + rs.labels[k] + "' has no units in " + units.path + "; expected its units there");
        continue;
      }
      ut = &us.parts[static_cast<std::size_t>(u)];
    }
    Survey sv = build_survey(*ut, rs.parts[k], diags);
    sv.units_path = units.path;
    sv.responses_path = responses.path;
    s.labels.push_back(rs.labels[k]);
    s.surveys.push_back(std::move(sv));
  }
  if (diags.has_errors()) throw InputError(diags);
  return s;
}

double percentile_rank(const std::vector<double>& values, double v) {
  if (std::isnan(v)) return kNaN;
  double below = 0, equal = 0, count = 0;
  for (double x : values) {
    if (std::isnan(x)) continue;
    ++count;
    below += x < v;
    equal += x == v;
  }
  return 100.0 * (below + equal / 2) / count;
}

SitesBenchmark benchmark_sites(const Sites& sites, const std::vector<Aggregate>& aggs,
                               const std::string& authority_side, const std::string& provider_side) {
  SitesBenchmark b;
  std::vector<std::vector<double>> groups;
  for (std::size_t k = 0; k < sites.surveys.size(); ++k) {
    const Survey& s = sites.surveys[k];
    const Aggregate& a = aggs[k];
    SiteResult r;
    r.site = sites.labels[k];
    r.respondents = a.respondents;
    r.shown = a.respondents >= a.options.min_n;
    if (sites.units_have_site) {
      long long resp = 0, head = 0;
      for (std::size_t u = 0; u < s.units.size(); ++u)
        if (s.units[u].headcount && *s.units[u].headcount > 0) {
          resp += a.units[u].respondents;
          head += *s.units[u].headcount;
        }
      if (head > 0) r.response_rate = static_cast<double>(resp) / static_cast<double>(head);
    }
    if (r.shown) {
      r.overall_rc = a.overall_rc;
      double wsum = 0;
      int nsum = 0;
      for (const SideResult& sr : a.sides) {
        if (sr.source_side == authority_side && sr.target_side == provider_side) r.authority_provider = sr.rc;
        if (sr.source_side == provider_side && sr.target_side == authority_side) r.provider_authority = sr.rc;
        if (sr.source_side == sr.target_side) {
          wsum += sr.rc * sr.n;
          nsum += sr.n;
        }
      }
      if (nsum) r.within_side = wsum / nsum;
      // Respondent-level RC over the rows behind overall_rc.
      std::vector<stats::Moments> per(s.respondents.size());
      for (const Response& row : s.rows) {
        if (row.unit == row.target || row.answered() < a.options.min_answers) continue;
        long t = a.find(row.unit, row.target);
        if (t < 0 || a.ties[static_cast<std::size_t>(t)].suppressed) continue;
        // Without the tie's left-out dimensions, as its rc (docs/method.md "Anonymity").
        per[row.respondent].add(row_score(row, a.ties[static_cast<std::size_t>(t)].left_out));
      }
      std::vector<double> g;
      for (const auto& m : per)
        if (m.n) g.push_back(m.mean);
      if (static_cast<int>(g.size()) >= a.options.min_n) groups.push_back(std::move(g));
    } else {
      b.warnings.push_back("site '" + r.site + "' has " + std::to_string(r.respondents) +
                           " respondents, fewer than --min-n: its figures are suppressed");
    }
    b.sites.push_back(r);
  }
  auto pct = [&](double SiteResult::*value, double SiteResult::*out) {
    std::vector<double> v;
    for (const auto& r : b.sites) v.push_back(r.*value);
    for (auto& r : b.sites) r.*out = percentile_rank(v, r.*value);
  };
  pct(&SiteResult::overall_rc, &SiteResult::overall_pct);
  pct(&SiteResult::authority_provider, &SiteResult::authority_provider_pct);
  pct(&SiteResult::provider_authority, &SiteResult::provider_authority_pct);
  pct(&SiteResult::within_side, &SiteResult::within_side_pct);
  b.anova = stats::one_way_anova(groups);
  if (!b.anova.defined) b.warnings.push_back("fewer than two sites with enough respondents: no ANOVA or ICC");
  return b;
}

Table sites_table(const SitesBenchmark& b) {
  Table t;
  t.rows = b.sites.size();
  auto at = [&b](std::size_t i) -> const SiteResult& { return b.sites[i]; };
  t.add("site", [=](std::size_t i) { return Cell::of(at(i).site); });
  t.add("respondents", [=](std::size_t i) { return Cell::integer(at(i).respondents); });
  t.add("response_rate", [=](std::size_t i) { return Cell::num(at(i).response_rate); });
  auto num = [&](const char* name, double SiteResult::*f) {
    t.add(name, [=](std::size_t i) { return Cell::num(at(i).*f); });
  };
  num("overall_rc", &SiteResult::overall_rc);
  num("overall_pct", &SiteResult::overall_pct);
  num("authority_provider_rc", &SiteResult::authority_provider);
  num("authority_provider_pct", &SiteResult::authority_provider_pct);
  num("provider_authority_rc", &SiteResult::provider_authority);
  num("provider_authority_pct", &SiteResult::provider_authority_pct);
  num("within_side_rc", &SiteResult::within_side);
  num("within_side_pct", &SiteResult::within_side_pct);
  return t;
}

void write_sites_json(JsonWriter& j, const SitesBenchmark& b) {
  const auto& a = b.anova;
  j.begin_object();
  j.field("sites", b.sites.size());
  std::size_t shown = 0;
  for (const auto& s : b.sites) shown += s.shown;
  j.field("sites_shown", shown);
  j.key("anova").begin_object();
  j.field("groups", a.groups).field("respondents", a.n);
  j.field("df_between", a.df_between).field("df_within", a.df_within);
  j.field("ms_between", a.ms_between).field("ms_within", a.ms_within);
  j.field("f", a.f).field("p", a.p);
  j.field("k0", a.k0).field("icc1", a.icc1).field("icc2", a.icc2);
  j.field("note",
          "one-way ANOVA of respondent-level RC (mean of each respondent's rows in shown ties between "
          "different units) across sites with >= min_n respondents; ICC(1) = (MSB-MSW)/(MSB+(k0-1)MSW) "
          "with k0 = (N - sum n^2/N)/(G-1), ICC(2) = (MSB-MSW)/MSB (Bliese 2000)");
  j.end_object();
  j.key("warnings").begin_array();
  for (const auto& w : b.warnings) j.value(w);
  j.end_array();
  j.end_object();
}

}  // namespace rcmap
