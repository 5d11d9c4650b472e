#pragma once
// Shared pieces of the rcmap subcommands: option parsing with --help,
// diagnostics on stderr, exit codes (README "Exit codes").
#include <boost/program_options.hpp>
#include <map>
#include <string>
#include <vector>

#include "rcmap/aggregate.hpp"
#include "rcmap/diagnostics.hpp"
#include "rcmap/summary.hpp"
#include "rcmap/survey.hpp"

namespace rcmap::cli {

namespace po = boost::program_options;

enum ExitCode { kOk = 0, kUsage = 1, kInvalidInput = 2, kCannotWrite = 3, kInternal = 4 };

struct Args {
  std::vector<std::string> argv;  // after the subcommand name
};

// A project file read with --config: checksums of the inputs it was made from.
struct Project {
  std::map<std::string, std::string> checksums;  // input path -> SHA-256
};

// Parses `args` against `desc`. Returns false if --help was given (help
// printed to stdout). With `project`, accepts --config FILE (INI or an
// earlier summary.json), command-line values winning. Throws UsageError on
// unknown or bad options.
bool parse(const Args& args, const po::options_description& desc, po::variables_map& vm,
           const std::string& usage, const std::string& example, Project* project = nullptr);

// Every option's value (given or default) in name order, for summary.json
// and project.ini; --help, --config and --quiet are left out.
std::vector<std::pair<std::string, std::string>> options_of(const po::variables_map& vm);
// project.ini text that reruns `run` with rcmap <command> --config.
std::string project_ini(const RunInfo& run);

// Options shared by every command that reads a survey.
struct SurveyArgs {
  std::string units, responses, encoding = "auto";
  AggregateOptions agg;
  bool quiet = false;
  void add_to(po::options_description& desc, bool with_thresholds);
  ReadOptions read_options() const;
  // Input checksums for summary.json; warns if they differ from `project`'s.
  void record(RunInfo& run, const Project& project, Diagnostics& diags) const;
};

// Reads and validates the survey, printing diagnostics to stderr.
Survey load_survey(const SurveyArgs& a, Diagnostics& diags);
void print_diagnostics(const Diagnostics& diags, bool quiet);

int cmd_validate(const Args& args);
int cmd_analyze(const Args& args);
int cmd_sample(const Args& args);
int cmd_compare(const Args& args);
int cmd_network(const Args& args);  // network.cpp: person-level networks

// analyze --by-site (by_site.cpp): the full analysis per site in DIR/<site>/,
// sites.csv and summary.json with the ANOVA/ICC section.
struct BySiteArgs {
  bool by_site = false;
  std::string authority_side = "authority", provider_side = "provider";
  void add_to(po::options_description& desc);
};
int run_by_site(const SurveyArgs& sa, const BySiteArgs& site, const std::string& out,
                const std::string& dialect_name);  // compare.cpp: change between two waves

}  // namespace rcmap::cli
