#pragma once
// First-unit (首台) support, document 000 L1 and L2: a grant on the first sales contract of a
// breakthrough product, or a subsidy of the premium of first-unit insurance, which makes buyers
// more willing to accept an unproven product. A firm takes whichever is worth more.
#include "parksim/engine/rng.hpp"
#include "parksim/model/detail/world.hpp"

namespace parksim::model::first_unit {

// Expected support per unit of innovation value: what the two schemes add to R&D's return.
double rd_return(const World& w, std::size_t firm);
// A breakthrough of an IM firm: choose grant or insurance, maybe sell a first unit, claim support.
void on_breakthrough(World& w, std::size_t firm, engine::Stream& rng);
// The monthly premium refund of an insured first unit while its insured months last.
void refund_premium(World& w, std::size_t firm);

}  // namespace parksim::model::first_unit
