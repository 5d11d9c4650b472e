// Replays every input in tests/data/fuzz-regressions/<target>/ (crashes found
// by fuzzing, and hand-made edge cases) and the seed files through the same
// functions the libFuzzer targets run (fuzz/fuzz_*.cpp), so each bug ever
// found stays fixed in every build, including the sanitizer build.
// To add a target: include its file here and list it in kTargets.
#define RCMAP_FUZZ_REPLAY 1
#include "../../fuzz/fuzz_csv.cpp"
#include "../../fuzz/fuzz_survey.cpp"
#include "../../fuzz/fuzz_xlsx.cpp"
#include "../../fuzz/fuzz_sav.cpp"
#include "../../fuzz/fuzz_mapping.cpp"
#include "../../fuzz/fuzz_wide.cpp"
#include "../../fuzz/fuzz_ties.cpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "support/test_helpers.hpp"

namespace fs = std::filesystem;

namespace {

struct Target {
  const char* name;
  int (*run)(const std::uint8_t*, std::size_t);
};
const Target kTargets[] = {{"csv", rcmap::fuzz::csv},  {"survey", rcmap::fuzz::survey},   {"xlsx", rcmap::fuzz::xlsx},
                           {"sav", rcmap::fuzz::sav},  {"mapping", rcmap::fuzz::mapping}, {"wide", rcmap::fuzz::wide},
                           {"ties", rcmap::fuzz::ties}};

int replay(const Target& t, const fs::path& file) {
  std::string bytes = rcmap::test::slurp(file.string());
  INFO("replaying " << file.string());
  CHECK_NOTHROW(t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  return 1;
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> v;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) v.push_back(e.path());
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("fuzz regression inputs run without crash or broken invariant", "[fuzz]") {
  for (const auto& t : kTargets) {
    fs::path dir = rcmap::test::source_path("tests/data/fuzz-regressions/") + t.name;
    REQUIRE(fs::is_directory(dir));
    int n = 0;
    for (const auto& f : files_in(dir)) n += replay(t, f);
    CHECK(n > 0);
  }
}

TEST_CASE("the csv fuzz target accepts every sample and bad file", "[fuzz]") {
  int n = 0;
  for (const char* d : {"samples", "samples/bad", "tests/data/tiny"})
    for (const auto& f : files_in(rcmap::test::source_path(d)))
      if (f.extension() == ".csv") n += replay(kTargets[0], f);
  CHECK(n >= 17);
}

TEST_CASE("the survey fuzz target aggregates a valid units/%%/responses input", "[fuzz]") {
  std::string in = rcmap::test::slurp(rcmap::test::source_path("tests/data/tiny/units.csv")) + "\n%%\n" +
                   rcmap::test::slurp(rcmap::test::source_path("tests/data/tiny/responses.csv"));
  CHECK(rcmap::fuzz::survey(reinterpret_cast<const std::uint8_t*>(in.data()), in.size()) == 0);
}

TEST_CASE("a broken fuzz invariant fails the replay instead of passing silently", "[fuzz]") {
  CHECK_THROWS_AS(RCMAP_FUZZ_ASSERT(1 + 1 == 3), std::logic_error);
}

TEST_CASE("the reader fuzz targets accept every workbook, SPSS file and mapping of the tests and samples", "[fuzz]") {
  int n = 0;
  for (const char* d : {"samples", "samples/wide", "tests/data/readers"})
    for (const auto& f : files_in(rcmap::test::source_path(d))) {
      const auto ext = f.extension();
      if (ext == ".xlsx")
        n += replay(kTargets[2], f);
      else if (ext == ".sav")
        n += replay(kTargets[3], f);
      else if (ext == ".ini")
        n += replay(kTargets[4], f);
    }
  CHECK(n >= 14);
}
