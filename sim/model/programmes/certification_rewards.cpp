// High-tech certification rewards (certification_rewards.hpp).
#include "programmes/certification_rewards.hpp"

#include <algorithm>

#include "programmes/programme.hpp"

namespace parksim::model::high_tech_reward {

double for_first_certification(const World& w, std::size_t i) {
  if (w.firms.flags[i] & kHighTech) return 0.0;
  const int p = w.programme_for(ProgrammeKind::HighTechReward, i);
  return p >= 0 ? w.terms[std::size_t(p)].amount : 0.0;
}

void pay(World& w, const std::vector<std::uint8_t>& newly) {
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    if (!newly[i]) continue;
    if (const int p = w.programme_for(ProgrammeKind::HighTechReward, i); p >= 0)
      w.pay(std::size_t(p), i,
            std::min(w.terms[std::size_t(p)].amount, budget_room(w, std::size_t(p))));
  }
}

}  // namespace parksim::model::high_tech_reward
