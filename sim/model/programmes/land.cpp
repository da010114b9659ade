// Plot-ratio increases and approval reforms (land.hpp).
#include "programmes/land.hpp"

#include <algorithm>

#include "agents/firm_choice.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::plot_ratio {

double raise(World& w, std::size_t i, double floor_short) {
  auto& f = w.firms;
  const int p = w.programme_for(ProgrammeKind::PlotRatioIncrease, i);
  if (p < 0) return 0.0;
  const auto& zone = w.sc.zones[f.zone[i]];
  const double room = f.land(i) * (zone.plot_ratio_cap - zone.plot_ratio) - f.extra_floor[i];
  const double add = std::min(floor_short, room);
  if (add <= 0) return 0.0;
  const double premium =
      add * zone.land_price / zone.plot_ratio * w.sc.model.plot_ratio_premium_share;
  const double waived = capped_share(w.terms[p], premium);
  // The added floor must pay back its net premium within the firm's horizon; the premium is paid
  // in full and the waived part refunded, so the firm needs the cash up front.
  const double yearly_margin =
      add / f.floor_per_worker[i] * f.output_per_worker[i] * marginal_margin(w, f.sector[i]);
  if ((premium - waived) > f.payback[i] * yearly_margin || f.cash[i] < premium) return 0.0;
  f.cash[i] -= premium;
  claim(w, std::size_t(p), i, waived);  // refunded in the awards phase while the budget lasts
  f.extra_floor[i] += add;
  return add;
}

}  // namespace parksim::model::plot_ratio

namespace parksim::model::approval_reform {

int approval_months(const World& w, std::size_t i) {
  int months = w.sc.zones[w.firms.zone[i]].approval_months;
  const int p = w.programme_for(ProgrammeKind::ApprovalReform, i);
  if (p >= 0) months = std::min(months, w.terms[std::size_t(p)].approval_months);
  return std::max(1, months);
}

}  // namespace parksim::model::approval_reform
