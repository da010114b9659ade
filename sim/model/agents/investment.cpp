// Investment plans and projects: capacity (replacement or expansion, floor and land), smart
// retrofits, platforms, acquisitions and listings, each with the support programmes offer it.
#include <algorithm>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/land.hpp"
#include "programmes/land_terms.hpp"
#include "programmes/programme.hpp"
#include "programmes/projects.hpp"

namespace parksim::model {

using engine::parallel_for;

static void plan_capacity(World& w, std::size_t i) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto& sec = w.sc.sectors[f.sector[i]];
  const auto& zone = w.sc.zones[f.zone[i]];
  const double capacity = f.capital[i] / (sec.capital_output_ratio * 12.0);
  const double target = f.demand[i] * (1.0 + m.capacity_buffer);
  if (capacity >= target) return;
  double invest = (target - capacity) * sec.capital_output_ratio * 12.0;
  invest =
      std::min(invest, m.investment_max_share *
                           std::max(f.capital[i], sec.capital_output_ratio * 12.0 * f.demand[i]));
  // L6 (000 line 40) supports an industrialisation project, not every month's capital: the
  // month's expansion is a project if it is large enough (projects.cpp); the firm counts the
  // project's capped share of its amount in the payback of expanding.
  const int project = projects::industrialisation_project(w, i, invest);
  const double subsidy_rate = projects::industrialisation_share(w, project, invest);
  // Replacing worn-out capital needs no appraisal; expansion must pay back within the firm's
  // horizon; output-per-mu terms (land_terms.hpp) change its margin by the surcharge it would pay
  // on the added output and the one it escapes by reaching a better class.
  const double margin =
      std::max(0.01, marginal_margin(w, f.sector[i]) +
                         land_terms::expansion_margin_change(w, i, f.demand[i], target));
  const double payback = (1.0 - subsidy_rate) * sec.capital_output_ratio / margin;
  const bool expand = payback <= f.payback[i];
  if (!expand) invest = std::min(invest, m.depreciation_rate / 12.0 * f.capital[i]);
  // Floor space: the new capacity needs floor; build up on the firm's own land where a plot-ratio
  // programme allows it, ask for parcels for the rest, and invest only as far as floor allows.
  const double workers_after = 12.0 * target / f.output_per_worker[i];
  const double floor_needed = workers_after * f.floor_per_worker[i];
  double floor_short = floor_needed - w.floor_area(i) - f.land_pending[i] * zone.plot_ratio;
  if (expand && floor_short > 0) floor_short -= plot_ratio::raise(w, i, floor_short);
  if (expand && floor_short > 0) {
    f.land_request[i] = std::ceil(floor_short / zone.plot_ratio / m.parcel_size) * m.parcel_size;
    f.floor_request[i] = floor_short;  // what standard-factory floor would do instead (land.cpp)
  }
  const double land_capacity =
      w.floor_area(i) / f.floor_per_worker[i] * f.output_per_worker[i] / 12.0;
  invest =
      std::min(invest, std::max(0.0, land_capacity - capacity) * sec.capital_output_ratio * 12.0);
  if (invest <= 0) return;
  const double from_cash = std::clamp(
      f.cash[i] - m.cash_buffer_months * f.output[i] * m.cash_buffer_cost_share, 0.0, invest);
  f.cash[i] -= from_cash;
  f.capital[i] += from_cash;
  f.investment_gap[i] = invest - from_cash;
  // The project is what the firm decided and installs this month, whatever finances it (cash
  // now, loans and leases in the credit phase); it claims its support once, in the awards phase.
  if (expand) projects::start_expansion_project(w, i, invest, from_cash);
}

static void consider_retrofit(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  // Smart retrofits are factory projects: firms in non-industrial zones (offices) do none.
  if ((f.flags[i] & kRetrofitted) || rng.uniform() >= m.retrofit_consideration_rate / 12.0 ||
      !w.sc.zones[f.zone[i]].industrial)
    return;
  const double cost = m.retrofit_cost_share * f.capital[i];
  const double sigma = m.demand_elasticity;
  const double gain = 12.0 * f.output[i] *
                      (std::pow(1.0 + m.retrofit_productivity_gain, sigma - 1.0) - 1.0) *
                      marginal_margin(w, f.sector[i]);
  const double local_share =
      std::min(1.0, m.local_supplier_share + projects::local_share_extra(w, i));
  const auto support = projects::retrofit_support(w, i, cost, local_share * cost);
  const Offer& retrofit = support.retrofit;
  const Offer& demonstration = support.demonstration;
  const double net =
      std::max(m.retrofit_min_own_share * cost, cost - retrofit.amount - demonstration.amount);
  if (gain <= 0 || !accept_payback(w, i, net / gain, rng.uniform())) return;
  f.productivity[i] *= 1.0 + m.retrofit_productivity_gain;
  f.flags[i] |= kRetrofitted;
  f.events[i] |= kEventRetrofit;
  const double from_cash = std::clamp(f.cash[i], 0.0, cost);
  f.cash[i] -= from_cash;
  f.investment_gap[i] += cost - from_cash;
  claim(w, retrofit, i);
  claim(w, demonstration, i);
  f.local_spend[i] = cost * local_share;
}

static void consider_platform(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!(f.flags[i] & kRdActive) || (f.flags[i] & kPlatformOwner)) return;
  if (f.output[i] * 12.0 < m.platform_min_firm_output) return;
  if (rng.uniform() >= m.platform_consideration_rate / 12.0) return;
  const Offer build = offer_share(w, ProgrammeKind::PlatformConstruction, i, m.platform_cost);
  const double capex = m.platform_cost - build.amount;
  double rent_cost = m.platform_rent_per_year;
  rent_cost -= projects::platform_rent_covered(w, i, rent_cost);
  const double cost = capex + rent_cost * m.platform_value_years;
  const double value = m.platform_value_years * 12.0 * f.rd_spend[i];
  if (!(rng.uniform() < logistic((value / std::max(cost, 1.0) - 1.0) / m.choice_noise))) return;
  f.events[i] |= kEventPlatform;
  f.flags[i] |= kPlatformOwner;
  f.investment_gap[i] += m.platform_cost;
  claim(w, build, i);
}

static void consider_acquisition(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!w.sc.sectors[f.sector[i]].intelligent_manufacturing) return;
  if (rng.uniform() >= m.ma_consideration_rate / 12.0) return;
  const double acquired_sales = m.ma_acquired_share * f.output[i] * 12.0;
  const double deal = acquired_sales * m.ma_deal_sales_multiple;
  if (f.cash[i] < m.ma_min_cash_share * deal) return;
  const Offer subsidy = offer_share(w, ProgrammeKind::BrandMA, i, deal);
  const double gain = acquired_sales * marginal_margin(w, f.sector[i]);
  if (!accept_payback(w, i, (deal - subsidy.amount) / gain, rng.uniform())) return;
  f.events[i] |= kEventAcquisition;
  f.log_shifter[i] += std::log1p(m.ma_acquired_share);
  const double from_cash = std::min(f.cash[i], deal);
  f.cash[i] -= from_cash;
  f.investment_gap[i] += deal - from_cash;
  claim(w, subsidy, i);
}

static void consider_listing(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if ((f.flags[i] & kListed) || f.output[i] * 12.0 < m.listing_min_output) return;
  if (rng.uniform() >= m.listing_consideration_rate / 12.0) return;
  const Offer bonus = projects::listing_bonus(w, i);
  const double cost = m.listing_cost - bonus.amount;
  const double raise = m.listing_raise_share * f.output[i] * 12.0;
  const double value = m.listing_value_rate * raise;  // a year's interest saved on the raise
  if (!(rng.uniform() < logistic((value - cost) / (m.choice_noise * m.listing_cost)))) return;
  f.events[i] |= kEventListing;
  f.flags[i] |= kListed;
  f.flags[i] &= std::uint16_t(~kUnicorn);
  f.cash[i] += raise - m.listing_cost;
  f.equity[i] += raise;
  claim(w, bonus, i);
}

void phase_investment(World& w) {
  auto& f = w.firms;
  const auto streams = w.streams("projects");
  parallel_for(f.size(), [&](std::size_t i) {
    f.investment_gap[i] = 0.0;
    f.expansion_programme[i] = -1;
    f.expansion_project[i] = 0.0;
    f.expansion_gap[i] = 0.0;
    f.land_request[i] = 0.0;
    f.floor_request[i] = 0.0;
    f.local_spend[i] = 0.0;
    if (!f.alive[i]) return;
    auto rng = streams(std::uint64_t(f.id[i]));
    plan_capacity(w, i);
    consider_retrofit(w, i, rng);
    consider_platform(w, i, rng);
    consider_acquisition(w, i, rng);
    consider_listing(w, i, rng);
  });
}

}  // namespace parksim::model
