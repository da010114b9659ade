// Land: approvals, requests cleared by output per m2 (以亩均论英雄), land contracts signed under
// the zone's rules (lease then sell, terms, exit clauses) and relocation of firms short of land.
#include <algorithm>
#include <cmath>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/land.hpp"
#include "programmes/land_quotas.hpp"
#include "programmes/land_supply.hpp"

namespace parksim::model {

using engine::parallel_for;

static void relocate(World& w);

namespace {

// Term of land a firm buys now (出让年限): a recognised key project (yearly output of at least
// key_project_min_output when it signs) gets the zone's key-project term; other firms the
// standard term. 003, line 148: "经认定的重点工业项目最高出让年限可以为50年".
int term_months_now(const World& w, std::size_t i) {
  const auto& zone = w.sc.zones[w.firms.zone[i]];
  const bool key = zone.key_project_term_years > 0 &&
                   w.firms.output_last_year[i] >= w.sc.model.key_project_min_output;
  return 12 * (key ? zone.key_project_term_years : zone.land_term_years);
}

// One date for a firm's contract land of old_m2 joined by add_m2: the area-weighted mean, so a
// firm keeps one lease end and one term end whatever the number of its parcels.
int merged_month(int old_month, double old_m2, int add_month, double add_m2) {
  if (old_m2 <= 0) return add_month;
  return int(std::lround((old_month * old_m2 + add_month * add_m2) / (old_m2 + add_m2)));
}

void add_owned_contract(World& w, std::size_t i, double m2) {
  auto& f = w.firms;
  if (m2 <= 0) return;
  const int term = term_months_now(w, i);
  f.term_end[i] = merged_month(f.term_end[i], f.contract_owned[i], w.month + term, m2);
  f.term_months[i] = merged_month(f.term_months[i], f.contract_owned[i], term, m2);
  f.contract_owned[i] += m2;
}

// Land granted under the zone's rules becomes usable: the bought part is contract land with a
// term, the leased part contract land on lease; under lease then sell its lease period ends
// lease_then_sell_years later (otherwise it stays leased: lease_end 0).
void use_granted_land(World& w, std::size_t i) {
  auto& f = w.firms;
  const auto& zone = w.sc.zones[f.zone[i]];
  const double bought = f.land_buy_pending[i] * f.land_pending[i];
  const double leased = f.land_pending[i] - bought;
  f.land_owned[i] += bought;
  f.land_leased[i] += leased;
  f.land_pending[i] = 0;
  add_owned_contract(w, i, bought);
  if (leased <= 0) return;
  if (zone.lease_then_sell_years > 0)
    f.lease_end[i] = merged_month(f.lease_end[i], f.contract_leased[i],
                                  w.month + 12 * zone.lease_then_sell_years, leased);
  f.contract_leased[i] += leased;
}

// Contract land taken back (exit clause, or a lease-then-sell contract whose terms are not met):
// the zone gets the land, the plot-ratio floor built on it goes with it, and bought land is
// refunded at its residual value, the unexpired share of its term (assumption: 003 names the
// exit, 土地使用权退出, not its price). The firm keeps running on its other land or rented
// standard-factory floor; one left with neither leaves at the exit phase.
void take_back(World& w, std::size_t i, double leased, double owned) {
  auto& f = w.firms;
  const auto& zone = w.sc.zones[f.zone[i]];
  const double before = f.land(i);
  if (owned > 0) {
    const double unexpired =
        std::max(0, f.term_end[i] - w.month) / double(std::max(1, f.term_months[i]));
    f.cash[i] += owned * zone.land_price * std::min(1.0, unexpired);
  }
  f.land_leased[i] = std::max(0.0, f.land_leased[i] - leased);
  f.land_owned[i] = std::max(0.0, f.land_owned[i] - owned);
  f.contract_leased[i] -= leased;
  f.contract_owned[i] -= owned;
  if (f.contract_leased[i] <= 0) f.lease_end[i] = 0;
  f.extra_floor[i] *= before > 0 ? f.land(i) / before : 0.0;
  w.zones[f.zone[i]].land_used -= leased + owned;
  f.land_revoked[i] = f.land(i) <= 0 && f.land_pending[i] <= 0 && f.factory_floor[i] <= 0;
  w.land_revoked += 1.0;
}

// Full-life-cycle land contracts (003, line 148: "明确工业用地项目的产业类型、投资强度、产出效率和
// 节能、环保等要求，并纳入土地出让合同，实现…土地使用权退出的全过程管理"): the terms are written
// into land contracts, so they bind only land of contracts signed under the rule (new grants
// during the run), not the starting stock. Each January a firm holding contract land whose output
// per mu last year was below its zone's rule counts one more year; after exit_clause_years in a
// row its contract land is taken back (腾笼换鸟) and the parcel freed for denser users.
void apply_exit_clauses(World& w) {
  auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto& zone = w.sc.zones[f.zone[i]];
    const bool bound = f.alive[i] && zone.exit_clause_years > 0 && zone.min_output_per_mu > 0 &&
                       f.contract_land(i) > 0;
    f.low_density_years[i] = bound && w.below_output_per_mu(i) ? f.low_density_years[i] + 1 : 0;
    if (!bound || f.low_density_years[i] < zone.exit_clause_years) continue;
    take_back(w, i, f.contract_leased[i], f.contract_owned[i]);
    f.low_density_years[i] = 0;
  }
}

// Lease then sell (先租后让, 003 line 148: "积极推动工业用地“先租后让”模式，降低企业初始用地成本"):
// when the lease period ends, a firm meeting its contract's output-per-mu term buys the leased
// parcel at the land price (cash out, collateral in) and holds it for a new term; a firm below
// the term hands it back. A firm meeting the term without the cash keeps leasing and buys as
// soon as it can (assumption).
void end_leases(World& w) {
  auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.contract_leased[i] <= 0 || f.lease_end[i] <= 0 || w.month < f.lease_end[i])
      continue;
    const double m2 = f.contract_leased[i];
    if (w.below_output_per_mu(i)) {
      take_back(w, i, m2, 0.0);
      continue;
    }
    const double price = m2 * w.sc.zones[f.zone[i]].land_price;
    if (f.cash[i] < price) continue;
    f.cash[i] -= price;
    f.land_leased[i] = std::max(0.0, f.land_leased[i] - m2);
    f.land_owned[i] += m2;
    f.contract_leased[i] = 0;
    f.lease_end[i] = 0;
    add_owned_contract(w, i, m2);
  }
}

// m2 of land granted to firm i: it waits for approval, then is used (use_granted_land). Land is
// bought only from spare cash; otherwise it is leased (lease first, buy later).
void grant_land(World& w, std::size_t i, double m2) {
  auto& f = w.firms;
  const auto& zone = w.sc.zones[f.zone[i]];
  f.land_wait[i] = 0;
  f.land_pending[i] += m2;
  f.approval_left[i] = approval_reform::approval_months(w, i);
  w.zones[f.zone[i]].land_used += m2;
  const double price = (1.0 - zone.lease_share) * m2 * zone.land_price;
  f.land_buy_pending[i] = f.cash[i] > price ? (1.0 - zone.lease_share) : 0.0;
  f.cash[i] -= f.land_buy_pending[i] > 0 ? price : 0.0;
}

}  // namespace

void phase_land(World& w) {
  auto& f = w.firms;
  if (w.is_january()) apply_exit_clauses(w);
  end_leases(w);
  standard_factories::complete(w);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.land_pending[i] <= 0) return;
    if (--f.approval_left[i] > 0) return;
    use_granted_land(w, i);
  });
  // Standard factories first (003: ready floor instead of a parcel wait), then land. Requests are
  // ranked by output per m2 of land in use (以亩均论英雄: denser users first), then firm id.
  standard_factories::let_to_expanding_firms(w);
  std::vector<engine::Request> unmet;  // requests the zones' free land could not meet
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    std::vector<engine::Request> requests;
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f.alive[i] && f.zone[i] == z && f.land_request[i] > 0)
        requests.push_back({std::uint32_t(i), f.land_request[i],
                            f.output[i] / std::max(standard_factories::land_in_use(w, i), 1.0)});
    if (requests.empty()) continue;
    const auto grants = engine::clear_by_rank(requests, w.free_land(z), engine::Partial::Forbidden);
    for (std::size_t k = 0; k < requests.size(); ++k) {
      if (grants[k] > 0)
        grant_land(w, requests[k].agent, grants[k]);
      else
        unmet.push_back(requests[k]);
    }
  }
  // Key projects the parks could not serve draw on the key-project quotas (002 line 162), which
  // add the land to their zone's industrial area (land_quotas.hpp); the rest wait.
  // Then other projects outside the reduced zones draw on land-reduction quotas (002, 003).
  auto quota = key_project_land::grant(w, unmet);
  const auto reduction = land_reduction::grant(w, unmet, quota);
  for (std::size_t k = 0; k < unmet.size(); ++k) {
    quota[k] += reduction[k];
    if (quota[k] > 0)
      grant_land(w, unmet[k].agent, quota[k]);
    else
      ++f.land_wait[unmet[k].agent];
  }
  relocate(w);
}

// Moves firm i to zone `to`: its old plot is sold back, its factory floor there given back, and
// it rents factory_floor m2 of standard-factory floor in the new zone or, with none, leases as
// much land as it held and wanted. Its talent stays behind (separated in hiring).
static void move_firm(World& w, std::size_t i, std::size_t to, double factory_floor) {
  auto& f = w.firms;
  const double land = f.land(i) + f.land_pending[i] + f.land_request[i];
  w.zones[f.zone[i]].land_used -= f.land(i) + f.land_pending[i];
  f.cash[i] += f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;  // the old plot is sold back
  standard_factories::release(w, i);
  if (factory_floor > 0) {
    f.land_leased[i] = 0;
  } else {
    w.zones[to].land_used += land;
    f.land_leased[i] += f.land_owned[i] + f.land_pending[i] + f.land_request[i];
  }
  f.land_owned[i] = f.land_pending[i] = f.land_request[i] = f.extra_floor[i] = 0;
  f.floor_request[i] = 0;
  f.contract_owned[i] = f.contract_leased[i] = 0;  // it rents there; its contracts end here
  f.cash[i] -= w.sc.model.relocation_cost_months * f.value_added[i];
  f.zone[i] = std::uint16_t(to);
  if (factory_floor > 0) standard_factories::let_floor(w, i, factory_floor);
  f.land_wait[i] = 0;
  f.events[i] |= kEventRelocation;
}

// Zone with the most free standard-factory floor, at least `floor` m2, that firm i may rent in,
// other than its own; its own zone if none.
static std::size_t zone_with_factory_floor(const World& w, std::size_t i, double floor) {
  const auto& f = w.firms;
  std::size_t best = f.zone[i];
  double best_free = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const double free = standard_factories::free_floor(w, z);
    if (z != f.zone[i] && free >= floor && free > best_free &&
        standard_factories::may_rent(w, z, f.sector[i], w.is_sme(i))) {
      best = z;
      best_free = free;
    }
  }
  return best;
}

// Zone with the largest free share of land, other than the firm's own; its own zone if none.
static std::size_t zone_with_free_land(const World& w, std::size_t i) {
  std::size_t best = w.firms.zone[i];
  double best_free = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const double free = w.industrial_area(z) - w.zones[z].land_used;
    if (z != w.firms.zone[i] && free / w.industrial_area(z) > best_free) {
      best = z;
      best_free = free / w.industrial_area(z);
    }
  }
  return best;
}

// Firms that waited long for land may move to another zone: into free standard-factory floor
// where a zone has enough (003 标准厂房), else onto a parcel of free land in the zone with the
// largest free share, leased there.
static void relocate(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (w.zones.size() < 2) return;
  const auto streams = w.streams("relocation");
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.land_wait[i] < m.relocation_wait_months) continue;
    const double floor = w.floor_area(i) +
                         (f.land_pending[i] + f.land_request[i]) * w.sc.zones[f.zone[i]].plot_ratio;
    std::size_t to = zone_with_factory_floor(w, i, floor);
    const bool factory = to != f.zone[i];
    if (!factory) to = zone_with_free_land(w, i);
    const double land = f.land(i) + f.land_pending[i] + f.land_request[i];
    if (to == f.zone[i] || (!factory && w.free_land(to) < land))
      continue;
    if (streams(std::uint64_t(f.id[i])).uniform() >= m.relocation_rate) continue;
    move_firm(w, i, to, factory ? floor : 0.0);
  }
}

}  // namespace parksim::model
