// The status phase, each December: high-tech certification, hidden champions and unicorns.
// Hidden champions and unicorns are counted as the plans and their statistics count them
// (docs/ODD.md 7.18.7): MIIT's 单项冠军 criteria and Simon's ceiling for champions, the GEI/Hurun
// definition with round valuations for unicorns.
#include "agents/status.hpp"

#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/certification_rewards.hpp"

namespace parksim::model {

// The last round's post-money moves with the firm's sales since the round (the round's price per
// yuan of sales is kept until the next round sets a new one).
double marked_valuation(const World& w, std::size_t i) {
  const auto& f = w.firms;
  if (f.post_money[i] <= 0 || f.round_sales[i] <= 0) return f.post_money[i];
  return f.post_money[i] * f.output_year[i] / f.round_sales[i];
}

// MIIT 工信部产业〔2016〕105号, 单项冠军示范企业: (1) one narrow segment is >= 70% of revenue,
// met by construction (a model firm sells one product); (2) top three in the segment, i.e. a
// share of the segment's market of at least hidden_champion_share, the segment market growing
// with the sector's demand index; (5) years in the segment; and Simon's revenue ceiling. Listed
// firms count: neither MIIT nor plan 002 (国内外细分市场前三名) excludes them.
bool is_hidden_champion(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& m = w.sc.model;
  const std::size_t s = f.sector[i];
  const double segment_market =
      m.segment_share * w.sc.sectors[s].national_market * w.sector_market[s];
  const double sales = f.output_year[i];
  const double age = (w.month - f.birth[i]) / 12.0;
  return age >= m.hidden_champion_min_years && sales <= m.hidden_champion_max_sales &&
         sales >= m.hidden_champion_share * segment_market;
}

// 长城战略咨询 (GEI): registered in China, founded no more than ten years ago, has received
// private equity (VC) investment, unlisted, valued at USD 1bn or more.
bool is_unicorn(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& m = w.sc.model;
  const double age = (w.month - f.birth[i]) / 12.0;
  return (f.flags[i] & kVcBacked) && !(f.flags[i] & kListed) && age <= m.unicorn_max_age_years &&
         marked_valuation(w, i) >= m.unicorn_valuation;
}

namespace {

std::uint16_t with_flag(std::uint16_t flags, std::uint16_t flag, bool on) {
  return on ? std::uint16_t(flags | flag) : std::uint16_t(flags & ~flag);
}

// Yearly status: high-tech certification (R&D/sales notch by size band; a qualifying firm keeps
// its status, an uncertified one applies and is certified with a chance that a reward raises),
// hidden champions and unicorns.
void update_status(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
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
    f.flags[i] = with_flag(f.flags[i], kHighTech, certified);
    f.flags[i] = with_flag(f.flags[i], kHiddenChampion, is_hidden_champion(w, i));
    f.flags[i] = with_flag(f.flags[i], kUnicorn, is_unicorn(w, i));
  });
  high_tech_reward::pay(w, newly);
}

}  // namespace

// Certification decisions use the whole year's sales and R&D, and show in December's record.
void phase_status(World& w) {
  if (w.is_december()) update_status(w);
}

}  // namespace parksim::model
