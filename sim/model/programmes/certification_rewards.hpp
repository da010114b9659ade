#pragma once
// Rewards for a first high-tech certification (district policies on top of the national regime):
// a reward widens the R&D top-up a firm below the notch finds worth making, and raises the chance
// that a qualifying firm applies; it is paid in December to newly certified firms.
#include <cstdint>
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::high_tech_reward {

// The reward a not-yet-certified firm would get (0 if none open to it or already certified).
double for_first_certification(const World& w, std::size_t firm);
// Pays the reward to firms certified for the first time this December, in firm order while the
// budget lasts.
void pay(World& w, const std::vector<std::uint8_t>& newly_certified);

}  // namespace parksim::model::high_tech_reward
