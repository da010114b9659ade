// Talent: arrivals from outside, departures and moves between zones by wage, housing cost and
// rewards; talent housing handed out to renters. Programmes that act here: programmes/talent.cpp.
#include <algorithm>
#include <array>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/talent.hpp"
#include "programmes/talent_services.hpp"

namespace parksim::model {

using engine::parallel_blocks;

namespace {

// What a renter of a zone can count on from talent housing: by priority class (0: employed by a
// priority cell, 1: everyone else), renters and housed renters in persons; and by level, employed
// persons and those employed by priority cells (the chance a newcomer's job brings priority).
struct HousingView {
  double renters[2] = {0, 0}, housed[2] = {0, 0};
  double employed[2] = {0, 0}, employed_priority[2] = {0, 0};
};

std::vector<HousingView> housing_views(const World& w, const std::vector<std::uint8_t>& priority) {
  const auto& t = w.talent;
  const auto& f = w.firms;
  const std::size_t Z = w.zones.size();
  constexpr std::size_t kBins = 8;
  const auto sums = engine::binned_sum(t.size(), Z * kBins, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside) return;
    const std::size_t base = t.zone[a] * kBins;
    const double n = w.persons(t.level[a]);
    const int e = t.employer[a];
    const bool prio = e >= 0 && priority[w.cell(f.zone[std::size_t(e)], f.sector[std::size_t(e)])];
    if (t.renter[a]) {
      add(base + (prio ? 0 : 1), n);
      if (t.housing[a]) add(base + 2 + (prio ? 0 : 1), n);
    }
    if (e >= 0) {
      add(base + 4 + t.level[a], n);
      if (prio) add(base + 6 + t.level[a], n);
    }
  });
  std::vector<HousingView> out(Z);
  for (std::size_t z = 0; z < Z; ++z) {
    const double* x = sums.data() + z * kBins;
    out[z] = {{x[0], x[1]}, {x[2], x[3]}, {x[4], x[5]}, {x[6], x[7]}};
  }
  return out;
}

// Document 000 L13 ("每年安排一定数量的…人才公寓,优先用于支持智能制造人才") and 003
// ("增加青年…人才公寓 供应,降低青年人才生活成本"): housing lowers what living in a zone costs those
// who can get a unit. A renter coming to zone z expects the rent saving x chance of a unit; the
// chance is the share of the zone's renters of its priority class who live in one now (units are
// finite: a full zone offers only what turnover frees), weighted by the chance its job is with a
// priority cell. Non-renters save nothing. CNY per month.
double expected_housing_saving(const World& w, const HousingView& v, std::size_t z, int level) {
  const double free = w.zones[z].housing_units - w.zones[z].housing_used;
  double chance[2];
  for (int c = 0; c < 2; ++c)
    chance[c] = v.renters[c] > 0 ? v.housed[c] / v.renters[c] : (free >= 1 ? 1.0 : 0.0);
  const double prio_share =
      v.employed[level] > 0 ? v.employed_priority[level] / v.employed[level] : 0.0;
  const double p = prio_share * chance[0] + (1 - prio_share) * chance[1];
  return p * w.sc.talent.talent_housing_discount * w.sc.zones[z].market_rent;
}

struct ZoneChoice {
  double leave[2][2];      // [level][housed] monthly hazard of leaving before rewards (uncapped)
  double utility[2][2];    // [level][renter] of a newcomer (arrival or mover)
  double arrive[2][2][2];  // [level][renter][foreign] chance an outside agent arrives here
  double expected_reward;  // CNY/month a leading talent can expect here (L14)
};

struct Choices {
  std::vector<ZoneChoice> zones;
  double arrive_any[2][2][2];               // [level][renter][foreign] chance of arriving anywhere
  std::vector<double> firm_reward;          // [firm slot] CNY/month each of its leaders receives
  std::vector<int> firm_programme;          // [firm slot] the reward programme paying it (-1 none)
  talent_services::ServiceValues services;  // settlement places and craftsman awards
};

// Expected arrivals of a level in zone z before the appeal of money, and people drawn by jobs
// left unfilled last month (net of its job seekers).
// Skilled: a flow proportional to the zone's skilled talent (its networks in the wider labour
// market). Leading: an outside supply (ODD 7.4) that does not depend on how many stayed — the
// zone's starting stock times its base leaving hazard (`base_hazard`: no housing, no rewards), so
// that with no policy the starting stock is stationary, growing along the national supply path
// (talent.leading_supply_growth) and scaled by talent.leading_inflow_scale. A flow proportional to
// leading talent present would make the stock grow or vanish exponentially by construction.
struct ArrivalFlow {
  double by_supply, by_jobs;
};
ArrivalFlow arrival_flow(const World& w, std::size_t z, int level, double base_hazard) {
  const auto& tp = w.sc.talent;
  const auto& zs = w.zones[z];
  const double open_jobs = std::max(0.0, zs.vacancies[level] - (level == 0 ? zs.unemployed : 0.0));
  const double by_jobs = tp.arrivals_per_open_job * open_jobs;
  if (level == 0) {
    const double present = zs.talent_present - zs.leading_present;
    return {tp.arrival_rate * std::max(present, tp.arrival_min_skilled_present), by_jobs};
  }
  const double base =
      std::max(double(w.sc.zones[z].leading_talent), tp.arrival_min_leading_present);
  const double years = double(w.step) / 12.0;
  const double supply = std::pow(1.0 + tp.leading_supply_growth, years);
  return {tp.leading_inflow_scale * base_hazard * base * supply, by_jobs};
}

// Money enters every location decision the same way: rewards and barrier relief with weight
// reward_sensitivity, housing cost and its saving with housing_cost_sensitivity, both / wage.
// `services` ([level], CNY/month: a newcomer's expected settlement place and craftsman award)
// count like rewards in arrivals; they are city-wide or tied to the job, so moves between zones
// do not weigh them.
void fill_zone(const World& w, std::size_t z, const HousingView& view, double reward, double relief,
               const double services[2], const double pool[2], ZoneChoice& c) {
  const auto& tp = w.sc.talent;
  const double rent = w.sc.zones[z].market_rent;
  c.expected_reward = reward;
  for (int level = 0; level < 2; ++level) {
    const double wage = level == 0 ? w.zones[z].skilled_wage : tp.leading_wage;
    const double bonus = level == 1 ? tp.reward_sensitivity * reward / wage : 0.0;
    const double saving = expected_housing_saving(w, view, z, level);
    for (int housed = 0; housed < 2; ++housed) {
      const double cost = rent * (housed ? 1.0 - tp.talent_housing_discount : 1.0);
      c.leave[level][housed] =
          tp.leaving_rate *
          std::exp(tp.housing_cost_sensitivity * (cost / wage - tp.housing_cost_reference_share));
    }
    const auto flow = arrival_flow(w, z, level, std::min(tp.leaving_hazard_cap, c.leave[level][0]));
    for (int renter = 0; renter < 2; ++renter) {
      const double housing = tp.housing_cost_sensitivity * renter * saving / wage;
      c.utility[level][renter] =
          std::log(wage) - tp.housing_cost_sensitivity * rent / wage + housing + bonus;
      const double pull = tp.reward_sensitivity * services[level] / wage;
      const double expected = flow.by_supply * std::exp(bonus + housing + pull) + flow.by_jobs;
      for (int foreign = 0; foreign < 2; ++foreign)
        c.arrive[level][renter][foreign] =
            expected * (foreign ? std::exp(relief) : 1.0) / std::max(pool[level], 1.0);
    }
  }
}

// Outside agents of each level now. A level's expected arrivals are shared among the outside
// agents of that level (dividing by the whole pool would cut leading arrivals to
// talent.leading_share of what the flow says).
std::array<double, 2> outside_by_level(const World& w) {
  const auto& t = w.talent;
  const auto n = engine::binned_sum(t.size(), 2, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside) add(t.level[a], 1.0);
  });
  return {n[0], n[1]};
}

Choices zone_choices(const World& w, const std::vector<std::uint8_t>& priority) {
  const std::size_t Z = w.zones.size();
  const auto pool = outside_by_level(w);
  auto rewards = talent_programmes::leading_rewards(w);
  const auto views = housing_views(w, priority);
  Choices out;
  out.zones.resize(Z);
  out.services = talent_services::service_values(w);
  const auto& sv = out.services;
  for (std::size_t z = 0; z < Z; ++z) {
    const double services[2] = {sv.newcomer_settlement[z * 2] + sv.newcomer_craftsman[z],
                                sv.newcomer_settlement[z * 2 + 1]};
    fill_zone(w, z, views[z], rewards.expected[z], talent_programmes::barrier_relief(w, z),
              services, pool.data(), out.zones[z]);
  }
  out.firm_reward = std::move(rewards.per_leader);
  out.firm_programme = std::move(rewards.programme);
  // Probabilities of an outside agent arriving somewhere sum to at most arrival_probability_cap
  // per class of agent.
  const double cap = w.sc.talent.arrival_probability_cap;
  for (int level = 0; level < 2; ++level)
    for (int renter = 0; renter < 2; ++renter)
      for (int foreign = 0; foreign < 2; ++foreign) {
        double total = 0;
        for (const auto& c : out.zones) total += c.arrive[level][renter][foreign];
        if (total > cap)
          for (auto& c : out.zones) c.arrive[level][renter][foreign] *= cap / total;
        out.arrive_any[level][renter][foreign] = std::min(total, cap);
      }
  return out;
}

// Talent housing: renters without a unit take free units, priority employees first (document
// 000 L13: IM talent; talent_programmes::housing_priority), then everyone else.
void allocate_housing(World& w, const std::vector<std::uint8_t>& priority) {
  auto& t = w.talent;
  std::vector<double> free(w.zones.size());
  bool any = false;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    free[z] = std::floor(w.zones[z].housing_units - w.zones[z].housing_used);
    any = any || free[z] > 0;
  }
  if (!any) return;
  double left = 0;
  for (double x : free) left += std::max(x, 0.0);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t a = 0; a < t.size() && left > 0; ++a) {
      const auto z = t.zone[a];
      if (z == kOutside || t.housing[a] || !t.renter[a] || free[z] <= 0) continue;
      const int e = t.employer[a];
      const bool first =
          e >= 0 && priority[w.cell(w.firms.zone[std::size_t(e)], w.firms.sector[std::size_t(e)])];
      if (pass == 0 && !first) continue;
      const double need = w.persons(t.level[a]);  // one unit per person the agent stands for
      if (free[z] < need) continue;
      t.housing[a] = 1;
      free[z] -= need;
      left -= need;
      w.zones[z].housing_used += need;
    }
}

// Monthly hazard of leaving the area for an agent in zone z: rewards count as money for leading
// talent (its own employer's reward; a job seeker the zone's expected reward).
double leaving_hazard(const World& w, std::size_t a, const Choices& choice) {
  const auto& t = w.talent;
  const auto& tp = w.sc.talent;
  const auto& c = choice.zones[t.zone[a]];
  const int level = t.level[a];
  double hazard = c.leave[level][t.housing[a]];
  if (level == 1) {
    const int e = t.employer[a];
    const double reward = e >= 0 ? choice.firm_reward[std::size_t(e)] : c.expected_reward;
    if (reward > 0) hazard *= std::exp(-tp.reward_sensitivity * reward / tp.leading_wage);
  }
  // A settlement place and the chance of a craftsman award are money kept by staying.
  const double kept = talent_services::stay_value(w, a, choice.services);
  if (kept > 0) {
    const double wage = level == 0 ? w.zones[t.zone[a]].skilled_wage : tp.leading_wage;
    hazard *= std::exp(-tp.reward_sensitivity * kept / wage);
  }
  // A skilled job seeker is out of work; a leading talent without a firm job is usually at a
  // university, an institute or a start-up of its own (talent.leading_unattached_leaving_multiple).
  const double jobless =
      level == 0 ? tp.unemployed_leaving_multiple : tp.leading_unattached_leaving_multiple;
  return std::min(tp.leaving_hazard_cap, hazard) * (t.employer[a] < 0 ? jobless : 1.0);
}

// One agent's monthly location decision, given its shared uniform u: outside agents may arrive in
// a zone; agents in a zone may leave the area or move to another zone (and so lose job and unit).
void move_one(World& w, std::size_t a, double u, const Choices& choice,
              const engine::DecisionStreams& destinations) {
  auto& t = w.talent;
  const std::size_t Z = w.zones.size();
  const int level = t.level[a], renter = t.renter[a];
  if (t.zone[a] == kOutside) {
    const int foreign = t.foreign[a];
    if (u >= choice.arrive_any[level][renter][foreign]) return;  // most of the pool stays out
    double acc = 0;
    for (std::size_t z = 0; z < Z; ++z) {
      acc += choice.zones[z].arrive[level][renter][foreign];
      if (u < acc) {
        t.zone[a] = std::uint8_t(z);
        return;
      }
    }
    return;
  }
  const auto z = t.zone[a];
  const double leave = leaving_hazard(w, a, choice);
  if (u < leave) {
    t.zone[a] = kOutside;
    t.settled[a] = 0;  // a settlement place is of use in the area only
  } else if (u < leave + w.sc.talent.move_rate && Z > 1) {
    // Move to another zone chosen by logit on a newcomer's utility there.
    const auto& zc = choice.zones;
    double total = 0;
    for (std::size_t k = 0; k < Z; ++k)
      if (k != z) total += std::exp(zc[k].utility[level][renter] - zc[z].utility[level][renter]);
    const double pick = destinations(a).uniform() * total;
    double acc = 0;
    for (std::size_t k = 0; k < Z; ++k) {
      if (k == z) continue;
      acc += std::exp(zc[k].utility[level][renter] - zc[z].utility[level][renter]);
      if (pick < acc) {
        t.zone[a] = std::uint8_t(k);
        break;
      }
    }
  } else {
    return;
  }
  t.employer[a] = -1;
  t.housing[a] = 0;
}

}  // namespace

void phase_talent(World& w) {
  auto& t = w.talent;
  const std::size_t Z = w.zones.size(), P = w.programmes.size();
  const auto priority = talent_programmes::housing_priority(w);
  const auto choice = zone_choices(w, priority);
  const auto destinations = w.streams("talent_destination");
  const std::uint64_t move_decision = engine::decision_id("talent_move");
  // One generator call serves four agents (engine::shared_uniforms4); blocks start at multiples
  // of 4.
  parallel_blocks(t.size(), [&](std::size_t begin, std::size_t end) {
    double quad[4];
    for (std::size_t a = begin; a < end; ++a) {
      if ((a & 3) == 0 || a == begin)
        engine::shared_uniforms4(w.key, move_decision, std::uint32_t(w.step), a >> 2, quad);
      move_one(w, a, quad[a & 3], choice, destinations);
    }
  });
  // Recount housing in use and the outside pool after moves, and the rewards owed to leaders
  // still employed (bins Z + 1 + p: programme p), then hand out free units.
  const auto counts = engine::binned_sum(t.size(), Z + 1 + P, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside) {
      add(Z, 1.0);
      return;
    }
    if (t.housing[a]) add(t.zone[a], w.persons(t.level[a]));
    const int e = t.employer[a];
    if (t.level[a] == 1 && e >= 0 && choice.firm_reward[std::size_t(e)] > 0)
      add(Z + 1 + std::size_t(choice.firm_programme[std::size_t(e)]),
          choice.firm_reward[std::size_t(e)]);
  });
  for (std::size_t z = 0; z < Z; ++z) w.zones[z].housing_used = counts[z];
  w.talent_outside = counts[Z];
  allocate_housing(w, priority);
  talent_programmes::pay(w,
                         std::vector<double>(counts.begin() + std::ptrdiff_t(Z + 1), counts.end()));
  talent_services::place_interns(w);
  talent_services::grant_places(w);
  talent_services::book_school_places(w);
}

}  // namespace parksim::model
