// The starting population after a burn-in (model.burn_in_years; 0, off, in every shipped
// scenario: ODD known issue 23). A population drawn from the base year's figures starts with every
// firm's demand equal to its capacity and months of sales in cash: no firm can be in distress, so
// none exits in the first year (docs/stylized_facts.md). Here the drawn population lives
// model.burn_in_years under the model's own rules before the start, in a pre-start world without
// the plan (pre_start_scenario). Its surviving firms, with their demand gaps, cash, debt, distress
// and ages, become the starting population, scaled back to the base year's output per zone and
// sector and to the zones' land in use; its talent keeps its jobs, with the zones' stocks set back
// to the base year's. Platforms, zones, funds and programmes start from the scenario's figures.
//
// The pre-start world depends only on what a variant shares with its base when it changes
// programmes or the plan's land-contract rules, so a comparison's two sides start from the same
// population (common random numbers); the burn-in's steps draw from streams of negative step
// numbers, apart from the run's.
#include <cmath>

#include "parksim/model/detail/world.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace {

// The scenario before its plan: programmes and events removed, new land under the tenure of the
// contracts signed before the scenario's rules (stock_lease_share), no contract terms; sector
// markets that do not grow, no entry, no relocation between zones and no agglomeration. The
// burn-in is to bring each firm's state to its steady state, not to move the zones' populations:
// with growth, entry onto free land and relocation, three years changed Shanghai's zone x sector
// cells by factors of 0.3 to 3, which the scaling back to the base year would turn into firm
// sizes far from those their fixed costs and thresholds were set for (without them: 0.4 to 2.5).
Scenario pre_start_scenario(const Scenario& sc) {
  Scenario pre = sc;
  pre.programmes.clear();
  pre.events.clear();
  for (auto& s : pre.sectors) s.demand_growth = 0;
  pre.model.entry_rate_per_year = 0;
  pre.model.relocation_rate = 0;
  pre.model.agglomeration_elasticity = 0;
  for (auto& z : pre.zones) {
    z.lease_share = z.stock_lease_share;
    z.lease_then_sell_years = 0;
    z.key_project_term_years = 0;
    z.min_output_per_mu = 0;
    z.low_density_surcharge = 0;
    z.exit_clause_years = 0;
  }
  return pre;
}

// Multiplies a firm's extensive quantities (money, output, labour) by r; land and floor by r too,
// the zone's land factor follows separately.
void scale_firm(Firms& f, std::size_t i, double r) {
  for (auto* col : {&f.capital, &f.cash, &f.debt, &f.line_debt, &f.lease_debt, &f.equity,
                    &f.post_money, &f.round_sales, &f.demand, &f.output, &f.value_added,
                    &f.rd_spend, &f.workers, &f.investment_gap, &f.expansion_project,
                    &f.expansion_gap, &f.output_year, &f.output_last_year, &f.rd_year,
                    &f.local_spend, &f.profit_ytd, &f.rd_deduction_ytd, &f.tax_paid_ytd,
                    &f.tax_month, &f.taxable_last_year, &f.land_owned, &f.land_leased,
                    &f.land_pending, &f.contract_leased, &f.contract_owned, &f.extra_floor})
    (*col)[i] *= r;
  for (auto& vintage : f.tax_loss) vintage[i] *= r;
  f.log_shifter[i] += std::log(r);
}

// Scales each zone x sector cell of the burned-in firms to the base year's output, then each
// zone's land to its land in use. The base year's figure is the yearly rate at the start, as for a
// drawn population: the last pre-start month's output times twelve. Floor per worker follows the
// land so that no firm's land capacity changes.
void scale_to_base_year(World& w) {
  auto& f = w.firms;
  const auto& sc = w.sc;
  const std::size_t Z = sc.zones.size();
  std::vector<double> target(w.cells(), 0.0), burned(w.cells(), 0.0);
  std::vector<double> zone_target(Z, 0.0), zone_burned(Z, 0.0);
  for (std::size_t z = 0; z < Z; ++z)
    for (std::size_t k = 0; k < sc.zones[z].sectors.size(); ++k) {
      target[w.cell(z, std::size_t(sc.sector_index(sc.zones[z].sectors[k])))] =
          sc.zones[z].sector_output[k];
      zone_target[z] += sc.zones[z].sector_output[k];
    }
  for (std::size_t i = 0; i < f.size(); ++i) {
    burned[w.cell(f.zone[i], f.sector[i])] += 12.0 * f.output[i];
    zone_burned[f.zone[i]] += 12.0 * f.output[i];
  }
  // Firms that relocated during the burn-in into a sector the zone had no output in keep their
  // place, scaled like the zone as a whole.
  for (std::size_t z = 0; z < Z; ++z)
    for (std::size_t s = 0; s < sc.sectors.size(); ++s) {
      const std::size_t c = w.cell(z, s);
      if (target[c] <= 0 && burned[c] > 0 && zone_burned[z] > 0)
        target[c] = burned[c] * zone_target[z] / zone_burned[z];
    }
  for (std::size_t i = 0; i < f.size(); ++i) {
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    if (burned[c] > 0) scale_firm(f, i, target[c] / burned[c]);
  }
  std::vector<double> land(sc.zones.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) land[f.zone[i]] += f.land(i) + f.land_pending[i];
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double l = land[f.zone[i]] > 0 ? sc.zones[f.zone[i]].land_used / land[f.zone[i]] : 1.0;
    for (auto* col : {&f.land_owned, &f.land_leased, &f.land_pending, &f.contract_leased,
                      &f.contract_owned, &f.extra_floor, &f.floor_per_worker})
      (*col)[i] *= l;
  }
  for (std::size_t z = 0; z < sc.zones.size(); ++z) w.zones[z].land_used = sc.zones[z].land_used;
}

// Jobs follow the scaled labour: the skilled and leading agents a firm of this size wants.
void rederive_jobs(World& w) {
  auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i)
    w.plan_jobs(i, w.planned_labour(i), f.output_last_year[i], (f.flags[i] & kRdActive) != 0);
}

// The starting world takes the pre-start world's living firms and its sector markets; platform
// ownership built before the start is not carried over (the zones' platforms are the scenario's).
void take_over(World& w, World& pre) {
  w.firms = std::move(pre.firms);
  w.next_firm_id = pre.next_firm_id;
  w.sector_market = pre.sector_market;
  w.sector_frontier = pre.sector_frontier;
  auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.flags[i] &= std::uint16_t(~kPlatformOwner);
    f.events[i] = 0;
    f.exiting[i] = 0;
    f.land_request[i] = f.floor_request[i] = 0;
  }
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (kind_info(w.terms[p].kind).covers_loans) w.programmes[p].covered_debt.assign(f.size(), 0.0);
}

// The starting world takes the pre-start world's talent, who they work for and where they live,
// with each zone's stock set back to the base year's: agents beyond it leave for the outside pool
// (the unemployed first), missing ones arrive from it unemployed, in agent order, zone by zone.
// Firms' counts of skilled and leading talent follow.
void take_talent(World& w, World& pre) {
  auto& t = w.talent;
  t = std::move(pre.talent);
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z)
    for (int level = 0; level < 2; ++level) {
      std::vector<std::size_t> unemployed, employed, outside;
      for (std::size_t a = 0; a < t.size(); ++a) {
        if (t.level[a] != level) continue;
        if (t.zone[a] == kOutside) outside.push_back(a);
        else if (t.zone[a] == z) (t.employer[a] < 0 ? unemployed : employed).push_back(a);
      }
      long excess = long(unemployed.size() + employed.size()) - starting_talent_agents(w, z, level);
      unemployed.insert(unemployed.end(), employed.begin(), employed.end());
      for (std::size_t k = 0; excess > 0 && k < unemployed.size(); ++k, --excess) {
        const std::size_t a = unemployed[k];
        t.zone[a] = kOutside;
        t.employer[a] = -1;
        t.housing[a] = 0;
      }
      for (std::size_t k = 0; excess < 0 && k < outside.size(); ++k, ++excess)
        t.zone[outside[k]] = std::uint8_t(z);
    }
  count_employed_talent(w);
  w.talent_outside = 0;
  for (std::size_t a = 0; a < t.size(); ++a) w.talent_outside += t.zone[a] == kOutside;
}

}  // namespace

void populate(World& w) {
  const int months = 12 * w.sc.model.burn_in_years;
  if (months == 0) {
    draw_population(w, w.sc.info.start);
    return;
  }
  const Scenario pre_scenario = pre_start_scenario(w.sc);
  World pre(pre_scenario, w.key);
  draw_population(pre, w.sc.info.start - months);
  auto schedule = make_schedule();
  for (int k = -months; k < 0; ++k) {  // ends with December's roll-over and compaction
    pre.step = k;
    schedule.run_step(pre);
  }
  take_over(w, pre);
  scale_to_base_year(w);
  rederive_jobs(w);
  allot_initial_platforms(w);
  take_talent(w, pre);
  // Demand as it was in the pre-start world: agglomeration is recomputed with the starting
  // talent and the scaled firms, and the shifters absorb the change.
  const std::vector<double> before = pre.cluster.agglomeration;
  compute_cluster_stats(w);
  const double sigma = w.sc.model.demand_elasticity;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    const std::size_t c = w.cell(w.firms.zone[i], w.firms.sector[i]);
    if (before[c] > 0 && w.cluster.agglomeration[c] > 0)
      w.firms.log_shifter[i] -= (sigma - 1.0) * std::log(w.cluster.agglomeration[c] / before[c]);
  }
}

}  // namespace parksim::model
