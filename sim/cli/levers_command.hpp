#pragma once
// `parksim levers` (docs/levers_command.md): its options and the run, set up on the app.
#include "options.hpp"

namespace parksim::cli {

// Adds the `levers` subcommand; main runs it once the arguments are parsed.
Command add_levers_command(CLI::App& app);

}  // namespace parksim::cli
