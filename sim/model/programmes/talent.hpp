#pragma once
// Talent programmes, document 000 L13-L15: talent housing units added each year (renters, IM
// employees first, pay a discounted rent), a reward for leading talent by regional contribution,
// and the foreign-talent pilot policies that raise arrivals. Talent's own choices are in
// agents/talent.cpp.
#include "parksim/model/detail/world.hpp"

namespace parksim::model::talent_programmes {

struct Reward {
  int programme = -1;
  double per_month = 0.0;  // CNY a leading talent receives per month
};
// The leading-talent reward open in a zone (the first active one with budget left).
Reward leading_reward(const World& w, std::size_t zone);
// Multiplier of expected arrivals in a zone from the pilot policies open there.
double arrival_multiplier(const World& w, std::size_t zone);
// Books this month's rewards to leading talent present and the rent discount of housing in use.
void pay(World& w);
// Calendar hook: each January, the programme's units for the year go to its eligible zones.
void add_housing_units(World& w, std::size_t programme);

}  // namespace parksim::model::talent_programmes
