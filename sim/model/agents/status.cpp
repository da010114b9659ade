// The status phase, each December: high-tech certification, hidden champions and unicorns.
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/certification_rewards.hpp"

namespace parksim::model {

namespace {

// Yearly status: high-tech certification (R&D/sales notch by size band; a qualifying firm keeps
// its status, an uncertified one applies and is certified with a chance that a reward raises),
// hidden champions (segment leaders by national market share), unicorns (young unlisted
// VC-backed firms valued over unicorn_valuation).
void update_status(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const double years = (w.month - w.sc.info.start + 1) / 12.0;
  const auto applications = w.streams("high_tech_application");
  std::vector<std::uint8_t> newly(f.size(), 0);
  engine::parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    const double sales = f.output_year[i];
    const double age = (w.month - f.birth[i]) / 12.0;
    const bool qualifies = sales > 0 &&
                           f.rd_year[i] / sales >= high_tech_threshold(m, sales) * 0.999 &&
                           age >= m.high_tech_min_age_years;
    bool certified = qualifies && (f.flags[i] & kHighTech);
    if (qualifies && !certified) {
      const double reward = high_tech_reward::for_first_certification(w, i);
      const double chance = 1.0 - (1.0 - m.high_tech_application_rate) *
                                      std::exp(-reward / m.high_tech_application_cost);
      certified = applications(std::uint64_t(f.id[i])).uniform() < chance;
      newly[i] = certified ? 1 : 0;
    }
    f.flags[i] = certified ? (f.flags[i] | kHighTech) : (f.flags[i] & ~kHighTech);
    const auto& sec = w.sc.sectors[f.sector[i]];
    const double market = sec.national_market * std::pow(1.0 + sec.demand_growth, years);
    const bool champion =
        !(f.flags[i] & kListed) && sales >= m.hidden_champion_share * m.segment_share * market;
    f.flags[i] = champion ? (f.flags[i] | kHiddenChampion) : (f.flags[i] & ~kHiddenChampion);
    const bool unicorn = (f.flags[i] & kVcBacked) && !(f.flags[i] & kListed) &&
                         age < m.unicorn_max_age_years &&
                         m.valuation_sales_multiple * sales >= m.unicorn_valuation;
    f.flags[i] = unicorn ? (f.flags[i] | kUnicorn) : (f.flags[i] & ~kUnicorn);
  });
  high_tech_reward::pay(w, newly);
}

}  // namespace

// Certification decisions use the whole year's sales and R&D, and show in December's record.
void phase_status(World& w) {
  if (w.is_december()) update_status(w);
}

}  // namespace parksim::model
