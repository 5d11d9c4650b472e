// rcmap: relational-coordination analysis of units' survey answers.
#include <cstring>
#include <iostream>
#include <string>

#include "common.hpp"
#include "rcmap/version.hpp"
#include "util/phase_times.hpp"

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*run)(const rcmap::cli::Args&);
};

const Subcommand kCommands[] = {
    {"analyze", "RC tables, metrics, figures and report.pdf from a survey", rcmap::cli::cmd_analyze},
    {"validate", "check survey files and report every problem", rcmap::cli::cmd_validate},
    {"report", "regenerate report.pdf and report.html (and per-unit pages) in a results folder",
     rcmap::cli::cmd_report},
    {"compare", "change between survey waves: per tie and side pair, tested, with figures and report",
     rcmap::cli::cmd_compare},
    {"convert", "write what rcmap read from any input as canonical units.csv, responses.csv", rcmap::cli::cmd_convert},
    {"network", "person-level network: metrics, unit pairs, cross-side brokers", rcmap::cli::cmd_network},
    {"sample", "generate the fictional Nordby Kommune survey", rcmap::cli::cmd_sample},
    {"mapping", "mapping --init FILE: a first mapping file for a wide survey export", rcmap::cli::cmd_mapping},
};

void usage(std::ostream& os) {
  os << "Usage: rcmap <command> [options]   (rcmap <command> --help for its options)\n\nCommands:\n";
  for (const auto& c : kCommands)
    os << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << '\n';
  os << "\nExample:\n  rcmap analyze --units samples/units.csv --responses samples/responses.csv --out results\n"
        "\nExit codes: 0 ok, 1 usage error (or --out would overwrite an input), 2 invalid input, 3 cannot write\n"
        "output (or the folder is in use by another rcmap run), 4 internal error\n";
}

}  // namespace

int main(int argc, char** argv) {
  RCMAP_PHASE("main");
  using namespace rcmap;
  if (argc < 2) {
    usage(std::cerr);
    return cli::kUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(std::cout);
    return cli::kOk;
  }
  if (cmd == "--version") {
    std::cout << "rcmap " << kVersion << '\n';
    return cli::kOk;
  }
  cli::Args args;
  for (int i = 2; i < argc; ++i) args.argv.emplace_back(argv[i]);
  for (const auto& c : kCommands) {
    if (cmd != c.name) continue;
    try {
      return c.run(args);
    } catch (const UsageError& e) {
      std::cerr << "rcmap " << cmd << ": " << e.what() << '\n';
      return cli::kUsage;
    } catch (const InputError& e) {
      // Diagnostics were printed where they were collected.
      // validate writes nothing in any case: no need to say so.
      std::cerr << "rcmap " << cmd << ": invalid input (" << cli::plural_errors(e.diagnostics().error_count()) << ")"
                << (cmd == "validate" ? "" : "; nothing was written") << '\n';
      return cli::kInvalidInput;
    } catch (const OutputError& e) {
      std::cerr << "rcmap " << cmd << ": " << e.what() << "; no output was changed\n";
      return cli::kCannotWrite;
    } catch (const std::exception& e) {
      std::cerr << "rcmap " << cmd << ": internal error: " << e.what() << '\n';
      return cli::kInternal;
    }
  }
  std::cerr << "rcmap: unknown command '" << cmd << "'\n";
  usage(std::cerr);
  return cli::kUsage;
}
