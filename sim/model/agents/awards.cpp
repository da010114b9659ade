// The awards phase: every programme's award requests of this step (one per project, capped per
// project) cleared by rank within its yearly budget, and paid; then the programmes that pay
// monthly (platform rent, L5) or on local spending (local procurement, L16). Also the tally of
// this step's projects.
#include <algorithm>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/programme.hpp"
#include "programmes/projects.hpp"

namespace parksim::model {

namespace {

// Caps are per project ("最高…万元" in documents 000-004 is per project, audit X2), not per firm
// and year: every claim is one project's (a retrofit, a platform, a deal, a first-unit contract,
// a lease contract, a month's industrialisation project) and a firm claims at most one project
// of a kind in a step, so the cap bounds what a firm asks of a programme in the step (claims are
// already capped when made, capped_share; for first-unit insurance it bounds a month's refund).
// Then a budget that runs out rations the claims by rank (MODEL_NOTES: "a budget that runs out
// rations applicants by a fixed ranking rule"), the last one served partly.
void clear_requests(World& w, std::size_t p, const std::vector<double>& priority) {
  auto& asked = w.award_request[p];
  const double cap = w.terms[p].cap;
  auto& tally = w.programmes[p].paid_to_firm_this_year;
  if (cap > 0)
    for (double& a : asked) a = std::min(a, cap);
  const auto requests = engine::collect_requests(asked, priority);
  const auto grants = engine::clear_by_rank(requests, budget_room(w, p), engine::Partial::Allowed);
  for (std::size_t k = 0; k < requests.size(); ++k) {
    w.pay(p, requests[k].agent, grants[k]);
    tally[requests[k].agent] += grants[k];
  }
}

}  // namespace

void phase_awards(World& w) {
  auto& f = w.firms;
  // Requests are ranked by productivity, then firm slot.
  const std::vector<double>& priority = f.productivity;
  projects::claim_industrialisation(w);
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (!w.award_request[p].empty()) clear_requests(w, p, priority);
  projects::pay_platform_rent(w);
  // Local procurement and retrofits become demand for the zone's IM suppliers: a month's local
  // spending joins the zone's order backlog, of which 1/local_delivery_months is delivered (and is
  // demand in production) each month, so every yuan spent is delivered in time (delivered + backlog
  // = spent; mean delivery lag local_delivery_months). L16 ("在使用临港自主智能制造产品…也有相应的
  // 扶持政策") redirects buyers' own money to local suppliers; a programme with a `rate` pays that
  // price preference to the buyer on its local spending (projects::pay_local_procurement).
  const auto spend = engine::binned_sum(f.size(), w.zones.size(), [&](std::size_t i, auto& add) {
    if (f.alive[i] && f.local_spend[i] > 0) add(f.zone[i], f.local_spend[i]);
  });
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    auto& zone = w.zones[z];
    zone.local_backlog += spend[z];
    zone.local_demand = zone.local_backlog / w.sc.model.local_delivery_months;
    zone.local_backlog -= zone.local_demand;
    zone.local_spent_total += spend[z];
    zone.local_delivered_total += zone.local_demand;
  }
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && f.local_spend[i] > 0) projects::pay_local_procurement(w, i, f.local_spend[i]);
}

void phase_tally(World& w) {
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    if (f.events[i] & kEventInnovation) w.patents_this_step += w.sc.model.patents_per_innovation;
    if (f.events[i] & kEventPlatform) w.platforms[w.cell(f.zone[i], f.sector[i])] += 1;
    if (f.events[i] & kEventRetrofit) w.retrofits += 1;
    if (f.events[i] & kEventFirstUnit) w.first_units += 1;
  }
}

}  // namespace parksim::model
