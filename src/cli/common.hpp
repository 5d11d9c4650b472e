#pragma once
// Shared pieces of the rcmap subcommands: option parsing with --help,
// diagnostics on stderr, exit codes (README "Exit codes").
#include <boost/program_options.hpp>
#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rcmap/aggregate/aggregate.hpp"
#include "rcmap/io/diagnostics.hpp"
#include "rcmap/io/output_dir.hpp"
#include "rcmap/outputs/summary.hpp"
#include "rcmap/survey/survey.hpp"
#include "rcmap/survey/survey_input.hpp"

namespace rcmap::cli {

namespace po = boost::program_options;

enum ExitCode { kOk = 0, kUsage = 1, kInvalidInput = 2, kCannotWrite = 3, kInternal = 4 };

struct Args {
  std::vector<std::string> argv;  // after the subcommand name
};

// A project file read with --config: checksums of the inputs it was made from.
struct Project {
  std::map<std::string, std::string> checksums;       // input path -> SHA-256
  std::map<std::string, std::string> role_checksums;  // input role (units, responses, ...) -> SHA-256
};

// Sets each input's from_results: its path relative to the results folder
// `out` (docs/outputs.md "Moving a results folder"). Pipes get none.
void record_relative_paths(RunInfo& run, const std::string& out);

// Parses `args` against `desc`. Returns false if --help was given (help
// printed to stdout). With `project`, accepts --config FILE (INI or an
// earlier summary.json), command-line values winning. Throws UsageError on
// unknown or bad options.
// `command_line`, if given, receives the names of the options given on the
// command line (not from --config, not defaulted).
bool parse(const Args& args, const po::options_description& desc, po::variables_map& vm, const std::string& usage,
           const std::string& example, Project* project = nullptr, std::set<std::string>* command_line = nullptr);

// "rcmap COMMAND: note: --OLD is deprecated; use --NEW" on stderr (not with
// --quiet): the one wording of a renamed option's old spelling
// (docs/commands.md "Deprecated spellings").
void deprecated_note(const std::string& command, const std::string& old_use, const std::string& new_use, bool quiet);
// Sets option `name` of `vm` to `value` (added if absent), so that
// options_of() records the value an alias or an old spelling gave.
void set_option(po::variables_map& vm, const std::string& name, const std::string& value);

// Options every command that reads files shares: --encoding and --quiet.
void add_encoding_option(po::options_description& desc, std::string& encoding);
void add_quiet_option(po::options_description& desc, bool& quiet);

// --gap-sides A,B (analyze, compare, network): the two sides that gaps,
// figures and brokers are about; with `aliases`, the deprecated
// --authority-side / --provider-side too.
struct GapSidesArgs {
  std::string gap_sides = "authority,provider";
  std::string authority_side, provider_side;  // deprecated aliases
  void add_to(po::options_description& desc, const char* help, bool aliases = true);
  // The two sides after the deprecated options (a warning on stderr unless
  // `quiet`); UsageError unless they are two non-empty names.
  // Records the result as gap-sides in `vm` and drops the aliases.
  std::pair<std::string, std::string> sides(const std::string& command, bool quiet, po::variables_map& vm);
};

// --wait, and the OutputDir options of a command that writes into a folder
// (docs/outputs.md "Output safety"): the files it reads (never overwritten), the
// names it may write (`plan`) and the names of earlier outputs it replaces
// (`scope`, for removing leftovers).
struct OutArgs {
  bool wait = false;
  std::string out, csv_dialect = "standard";
  // --wait.
  void add_to(po::options_description& desc);
  // --out DIR (a results folder) and --csv-dialect: analyze, compare, network.
  void add_results_folder(po::options_description& desc);
  OutputOptions options(const std::string& command, bool quiet, InputFiles inputs, std::vector<std::string> plan,
                        std::vector<std::string> scope) const;
};
// `prefix` + each stem with every figure extension (.png, .svg, .pdf).
std::vector<std::string> figure_names(std::initializer_list<const char*> stems, const std::string& prefix = "");
// What analyze writes for one survey, each name prefixed by `prefix` (""
// or "*/" for every site of --by-site).
std::vector<std::string> analysis_names(const std::string& prefix);
// What analyze --by-site writes: its own files and analysis_names("*/").
std::vector<std::string> by_site_names();

// Every option's value (given or default) in name order, for summary.json
// and project.ini; --help, --config, --quiet and --wait are left out.
std::vector<std::pair<std::string, std::string>> options_of(const po::variables_map& vm);
// project.ini text that reruns `run` with rcmap <command> --config.
std::string project_ini(const RunInfo& run);

// Options shared by every command that reads a survey.
struct SurveyArgs {
  std::string units, responses, encoding = "auto";
  std::string tie_table;           // analyze --tie-table: aggregated tie table instead of --responses
  bool responses_required = true;  // false: analyze, which accepts --tie-table instead
  std::string sheet, units_sheet, responses_sheet, mapping;  // add_input_options
  std::string wave;  // analyze --wave: one wave of a responses file with a `wave` column
  AggregateOptions agg;
  bool quiet = false;
  void add_to(po::options_description& desc, bool with_thresholds);
  // --sheet, --units-sheet, --responses-sheet, --mapping (part of add_to).
  void add_input_options(po::options_description& desc);
  ReadOptions read_options() const;
  // The files and how to read them; throws UsageError for a sheet option
  // given for a file that is not an .xlsx workbook.
  SurveyInput input() const;
  SurveyInput input(const std::string& units_path, const std::string& responses_path) const;
  // Input checksums for summary.json; warns if they differ from `project`'s.
  void record(RunInfo& run, const Project& project, Diagnostics& diags) const;
  // Checksums started by start_checksums (path -> digest); record() leaves
  // them to be waited for when summary.json is written.
  mutable std::map<std::string, std::shared_future<std::string>> digests;
  // Starts computing the SHA-256 of the units and responses files on a
  // thread of their own (digests). analyze calls it once the ties are
  // aggregated, so that it takes a core the reading and aggregation leave
  // idle; record() computes any not started.
  void start_checksums() const;
};

// --responses looks like a wide export and no --mapping was given: `one`
// receives the single error that says so and names rcmap mapping --init.
bool wide_without_mapping(const SurveyArgs& a, Diagnostics& one);

// Reads and validates the survey, printing diagnostics to stderr.
Survey load_survey(const SurveyArgs& a, Diagnostics& diags);

// analyze --tie-table (analyze_ties.cpp): the units and the Aggregate of an
// aggregated tie table; the parts skipped for lack of respondent data.
struct LoadedTies {
  Survey survey;
  Aggregate aggregate;
};
LoadedTies load_aggregated_ties(const SurveyArgs& a, Diagnostics& diags);
const std::vector<std::string>& skipped_for_ties();
// Prints `diags` on stderr (errors only when `quiet`); errors of one kind
// after the first five become one line with their count.
void print_diagnostics(const Diagnostics& diags, bool quiet);
// "1 error", "2 errors".
std::string plural_errors(std::size_t n);

int cmd_validate(const Args& args);
int cmd_analyze(const Args& args);
int cmd_sample(const Args& args);
int cmd_compare(const Args& args);
int cmd_convert(const Args& args);
int cmd_network(const Args& args);  // network.cpp: person-level networks
int cmd_report(const Args& args);   // report.cpp
int cmd_mapping(const Args& args);  // mapping.cpp: mapping --init
// analyze (analyze.cpp); report_only: the rcmap report path, see report.cpp.
int run_analysis(const Args& args, bool report_only);

// analyze --by-site (by_site.cpp; run_by_site in analysis.hpp).
struct BySiteArgs {
  bool by_site = false;
  std::string highlight;
  void add_to(po::options_description& desc);
};

}  // namespace rcmap::cli
