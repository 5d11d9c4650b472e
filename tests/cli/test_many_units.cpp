// Large surveys: above the network-metric limit (2,000 units) gaps.csv is
// still written in full, and the missing metrics are said on stderr and in
// summary.json; the workbook at its limits (Excel's rows and columns, notes
// on suppressed cells, constant-memory writing), with small limits set by
// the test. (The report's size at many units: test_report_cli.cpp.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rcmap/outputs/method_text.hpp"
#include "rcmap/metrics/metrics.hpp"
#include "rcmap/outputs/metrics_tables.hpp"
#include "rcmap/outputs/tables.hpp"
#include "rcmap/outputs/workbook_writer.hpp"
#include "support/test_helpers.hpp"

#ifdef RCMAP_BINARY
using rcmap::test::run_rcmap;
using rcmap::test::ScratchDir;
using rcmap::test::slurp;

namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::istringstream in(slurp(path));
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("above 2,000 units gaps.csv lists every cross-side pair, the blank metrics are said", "[cli][gaps][many]") {
  ScratchDir d("gaps2001");
  // 2,001 units: A0..A2 authority, P0..P2 provider, the rest general. Five
  // respondents in each authority unit rate every provider unit 2 on all
  // items; five in each provider unit rate the authority units 4, except
  // that nobody in P2 rates A2 and only four rate A1 (suppressed). The
  // general units have no respondents.
  {
    std::ofstream u(d / "units.csv");
    u << "unit,label,side,headcount\n";
    for (int i = 0; i < 3; ++i) u << "A" << i << ",Authority " << i << ",authority,10\n";
    for (int i = 0; i < 3; ++i) u << "P" << i << ",Provider " << i << ",provider,10\n";
    for (int i = 6; i < 2001; ++i) u << "G" << i << ",General " << i << ",general,10\n";
    std::ofstream r(d / "responses.csv");
    r << "respondent,unit,target,frequent,timely,accurate,problem_solving,shared_goals,shared_knowledge,"
         "mutual_respect\n";
    int id = 0;
    auto row = [&](int resp, const std::string& from, const std::string& to, int score) {
      r << "R" << resp << ',' << from << ',' << to;
      for (int k = 0; k < 7; ++k) r << ',' << score;
      r << '\n';
    };
    for (int a = 0; a < 3; ++a)
      for (int k = 0; k < 5; ++k) {
        ++id;
        for (int p = 0; p < 3; ++p) row(id, "A" + std::to_string(a), "P" + std::to_string(p), 2);
      }
    for (int p = 0; p < 3; ++p)
      for (int k = 0; k < 5; ++k) {
        ++id;
        for (int a = 0; a < 3; ++a) {
          if (p == 2 && a == 2) continue;            // P2 does not rate A2
          if (p == 2 && a == 1 && k == 4) continue;  // four of P2 rate A1: suppressed
          row(id, "P" + std::to_string(p), "A" + std::to_string(a), 4);
        }
      }
  }
  const std::string log = d / "log";
  REQUIRE(run_rcmap("analyze --units " + d / "units.csv" + " --responses " + d / "responses.csv" + " --out " +
                        d / "out --no-render",
                    log) == 0);
  const auto gaps = lines_of(d / "out/gaps.csv");
  REQUIRE(gaps.size() == 1 + 2 * 3 * 3);
  CHECK(gaps[0] ==
        "source,target,source_side,target_side,rc,n,reverse_rc,asymmetry,kind,severity,rc_ci_low,"
        "rc_ci_high,certainty,group");
  // Clearly weak first: the nine authority->provider ties, weak at RC 2 (every answer 2: interval
  // [2, 2]): severity 1 + (3.5 - 2) / 2.5 = 1.6, reverse 4 where measured; then the functional
  // provider->authority ties, RC 4 against 2: one-sided, |2| / 4 = 0.5; last, with no severity,
  // P2->A1 (suppressed) and P2->A2 (not rated): not enough answers.
  CHECK(gaps[1] ==
        "A0,P0,authority,provider,2.000000,5,4.000000,-2.000000,weak,1.600000,2.000000,2.000000,clear,"
        "clearly_weak");
  CHECK(gaps[6] == "A1,P2,authority,provider,2.000000,5,,,weak,1.600000,2.000000,2.000000,clear,clearly_weak");
  CHECK(gaps[9] == "A2,P2,authority,provider,2.000000,5,,,weak,1.600000,2.000000,2.000000,clear,clearly_weak");
  CHECK(gaps[10] ==
        "P0,A0,provider,authority,4.000000,5,2.000000,2.000000,one-sided,0.500000,4.000000,4.000000,"
        "clear,functional");
  CHECK(gaps[16] ==
        "P2,A0,provider,authority,4.000000,5,2.000000,2.000000,one-sided,0.500000,4.000000,4.000000,"
        "clear,functional");
  CHECK(gaps[17] == "P2,A1,provider,authority,,,2.000000,,unmeasured,,,,,not_enough_answers");
  CHECK(gaps[18] == "P2,A2,provider,authority,,,2.000000,,unmeasured,,,,,not_enough_answers");
  // The network metrics are not computed above 2,000 units: said on stderr and in summary.json.
  const std::string why =
      "2001 units: network metrics are computed for at most 2000 units; metric columns left "
      "blank (gaps.csv is complete)";
  CHECK(slurp(log).find(why) != std::string::npos);
  CHECK(slurp(d / "out/summary.json").find(why) != std::string::npos);
  // units.csv: RC given by A0 is 2; its 19 metric columns (in_strength ... community) are blank;
  // bridges need only the ties: it bridges no pair (0), and it has shown ratings (no blank_reason).
  const auto units = lines_of(d / "out/units.csv");
  REQUIRE(units.size() == 2002);
  CHECK(units[1].rfind("A0,Authority 0,authority,10,5,0.500000,2.000000,4.000000,,", 0) == 0);
  CHECK(units[1].substr(units[1].find(",,")) == std::string(21, ',') + "0,");
}

namespace {

// The sample's tables and workbook content as `rcmap analyze` builds them.
struct SampleBook {
  rcmap::Survey survey;
  rcmap::Aggregate agg;
  rcmap::MetricsResult metrics;
  rcmap::Table ties, units, gaps, sides;
  rcmap::WorkbookContent book;
  SampleBook() {
    rcmap::Diagnostics d;
    survey = rcmap::test::load("samples/units.csv", "samples/responses.csv", d);
    agg = rcmap::aggregate(survey, rcmap::AggregateOptions{});
    metrics = rcmap::compute_metrics(survey, agg, rcmap::MetricsOptions{});
    ties = rcmap::ties_table(survey, agg), units = rcmap::units_table(survey, agg);
    sides = rcmap::sides_table(survey, agg), gaps = rcmap::gaps_table(survey, metrics);
    rcmap::append_tie_metrics(ties, metrics);
    rcmap::append_unit_metrics(units, metrics);
    book.sheets = {{"Ties", &ties, [this](std::size_t r) { return agg.ties[r].suppressed; }, "ties.csv"},
                   {"Units", &units, {}, "units.csv"},
                   {"Gaps", &gaps, {}, "gaps.csv"},
                   {"Sides", &sides, {}, "sides.csv"}};
    book.survey = &survey;
    book.aggregate = &agg;
    book.method = rcmap::method_rows(agg, "en");
  }
};

// A sheet of a workbook read back by openpyxl (tests/support/read_workbook.py), or its "info".
std::string read_sheet(const std::string& xlsx, const std::string& sheet, const ScratchDir& d, bool info = false) {
  const std::string out = d / "sheet.txt";
  const std::string cmd = "/usr/bin/python3 " + rcmap::test::source_path("tests/support/read_workbook.py") + " " +
                          xlsx + " " + sheet + (info ? " info" : "") + " > " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  return slurp(out);
}

bool have_openpyxl() { return std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("a workbook written in constant memory reads back the same as one written in memory", "[workbook][many]") {
  if (!have_openpyxl()) {
    WARN("python3-openpyxl missing: workbook not read back");
    return;
  }
  ScratchDir d("wbmem");
  SampleBook s;
  CHECK(rcmap::workbook_notes(s.book).empty());  // the sample is far from every limit
  rcmap::write_workbook(d / "memory.xlsx", s.book);
  s.book.limits.constant_memory_cells = 1;
  rcmap::write_workbook(d / "constant.xlsx", s.book);
  for (const char* sheet : {"Ties", "Units", "Gaps", "Sides", "Matrix", "Method"})
    for (bool info : {false, true}) {
      INFO(sheet << (info ? " info" : ""));
      CHECK(read_sheet(d / "constant.xlsx", sheet, d, info) == read_sheet(d / "memory.xlsx", sheet, d, info));
    }
  // The matrix, checked on its own: ids across, labels down, RC of a tie, a suppressed cell's note.
  const std::string m = read_sheet(d / "constant.xlsx", "Matrix", d);
  CHECK(m.rfind("rating unit \\ rated unit\tMYN-N\tMYN-S\t", 0) == 0);
  CHECK(m.find("\nMyndighed Børn og Unge Nord\t4.418342151675485\t") != std::string::npos);
  CHECK(read_sheet(d / "constant.xlsx", "Matrix", d, true) ==
        "freeze B2\ncomment B11 n<5: suppressed\ncomment B17 n<5: suppressed\n");
}

TEST_CASE("at the workbook's limits rows and units are left out and notes thinned, and each is said",
          "[workbook][many]") {
  SampleBook s;
  REQUIRE(s.agg.ties.size() == 256);
  std::size_t suppressed = 0;
  for (std::size_t r = 0; r < 150; ++r) suppressed += s.agg.ties[r].suppressed;
  REQUIRE(suppressed > 3);
  s.book.limits.rows = 150;    // of 256 ties; 48 gaps and 16 units fit
  s.book.limits.columns = 10;  // of 16 units
  s.book.limits.notes = 3;
  const auto notes = rcmap::workbook_notes(s.book);
  REQUIRE(notes.size() == 4);
  CHECK(notes[0] ==
        "workbook.xlsx: sheet Ties holds the first 150 of 256 rows (Excel's limit is 151 rows with "
        "the header); all are in ties.csv");
  CHECK(notes[1] == "workbook.xlsx: sheet Ties: " + std::to_string(suppressed) +
                        " suppressed rows get no note on each cell (more than 3); a note on cell A1 says what their "
                        "blank cells mean");
  CHECK(notes[2] ==
        "workbook.xlsx: sheet Matrix shows the first 10 of 16 units (Excel's limit is 11 columns with "
        "the labels); all ties are in ties.csv");
  CHECK(notes[3].rfind("workbook.xlsx: sheet Matrix: ", 0) == 0);  // suppressed cells among the first 10 units
  if (!have_openpyxl()) {
    WARN("python3-openpyxl missing: workbook not read back");
    return;
  }
  ScratchDir d("wblimits");
  for (std::size_t constant : {std::size_t{1000000}, std::size_t{1}}) {
    INFO("constant_memory_cells " << constant);
    s.book.limits.constant_memory_cells = constant;
    rcmap::write_workbook(d / "book.xlsx", s.book);
    const std::string ties = read_sheet(d / "book.xlsx", "Ties", d);
    CHECK(std::count(ties.begin(), ties.end(), '\n') == 151);
    CHECK(read_sheet(d / "book.xlsx", "Ties", d, true) ==
          "freeze A2\ncomment A1 Blank cells in rows whose strength is 'suppressed': suppressed: fewer than 5 "
          "respondents (no note on each: more than 3)\n");
    const std::string gaps = read_sheet(d / "book.xlsx", "Gaps", d);
    CHECK(std::count(gaps.begin(), gaps.end(), '\n') == 49);
    const std::string m = read_sheet(d / "book.xlsx", "Matrix", d);
    CHECK(std::count(m.begin(), m.end(), '\n') == 11);
    const std::string ids = m.substr(0, m.find('\n'));
    CHECK(ids.size() - ids.find("\tAFL") == 4);       // unit 10 of 16: the last shown
    CHECK(ids.find("\tSKO-N") == std::string::npos);  // unit 11: left out
    CHECK(read_sheet(d / "book.xlsx", "Matrix", d, true).find("comment A1 Blank cells: not rated, or n<5") !=
          std::string::npos);
  }
}
#endif

TEST_CASE("PageRank of 800 units is bit-identical from run to run (PRPACK on one OpenMP thread)", "[metrics][many]") {
  ScratchDir d("pagerank800");
  REQUIRE(
      std::system(("/usr/bin/python3 " + rcmap::test::source_path("bench/many_units.py") + " " + d / "in" + " 800 10 2")
                      .c_str()) == 0);
  rcmap::Diagnostics diag;
  const rcmap::Survey s = rcmap::read_survey(d / "in/units.csv", d / "in/responses.csv", {}, diag);
  const rcmap::Aggregate a = rcmap::aggregate(s, rcmap::AggregateOptions{});
  const rcmap::MetricsResult first = rcmap::compute_metrics(s, a, rcmap::MetricsOptions{});
  REQUIRE(first.units.size() == 800);
  for (int run = 0; run < 8; ++run) {  // with OpenMP threads, some of 8 runs differ
    const rcmap::MetricsResult again = rcmap::compute_metrics(s, a, rcmap::MetricsOptions{});
    std::size_t differ = 0;
    for (std::size_t u = 0; u < 800; ++u)  // NaN (units without shown ratings) equals NaN here
      differ += again.units[u].pagerank != first.units[u].pagerank &&
                !(std::isnan(again.units[u].pagerank) && std::isnan(first.units[u].pagerank));
    CHECK(differ == 0);
  }
}

TEST_CASE("above max_gap_pairs only the measured pairs are listed, in the same order, and the rest counted",
          "[metrics][gaps][many]") {
  rcmap::Diagnostics diag;
  const rcmap::Survey s = rcmap::test::load("samples/units.csv", "samples/responses.csv", diag);
  const rcmap::Aggregate a = rcmap::aggregate(s, rcmap::AggregateOptions{});
  const rcmap::MetricsResult all = rcmap::compute_metrics(s, a, rcmap::MetricsOptions{});
  REQUIRE(all.gaps.size() == 48);  // 4 authority x 6 provider units, both directions
  CHECK(all.unlisted_gaps == 0);
  std::vector<const rcmap::Gap*> measured;
  for (const auto& g : all.gaps)
    if (g.kind != "unmeasured") measured.push_back(&g);
  REQUIRE(measured.size() > 10);
  REQUIRE(measured.size() < 48);
  rcmap::MetricsOptions opt;
  opt.max_gap_pairs = 47;
  const rcmap::MetricsResult cut = rcmap::compute_metrics(s, a, opt);
  REQUIRE(cut.gaps.size() == measured.size());
  CHECK(cut.unlisted_gaps == 48 - measured.size());
  for (std::size_t i = 0; i < measured.size(); ++i) {
    CHECK(cut.gaps[i].source == measured[i]->source);
    CHECK(cut.gaps[i].target == measured[i]->target);
    CHECK(cut.gaps[i].kind == measured[i]->kind);
    CHECK(cut.gaps[i].severity == measured[i]->severity);
    CHECK(cut.gaps[i].rc == measured[i]->rc);
    CHECK((cut.gaps[i].reverse_rc == measured[i]->reverse_rc ||
           (std::isnan(cut.gaps[i].reverse_rc) && std::isnan(measured[i]->reverse_rc))));
  }
  const std::string warning = "48 ordered pairs across the gap sides, more than 47: gaps.csv lists the " +
                              std::to_string(measured.size()) + " measured pairs; the " +
                              std::to_string(48 - measured.size()) + " unmeasured pairs are not listed";
  CHECK(std::find(cut.warnings.begin(), cut.warnings.end(), warning) != cut.warnings.end());
  opt.max_gap_pairs = 48;  // at the limit: every pair
  CHECK(rcmap::compute_metrics(s, a, opt).gaps.size() == 48);
}
