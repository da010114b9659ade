#pragma once
// `parksim validate` (docs/calibration.md, "Hold-out"): its options and the run, set up on the app.
#include "options.hpp"

namespace parksim::cli {

// Adds the `validate` subcommand; main runs it once the arguments are parsed.
Command add_validate_command(CLI::App& app);

}  // namespace parksim::cli
