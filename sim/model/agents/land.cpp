// Land: approvals, requests cleared by output per m2 (以亩均论英雄), exit clauses of land contracts
// and relocation of firms short of land.
#include <algorithm>
#include <cmath>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"

namespace parksim::model {

using engine::parallel_for;

static void relocate(World& w);

// Full-life-cycle land contracts (003): each January a firm whose output per mu last year was below
// its zone's rule counts one more year; after exit_clause_years in a row its land is taken back and
// it leaves at the exit phase, freeing the parcel for denser users (腾笼换鸟).
static void apply_exit_clauses(World& w) {
  auto& f = w.firms;
  parallel_for(f.size(), [&](std::size_t i) {
    const auto& zone = w.sc.zones[f.zone[i]];
    if (!f.alive[i] || zone.exit_clause_years <= 0 || zone.min_output_per_mu <= 0) return;
    f.low_density_years[i] = w.below_output_per_mu(i) ? f.low_density_years[i] + 1 : 0;
    f.land_revoked[i] = f.low_density_years[i] >= zone.exit_clause_years;
  });
  for (std::size_t i = 0; i < f.size(); ++i)
    w.land_revoked += f.alive[i] && f.land_revoked[i] ? 1.0 : 0.0;
}

void phase_land(World& w) {
  auto& f = w.firms;
  if (w.is_january()) apply_exit_clauses(w);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.land_pending[i] <= 0) return;
    if (--f.approval_left[i] > 0) return;
    const double bought = f.land_buy_pending[i];
    f.land_owned[i] += bought * f.land_pending[i];
    f.land_leased[i] += (1.0 - bought) * f.land_pending[i];
    f.land_pending[i] = 0;
  });
  // Requests are ranked by output per m2 (以亩均论英雄: denser users first), then firm id.
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto& zone = w.sc.zones[z];
    std::vector<engine::Request> requests;
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f.alive[i] && f.zone[i] == z && f.land_request[i] > 0)
        requests.push_back(
            {std::uint32_t(i), f.land_request[i], f.output[i] / std::max(f.land(i), 1.0)});
    if (requests.empty()) continue;
    const double free = std::max(0.0, zone.area - w.zones[z].land_used);
    const auto grants = engine::clear_by_rank(requests, free, engine::Partial::Forbidden);
    for (std::size_t k = 0; k < requests.size(); ++k) {
      const std::size_t i = requests[k].agent;
      if (grants[k] <= 0) {
        ++f.land_wait[i];
        continue;
      }
      f.land_wait[i] = 0;
      f.land_pending[i] += grants[k];
      f.approval_left[i] = std::max(1, zone.approval_months);
      w.zones[z].land_used += grants[k];
      // Land is bought only from spare cash; otherwise it is leased (lease first, buy later).
      const double price = (1.0 - zone.lease_share) * grants[k] * zone.land_price;
      f.land_buy_pending[i] = f.cash[i] > price ? (1.0 - zone.lease_share) : 0.0;
      f.cash[i] -= f.land_buy_pending[i] > 0 ? price : 0.0;
    }
  }
  relocate(w);
}

// Firms that waited long for land may move to the zone with the largest free share, taking a
// standard factory of the same size there. Their talent stays behind (separated in hiring).
static void relocate(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const std::size_t Z = w.zones.size();
  if (Z < 2) return;
  const auto streams = w.streams("relocation");
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.land_wait[i] < m.relocation_wait_months) continue;
    std::size_t best = f.zone[i];
    double best_free = 0;
    for (std::size_t z = 0; z < Z; ++z) {
      const double free = w.sc.zones[z].area - w.zones[z].land_used;
      if (z != f.zone[i] && free / w.sc.zones[z].area > best_free) {
        best = z;
        best_free = free / w.sc.zones[z].area;
      }
    }
    const double land = f.land(i) + f.land_pending[i] + f.land_request[i];
    if (best == f.zone[i] || w.sc.zones[best].area - w.zones[best].land_used < land) continue;
    if (streams(std::uint64_t(f.id[i])).uniform() >= m.relocation_rate) continue;
    w.zones[f.zone[i]].land_used -= f.land(i) + f.land_pending[i];
    w.zones[best].land_used += land;
    f.land_leased[i] += f.land_owned[i] + f.land_pending[i] + f.land_request[i];
    f.cash[i] += f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;  // the old plot is sold back
    f.land_owned[i] = f.land_pending[i] = f.land_request[i] = f.extra_floor[i] = 0;
    f.cash[i] -= m.relocation_cost_months * f.value_added[i];
    f.zone[i] = std::uint16_t(best);
    f.land_wait[i] = 0;
    f.events[i] |= kEventRelocation;
  }
}

}  // namespace parksim::model
