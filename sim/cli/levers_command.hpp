#pragma once
// `parksim levers` (docs/levers_command.md): its options and the run, set up on the app.
#include <CLI/CLI.hpp>

namespace parksim::cli {

// Adds the `levers` subcommand; it runs from its CLI11 callback once the arguments are parsed, and
// throws what main maps to exit codes.
void add_levers_command(CLI::App& app);

}  // namespace parksim::cli
