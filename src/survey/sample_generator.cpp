// Generator of the fictional Nordby Kommune relation survey. Structure
// planted (documented in samples/README.md):
//  - strong ties within a unit (~4.4) and within a side (~4.1);
//  - authority <-> provider ties weaker (~3.4), weakest on timely
//    communication and shared goals;
//  - one weak pair both ways (Myndighed Nord <-> Familiebehandling Vest, ~2.7);
//  - one one-sided pair (Handicapteam rates Døgninstitutionen Solbakken ~4.2,
//    Solbakken rates Handicapteam ~2.9);
//  - two small units (3 and 4 respondents) whose ratings are suppressed;
//  - respondent and item noise, skipped targets, missing answers and a few
//    rows with too few answers.
#include "rcmap/survey/sample_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "rcmap/io/csv.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/util/splitmix.hpp"

namespace rcmap {

namespace {

using Rng = SplitMix64;  // include/rcmap/util/splitmix.hpp

struct SampleUnit {
  const char* id;
  const char* label;
  const char* side;
  int weight;  // relative size
};

constexpr std::array<SampleUnit, 16> kNordby = {{
    {"MYN-N", "Myndighed Børn og Unge Nord", "authority", 10},
    {"MYN-S", "Myndighed Børn og Unge Syd", "authority", 10},
    {"HAND", "Handicapteamet (myndighed)", "authority", 7},
    {"UNGE-M", "Ungeenheden, myndighed", "authority", 6},
    {"FAM-V", "Familiebehandling Vest", "provider", 8},
    {"FAM-Ø", "Familiebehandling Øst", "provider", 8},
    {"SOLB", "Døgninstitutionen Solbakken", "provider", 9},
    {"PLEJE", "Plejefamilieteamet", "provider", 5},
    {"UNGEH", "Ungehuset (udfører)", "provider", 6},
    {"AFL", "Aflastning og støttekontakt", "provider", 0},  // 4 respondents
    {"SKO-N", "Nordby Skole", "general", 9},
    {"SKO-S", "Søndermark Skole", "general", 8},
    {"PPR", "PPR – Pædagogisk Psykologisk Rådgivning", "general", 6},
    {"JOB", "Jobcenter, Ungeindsatsen", "general", 5},
    {"SUND", "Sundhedsplejen", "health", 6},
    {"FAMB", "Familieambulatoriet", "health", 0},  // 3 respondents
}};

// Dimension offsets: timely (1) and shared goals (4) lag across the gap.
constexpr std::array<double, kDimensionCount> kDimOffset = {0.15, -0.05, 0.05, 0.0, 0.0, -0.1, 0.15};
constexpr std::array<double, kDimensionCount> kGapDimOffset = {0.1, -0.45, 0.0, -0.1, -0.4, 0.0, 0.1};

struct GenUnit {
  std::string id, label, side;
  int respondents = 0;
  int headcount = 0;
};

double tie_mean(const GenUnit& a, const GenUnit& b, bool same) {
  if (same) return 4.4;
  auto is = [](const GenUnit& u, const char* s) { return u.side == s; };
  if (a.id == "MYN-N" && b.id == "FAM-V") return 2.7;
  if (a.id == "FAM-V" && b.id == "MYN-N") return 2.8;
  if (a.id == "HAND" && b.id == "SOLB") return 4.2;
  if (a.id == "SOLB" && b.id == "HAND") return 2.9;
  if (a.side == b.side) return 4.1;
  if (is(a, "authority") && is(b, "provider")) return 3.45;
  if (is(a, "provider") && is(b, "authority")) return 3.35;
  if (is(a, "health") || is(b, "health")) return 3.7;
  return 3.85;
}

}  // namespace

void generate_sample(const SampleOptions& opt, OutputDir& out) {
  if (opt.respondents < 1) throw UsageError("--respondents must be at least 1");
  if (opt.units < 2) throw UsageError("--units must be at least 2");
  Rng rng{opt.seed * 0x2545F4914F6CDD1Dull + 12345};

  // Units: the 16 Nordby units, then generic ones cycling through the sides.
  std::vector<GenUnit> units;
  std::vector<int> weight;
  static const char* sides[] = {"authority", "provider", "provider", "general", "health"};
  for (int i = 0; i < opt.units; ++i) {
    GenUnit u;
    if (i < static_cast<int>(kNordby.size())) {
      u = {kNordby[i].id, kNordby[i].label, kNordby[i].side};
      weight.push_back(kNordby[i].weight);
    } else {
      u.id = "U" + std::to_string(i + 1);
      u.side = sides[i % 5];
      u.label = "Enhed " + std::to_string(i + 1) + " (" + u.side + ")";
      weight.push_back(4 + static_cast<int>(rng.next() % 8));
    }
    units.push_back(u);
  }
  // Respondents per unit: the two tiny Nordby units get 4 and 3, the rest by weight.
  int fixed = 0, wsum = 0;
  for (int i = 0; i < opt.units; ++i) {
    if (weight[i] == 0) {
      units[i].respondents = std::min(units[i].id == "AFL" ? 4 : 3, opt.respondents);
      fixed += units[i].respondents;
    } else {
      wsum += weight[i];
    }
  }
  int rest = std::max(0, opt.respondents - fixed), given = 0, last = -1;
  for (int i = 0; i < opt.units; ++i)
    if (weight[i]) {
      units[i].respondents = static_cast<int>(static_cast<long long>(rest) * weight[i] / wsum);
      given += units[i].respondents;
      last = i;
    }
  if (last >= 0) units[last].respondents += rest - given;
  for (int i = 0; i < opt.units; ++i) {
    // Response rate around 80 %; one unit without a known headcount.
    units[i].headcount = static_cast<int>(std::ceil(units[i].respondents / (0.7 + 0.25 * rng.uniform())));
  }

  if (opt.waves < 1 || opt.sites < 1) throw UsageError("--waves and --sites must be at least 1");
  auto site_name = [](int s) { return "S" + std::to_string(s + 1); };
  out.write("units.csv", [&](std::ostream& os) {
    CsvWriter w(os);
    if (opt.sites > 1)
      w.header({"site", "unit", "label", "side", "headcount"});
    else
      w.header({"unit", "label", "side", "headcount"});
    for (int site = 0; site < opt.sites; ++site)
      for (std::size_t i = 0; i < units.size(); ++i) {
        if (opt.sites > 1) w.text(site_name(site));
        w.text(units[i].id).text(units[i].label).text(units[i].side);
        if (units[i].id == "JOB")
          w.empty();
        else
          w.integer(units[i].headcount);
        w.end_row();
      }
  });

  out.write("responses.csv", [&](std::ostream& os) {
    std::vector<char> buf(1 << 20);
    os.rdbuf()->pubsetbuf(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (opt.sites > 1) os << "site,";
    if (opt.waves > 1) os << "wave,";
    os << "respondent,unit,target";
    for (auto d : kDimensions) os << ',' << d;
    os << '\n';
    std::string line;
    for (int site = 0; site < opt.sites; ++site)
      for (int wave = 0; wave < opt.waves; ++wave) {
        long long rid = 0;
        std::string prefix;
        if (opt.sites > 1) prefix += site_name(site) + ',';
        if (opt.waves > 1) prefix += "w" + std::to_string(wave + 1) + ',';
        const double shift = opt.site_step * (site - (opt.sites - 1) / 2.0);
        for (std::size_t a = 0; a < units.size(); ++a) {
          for (int r = 0; r < units[a].respondents; ++r) {
            ++rid;
            double bias = 0.35 * rng.normal();
            double skip = 0.05 + 0.25 * rng.uniform();  // share of units this person does not rate
            for (std::size_t b = 0; b < units.size(); ++b) {
              if (b != a && rng.uniform() < skip) continue;
              bool gap = (units[a].side == "authority" && units[b].side == "provider") ||
                         (units[a].side == "provider" && units[b].side == "authority");
              double mu = tie_mean(units[a], units[b], a == b) + bias;
              if (opt.sites > 1) mu += shift;
              if (units[a].side == "authority" && units[b].side == "provider") mu += opt.wave_gain * wave;
              bool sparse = rng.uniform() < 0.01;  // answers only 2 items: excluded
              line = prefix + "R" + std::to_string(rid) + ',' + units[a].id + ',' + units[b].id;
              for (int d = 0; d < kDimensionCount; ++d) {
                line += ',';
                bool missing = sparse ? d >= 2 : rng.uniform() < 0.04;
                if (missing) {
                  if (rng.uniform() < 0.5) line += "NA";
                  continue;
                }
                double x = mu + kDimOffset[d] + (gap ? kGapDimOffset[d] : 0.0) + 0.7 * rng.normal();
                line += static_cast<char>('0' + std::clamp(static_cast<int>(std::lround(x)), 1, 5));
              }
              line += '\n';
              os << line;
            }
          }
        }
      }
  });
}

}  // namespace rcmap
