#pragma once
// Talent programmes, document 000 L13-L15 (and 002-004's talent lines of the same kinds): talent
// housing units added each year, a reward for employed leading talent by its regional economic
// contribution, and the foreign-talent pilot that lowers the entry barrier of foreign and returnee
// talent. Talent's own choices, which see these as money, are in agents/talent.cpp.
#include <cstdint>
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::talent_programmes {

// Leading-talent reward (L14), worked out once a month from last month's firms.
struct LeadingRewards {
  std::vector<int> programme;      // [firm slot] reward programme paying its leaders (-1 none)
  std::vector<double> per_leader;  // [firm slot] CNY per month each of its leaders receives
  std::vector<double> expected;    // [zone] CNY per month a leading talent can expect there
};
LeadingRewards leading_rewards(const World& w);

// [zone x sector]: whether renters employed by firms of the cell come first for talent housing.
std::vector<std::uint8_t> housing_priority(const World& w);

// Utility (logit) units by which the pilots open in a zone raise the arrival chance of foreign
// and returnee talent: reward_sensitivity x foreign_entry_barrier x share of the barrier removed.
double barrier_relief(const World& w, std::size_t zone);

// Books this month's leading-talent rewards (CNY per programme, from agents employed after the
// month's moves) within budgets, and the rent discount of the housing programmes' own units in use.
void pay(World& w, const std::vector<double>& rewards_by_programme);

// Housing units a programme has added to a zone so far.
double programme_units_in_zone(const World& w, std::size_t programme, std::size_t zone);

// Calendar hook: each January, the programme's units for the year go to its eligible zones.
void add_housing_units(World& w, std::size_t programme);

}  // namespace parksim::model::talent_programmes
