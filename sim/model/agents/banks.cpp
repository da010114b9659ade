// Banks and investors: repayments, loan offers within each firm's ceiling, the credit line's
// quota, leasing and venture rounds; distress. Programmes that act here: programmes/finance.cpp.
#include <algorithm>
#include <cmath>

#include "agents/status.hpp"
#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/finance.hpp"
#include "programmes/finance_agents.hpp"
#include "programmes/finance_banks.hpp"
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
  double ceiling = 0;  // ordinary credit the bank would lend without a guarantee
  double ip = 0;       // credit secured on pledged IP beyond the ceiling (004 IP-pledge pilot)
  int ip_from = -1;    // the IP-pledge fund that backs it (-1: none)
  int pool = -1;       // the risk pool that covers the new loans (-1: none)
  int line_from = -1;  // the credit line that lends beyond the ordinary ceiling (-1: none)
};

LoanOffer loan_offer(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  LoanOffer o;
  o.want = f.investment_gap[i] + std::max(0.0, -f.cash[i]);
  if (o.want <= 0) return o;
  o.pool = risk_pool::covering(w, i);
  // A credit reward (002 line 170) is worth to the bank what a loss cover of the same expected
  // value is (finance_banks.hpp), within what the pool leaves uncovered.
  const double pool_cover = risk_pool::coverage(w, o.pool);
  const double coverage =
      pool_cover + std::min(credit_reward::loss_cover(w, i), std::max(0.0, 1.0 - pool_cover));
  const double land_value = f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;
  const double assets = f.capital[i] + land_value + std::max(f.cash[i], 0.0);
  const double net_worth = assets - f.debt[i];
  // Banks apply their limits to the debt whose loss they bear: a guarantee company's share of the
  // firm's guaranteed debt is not their exposure (finance_agents.hpp).
  const double exposure = f.debt[i] - guarantee_company::bank_relief(w, i);
  // Banks lend up to leverage x net worth and a debt/asset limit; pool coverage relaxes both
  // (more SME credit) and weakens screening (moral hazard), as guarantee schemes do.
  const double lambda = fp.bank_leverage * (1.0 + fp.pool_leverage_response * coverage);
  const double max_lev =
      fp.bank_max_leverage + fp.moral_hazard * coverage * (1.0 - fp.bank_max_leverage);
  const double by_net_worth = lambda * std::max(net_worth, 0.0) - exposure;
  const double by_leverage = (max_lev * (assets + o.want) - exposure);
  const double ceiling = std::max(0.0, std::min(by_net_worth, by_leverage));
  o.ceiling = ceiling;
  o.bank = std::min(o.want, ceiling);
  // 004 (line 81): a firm owning IP borrows on it, beyond the ceiling, where a government fund
  // shares the losses (finance_agents.hpp, ip_pledge).
  o.ip_from = ip_pledge::open_to(w, i);
  o.ip = std::min(o.want - o.bank, ip_pledge::pledge_room(w, o.ip_from, i));
  // L9: the dedicated line adds credit for constrained firms only, beyond the ordinary ceiling
  // (000, line 42); unconstrained firms borrow ordinarily and leave the line's room to others.
  o.line_from = credit_line::open_to(w, i);
  o.line = credit_line::extra_credit(w, o.line_from, o.want - o.bank - o.ip, ceiling);
  return o;
}

void book_loan(World& w, std::size_t i, const LoanOffer& offer, double amount, bool from_line) {
  auto& f = w.firms;
  if (amount <= 0) return;
  f.debt[i] += amount;
  if (from_line) credit_line::on_loan(w, i, offer.line_from, amount);
  risk_pool::on_loan(w, i, offer.pool, amount);
  const double to_capital = std::min(amount, f.investment_gap[i]);
  install_capital(w, i, to_capital);
  f.cash[i] += amount - to_capital;
}

// The IP-backed and policy-bank tranches are not covered by the risk pool of the ordinary loan
// (the IP fund covers its own; a policy bank lends on its own terms).
LoanOffer pledged_only(LoanOffer o) {
  o.pool = -1;
  return o;
}

// Policy-bank debt is repaid over its own tenor (finance_banks.hpp), the rest of the debt over
// funds.loan_maturity_years; a firm short of cash pays the same share of both dues. Returns the
// share of the firm's other debt left.
double repay_with_window(World& w, std::size_t i, double months) {
  auto& f = w.firms;
  const double others = f.debt[i] - policy_bank::debt(w, i);
  const double ordinary_due = std::max(0.0, others) / months;
  const double total_due = ordinary_due + policy_bank::due(w, i);
  const double paid = std::min(1.0, f.cash[i] / total_due);
  f.cash[i] -= paid * total_due;
  f.debt[i] -= paid * total_due;
  policy_bank::on_repayment(w, i, paid);
  return others > 0 ? 1.0 - paid * ordinary_due / others : 1.0;
}

void repay_loans(World& w) {
  auto& f = w.firms;
  const double months = w.sc.funds.loan_maturity_years * 12.0;
  std::vector<double> left(f.size(), 1.0);  // share of each firm's debt left after repaying
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.debt[i] <= 0 || f.cash[i] <= 0) return;
    if (policy_bank::debt(w, i) > 0) {
      left[i] = repay_with_window(w, i, months);
    } else {
      const double pay = std::min(f.debt[i] / months, f.cash[i]);
      left[i] = 1.0 - pay / f.debt[i];
      f.cash[i] -= pay;
      f.debt[i] -= pay;
    }
    const double share = left[i];
    f.line_debt[i] *= share;
    risk_pool::on_repayment(w, i, share);
    guarantee_company::on_repayment(w, i, share);
    ip_pledge::on_repayment(w, i, share);
    f.lease_debt[i] *= share;
  });
  credit_line::on_repayments(w, left);  // repaid line credit restores the lines' room
}

// Leasing (MODEL_NOTES "lets a firm acquire equipment without cash; the leasing subsidy lowers its
// cost"). What the banks did not finance this month may be partly equipment (model.leasing_share
// of the gap), which a lessor finances within its credit check. The firm compares the cost of the
// lease over model.leasing_term_years, net of the one-off L11 support per yuan leased (5%, at most
// 500万 per contract, 000 line 42), with bank credit at funds.bank_rate, and leases with chance
// logistic((bank cost - lease cost) / (model.leasing_choice_noise x bank cost)): the relative
// logit scale of the firm's other discrete choices, so a 5% one-off support on a 6% premium
// shifts the choice by a fraction of a logit unit, not from rare to common.
void lease_equipment(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto streams = w.streams("leasing");
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.investment_gap[i] <= 0) return;
    const double lease =
        std::min(m.leasing_share * f.investment_gap[i], leasing::lessor_limit(w, i));
    if (!(lease > 0)) return;
    const Offer subsidy = leasing_subsidy::offer(w, i, lease);
    auto rng = streams(std::uint64_t(f.id[i]));
    if (rng.uniform() >= leasing::lease_probability(w, lease, subsidy.amount)) return;
    install_capital(w, i, lease);
    f.debt[i] += lease;
    f.lease_debt[i] += lease;
    leasing_subsidy::on_lease(w, subsidy, i);
  });
}

// Firms VC looks at: young, unlisted, in a strategic emerging sector, not funded within
// vc_months_between_rounds, productive enough; ranked by relative productivity. A firm open to a
// guidance fund faces the lower bar of a co-invested round (vc_bar_relief x the fund's share).
struct RoundRequest {
  engine::Request round;
  int fund = -1;     // the guidance fund open to the firm (-1: none)
  double rel = 0.0;  // productivity relative to the sector mean
};

std::vector<RoundRequest> round_requests(const World& w) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  std::vector<RoundRequest> requests;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !w.sc.sectors[f.sector[i]].strategic_emerging || (f.flags[i] & kListed))
      continue;
    if ((w.month - f.birth[i]) / 12.0 > fp.vc_max_age_years) continue;
    if (f.last_round[i] >= 0 && w.month - f.last_round[i] < fp.vc_months_between_rounds) continue;
    const int fund = guidance_fund::open_to(w, i);
    const double bar =
        fp.vc_min_productivity * (1.0 - fp.vc_bar_relief * guidance_fund::share(w, fund));
    const double rel = f.productivity[i] / w.cluster.sector_mean_productivity[f.sector[i]];
    if (rel < bar) continue;
    requests.push_back(
        {{std::uint32_t(i), std::max(fp.vc_min_round, fp.vc_round_share * 12.0 * f.output[i]), rel},
         fund,
         rel});
  }
  return requests;
}

}  // namespace

// The post-money valuation VC puts on a round by the venture-capital method (Sahlman 1987;
// Metrick & Yasuda 2010 ch. 10): the exit value, price/sales of listed comparables times the
// sales projected to the exit at the firm's recent growth, discounted at VC's target return.
// Growth is this month's run-rate over last year's sales, between 0 and vc_growth_cap; a firm
// without a past year is projected flat. Never below what the round itself brings in.
double post_money_valuation(const World& w, std::size_t i, double round) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  const double run_rate = 12.0 * f.output[i];
  const double growth =
      f.output_last_year[i] > 0
          ? std::clamp(run_rate / f.output_last_year[i] - 1.0, 0.0, fp.vc_growth_cap)
          : 0.0;
  const double exit_value =
      fp.vc_exit_sales_multiple * run_rate * std::pow(1.0 + growth, fp.vc_years_to_exit);
  return std::max(round, exit_value / std::pow(1.0 + fp.vc_target_return, fp.vc_years_to_exit));
}

namespace {

// Venture rounds: the area's private VC money per year, spread over the months left, funds rounds
// by rank (relative productivity, then firm id); a round that does not fit is skipped. A guidance
// fund open to the firm co-invests its share g of the round from its own money (document 000:
// 发挥财政资金杠杆放大效应), so private money pays only (1-g) of it and goes further, and the
// fund's participation draws new private money in (guidance_crowd_in per public yuan; displaced
// money above guidance_crowd_out_share). Total VC = private + public, never below private alone. A
// firm between the relieved and the normal bar is funded only if its fund joins.
void venture_rounds(World& w) {
  auto& f = w.firms;
  const auto& fp = w.sc.funds;
  const auto requests = round_requests(w);
  if (requests.empty()) return;
  std::vector<std::size_t> order(requests.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto &ra = requests[a].round, &rb = requests[b].round;
    if (ra.priority != rb.priority) return ra.priority > rb.priority;
    return ra.agent < rb.agent;
  });
  const int months_left = 12 - w.month % 12;
  double pool = w.funds.vc_left_this_year / months_left;  // the area's private VC this month
  std::vector<double> public_money(w.programmes.size(), 0.0);
  for (const std::size_t p : w.programmes_of(ProgrammeKind::GuidanceFund))
    public_money[p] = guidance_fund::money_this_month(w, p);
  for (const std::size_t k : order) {
    if (pool <= 0.0) break;
    const auto& rq = requests[k];
    const double round = rq.round.amount;
    if (round <= 0.0) continue;
    const double g = guidance_fund::share(w, rq.fund);
    const bool joins = rq.fund >= 0 && g > 0 && public_money[std::size_t(rq.fund)] >= g * round;
    if (!joins && rq.rel < fp.vc_min_productivity) continue;
    const double public_part = joins ? g * round : 0.0;
    const double private_part = round - public_part;
    const double c = joins ? guidance_fund::crowd_in(w, g) : 0.0;
    const double new_money = c > 0 ? std::min(private_part, c * public_part) : 0.0;
    const double from_pool = private_part - new_money;
    if (from_pool > pool) continue;
    pool -= from_pool;
    // Crowd-out: private investors withdraw from the area's VC of the year.
    const double displaced = c < 0 ? std::min(-c * public_part, pool) : 0.0;
    pool -= displaced;
    const std::size_t i = rq.round.agent;
    f.cash[i] += round;
    f.equity[i] += round;
    f.flags[i] |= kVcBacked;
    f.events[i] |= kEventRound;
    f.last_round[i] = w.month;
    f.post_money[i] = post_money_valuation(w, i, round);
    f.round_sales[i] = 12.0 * f.output[i];
    w.funds.vc_left_this_year -= from_pool + displaced;
    w.funds.vc_invested_this_step += private_part;
    if (joins) {
      public_money[std::size_t(rq.fund)] -= public_part;
      guidance_fund::invest(w, std::size_t(rq.fund), public_part);
    }
  }
}

// Firms that the ordinary ceiling, IP loan and credit line left short of their investment ask the
// guarantee company open to them (000 line 28, 004 line 81) to guarantee a loan for it. Only the
// investment: a guarantor backs a project loan, not a loss-maker's cash shortfall (loans install
// capital first, so the gap left is the gap less the credit granted).
std::vector<guarantee_company::Guarantee> arrange_guarantees(const World& w,
                                                             const std::vector<LoanOffer>& offers,
                                                             const std::vector<double>& beyond) {
  std::vector<guarantee_company::Ask> asks;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (!w.firms.alive[i]) continue;
    const double credit = offers[i].bank + offers[i].ip + beyond[i];
    const double unmet = std::min(offers[i].want - credit, w.firms.investment_gap[i] - credit);
    if (unmet > 0 && offers[i].ceiling > 0) asks.push_back({i, offers[i].ceiling, unmet});
  }
  return guarantee_company::arrange(w, asks);
}

// A policy-bank window open to the firm (000 line 28, 004 line 103) lends for the project
// investment that ordinary, IP-pledged and line credit left unfinanced, ranked by productivity
// within each window's yearly quota (finance_banks.hpp). Returns the grant per firm slot and the
// window of each (-1: none).
std::vector<double> window_grants(World& w, const std::vector<LoanOffer>& offers,
                                  const std::vector<double>& line, std::vector<int>& window_of) {
  std::vector<engine::Request> requests;
  window_of.assign(offers.size(), -1);
  if (w.programmes_of(ProgrammeKind::PolicyBank).empty()) return std::vector<double>(offers.size());
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (!w.firms.alive[i] || !(offers[i].want > 0)) continue;
    const double credit = offers[i].bank + offers[i].ip + line[i];
    const double unmet = std::min(offers[i].want - credit, w.firms.investment_gap[i] - credit);
    const int p = policy_bank::open_to(w, i);
    const double ask = policy_bank::extra_credit(w, p, i, unmet, offers[i].ceiling);
    if (!(ask > 0)) continue;
    requests.push_back({std::uint32_t(i), ask, w.firms.productivity[i]});
    window_of[i] = p;
  }
  return policy_bank::allocate(w, requests, window_of);
}

}  // namespace

void phase_credit(World& w) {
  auto& f = w.firms;
  // The guarantee fee is due before principal: repayments take the cash that is left, so a fee
  // never turns a firm that repaid down to zero cash into a distressed one.
  guarantee_company::collect_fees(w);
  repay_loans(w);
  std::vector<LoanOffer> offers(f.size());
  parallel_for(f.size(), [&](std::size_t i) {
    if (f.alive[i]) offers[i] = loan_offer(w, i);
  });
  // The dedicated credit line is a revolving quota: requests for credit beyond the ordinary
  // ceiling are ranked by productivity, then firm id, against each line's room left.
  std::vector<engine::Request> line_requests;
  std::vector<int> line_of(f.size(), -1);
  for (std::size_t i = 0; i < f.size(); ++i)
    if (offers[i].line > 0) {
      line_requests.push_back({std::uint32_t(i), offers[i].line, f.productivity[i]});
      line_of[i] = offers[i].line_from;
    }
  const auto line_grant = credit_line::allocate(w, line_requests, line_of);
  std::vector<int> window_of;
  const auto window_grant = window_grants(w, offers, line_grant, window_of);
  std::vector<double> beyond(f.size());
  for (std::size_t i = 0; i < f.size(); ++i) beyond[i] = line_grant[i] + window_grant[i];
  const auto guarantees = arrange_guarantees(w, offers, beyond);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || offers[i].want <= 0) return;
    // Ordinary credit within the firm's own ceiling, then the line beyond it. A guaranteed loan G
    // uses only (1 - share) G of the ordinary ceiling: the bank lends C - (1 - share) G
    // unguaranteed.
    const auto& gt = guarantees[i];
    const double keep = (1.0 - guarantee_company::share(w, gt.company)) * gt.amount;
    book_loan(w, i, offers[i], std::max(0.0, offers[i].bank - keep), false);
    book_loan(w, i, pledged_only(offers[i]), offers[i].ip, false);
    book_loan(w, i, offers[i], line_grant[i], true);
    book_loan(w, i, pledged_only(offers[i]), window_grant[i], false);
    book_loan(w, i, offers[i], gt.amount, false);
  });
  for (std::size_t i = 0; i < f.size(); ++i) {  // sequential: the programmes' totals are shared
    if (offers[i].want > 0) ip_pledge::on_loan(w, i, offers[i].ip_from, offers[i].ip);
    guarantee_company::on_loan(w, i, guarantees[i].company, guarantees[i].amount);
    policy_bank::on_loan(w, i, window_of[i], window_grant[i]);
  }
  policy_bank::book_concessions(w);  // this month's interest saved on window debt
  credit_reward::settle(w);          // December: rewards on the year's growth of eligible loans
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
