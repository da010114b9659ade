#pragma once
// Land programmes: plot-ratio increases on a firm's own industrial land (003 存量工业用地提高容积率),
// with part of the premium on the added floor waived; approval reforms (002 压缩审批周期) that
// shorten the wait from a land grant to its use.
#include "parksim/model/detail/world.hpp"

namespace parksim::model::plot_ratio {

// An expanding firm short of floor builds up on its own land, up to the zone's cap, when the
// premium net of the waiver pays back; it pays the premium and claims the waiver. Returns the
// floor added (m2).
double raise(World& w, std::size_t firm, double floor_short);

}  // namespace parksim::model::plot_ratio

namespace parksim::model::approval_reform {

// Months land granted to the firm this month waits before it can be used: the zone's
// approval_months, or an active reform's when the firm is eligible and that is shorter (at least 1).
int approval_months(const World& w, std::size_t firm);

}  // namespace parksim::model::approval_reform
