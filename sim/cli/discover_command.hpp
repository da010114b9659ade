#pragma once
// `parksim discover` (docs/experiments.md, "discover"): PRIM boxes where a condition holds.
#include "options.hpp"

namespace parksim::cli {

Command add_discover_command(CLI::App& app);

}  // namespace parksim::cli
