// The calendar phase: the date, programmes' activity and dated changes of terms, every per-step
// and per-year reset, programmes' monthly hooks, and the growth of sector markets.
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace {

void open_programme_month(World& w, std::size_t p, bool january) {
  auto& st = w.programmes[p];
  for (const auto& change : w.terms[p].changes)
    if (change.at == w.month) apply_change(w.terms[p], change);
  const auto& spec = w.terms[p];
  const auto& info = kind_info(spec.kind);
  st.active = w.month >= spec.from && w.month <= spec.to;
  fold_support_month(w, p);  // last step's payments to firms, before the counters restart
  if (january) st.paid_this_year = 0;
  st.paid_this_step = 0;
  // A risk pool's yearly budget caps its refunds, not the coverage of new loans.
  st.budget_left =
      (info.covers_loans || budget_room(w, p) > 0) && (!info.fund_based || st.fund_left > 0);
  w.award_request[p].assign(st.active ? w.firms.size() : 0, 0.0);
  // Firm slots are renumbered by the December compaction, so the yearly tally restarts then.
  if (january) st.paid_to_firm_this_year.assign(w.firms.size(), 0.0);
  st.paid_to_firm_this_year.resize(w.firms.size(), 0.0);
  if (st.active && info.on_month) info.on_month(w, p);
}

void reset_step_counters(World& w) {
  std::fill(w.entries_cell.begin(), w.entries_cell.end(), 0.0);
  std::fill(w.exits_cell.begin(), w.exits_cell.end(), 0.0);
  w.entries_this_step = 0;
  w.patents_this_step = 0;
  auto& funds = w.funds;
  funds.vc_invested_this_step = funds.guidance_invested_this_step = funds.lease_this_step = 0;
  funds.defaults_this_step = funds.pool_paid_this_step = funds.guarantee_paid_this_step = 0;
  engine::parallel_for(w.firms.size(), [&](std::size_t i) { w.firms.events[i] = 0; });
}

}  // namespace

void phase_calendar(World& w) {
  w.month = w.sc.info.start + w.step;
  const bool january = w.is_january();
  for (std::size_t p = 0; p < w.programmes.size(); ++p) open_programme_month(w, p, january);
  if (january) w.funds.vc_left_this_year = w.sc.funds.vc_capital_per_year;
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s) {
    w.sector_market[s] *= std::exp(w.sc.sectors[s].demand_growth / 12.0);
    w.sector_frontier[s] *= std::exp(w.sc.sectors[s].competitor_productivity_growth / 12.0);
  }
  reset_step_counters(w);
}

}  // namespace parksim::model
