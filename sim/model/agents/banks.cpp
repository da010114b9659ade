// Banks and investors: repayments, loan offers within each firm's ceiling, the credit line's
// quota, leasing and venture rounds; distress. Programmes that act here: programmes/finance.cpp.
#include <algorithm>
#include <cmath>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/finance.hpp"
#include "programmes/projects.hpp"

namespace parksim::model {

using engine::parallel_for;

namespace {

// Capital financed by credit or leases; an industrialisation subsidy follows it.
void install_capital(World& w, std::size_t i, double amount) {
  auto& f = w.firms;
  f.capital[i] += amount;
  f.investment_gap[i] -= amount;
  projects::on_capital_installed(w, i, amount);
}

struct LoanOffer {
  double want = 0, line = 0, bank = 0;
  int pool = -1;  // the risk pool that covers the new loans (-1: none)
};

LoanOffer loan_offer(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  LoanOffer o;
  o.want = f.investment_gap[i] + std::max(0.0, -f.cash[i]);
  if (o.want <= 0) return o;
  o.pool = risk_pool::covering(w, i);
  const double coverage = risk_pool::coverage(w, o.pool);
  const double land_value = f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;
  const double assets = f.capital[i] + land_value + std::max(f.cash[i], 0.0);
  const double net_worth = assets - f.debt[i];
  // Banks lend up to leverage x net worth and a debt/asset limit; pool coverage relaxes both
  // (more SME credit) and weakens screening (moral hazard), as guarantee schemes do.
  const double lambda = fp.bank_leverage * (1.0 + fp.pool_leverage_response * coverage);
  const double max_lev =
      fp.bank_max_leverage + fp.moral_hazard * coverage * (1.0 - fp.bank_max_leverage);
  const double by_net_worth = lambda * std::max(net_worth, 0.0) - f.debt[i];
  const double by_leverage = (max_lev * (assets + o.want) - f.debt[i]);
  double ceiling = std::max(0.0, std::min(by_net_worth, by_leverage));
  if (const int line = credit_line::open_to(w, i); line >= 0) {
    o.line = std::min(o.want, ceiling * credit_line::ceiling_factor(w, line));
    ceiling = std::max(0.0, ceiling - o.line);
  }
  o.bank = std::min(o.want - o.line, ceiling);
  return o;
}

void book_loan(World& w, std::size_t i, const LoanOffer& offer, double amount, bool from_line) {
  auto& f = w.firms;
  if (amount <= 0) return;
  f.debt[i] += amount;
  if (from_line) f.line_debt[i] += amount;
  risk_pool::on_loan(w, i, offer.pool, amount);
  const double to_capital = std::min(amount, f.investment_gap[i]);
  install_capital(w, i, to_capital);
  f.cash[i] += amount - to_capital;
}

void repay_loans(World& w) {
  auto& f = w.firms;
  const double months = w.sc.funds.loan_maturity_years * 12.0;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.debt[i] <= 0 || f.cash[i] <= 0) return;
    const double pay = std::min(f.debt[i] / months, f.cash[i]);
    const double share = 1.0 - pay / f.debt[i];
    f.cash[i] -= pay;
    f.debt[i] -= pay;
    f.line_debt[i] *= share;
    risk_pool::on_repayment(w, i, share);
    f.lease_debt[i] *= share;
  });
}

void lease_equipment(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto streams = w.streams("leasing");
  const double cost_premium = (m.leasing_rate - w.sc.funds.bank_rate) * m.leasing_term_years;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.investment_gap[i] <= 0) return;
    const auto subsidy = leasing_subsidy::open_to(w, i);
    // Lease when the subsidy covers the extra cost of leasing over a bank loan (logit).
    auto rng = streams(std::uint64_t(f.id[i]));
    if (rng.uniform() >=
        1.0 / (1.0 + std::exp(-(subsidy.rate - cost_premium) / m.leasing_choice_noise)))
      return;
    const double lease = m.leasing_share * f.investment_gap[i];
    install_capital(w, i, lease);
    f.debt[i] += lease;
    f.lease_debt[i] += lease;
    leasing_subsidy::on_lease(w, subsidy, i, lease);
  });
}

// Firms VC looks at: young, unlisted, in a strategic emerging sector, not funded within
// vc_months_between_rounds, productive enough; ranked by relative productivity.
std::vector<engine::Request> round_requests(const World& w, double bar) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  std::vector<engine::Request> requests;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !w.sc.sectors[f.sector[i]].strategic_emerging || (f.flags[i] & kListed))
      continue;
    if ((w.month - f.birth[i]) / 12.0 > fp.vc_max_age_years) continue;
    if (f.last_round[i] >= 0 && w.month - f.last_round[i] < fp.vc_months_between_rounds) continue;
    const double rel = f.productivity[i] / w.cluster.sector_mean_productivity[f.sector[i]];
    if (rel < bar) continue;
    requests.push_back(
        {std::uint32_t(i), std::max(fp.vc_min_round, fp.vc_round_share * 12.0 * f.output[i]), rel});
  }
  return requests;
}

// Venture rounds: private VC money per year, plus a guidance fund that co-invests a share g of
// each round; a larger public share lowers the bar VC applies (weaker selection).
void venture_rounds(World& w) {
  auto& f = w.firms;
  const auto fund = guidance_fund::active(w);
  const double g = fund.share;
  const auto& fp = w.sc.funds;
  const auto requests = round_requests(w, fp.vc_min_productivity * (1.0 - fp.vc_bar_relief * g));
  if (requests.empty()) return;
  const int months_left = 12 - w.month % 12;
  double private_money = w.funds.vc_left_this_year / months_left;
  double public_money = guidance_fund::money_this_month(w, fund);
  const double supply =
      g < 1.0 ? std::min(private_money / (1.0 - g), g > 0 ? public_money / g : 1e300) : 0.0;
  const auto grants = engine::clear_by_rank(requests, supply, engine::Partial::Forbidden);
  for (std::size_t k = 0; k < requests.size(); ++k) {
    if (grants[k] <= 0) continue;
    const std::size_t i = requests[k].agent;
    f.cash[i] += grants[k];
    f.equity[i] += grants[k];
    f.flags[i] |= kVcBacked;
    f.events[i] |= kEventRound;
    f.last_round[i] = w.month;
    w.funds.vc_left_this_year -= (1.0 - g) * grants[k];
    w.funds.vc_invested_this_step += (1.0 - g) * grants[k];
    guidance_fund::invest(w, fund, g * grants[k]);
  }
}

}  // namespace

void phase_credit(World& w) {
  auto& f = w.firms;
  repay_loans(w);
  std::vector<LoanOffer> offers(f.size());
  parallel_for(f.size(), [&](std::size_t i) {
    if (f.alive[i]) offers[i] = loan_offer(w, i);
  });
  // The dedicated credit line is a quota: requests are ranked by productivity, then firm id.
  std::vector<engine::Request> line_requests;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (offers[i].line > 0)
      line_requests.push_back({std::uint32_t(i), offers[i].line, f.productivity[i]});
  const auto line_grant = credit_line::allocate(w, line_requests);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || offers[i].want <= 0) return;
    book_loan(w, i, offers[i], line_grant[i], true);
    // Ordinary bank credit comes on top of the line, within the firm's own ceiling.
    book_loan(w, i, offers[i], std::min(offers[i].bank, offers[i].want - line_grant[i]), false);
  });
  lease_equipment(w);
  venture_rounds(w);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    const double net_worth =
        f.cash[i] + f.capital[i] + f.land_owned[i] * w.sc.zones[f.zone[i]].land_price - f.debt[i];
    f.distress[i] = (f.cash[i] < 0 || net_worth < 0) ? f.distress[i] + 1 : 0;
  });
}

}  // namespace parksim::model
