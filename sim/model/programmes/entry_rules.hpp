#pragma once
// Rules on which projects a zone admits and keeps (document 003 line 106: restrict new food and
// light-industry projects in the Minhang ETDZ, phase out chemical production and small textile
// firms). The restriction is a rule and costs nothing; the phase-out compensates the firms whose
// land it takes back.
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::entry_rules {

// Share of the new projects of sector s in zone z that the zone admits this month: the product of
// (1 - rate) over the active entry restrictions covering the cell; 1 without any.
double admitted_share(const World& w, std::size_t z, std::size_t s);

// Calendar hook of a sector_phase_out programme: each January (and in its first month) a share
// `rate` of the eligible incumbents, drawn per firm, is told to stop production in the zone; the
// programme pays each `amount` per m2 of land it holds, and the firm leaves at this month's exit
// phase, its land freed for others.
void phase_out_year(World& w, std::size_t programme);

}  // namespace parksim::model::entry_rules
