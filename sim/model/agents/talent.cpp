// Talent: arrivals from outside, departures and moves between zones by wage, housing cost and
// rewards; talent housing handed out to renters. Programmes that act here: programmes/talent.cpp.
#include <algorithm>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/talent.hpp"

namespace parksim::model {

using engine::parallel_blocks;

namespace {

struct ZoneChoice {
  double leave[2][2];    // [level][in talent housing] monthly hazard of leaving the area
  double utility[2];     // [level]
  double arrive[2];      // [level] probability an outside agent arrives here this month
  double arrive_any[2];  // [level] probability of arriving anywhere (same in every entry)
};

std::vector<ZoneChoice> zone_choices(const World& w, double outside_pool) {
  const auto& tp = w.sc.talent;
  std::vector<ZoneChoice> out(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const double reward = talent_programmes::leading_reward(w, z).per_month;
    const double rent = w.sc.zones[z].market_rent;
    for (int level = 0; level < 2; ++level) {
      const double wage = level == 0 ? w.zones[z].skilled_wage : tp.leading_wage;
      const double bonus = level == 1 ? tp.reward_sensitivity * reward / wage : 0.0;
      for (int housed = 0; housed < 2; ++housed) {
        const double cost = rent * (housed ? 1.0 - tp.talent_housing_discount : 1.0);
        out[z].leave[level][housed] = std::min(
            tp.leaving_hazard_cap,
            tp.leaving_rate * std::exp(tp.housing_cost_sensitivity *
                                           (cost / wage - tp.housing_cost_reference_share) -
                                       bonus));
      }
      out[z].utility[level] = std::log(wage) - tp.housing_cost_sensitivity * rent / wage + bonus;
      // Arrivals: a flow proportional to the zone's talent and its appeal, plus people drawn by
      // jobs left unfilled last month (net of the zone's own job seekers).
      const double open_jobs =
          std::max(0.0, w.zones[z].vacancies[level] - (level == 0 ? w.zones[z].unemployed : 0.0));
      const double present = level == 0 ? w.zones[z].talent_present - w.zones[z].leading_present
                                        : w.zones[z].leading_present;
      const double expected = (tp.arrival_rate *
                                   std::max(present, level == 0 ? tp.arrival_min_skilled_present
                                                                : tp.arrival_min_leading_present) *
                                   std::exp(bonus) +
                               tp.arrivals_per_open_job * open_jobs) *
                              talent_programmes::arrival_multiplier(w, z);
      out[z].arrive[level] = expected / std::max(outside_pool, 1.0);
    }
  }
  // Probabilities of an outside agent arriving somewhere sum to at most arrival_probability_cap
  // per level.
  const double cap = tp.arrival_probability_cap;
  for (int level = 0; level < 2; ++level) {
    double total = 0;
    for (const auto& c : out) total += c.arrive[level];
    if (total > cap)
      for (auto& c : out) c.arrive[level] *= cap / total;
    for (auto& c : out) c.arrive_any[level] = std::min(total, cap);
  }
  return out;
}

// Talent housing: renters without a unit take free units, IM employees first (document 000 L13).
void allocate_housing(World& w) {
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
      const bool im =
          t.employer[a] >= 0 &&
          w.sc.sectors[w.firms.sector[std::size_t(t.employer[a])]].intelligent_manufacturing;
      if (pass == 0 && !im) continue;
      const double need = w.persons(t.level[a]);  // one unit per person the agent stands for
      if (free[z] < need) continue;
      t.housing[a] = 1;
      free[z] -= need;
      left -= need;
      w.zones[z].housing_used += need;
    }
}

// One agent's monthly location decision, given its shared uniform u: outside agents may arrive in
// a zone; agents in a zone may leave the area or move to another zone (and so lose job and unit).
void move_one(World& w, std::size_t a, double u, const std::vector<ZoneChoice>& choice,
              const engine::DecisionStreams& destinations) {
  auto& t = w.talent;
  const std::size_t Z = w.zones.size();
  const int level = t.level[a];
  if (t.zone[a] == kOutside) {
    if (u >= choice[0].arrive_any[level]) return;  // most of the outside pool stays outside
    double acc = 0;
    for (std::size_t z = 0; z < Z; ++z) {
      acc += choice[z].arrive[level];
      if (u < acc) {
        t.zone[a] = std::uint8_t(z);
        return;
      }
    }
    return;
  }
  const auto z = t.zone[a];
  const double leave = choice[z].leave[level][t.housing[a]] *
                       (t.employer[a] < 0 ? w.sc.talent.unemployed_leaving_multiple : 1.0);
  if (u < leave) {
    t.zone[a] = kOutside;
  } else if (u < leave + w.sc.talent.move_rate && Z > 1) {
    // Move to another zone chosen by logit on utility.
    double total = 0;
    for (std::size_t k = 0; k < Z; ++k)
      if (k != z) total += std::exp(choice[k].utility[level] - choice[z].utility[level]);
    const double pick = destinations(a).uniform() * total;
    double acc = 0;
    for (std::size_t k = 0; k < Z; ++k) {
      if (k == z) continue;
      acc += std::exp(choice[k].utility[level] - choice[z].utility[level]);
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
  const std::size_t Z = w.zones.size();
  const auto choice = zone_choices(w, w.talent_outside);
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
  // Recount housing in use and the outside pool after moves, then hand out free units.
  const auto counts = engine::binned_sum(t.size(), Z + 1, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside)
      add(Z, 1.0);
    else if (t.housing[a])
      add(t.zone[a], w.persons(t.level[a]));
  });
  for (std::size_t z = 0; z < Z; ++z) w.zones[z].housing_used = counts[z];
  w.talent_outside = counts[Z];
  allocate_housing(w);
  talent_programmes::pay(w);
}

}  // namespace parksim::model
