// Firm decisions: R&D and innovation, investment plans and programme applications, production,
// exit and entry. Parallel loops write only to their own firm's slots; anything shared (budgets,
// land, counters) is settled afterwards in a sequential, ranked pass.
#include <algorithm>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"

namespace parksim::model {

using engine::parallel_for;

namespace {

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Cash margin on an extra unit of revenue (value added less wages): what pays a project back.
double marginal_margin(const World& w, std::size_t s) {
  const auto& sec = w.sc.sectors[s];
  const auto& t = w.sc.talent;
  const double wage_per_worker =
      sec.skilled_share * t.skilled_wage + (1 - sec.skilled_share) * t.general_wage;
  const double wage_share = 12.0 * wage_per_worker / sec.labour_productivity;
  return std::max(0.01, sec.value_added_share - wage_share);
}

double spec_rate(const World& w, int p) { return std::max(1e-9, w.terms[p].rate); }

double age_years(const World& w, std::size_t i) { return (w.month - w.firms.birth[i]) / 12.0; }

// Accept a project whose payback beats the firm's own threshold, with logit noise.
bool accept_payback(const World& w, std::size_t i, double payback, double u) {
  const double threshold = w.firms.payback[i];
  return u < logistic((threshold - payback) / (w.sc.model.choice_noise * threshold));
}

double award(const ProgrammeSpec& p, double base) {
  const double a = p.rate * base;
  return p.cap > 0 ? std::min(a, p.cap) : a;
}

}  // namespace

// ------------------------------------------------------------------ R&D and innovation

static double choose_rd_intensity(World& w, std::size_t i) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!(f.flags[i] & kRdActive)) return 0.0;
  double expected_return = 0.0;  // subsidy per unit of innovation value, what raises R&D
  if (int p = w.programme_for(ProgrammeKind::FirstUnitGrant, i); p >= 0)
    expected_return += w.terms[p].rate * m.first_unit_sale_probability;
  if (int p = w.programme_for(ProgrammeKind::FirstUnitInsurance, i); p >= 0)
    expected_return +=
        w.terms[p].rate * (m.first_unit_insured_probability - m.first_unit_sale_probability);
  double nu = f.rd_base[i] * (1.0 + m.rd_subsidy_response * expected_return);
  // Bunching at the certification notch: a firm below the threshold tops up to it when the extra
  // R&D costs less than the status is worth a year (plus a third of any reward for a first
  // certification: a certificate runs three years).
  const double sales = f.output[i] * 12.0;
  const double thr = high_tech_threshold(m, sales);
  if (nu < thr && age_years(w, i) >= m.high_tech_min_age_years && sales > 0) {
    double worth = m.high_tech_status_value * sales;
    if (!(f.flags[i] & kHighTech))
      if (int p = w.programme_for(ProgrammeKind::HighTechReward, i); p >= 0)
        worth += w.terms[p].amount / 3.0;
    if ((thr * 1.02 - nu) * sales <= worth) nu = thr * 1.02;
  }
  return nu;
}

static void first_unit_event(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const double contract = m.first_unit_contract_share * f.output[i] * 12.0;
  const double margin = marginal_margin(w, f.sector[i]);
  const int grant = w.programme_for(ProgrammeKind::FirstUnitGrant, i);
  const int insurance = w.programme_for(ProgrammeKind::FirstUnitInsurance, i);
  // The firm takes whichever of grant (L1) or insurance (L2) is worth more; they are alternatives.
  const double grant_amount = grant >= 0 ? award(w.terms[grant], contract) : 0.0;
  const double value_plain = m.first_unit_sale_probability * (contract * margin + grant_amount);
  double premium_subsidy = 0.0, value_insured = -1.0;
  if (insurance >= 0) {
    const auto& spec = w.terms[insurance];
    const double premium = std::min(m.first_unit_premium_rate,
                                    spec.premium_rate_cap > 0 ? spec.premium_rate_cap : 1.0) *
                           contract;
    premium_subsidy = spec.rate * premium;
    value_insured =
        m.first_unit_insured_probability * contract * margin - (premium - premium_subsidy);
  }
  const bool insured = value_insured > value_plain;
  const double p_sale = insured ? m.first_unit_insured_probability : m.first_unit_sale_probability;
  if (rng.uniform() >= p_sale) return;
  f.flags[i] |= kFirstUnit;
  f.events[i] |= kEventFirstUnit;
  f.log_shifter[i] += std::log1p(m.first_unit_contract_share);
  if (insured) {
    const int years = std::max(1, w.terms[insurance].years);
    f.insured_months[i] = 12 * years;
    f.insured_premium[i] =
        premium_subsidy / spec_rate(w, insurance) / 12.0;  // market premium per month
  } else if (grant >= 0) {
    w.award_request[grant][i] += grant_amount;
  }
}

void phase_innovation(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto streams = w.streams("innovation");
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    auto rng = streams(std::uint64_t(f.id[i]));
    const double nu = choose_rd_intensity(w, i);
    f.rd_intensity[i] = nu;
    f.rd_spend[i] = nu * f.output[i];
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    const double boost = (1.0 + m.leading_talent_innovation_boost * std::min(f.leading[i], 3)) *
                         (1.0 + m.platform_innovation_boost * std::min(w.platforms[c], 5.0));
    const double u_innovate = rng.uniform(), u_imitate = rng.uniform(), u_step = rng.uniform();
    if (u_innovate < 1.0 - std::exp(-m.innovation_rate * nu * boost)) {
      boost::random::beta_distribution<double> beta(m.innovation_beta_a, m.innovation_beta_b);
      const double x = m.innovation_step_max * beta(rng);
      f.productivity[i] *= 1.0 + x;
      if (f.output[i] * 12.0 >= m.patent_min_output) f.events[i] |= kEventInnovation;
      if (x >= m.breakthrough_threshold && w.sc.sectors[f.sector[i]].intelligent_manufacturing)
        first_unit_event(w, i, rng);
    }
    // Imitation closes part of the gap to the cluster's output-weighted mean productivity: laggards
    // learn from the typical neighbour, not instantly from the frontier firm.
    if (u_imitate < 1.0 - std::exp(-m.imitation_rate * nu * boost)) {
      const double target = w.cluster.mean_productivity[c];
      if (target > f.productivity[i]) f.productivity[i] += u_step * (target - f.productivity[i]);
    }
    boost::random::normal_distribution<double> normal;
    const double sd = m.productivity_shock_sd / std::sqrt(12.0);
    f.productivity[i] *= std::exp(sd * normal(rng) - 0.5 * sd * sd);
    if (f.insured_months[i] > 0) {
      if (int p = w.programme_for(ProgrammeKind::FirstUnitInsurance, i); p >= 0)
        w.award_request[p][i] += w.terms[p].rate * f.insured_premium[i];
      --f.insured_months[i];
    }
  });
}

// ------------------------------------------------------------------ investment and projects

// Plot-ratio increase on the firm's own land (003: 存量工业用地提高容积率): up to the zone's cap,
// paying the premium on the added floor, part of which the programme waives (booked as its cost).
// Returns the floor added (m2).
static double raise_plot_ratio(World& w, std::size_t i, double floor_short) {
  auto& f = w.firms;
  const int p = w.programme_for(ProgrammeKind::PlotRatioIncrease, i);
  if (p < 0) return 0.0;
  const auto& zone = w.sc.zones[f.zone[i]];
  const double room = f.land(i) * (zone.plot_ratio_cap - zone.plot_ratio) - f.extra_floor[i];
  const double add = std::min(floor_short, room);
  if (add <= 0) return 0.0;
  const double premium =
      add * zone.land_price / zone.plot_ratio * w.sc.model.plot_ratio_premium_share;
  const double waived = award(w.terms[p], premium);
  // The added floor must pay back its net premium within the firm's horizon; the premium is paid
  // in full and the waived part refunded, so the firm needs the cash up front.
  const auto& sec = w.sc.sectors[f.sector[i]];
  const double yearly_margin = add / w.sc.model.floor_area_per_worker * sec.labour_productivity *
                               marginal_margin(w, f.sector[i]);
  if ((premium - waived) > f.payback[i] * yearly_margin || f.cash[i] < premium) return 0.0;
  f.cash[i] -= premium;
  w.award_request[p][i] += waived;  // refunded in the awards phase while the budget lasts
  f.extra_floor[i] += add;
  return add;
}

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
  const int ind = w.programme_for(ProgrammeKind::Industrialisation, i);
  const double subsidy_rate = ind >= 0 && sec.strategic_emerging ? w.terms[ind].rate : 0.0;
  // Replacing worn-out capital needs no appraisal; expansion must pay back within the firm's
  // horizon.
  const double payback =
      (1.0 - subsidy_rate) * sec.capital_output_ratio / marginal_margin(w, f.sector[i]);
  const bool expand = payback <= f.payback[i];
  if (!expand) invest = std::min(invest, m.depreciation_rate / 12.0 * f.capital[i]);
  // Floor space: the new capacity needs floor; build up on the firm's own land where a plot-ratio
  // programme allows it, ask for parcels for the rest, and invest only as far as floor allows.
  const double workers_after = 12.0 * target / sec.labour_productivity;
  const double floor_needed = workers_after * m.floor_area_per_worker;
  double floor_short = floor_needed - w.floor_area(i) - f.land_pending[i] * zone.plot_ratio;
  if (expand && floor_short > 0) floor_short -= raise_plot_ratio(w, i, floor_short);
  if (expand && floor_short > 0)
    f.land_request[i] = std::ceil(floor_short / zone.plot_ratio / m.parcel_size) * m.parcel_size;
  const double land_capacity =
      w.floor_area(i) / m.floor_area_per_worker * sec.labour_productivity / 12.0;
  invest =
      std::min(invest, std::max(0.0, land_capacity - capacity) * sec.capital_output_ratio * 12.0);
  if (invest <= 0) return;
  const double from_cash =
      std::clamp(f.cash[i] - m.cash_buffer_months * f.output[i] * 0.2, 0.0, invest);
  f.cash[i] -= from_cash;
  f.capital[i] += from_cash;
  f.investment_gap[i] = invest - from_cash;
  // The subsidy follows capital actually installed: here the cash-financed part, in the credit
  // phase the part financed by loans and leases (install_capital).
  if (expand && ind >= 0 && sec.strategic_emerging) {
    f.expansion_programme[i] = ind;
    w.award_request[ind][i] += award(w.terms[ind], from_cash);
  }
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
  const int retro = w.programme_for(ProgrammeKind::SmartRetrofit, i);
  const int demo = w.programme_for(ProgrammeKind::DemoApplication, i);
  const double s7 = retro >= 0 ? award(w.terms[retro], cost) : 0.0;
  const double s3 = demo >= 0 ? award(w.terms[demo], cost) : 0.0;
  const double net = std::max(0.2 * cost, cost - s7 - s3);
  if (gain <= 0 || !accept_payback(w, i, net / gain, rng.uniform())) return;
  f.productivity[i] *= 1.0 + m.retrofit_productivity_gain;
  f.flags[i] |= kRetrofitted;
  f.events[i] |= kEventRetrofit;
  const double from_cash = std::clamp(f.cash[i], 0.0, cost);
  f.cash[i] -= from_cash;
  f.investment_gap[i] += cost - from_cash;
  if (retro >= 0) w.award_request[retro][i] += s7;
  if (demo >= 0) w.award_request[demo][i] += s3;
  double local_share = m.local_supplier_share;
  if (int p = w.programme_for(ProgrammeKind::LocalProcurement, i); p >= 0)
    local_share += w.terms[p].effect;
  f.local_spend[i] = cost * std::min(1.0, local_share);
}

static void consider_platform(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!(f.flags[i] & kRdActive) || (f.flags[i] & kPlatformOwner)) return;
  if (f.output[i] * 12.0 < m.platform_min_firm_output) return;
  if (rng.uniform() >= m.platform_consideration_rate / 12.0) return;
  const int build = w.programme_for(ProgrammeKind::PlatformConstruction, i);
  const int rent = w.programme_for(ProgrammeKind::PlatformRent, i);
  const double capex =
      m.platform_cost - (build >= 0 ? award(w.terms[build], m.platform_cost) : 0.0);
  double rent_cost = m.platform_rent_per_year;
  if (rent >= 0) {
    const auto& spec = w.terms[rent];
    double covered = spec.rate * rent_cost;
    if (spec.cap_per_year > 0) covered = std::min(covered, spec.cap_per_year);
    rent_cost -= covered;
  }
  const double cost = capex + rent_cost * m.platform_value_years;
  const double value = m.platform_value_years * 12.0 * f.rd_spend[i];
  if (!(rng.uniform() < logistic((value / std::max(cost, 1.0) - 1.0) / m.choice_noise))) return;
  f.events[i] |= kEventPlatform;
  f.flags[i] |= kPlatformOwner;
  f.investment_gap[i] += m.platform_cost;
  if (build >= 0) w.award_request[build][i] += award(w.terms[build], m.platform_cost);
}

static void consider_acquisition(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!w.sc.sectors[f.sector[i]].intelligent_manufacturing) return;
  if (rng.uniform() >= m.ma_consideration_rate / 12.0) return;
  const double acquired_sales = m.ma_acquired_share * f.output[i] * 12.0;
  const double deal = acquired_sales * m.ma_deal_sales_multiple;
  if (f.cash[i] < 0.5 * deal) return;
  const int ma = w.programme_for(ProgrammeKind::BrandMA, i);
  const double subsidy = ma >= 0 ? award(w.terms[ma], deal) : 0.0;
  const double gain = acquired_sales * marginal_margin(w, f.sector[i]);
  if (!accept_payback(w, i, (deal - subsidy) / gain, rng.uniform())) return;
  f.events[i] |= kEventAcquisition;
  f.log_shifter[i] += std::log1p(m.ma_acquired_share);
  const double from_cash = std::min(f.cash[i], deal);
  f.cash[i] -= from_cash;
  f.investment_gap[i] += deal - from_cash;
  if (ma >= 0) w.award_request[ma][i] += subsidy;
}

static void consider_listing(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if ((f.flags[i] & kListed) || f.output[i] * 12.0 < m.listing_min_output) return;
  if (rng.uniform() >= m.listing_consideration_rate / 12.0) return;
  const int bonus = w.programme_for(ProgrammeKind::ListingBonus, i);
  const double cost = m.listing_cost - (bonus >= 0 ? w.terms[bonus].amount : 0.0);
  const double raise = m.listing_raise_share * f.output[i] * 12.0;
  const double value = 0.02 * raise;  // a year's interest saved on the equity raised
  if (!(rng.uniform() < logistic((value - cost) / (m.choice_noise * m.listing_cost)))) return;
  f.events[i] |= kEventListing;
  f.flags[i] |= kListed;
  f.flags[i] &= std::uint16_t(~kUnicorn);
  f.cash[i] += raise - m.listing_cost;
  f.equity[i] += raise;
  if (bonus >= 0) w.award_request[bonus][i] += w.terms[bonus].amount;
}

void phase_investment(World& w) {
  auto& f = w.firms;
  const auto streams = w.streams("projects");
  parallel_for(f.size(), [&](std::size_t i) {
    f.investment_gap[i] = 0.0;
    f.expansion_programme[i] = -1;
    f.land_request[i] = 0.0;
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

// ------------------------------------------------------------------ production

void phase_production(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto& t = w.sc.talent;
  const auto shocks = w.streams("demand_shock");
  const auto regimes = w.streams("volatility_regime");
  const bool new_year = w.is_january();
  // Local IM suppliers share last step's local spending in proportion to their output.
  std::vector<double> im_output(w.sc.zones.size(), 0.0);
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z)
    for (std::size_t s = 0; s < w.sc.sectors.size(); ++s)
      if (w.sc.sectors[s].intelligent_manufacturing) im_output[z] += w.cluster.output[w.cell(z, s)];
  const double sigma = m.demand_elasticity;
  // Loans under a risk pool with a guarantee share pay the guarantee company's fee on that share
  // (losses are settled by the first risk pool, see settle_risk_pool).
  double guarantee_fee = 0.0;
  for (const auto& spec : w.terms)
    if (spec.kind == ProgrammeKind::RiskPool) {
      guarantee_fee = spec.guarantee_share * w.sc.funds.guarantee_fee;
      break;
    }
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    const auto z = f.zone[i];
    const auto s = f.sector[i];
    const auto& sec = w.sc.sectors[s];
    const auto& zone = w.sc.zones[z];
    auto rng = shocks(std::uint64_t(f.id[i]));
    if (new_year) {
      auto r = regimes(std::uint64_t(f.id[i]));
      f.volatility[i] = boost::random::exponential_distribution<double>()(r);
    }
    // Demand: shifter random walk whose variance falls with size; Exp(1) yearly regimes make
    // annual growth a Gaussian scale mixture, i.e. Laplace-shaped.
    const double size_ratio = std::max(f.output[i] * 12.0, 1e4) / m.reference_firm_output;
    const double sd = m.demand_volatility * std::sqrt(f.volatility[i] / 12.0) *
                      std::pow(size_ratio, -m.volatility_size_elasticity);
    boost::random::normal_distribution<double> normal;
    f.log_shifter[i] += sd * normal(rng) - 0.5 * sd * sd;
    const std::size_t c = w.cell(z, s);
    double demand = w.demand_factor[c] * std::exp(f.log_shifter[i]) * w.sector_market[s] *
                    std::pow(f.productivity[i] * w.cluster.agglomeration[c] / w.sector_frontier[s],
                             sigma - 1.0);
    if (sec.intelligent_manufacturing && im_output[z] > 0)
      demand += w.zones[z].local_demand * f.output[i] / im_output[z];
    // Capacity: capital, skilled talent and floor space each bound what can be produced.
    const double per_worker = sec.labour_productivity / 12.0;
    const double cap_k = f.capital[i] / (sec.capital_output_ratio * 12.0);
    // Missing talent cuts capacity; general workers stand in at 40% effectiveness (assumption).
    const double talent_wanted = double(f.skilled_wanted[i] + f.leading_wanted[i]);
    const double talent_met =
        talent_wanted > 0 ? std::min(1.0, (f.skilled[i] + f.leading[i]) / talent_wanted) : 1.0;
    const double staff = f.workers[i] + f.skilled_wanted[i] * w.persons(0) + f.leading_wanted[i];
    const double cap_l = staff * per_worker * (0.4 + 0.6 * talent_met);
    const double cap_land = w.floor_area(i) / m.floor_area_per_worker * per_worker;
    const double q =
        std::max(0.0, std::min(demand, w.capacity_factor[c] * std::min({cap_k, cap_l, cap_land})));
    f.demand[i] = demand;
    f.output[i] = q;
    f.value_added[i] = q * sec.value_added_share;
    // Costs and cash.
    const double wages = t.general_wage * f.workers[i] +
                         w.zones[z].skilled_wage * f.skilled[i] * w.persons(0) +
                         t.leading_wage * f.leading[i];
    const double assets =
        f.capital[i] + f.land_owned[i] * zone.land_price + std::max(f.cash[i], 0.0);
    const double leverage = assets > 0 ? std::min(1.0, f.debt[i] / assets) : 1.0;
    const double bank_debt = f.debt[i] - f.lease_debt[i];
    const double interest =
        ((w.sc.funds.bank_rate + w.sc.funds.bank_risk_premium * leverage) * bank_debt +
         m.leasing_rate * f.lease_debt[i] + guarantee_fee * f.pool_debt[i]) /
        12.0;
    // A firm in an incubator place pays no land rent and part of its overheads while young.
    const bool incubated = (f.flags[i] & kIncubated) && age_years(w, i) < m.incubation_years;
    double land_cost = incubated ? 0.0 : zone.land_rent * f.land_leased[i];
    const double overheads =
        m.fixed_cost_per_year / 12.0 * (incubated ? 1.0 - m.incubator_cost_relief : 1.0);
    if (w.below_output_per_mu(i))
      land_cost += zone.low_density_surcharge * zone.land_rent * f.land(i);
    const double platform_rent =
        (f.flags[i] & kPlatformOwner) ? m.platform_rent_per_year / 12.0 : 0.0;
    const double premium = f.insured_months[i] > 0 ? f.insured_premium[i] : 0.0;
    const double depreciation = m.depreciation_rate / 12.0 * f.capital[i];
    f.capital[i] -= depreciation;
    f.cash[i] += f.value_added[i] - wages - interest - land_cost - overheads - f.rd_spend[i] -
                 platform_rent - premium;
    f.output_year[i] += q;
    f.rd_year[i] += f.rd_spend[i];
  });
}

// ------------------------------------------------------------------ exit

void phase_exit(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  parallel_for(f.size(), [&](std::size_t i) {
    f.exiting[i] = 0;
    if (!f.alive[i]) return;
    // Distress (counted in the credit phase): cash negative after banks had their chance to lend,
    // or net worth negative. Patience months of distress in a row end the firm.
    const bool insolvent = f.distress[i] >= m.exit_patience_months;
    const bool vanished = f.output[i] * 12.0 < 1e5 && age_years(w, i) > 1.0;
    f.exiting[i] = insolvent || vanished || f.land_revoked[i];
  });
  // Sequential: losses, risk-pool refunds and land are shared resources.
  w.funds.defaults_this_step = 0;
  w.funds.pool_paid_this_step = 0;
  w.funds.guarantee_paid_this_step = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.exiting[i]) continue;
    const auto& zone = w.sc.zones[f.zone[i]];
    const double collateral =
        f.capital[i] + f.land_owned[i] * zone.land_price + std::max(f.cash[i], 0.0);
    const double loss = std::max(0.0, f.debt[i] - w.sc.funds.recovery_rate * collateral);
    w.funds.defaults_this_step += f.debt[i] > 0 ? f.debt[i] : 0.0;
    w.funds.bank_losses += loss;
    if (f.pool_debt[i] > 0 && f.debt[i] > 0) settle_risk_pool(w, loss * f.pool_debt[i] / f.debt[i]);
    w.zones[f.zone[i]].land_used -= f.land(i) + f.land_pending[i];
    w.exits_cell[w.cell(f.zone[i], f.sector[i])] += 1;
    f.alive[i] = 0;
    f.exit_month[i] = w.month;
  }
}

// ------------------------------------------------------------------ entry

double attractiveness(const World& w, std::size_t z, std::size_t s) {
  const auto& m = w.sc.model;
  const auto& zone = w.sc.zones[z];
  const std::size_t c = w.cell(z, s);
  // Generosity: the mean support rate of the scenario's programmes open to this cluster now, so a
  // whole package shifts entry by a bounded amount however many programmes it lists.
  double generosity = 0.0;
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (w.programmes[p].active && w.eligibility[p * w.cells() + c])
      generosity += w.terms[p].rate > 0 ? std::min(w.terms[p].rate, 1.0) : 0.05;
  generosity /= double(std::max<std::size_t>(1, w.programmes.size()));
  double zone_firms = 0;
  for (std::size_t k = 0; k < w.sc.sectors.size(); ++k) zone_firms += w.cluster.firms[w.cell(z, k)];
  const double free_share = std::max(0.0, zone.area - w.zones[z].land_used) / zone.area;
  return m.attractiveness_land * free_share + m.attractiveness_subsidy * generosity +
         m.attractiveness_talent * std::log1p(w.zones[z].unemployed / (zone_firms + 1.0)) +
         m.attractiveness_cluster * std::log1p(w.cluster.firms[c]) +
         m.attractiveness_incubator * w.zones[z].incubators + zone.infrastructure;
}

static void add_entrant(World& w, std::size_t z, std::size_t s, double monthly_output,
                        bool incubated) {
  const auto& m = w.sc.model;
  const auto& sec = w.sc.sectors[s];
  auto& f = w.firms;
  auto rng = w.streams("entrant")(std::uint64_t(w.next_firm_id));
  boost::random::normal_distribution<double> normal;
  const std::size_t i = new_firm(w, z, s, w.month);
  const double sd = m.entrant_productivity_sd;
  f.productivity[i] =
      w.cluster.sector_mean_productivity[s] * std::exp(sd * normal(rng) - 0.5 * sd * sd);
  f.payback[i] = m.payback_median_years * std::exp(m.payback_dispersion * normal(rng));
  f.volatility[i] = boost::random::exponential_distribution<double>()(rng);
  const std::size_t c = w.cell(z, s);
  f.log_shifter[i] =
      std::log(monthly_output) - std::log(w.sector_market[s]) -
      (m.demand_elasticity - 1.0) *
          std::log(f.productivity[i] * w.cluster.agglomeration[c] / w.sector_frontier[s]);
  f.demand[i] = monthly_output;
  // The first month's output meets the same shocks as incumbents' (production ran before entry).
  f.output[i] = monthly_output * std::min({1.0, w.demand_factor[c], w.capacity_factor[c]});
  f.capital[i] = sec.capital_output_ratio * 12.0 * monthly_output;
  const double labour = 12.0 * monthly_output / sec.labour_productivity;
  f.skilled_wanted[i] = w.skilled_agents_for(labour, sec, f.id[i]);
  f.workers[i] = std::max(0.0, labour - f.skilled_wanted[i] * w.persons(0));
  f.land_leased[i] = labour * m.floor_area_per_worker / w.sc.zones[z].plot_ratio;
  f.cash[i] = 6.0 * (m.fixed_cost_per_year / 12.0 + labour * w.sc.talent.general_wage);
  if (std::isnan(f.cash[i])) f.cash[i] = 0;
  if (rng.uniform() < sec.rd_active_share) {
    f.flags[i] |= kRdActive;
    f.rd_base[i] = f.rd_intensity[i] = sec.rd_intensity * std::exp(0.5 * normal(rng) - 0.125);
  }
  if (incubated) f.flags[i] |= kIncubated;
  w.zones[z].land_used += f.land(i);
}

// Incubator places free in each zone: places of the zone's incubators less young firms holding one.
static std::vector<double> free_incubator_places(const World& w) {
  const auto& f = w.firms;
  std::vector<double> free(w.zones.size());
  double places = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    places += free[z] = w.zones[z].incubators * w.sc.model.incubator_places;
  if (places <= 0) return free;  // no incubators: no need to count their tenants
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && (f.flags[i] & kIncubated) && age_years(w, i) < w.sc.model.incubation_years)
      free[f.zone[i]] -= 1;
  return free;
}

void phase_entry(World& w) {
  const auto& m = w.sc.model;
  const std::size_t Z = w.sc.zones.size(), S = w.sc.sectors.size();
  if (w.attract_ref.empty()) {
    w.attract_ref.resize(Z * S);
    for (std::size_t z = 0; z < Z; ++z)
      for (std::size_t s = 0; s < S; ++s) w.attract_ref[w.cell(z, s)] = attractiveness(w, z, s);
  }
  w.entries_this_step = 0;
  const auto streams = w.streams("entry");
  auto places = free_incubator_places(w);
  for (std::size_t z = 0; z < Z; ++z) {
    const auto& zone = w.sc.zones[z];
    for (const auto& sector_id : zone.sectors) {
      const std::size_t s = std::size_t(w.sc.sector_index(sector_id));
      const std::size_t c = w.cell(z, s);
      const double rate = m.entry_rate_per_year / 12.0 * std::max(w.cluster.firms[c], 1.0) *
                          std::exp(attractiveness(w, z, s) - w.attract_ref[c]);
      if (!(rate > 0)) continue;
      auto rng = streams(c);
      const int n = boost::random::poisson_distribution<int, double>(std::min(rate, 1e4))(rng);
      const double size = m.entrant_size * w.cluster.sector_mean_output[s];
      const double land = 12.0 * size / w.sc.sectors[s].labour_productivity *
                          m.floor_area_per_worker / zone.plot_ratio;
      for (int k = 0; k < n && size > 0; ++k) {
        if (w.zones[z].land_used + land > zone.area) break;  // no free land, no entry
        const bool incubated = places[z] >= 1.0;
        places[z] -= incubated ? 1.0 : 0.0;
        add_entrant(w, z, s, size, incubated);
        w.entries_cell[c] += 1;
        ++w.entries_this_step;
      }
    }
  }
}

}  // namespace parksim::model
