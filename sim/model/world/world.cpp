// The world of one replication and its starting population.
#include "parksim/model/detail/world.hpp"

#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cmath>

namespace parksim::model {

World::World(const Scenario& scenario, engine::StreamKey stream_key)
    : sc(scenario), key(stream_key) {
  month = sc.info.start;
  const std::size_t Z = sc.zones.size(), S = sc.sectors.size(), P = sc.programmes.size();
  zones.resize(Z);
  for (std::size_t z = 0; z < Z; ++z) {
    zones[z].land_used = sc.zones[z].land_used;
    zones[z].housing_units = sc.zones[z].talent_housing_units;
    zones[z].incubators = sc.zones[z].incubators;
    zones[z].skilled_wage = sc.talent.skilled_wage;
  }
  programmes.resize(P);
  eligibility.assign(P * Z * S, 0);
  for (std::size_t p = 0; p < P; ++p) {
    const auto& spec = sc.programmes[p];
    programmes[p].fund_left = spec.fund_size;
    programmes[p].paid_cell_this_step.assign(Z * S, 0.0);
    programmes[p].support_per_firm_year.assign(Z * S, 0.0);
    for (std::size_t z = 0; z < Z; ++z)
      for (std::size_t s = 0; s < S; ++s) {
        const bool zone_ok = spec.zones.empty() || std::find(spec.zones.begin(), spec.zones.end(),
                                                             sc.zones[z].id) != spec.zones.end();
        const bool sector_ok =
            spec.sectors.empty() || std::find(spec.sectors.begin(), spec.sectors.end(),
                                              sc.sectors[s].id) != spec.sectors.end();
        eligibility[p * Z * S + z * S + s] = zone_ok && sector_ok;
      }
  }
  terms = sc.programmes;
  by_kind_.resize(programme_registry().size());
  for (std::size_t p = 0; p < P; ++p) by_kind_[std::size_t(sc.programmes[p].kind)].push_back(p);
  // Dated changes before the first simulated month are already in force when the run starts.
  for (auto& t : terms)
    for (const auto& change : t.changes)
      if (change.at < sc.info.start) apply_change(t, change);
  anchor_land.assign(sc.events.size(), 0.0);
  award_request.resize(P);
  demand_factor.assign(Z * S, 1.0);
  capacity_factor.assign(Z * S, 1.0);
  platforms.assign(Z * S, 0.0);
  sector_market.assign(S, 1.0);
  sector_frontier.assign(S, 1.0);
  entries_cell.assign(Z * S, 0.0);
  exits_cell.assign(Z * S, 0.0);
  funds.vc_left_this_year = sc.funds.vc_capital_per_year;
}

double high_tech_threshold(const ModelParams& m, double annual_sales) {
  if (annual_sales < m.high_tech_medium_sales) return m.high_tech_rd_threshold_small;
  if (annual_sales < m.high_tech_large_sales) return m.high_tech_rd_threshold_medium;
  return m.high_tech_rd_threshold_large;
}

bool World::below_output_per_mu(std::size_t i) const {
  const auto& zone = sc.zones[firms.zone[i]];
  const double mu = firms.land(i) / units::kSquareMetresPerMu;
  return zone.min_output_per_mu > 0 && mu > 0 &&
         month - firms.birth[i] >= sc.model.output_per_mu_grace_months &&
         firms.output_last_year[i] / mu < zone.min_output_per_mu;
}

bool World::is_sme(std::size_t i) const {
  return firms.output[i] * 12.0 < sc.funds.sme_output_limit;
}

int World::programme_for(ProgrammeKind kind, std::size_t i) const {
  const std::size_t c = cell(firms.zone[i], firms.sector[i]);
  for (const std::size_t p : programmes_of(kind)) {
    const auto& spec = terms[p];
    if (!programmes[p].active || !programmes[p].budget_left) continue;
    if (!eligibility[p * cells() + c]) continue;
    if (spec.sme_only && !is_sme(i)) continue;
    return int(p);
  }
  return -1;
}

void World::pay(std::size_t p, std::size_t i, double amount) {
  if (amount <= 0) return;
  firms.cash[i] += amount;
  programmes[p].paid_cell_this_step[cell(firms.zone[i], firms.sector[i])] += amount;
  book(*this, p, amount);
}

namespace {

// Pareto draws until the cell's output is reached; the last firm takes the remainder.
std::vector<double> draw_sizes(double total, double minimum, double tail, engine::Stream rng) {
  std::vector<double> sizes;
  double left = total;
  boost::random::uniform_01<double> u01;
  while (left > 0) {
    double s = minimum * std::pow(1.0 - u01(rng), -1.0 / tail);
    if (s >= left || left - s < minimum) s = left;
    sizes.push_back(s);
    left -= s;
  }
  return sizes;
}

void add_firm(World& w, std::size_t z, std::size_t s, double annual_output, int origin,
              engine::Stream& rng) {
  const auto& m = w.sc.model;
  const auto& sec = w.sc.sectors[s];
  boost::random::normal_distribution<double> normal;
  boost::random::exponential_distribution<double> expo;
  boost::random::uniform_01<double> u01;
  FirmStart start;
  start.origin = FirmOrigin::Incumbent;
  start.zone = z;
  start.sector = s;
  start.birth_month = origin - int(std::lround(expo(rng) * m.initial_age_mean_years * 12.0));
  const double sd = m.initial_productivity_sd;
  start.productivity = std::exp(sd * normal(rng) - 0.5 * sd * sd);
  start.payback_years = m.payback_median_years * std::exp(m.payback_dispersion * normal(rng));
  start.annual_output = annual_output;
  start.monthly_output = start.first_output = annual_output / 12.0;
  start.capital = sec.capital_output_ratio * annual_output;
  if (u01(rng) < sec.rd_active_share) {
    start.rd_active = true;
    start.rd_intensity = sec.rd_intensity * std::exp(0.5 * normal(rng) - 0.125);
  }
  // Certified at the start if it qualifies and applied successfully in one of the Decembers since
  // it became old enough (the yearly application chance of the status phase).
  const double years_eligible =
      std::floor((origin - start.birth_month) / 12.0 - m.high_tech_min_age_years) + 1.0;
  const bool qualifies =
      start.rd_intensity >= high_tech_threshold(m, annual_output) * 0.999 && years_eligible >= 1.0;
  const bool certified =
      qualifies && u01(rng) < 1.0 - std::pow(1.0 - m.high_tech_application_rate, years_eligible);
  start.volatility = expo(rng);
  const std::size_t i = start_firm(w, start);
  if (certified) w.firms.flags[i] |= kHighTech;
}

// Land used at the start is shared among the zone's firms in proportion to their floor needs. Its
// tenure is that of the contracts signed before the scenario's rules (stock_lease_share): the
// zone's lease_share and full-life-cycle terms apply to new contracts only (003 writes them into
// new land contracts, 纳入土地出让合同), so the starting stock carries no contract land.
void allot_initial_land(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  std::vector<double> need(w.sc.zones.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i)
    need[f.zone[i]] += (f.workers[i] + f.skilled_wanted[i] * w.persons(0)) *
                       m.floor_area_per_worker / w.sc.zones[f.zone[i]].plot_ratio;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const auto& zs = w.sc.zones[f.zone[i]];
    const double own_need = (f.workers[i] + f.skilled_wanted[i] * w.persons(0)) *
                            m.floor_area_per_worker / zs.plot_ratio;
    const double land = need[f.zone[i]] > 0 ? zs.land_used * own_need / need[f.zone[i]] : 0.0;
    f.land_leased[i] = land * zs.stock_lease_share;
    f.land_owned[i] = land - f.land_leased[i];
  }
}

// Talent agents present at the start fill firms' skilled and leading jobs in firm order; an
// outside pool (talent.outside_pool_ratio times as many, at least talent.outside_pool_min_agents)
// stands for the wider labour market that supplies arrivals. Firms' skilled and leading counts
// follow.
void populate_talent(World& w) {
  auto& t = w.talent;
  const auto& zs = w.sc.zones;
  std::size_t inside = 0;
  for (std::size_t z = 0; z < zs.size(); ++z)
    inside += std::size_t(starting_talent_agents(w, z, 0) + starting_talent_agents(w, z, 1));
  const auto& tp = w.sc.talent;
  const std::size_t outside =
      std::max(std::size_t(tp.outside_pool_min_agents),
               std::size_t(std::ceil(tp.outside_pool_ratio * double(inside))));
  t.resize(inside + outside);
  std::size_t a = 0;
  auto trait = w.streams("talent_trait");
  for (std::size_t z = 0; z < zs.size(); ++z)
    for (int level = 0; level < 2; ++level) {
      const int n = starting_talent_agents(w, z, level);
      for (int k = 0; k < n; ++k, ++a) {
        t.level[a] = std::uint8_t(level);
        t.zone[a] = std::uint8_t(z);
      }
    }
  w.talent_outside = double(t.size() - a);
  for (; a < t.size(); ++a) {
    auto rng = trait(a);
    t.level[a] = rng.uniform() < w.sc.talent.leading_share ? 1 : 0;
    t.zone[a] = kOutside;
  }
  for (std::size_t k = 0; k < t.size(); ++k) {
    auto rng = trait(k);
    rng.uniform();
    t.renter[k] = rng.uniform() < w.sc.talent.housing_need_share;
    t.foreign[k] = rng.uniform() < (t.level[k] == 1 ? w.sc.talent.foreign_share_leading
                                                    : w.sc.talent.foreign_share_skilled);
    t.employer[k] = -1;
  }
  // Initial employment: per zone, agents in index order fill firms in index order.
  const std::size_t Z = zs.size();
  std::vector<std::size_t> cursor(Z * 2, 0);
  std::vector<std::vector<std::size_t>> pool(Z * 2);
  for (std::size_t k = 0; k < t.size(); ++k)
    if (t.zone[k] != kOutside) pool[t.zone[k] * 2 + t.level[k]].push_back(k);
  auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    for (int level = 0; level < 2; ++level) {
      const int want = level == 0 ? f.skilled_wanted[i] : f.leading_wanted[i];
      auto& list = pool[f.zone[i] * 2 + level];
      auto& c = cursor[f.zone[i] * 2 + level];
      for (int k = 0; k < want && c < list.size(); ++k) t.employer[list[c++]] = int(i);
    }
  }
  count_employed_talent(w);
}

}  // namespace

int starting_talent_agents(const World& w, std::size_t zone, int level) {
  // Zone counts are persons; skilled agents may stand for several.
  const auto& z = w.sc.zones[zone];
  return level == 0 ? int(std::lround(z.skilled_talent / w.persons(0))) : z.leading_talent;
}

void count_employed_talent(World& w) {
  auto& f = w.firms;
  const auto& t = w.talent;
  std::fill(f.skilled.begin(), f.skilled.end(), 0);
  std::fill(f.leading.begin(), f.leading.end(), 0);
  for (std::size_t a = 0; a < t.size(); ++a)
    if (t.employer[a] >= 0) {
      auto& count = t.level[a] == 0 ? f.skilled : f.leading;
      ++count[std::size_t(t.employer[a])];
    }
}

// Platforms present at the start (labs, engineering centres, public test centres) go to the zone's
// sectors in proportion to their output, by largest remainder.
void allot_initial_platforms(World& w) {
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z) {
    const auto& zone = w.sc.zones[z];
    double total = 0;
    for (double out : zone.sector_output) total += out;
    if (zone.platforms <= 0 || total <= 0) continue;
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t k = 0; k < zone.sectors.size(); ++k) {
      const double share = zone.platforms * zone.sector_output[k] / total;
      const std::size_t c = w.cell(z, std::size_t(w.sc.sector_index(zone.sectors[k])));
      w.platforms[c] = std::floor(share);
      given += int(std::floor(share));
      remainders.push_back({share - std::floor(share), c});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t r = 0; given < zone.platforms && r < remainders.size(); ++r, ++given)
      w.platforms[remainders[r].second] += 1;
  }
}

void draw_population(World& w, int origin) {
  const auto& m = w.sc.model;
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z) {
    const auto& zone = w.sc.zones[z];
    for (std::size_t k = 0; k < zone.sectors.size(); ++k) {
      const std::size_t s = std::size_t(w.sc.sector_index(zone.sectors[k]));
      auto size_rng = w.streams("initial_sizes")(w.cell(z, s));
      const double min_output =
          w.sc.sectors[s].min_output > 0 ? w.sc.sectors[s].min_output : m.initial_min_output;
      for (double size :
           draw_sizes(zone.sector_output[k], min_output, m.initial_size_tail, size_rng)) {
        auto rng = w.streams("initial_firm")(std::uint64_t(w.next_firm_id));
        add_firm(w, z, s, size, origin, rng);
      }
    }
  }
  allot_initial_land(w);
  allot_initial_platforms(w);
  populate_talent(w);
  // Demand shifters chosen so that each firm's demand under today's productivity and
  // agglomeration equals its starting output.
  auto& f = w.firms;
  compute_cluster_stats(w);
  for (std::size_t i = 0; i < f.size(); ++i) {
    const double g = w.cluster.agglomeration[w.cell(f.zone[i], f.sector[i])];
    f.log_shifter[i] =
        std::log(f.demand[i]) - (m.demand_elasticity - 1.0) * std::log(f.productivity[i] * g);
  }
}

}  // namespace parksim::model
