#pragma once
// Land programmes, document 003: plot-ratio increases on a firm's own industrial land
// (存量工业用地提高容积率), with part of the premium on the added floor waived.
#include "parksim/model/detail/world.hpp"

namespace parksim::model::plot_ratio {

// An expanding firm short of floor builds up on its own land, up to the zone's cap, when the
// premium net of the waiver pays back; it pays the premium and claims the waiver. Returns the
// floor added (m2).
double raise(World& w, std::size_t firm, double floor_short);

}  // namespace parksim::model::plot_ratio
