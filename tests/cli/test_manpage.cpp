// man/rcmap.1 documents every subcommand and every option that `--help`
// lists, so the installed manual cannot fall behind the program.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <regex>
#include <set>
#include <string>

#include "support/test_helpers.hpp"

namespace {

std::string help_of(const std::string& args) {
  std::string cmd = std::string(RCMAP_BINARY) + " " + args + " 2>&1";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

// Subcommand names from `rcmap --help` ("Commands:" block, two-space indent).
std::vector<std::string> subcommands() {
  std::string h = help_of("--help");
  std::vector<std::string> out;
  std::regex line(R"(\n  ([a-z]+) )");
  auto start = h.find("Commands:");
  REQUIRE(start != std::string::npos);
  std::string block = h.substr(start, h.find("\n\n", start) - start);
  for (std::sregex_iterator it(block.begin(), block.end(), line), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("the man page documents every subcommand and every option of its --help", "[cli][man]") {
  const std::string man = rcmap::test::slurp(rcmap::test::source_path("man/rcmap.1"));
  REQUIRE(!man.empty());
  auto commands = subcommands();
  REQUIRE(commands.size() >= 4);
  std::regex option(R"(--([a-z][a-z0-9-]*))");
  for (const auto& cmd : commands) {
    INFO("rcmap " << cmd);
    CHECK(man.find(".B " + cmd) != std::string::npos);
    std::string h = help_of(cmd + " --help");
    std::set<std::string> names;
    for (std::sregex_iterator it(h.begin(), h.end(), option), end; it != end; ++it) names.insert((*it)[1]);
    for (const auto& name : names) {
      INFO("option --" << name);
      // groff writes a literal hyphen as \-.
      std::string escaped;
      for (char c : name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      CHECK(man.find("\\-\\-" + escaped) != std::string::npos);
    }
  }
}
