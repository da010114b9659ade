#pragma once
// Private: LEVERS.h5, the file of `parksim levers` (docs/levers_command.md has its layout).
#include <string>
#include <vector>

#include "parksim/experiments/levers.hpp"

namespace parksim::experiments {

// `with`: the base run's values per replication (quantities, then each programme's cost);
// `without[p]`: the quantities with programme p switched off.
void write_levers(const std::string& path, const model::Scenario& base, const LeversOptions& o,
                  const LeversResult& r, const std::vector<std::vector<double>>& with,
                  const std::vector<std::vector<std::vector<double>>>& without);

}  // namespace parksim::experiments
