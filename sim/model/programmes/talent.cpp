// Talent programmes (talent.hpp).
#include "programmes/talent.hpp"

#include <algorithm>

#include "programmes/programme.hpp"

namespace parksim::model::talent_programmes {

Reward leading_reward(const World& w, std::size_t z) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::LeadingTalentReward))
    if (w.programmes[p].active && w.programmes[p].budget_left && eligible_in_zone(w, p, z)) {
      double r = w.terms[p].rate * w.sc.talent.leading_wage;
      if (w.terms[p].cap_per_year > 0) r = std::min(r, w.terms[p].cap_per_year / 12.0);
      return {int(p), r};
    }
  return {};
}

double arrival_multiplier(const World& w, std::size_t z) {
  double mult = 1.0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::TalentPilot))
    if (w.programmes[p].active && eligible_in_zone(w, p, z)) mult *= 1.0 + w.terms[p].effect;
  return mult;
}

void pay(World& w) {
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const Reward reward = leading_reward(w, z);
    if (reward.programme >= 0) {
      const auto p = std::size_t(reward.programme);
      book(w, p, std::min(reward.per_month * w.zones[z].leading_present, budget_room(w, p)));
    }
    for (const std::size_t p : w.programmes_of(ProgrammeKind::TalentHousing))
      if (w.programmes[p].active && eligible_in_zone(w, p, z))
        book(w, p,
             w.zones[z].housing_used * w.sc.zones[z].market_rent *
                 w.sc.talent.talent_housing_discount);
  }
}

void add_housing_units(World& w, std::size_t p) {
  if (!w.is_january()) return;
  std::size_t eligible = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z) eligible += eligible_in_zone(w, p, z);
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    if (eligible_in_zone(w, p, z))
      w.zones[z].housing_units += double(w.terms[p].units_per_year) / double(eligible);
}

}  // namespace parksim::model::talent_programmes
