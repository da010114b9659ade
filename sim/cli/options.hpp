#pragma once
// The subcommands of parksim: each add_<name>_command declares one subcommand on the app, its
// options and what it runs, and the option groups several commands share. A new command goes in
// its own file as `Command add_<name>_command(CLI::App& app)` and is listed once in main.cpp.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parksim/model/scenario.hpp"

namespace parksim::cli {

// A subcommand and what it does: `run` is called once the whole command line has parsed and
// only for the subcommand given; it receives the command line (stored as provenance) and returns
// the exit status. Errors are thrown (main.cpp maps them to exit statuses).
struct Command {
  CLI::App* app = nullptr;
  std::function<int(const std::string& command_line)> run;
};

// --set and --with (both repeatable): changes to the scenario a command reads.
void add_scenario_changes(CLI::App& cmd, std::vector<std::string>& sets,
                          std::vector<std::string>& overlays,
                          const std::string& set_help =
                              "override a value: path.to.key=value "
                              "(repeatable)",
                          const std::string& with_help =
                              "overlay scenario file applied on top "
                              "(repeatable)");
// -R,--replications within min .. 100000.
void add_replications(CLI::App& cmd, int& replications, const std::string& help, int min = 1);
// --seed as text, read by seed_or once the command runs.
void add_seed(CLI::App& cmd, std::string& seed_text, const std::string& help);
// -t,--threads within 1 .. 1024.
void add_threads(CLI::App& cmd, int& threads,
                 const std::string& help = "threads (default: all cores)");
// The seed given with --seed (a whole number 0 .. 2^63-1), or `fallback` when none was given.
std::int64_t seed_or(const std::string& seed_text, std::int64_t fallback);
// The files a scenario was composed from: the file, its extends chain, the overlays and theirs
// (what an output may not overwrite).
std::vector<std::string> scenario_inputs(const model::Scenario& sc,
                                         const std::vector<std::string>& overlays);

Command add_run_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_phases_command(CLI::App& app);
Command add_describe_command(CLI::App& app);
Command add_sample_command(CLI::App& app);
Command add_sweep_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_compare_command(CLI::App& app);
Command add_calibrate_command(CLI::App& app);
Command add_report_command(CLI::App& app);

}  // namespace parksim::cli
