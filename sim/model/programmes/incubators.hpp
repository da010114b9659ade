#pragma once
// Incubators, document 004: programmes open incubators in their zones (at least one per new
// district), paying an operating subsidy per incubator; entrants take free places and pay no
// land rent and part of their overheads while young (agents/lifecycle.cpp, agents/production.cpp).
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::incubators {

// Calendar hook: opens units_per_year incubators in each eligible zone every January (and in the
// programme's first month) of its first `years` years (0 = every year while active), and books
// their operating subsidy (`amount` per incubator per year) monthly.
void open(World& w, std::size_t programme);
// Places free in each zone: places of its incubators less young firms holding one.
std::vector<double> free_places(const World& w);

}  // namespace parksim::model::incubators
