// parksim command line: the list of commands (their options are in options.cpp), and the one place
// that maps errors to exit codes (0 done, 1 failed, 2 bad input or arguments, 130 interrupted).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <vector>

#include "discover_command.hpp"
#include "levers_command.hpp"
#include "options.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/version.hpp"
#include "terminal.hpp"
#include "validate_command.hpp"

namespace {

using namespace parksim;

std::string join_args(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) {
    if (i) s += ' ';
    s += argv[i];
  }
  return s;
}

// CLI11 reports an unknown command as "A subcommand is required"; say what was typed instead.
void refuse_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == argv[1]) return;
  std::string names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  throw cli::UsageError(
      fmt::format("unknown command \"{}\"; commands: {}", cli::printable(argv[1]), names));
}

int print_error(const char* prefix, const std::string& what, int status) {
  fmt::print(stderr, "{}: {}\n", prefix, cli::printable(what));
  return status;
}

}  // namespace

static int run_cli(int argc, char** argv) {
  CLI::App app{
      "parksim: agent-based simulator of industrial-park ecosystems under policy packages"};
  app.set_version_flag("--version", fmt::format("parksim {} ({})", kVersion, kGitCommit));
  app.require_subcommand(1);
  // In the order `parksim --help` lists them.
  const std::vector<cli::Command> commands = {
      cli::add_run_command(app),       cli::add_check_command(app),
      cli::add_phases_command(app),    cli::add_describe_command(app),
      cli::add_sample_command(app),    cli::add_sweep_command(app),
      cli::add_analyze_command(app),   cli::add_compare_command(app),
      cli::add_calibrate_command(app), cli::add_report_command(app),
      cli::add_levers_command(app),    cli::add_validate_command(app),
      cli::add_discover_command(app),
  };

  try {
    refuse_unknown_command(app, argc, argv);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return app.exit(e) == 0 ? 0 : 2;  // --help and --version exit 0; every mistake 2
    }
    cli::install_stop_handlers();
    for (const auto& command : commands)
      if (*command.app) return command.run(join_args(argc, argv));
  } catch (const Interrupted& e) {
    return print_error("interrupted", e.what(), cli::kInterruptedStatus);
  } catch (const InputError& e) {
    return print_error("error", e.what(), 2);
  } catch (const cli::UsageError& e) {
    return print_error("error", e.what(), 2);
  } catch (const Error& e) {
    return print_error("error", e.what(), 1);
  } catch (const std::filesystem::filesystem_error& e) {
    return print_error("error", e.what(), 1);
  } catch (const std::bad_alloc&) {
    return print_error(
        "error", "out of memory (an input asks for more than this machine has; check its sizes)",
        1);
  } catch (const std::exception& e) {
    return print_error("error", fmt::format("unexpected failure: {}", e.what()), 1);
  } catch (...) {
    return print_error("error", "unexpected failure of an unknown kind", 1);
  }
  return 0;
}

int main(int argc, char** argv) {
  const int status = run_cli(argc, argv);
  if (engine::h5::library_state_damaged()) {  // see library_state_damaged(): skip HDF5's exit
                                              // clean-up
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
  }
  return status;
}
