// Finance programmes (finance.hpp).
#include "programmes/finance.hpp"

#include <algorithm>
#include <cmath>

namespace parksim::model {

namespace risk_pool {

// Each pool keeps the debt it covers per firm slot (ProgrammeState::covered_debt): a loan is
// covered by the pool open to the firm when it was made, and that pool alone refunds the bank and
// bills the guarantee fee on it, however many pools the scenario lists.

int covering(const World& w, std::size_t i) { return w.programme_for(ProgrammeKind::RiskPool, i); }

double coverage(const World& w, int pool) {
  if (pool < 0) return 0.0;
  const auto& spec = w.terms[std::size_t(pool)];
  return spec.rate * w.programmes[std::size_t(pool)].credible_share + spec.guarantee_share;
}

void on_loan(World& w, std::size_t i, int pool, double amount) {
  if (pool >= 0) w.programmes[std::size_t(pool)].covered_debt[i] += amount;
}

void on_repayment(World& w, std::size_t i, double remaining) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::RiskPool))
    w.programmes[p].covered_debt[i] *= remaining;
}

double guarantee_fee(const World& w, std::size_t i) {
  double fee = 0.0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::RiskPool))
    fee += w.terms[p].guarantee_share * w.sc.funds.guarantee_fee * w.programmes[p].covered_debt[i];
  return fee;
}

void on_default(World& w, std::size_t i, double loss) {
  const auto& f = w.firms;
  if (!(f.debt[i] > 0)) return;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::RiskPool)) {
    auto& st = w.programmes[p];
    if (!(st.covered_debt[i] > 0)) continue;
    const double covered_loss = loss * st.covered_debt[i] / f.debt[i];
    const auto& spec = w.terms[p];
    // Refunds within the fund left and the year's payout cap (budget_per_year, 0 = none).
    const double pay = std::min({spec.rate * covered_loss, st.fund_left, budget_room(w, p)});
    st.fund_left -= std::max(pay, 0.0);
    book(w, p, pay);
    w.funds.pool_paid_this_step += std::max(pay, 0.0);
    w.funds.guarantee_paid_this_step += spec.guarantee_share * covered_loss;
  }
}

// Share of the nominal refund rate the fund left can honour on the debt the pool covers.
static double credible_share(const World& w, std::size_t p) {
  const auto& st = w.programmes[p];
  double covered = 0.0;
  for (const double d : st.covered_debt) covered += d;  // in firm order: reproducible
  const double expected_refunds = w.terms[p].rate * w.sc.funds.bank_expected_loss * covered;
  return expected_refunds > st.fund_left ? std::max(st.fund_left, 0.0) / expected_refunds : 1.0;
}

void on_month(World& w, std::size_t p) {
  auto& st = w.programmes[p];
  // Document 000 (line 42) gives the pool's size (1亿) but no replenishment: a standing pool
  // refilled from the budget each year is an assumption of the scenario (replenish_per_year).
  const auto& spec = w.terms[p];
  const double top_up = std::min(spec.replenish_per_year, spec.fund_size - st.fund_left);
  if (w.is_january() && top_up > 0) {
    st.fund_left += top_up;
    st.replenished += top_up;
    st.budget_left = st.fund_left > 0;
  }
  st.credible_share = credible_share(w, p);
}

}  // namespace risk_pool

namespace credit_line {

int open_to(const World& w, std::size_t i) { return w.programme_for(ProgrammeKind::CreditLine, i); }

double extra_credit(const World& w, int line, double unmet, double ceiling) {
  if (line < 0 || !(unmet > 0) || !(ceiling > 0)) return 0.0;
  return std::min(unmet, ceiling * w.terms[line].effect);
}

std::vector<double> allocate(World& w, const std::vector<engine::Request>& requests,
                             const std::vector<int>& line_of) {
  std::vector<double> grant(w.firms.size(), 0.0);
  if (requests.empty()) return grant;
  // Each line rations its own firms' requests by rank against its room left.
  for (const std::size_t p : w.programmes_of(ProgrammeKind::CreditLine)) {
    if (!w.programmes[p].active) continue;
    std::vector<engine::Request> mine;
    for (const auto& r : requests)
      if (line_of[r.agent] == int(p)) mine.push_back(r);
    if (mine.empty()) continue;
    const auto grants = engine::clear_by_rank(mine, std::max(0.0, w.programmes[p].fund_left));
    double total = 0;
    for (std::size_t k = 0; k < mine.size(); ++k) {
      grant[mine[k].agent] = grants[k];
      total += grants[k];
    }
    w.programmes[p].fund_left -= total;
    w.programmes[p].drawn += total;
  }
  return grant;
}

void on_loan(World& w, std::size_t i, int line, double amount) {
  if (line < 0 || !(amount > 0)) return;
  w.programmes[std::size_t(line)].covered_debt[i] += amount;
  w.firms.line_debt[i] += amount;
}

void on_repayments(World& w, const std::vector<double>& share) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::CreditLine)) {
    auto& st = w.programmes[p];
    double repaid = 0.0;
    for (std::size_t i = 0; i < share.size(); ++i) {
      if (!(st.covered_debt[i] > 0) || share[i] >= 1.0) continue;
      const double r = st.covered_debt[i] * (1.0 - share[i]);
      st.covered_debt[i] -= r;
      repaid += r;
    }
    st.fund_left += repaid;  // the line revolves: repaid credit can be lent again
  }
}

void on_default(World& w, std::size_t i) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::CreditLine)) {
    auto& st = w.programmes[p];
    st.fund_left += st.covered_debt[i];
    st.covered_debt[i] = 0.0;
  }
  w.firms.line_debt[i] = 0.0;
}

double drawn(const World& w) {
  double total = 0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::CreditLine))
    total += w.programmes[p].drawn;
  return total;
}

double outstanding(const World& w, std::size_t p) {
  double total = 0;
  for (const double d : w.programmes[p].covered_debt) total += d;
  return total;
}

}  // namespace credit_line

namespace leasing_subsidy {

Offer offer(const World& w, std::size_t i, double lease) {
  return offer_share(w, ProgrammeKind::LeasingSubsidy, i, lease);
}

void on_lease(World& w, const Offer& subsidy, std::size_t i) { claim(w, subsidy, i); }

}  // namespace leasing_subsidy

namespace leasing {

// The lessor keeps title to the equipment, so it lends on it above a bank's debt/asset limit
// (repossession: Eisfeldt & Rampini 2009), but only to a firm with positive net worth and up to
// (debt + lease) <= model.lessor_max_leverage x (assets + lease).
double lessor_limit(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const double assets =
      f.capital[i] + f.land_owned[i] * w.sc.zones[f.zone[i]].land_price + std::max(f.cash[i], 0.0);
  if (assets - f.debt[i] <= 0) return 0.0;
  const double lev = w.sc.model.lessor_max_leverage;
  return std::max(0.0, (lev * assets - f.debt[i]) / (1.0 - lev));
}

// Cost per yuan over model.leasing_term_years: the lease at model.leasing_rate less the one-off
// support per yuan leased, bank credit at funds.bank_rate; logit on the difference relative to
// the bank cost with scale model.leasing_choice_noise (as accept_payback scales by the threshold).
double lease_probability(const World& w, double lease, double subsidy) {
  const auto& m = w.sc.model;
  if (!(lease > 0)) return 0.0;
  const double bank_cost = std::max(w.sc.funds.bank_rate * m.leasing_term_years, 1e-9);
  const double lease_cost = m.leasing_rate * m.leasing_term_years - subsidy / lease;
  return 1.0 / (1.0 + std::exp(-(bank_cost - lease_cost) / (m.leasing_choice_noise * bank_cost)));
}

}  // namespace leasing

namespace guidance_fund {

int open_to(const World& w, std::size_t i) {
  return w.programme_for(ProgrammeKind::GuidanceFund, i);
}

double share(const World& w, int p) {
  return p >= 0 ? std::clamp(w.terms[p].effect, 0.0, w.sc.funds.guidance_fund_max_share) : 0.0;
}

double money_this_month(const World& w, std::size_t p) {
  if (!w.programmes[p].active) return 0.0;
  return std::max(0.0, w.programmes[p].fund_left) / std::max(1, w.terms[p].to - w.month + 1);
}

double crowd_in(const World& w, double g) {
  // REFERENCES §2: guidance-fund policies raised total VC (Cong, Li & Gu: crowd-in); moderate
  // public shares help, large ones underperform: the crowd-in falls linearly with g and turns
  // into crowd-out above guidance_crowd_out_share (assumption on the form).
  const auto& fp = w.sc.funds;
  if (fp.guidance_crowd_out_share <= 0) return -fp.guidance_crowd_in;
  return fp.guidance_crowd_in * (1.0 - g / fp.guidance_crowd_out_share);
}

void invest(World& w, std::size_t p, double amount) {
  if (!(amount > 0)) return;
  w.programmes[p].fund_left -= amount;
  w.programmes[p].drawn += amount;
  book(w, p, amount);
  w.funds.guidance_invested_this_step += amount;
}

}  // namespace guidance_fund

}  // namespace parksim::model
