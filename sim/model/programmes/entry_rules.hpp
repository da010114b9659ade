#pragma once
// Rules on which new projects a zone admits (document 003: restrict new food and light-industry
// projects in the Minhang ETDZ). Rules, not money: they cost nothing and change entry.
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::entry_rules {

// Share of the new projects of sector s in zone z that the zone admits this month: the product of
// (1 - rate) over the active entry restrictions covering the cell; 1 without any.
double admitted_share(const World& w, std::size_t z, std::size_t s);

}  // namespace parksim::model::entry_rules
