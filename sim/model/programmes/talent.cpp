// Talent programmes (talent.hpp).
#include "programmes/talent.hpp"

#include <algorithm>

#include "programmes/programme.hpp"

namespace parksim::model::talent_programmes {

namespace {

// A leader's contribution (CNY/month): its employer's value added times the leader's share of the
// firm's wage bill, the usual attribution of value added to the people paid to create it. Document
// 000 line 44 rewards "视其个人区域经济贡献" (by personal regional economic contribution) without a
// formula; wage-share attribution ties the reward to what the leader's firm adds to the region.
// A firm without a leader yet counts the first one it would hire.
double leader_contribution(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& t = w.sc.talent;
  const double leaders = std::max(1, f.leading[i]);
  const double wage_bill = t.general_wage * f.workers[i] +
                           w.zones[f.zone[i]].skilled_wage * f.skilled[i] * w.persons(0) +
                           t.leading_wage * leaders;
  return wage_bill > 0 ? f.value_added[i] * t.leading_wage / wage_bill : 0.0;
}

}  // namespace

// Document 000 line 44: "对领军型智能制造人才,视其个人区域经济贡献给予奖励". Only leaders employed
// by a firm of an eligible cell (the programme's sectors: IM in Lingang) are paid: rate x
// contribution, within cap_per_year / 12. What a leading talent expects in a zone is the reward
// of its leading jobs times the chance of holding an eligible one (eligible jobs / the larger of
// all leading jobs and the leaders present): money that reaches leaders there, not a headline.
LeadingRewards leading_rewards(const World& w) {
  const auto& f = w.firms;
  const std::size_t Z = w.zones.size();
  LeadingRewards r;
  r.programme.assign(f.size(), -1);
  r.per_leader.assign(f.size(), 0.0);
  r.expected.assign(Z, 0.0);
  if (w.programmes_of(ProgrammeKind::LeadingTalentReward).empty()) return r;
  std::vector<double> jobs(Z, 0.0), paid_jobs(Z, 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    jobs[f.zone[i]] += f.leading_wanted[i];
    const int p = w.programme_for(ProgrammeKind::LeadingTalentReward, i);
    if (p < 0) continue;
    const auto& terms = w.terms[std::size_t(p)];
    double reward = terms.rate * leader_contribution(w, i);
    if (terms.cap_per_year > 0) reward = std::min(reward, terms.cap_per_year / 12.0);
    r.programme[i] = p;
    r.per_leader[i] = reward;
    paid_jobs[f.zone[i]] += f.leading_wanted[i] * reward;
  }
  for (std::size_t z = 0; z < Z; ++z)
    r.expected[z] = paid_jobs[z] / std::max({jobs[z], w.zones[z].leading_present, 1.0});
  return r;
}

// Document 000 L13 gives IM talent priority ("优先用于支持智能制造人才"); a housing programme's
// `sectors` name whose employees come first in the zones where it has added units. Zones where no
// programme has added any keep their own units for IM employees first (the default of 000): a
// programme that builds nothing changes no one's priority.
std::vector<std::uint8_t> housing_priority(const World& w) {
  const std::size_t Z = w.zones.size(), S = w.sc.sectors.size();
  std::vector<std::uint8_t> prio(Z * S, 0);
  const auto& housing = w.programmes_of(ProgrammeKind::TalentHousing);
  std::vector<std::size_t> built;  // the housing programmes with units in the zone
  for (std::size_t z = 0; z < Z; ++z) {
    built.clear();
    for (const std::size_t p : housing)
      if (programme_units_in_zone(w, p, z) > 0) built.push_back(p);
    for (std::size_t s = 0; s < S; ++s) {
      const std::size_t c = w.cell(z, s);
      if (built.empty()) {
        prio[c] = w.sc.sectors[s].intelligent_manufacturing;
        continue;
      }
      for (const std::size_t p : built) prio[c] = prio[c] || w.eligibility[p * w.cells() + c];
    }
  }
  return prio;
}

// Document 000 line 44: "先行先试上海市、浦东新区人才改革试验区关于外籍人才的相关政策" (004:
// "加快海外 人才联络机制建设"). The pilots lower the entry barrier of foreign and returnee talent
// only; two pilots in a zone remove 1 - (1 - e1)(1 - e2) of it.
double barrier_relief(const World& w, std::size_t z) {
  double kept = 1.0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::TalentPilot))
    if (w.programmes[p].active && eligible_in_zone(w, p, z))
      kept *= 1.0 - std::clamp(w.terms[p].effect, 0.0, 1.0);
  const auto& t = w.sc.talent;
  return t.reward_sensitivity * t.foreign_entry_barrier * (1.0 - kept);
}

double programme_units_in_zone(const World& w, std::size_t p, std::size_t z) {
  if (!eligible_in_zone(w, p, z)) return 0.0;
  std::size_t eligible = 0;
  for (std::size_t k = 0; k < w.zones.size(); ++k) eligible += eligible_in_zone(w, p, k);
  return w.programmes[p].units / double(eligible);
}

// A housing programme pays the discount on its own units in use: the units in use beyond the
// zone's own stock (zones.*.talent_housing_units, there before the programme and not paid by it),
// up to the units it added, programmes in scenario order. Its units go on being let at the
// discount after its last month, so the discount is booked as long as they are in use.
void pay(World& w, const std::vector<double>& rewards_by_programme) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::LeadingTalentReward))
    book(w, p, std::min(rewards_by_programme[p], budget_room(w, p)));
  const double discount = w.sc.talent.talent_housing_discount;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    double beyond_own =
        std::max(0.0, w.zones[z].housing_used - double(w.sc.zones[z].talent_housing_units));
    for (const std::size_t p : w.programmes_of(ProgrammeKind::TalentHousing)) {
      const double in_use = std::min(beyond_own, programme_units_in_zone(w, p, z));
      beyond_own -= in_use;
      book(w, p, in_use * w.sc.zones[z].market_rent * discount);
    }
  }
}

void add_housing_units(World& w, std::size_t p) {
  if (!w.is_january()) return;
  std::size_t eligible = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) eligible += eligible_in_zone(w, p, z);
  if (eligible == 0) return;
  const double units = double(w.terms[p].units_per_year);
  w.programmes[p].units += units;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (eligible_in_zone(w, p, z)) w.zones[z].housing_units += units / double(eligible);
}

}  // namespace parksim::model::talent_programmes
