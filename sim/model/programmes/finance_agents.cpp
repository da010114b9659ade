// Guarantee companies and IP-pledge lending (finance_agents.hpp).
#include "programmes/finance_agents.hpp"

#include <algorithm>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "parksim/engine/clearing.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::guarantee_company {

namespace {

const std::vector<std::size_t>& companies(const World& w) {
  return w.programmes_of(ProgrammeKind::GuaranteeCompany);
}

// Fee subsidies a company paid this calendar year: its payments to firms (losses go to banks).
double subsidy_room(const World& w, std::size_t p) {
  const double budget = w.terms[p].budget_per_year;
  if (!(budget > 0)) return 1e300;
  double paid = 0;
  for (const double x : w.programmes[p].paid_to_firm_this_year) paid += x;
  return std::max(0.0, budget - paid);
}

// The firm's yearly cost of the extra credit a guarantee buys, per yuan of it: bank interest plus
// the fee it pays (net of the subsidy) on the whole guaranteed loan, which is 1 / rate times the
// extra credit (C + rate x G in all instead of C).
double extra_credit_cost(const World& w, std::size_t p) {
  const auto& spec = w.terms[p];
  const bool subsidised = w.programmes[p].active && subsidy_room(w, p) > 0;
  const double net_fee = w.sc.funds.guarantee_fee * (1.0 - (subsidised ? spec.fee_subsidy : 0.0));
  return w.sc.funds.bank_rate + net_fee / spec.rate;
}

// Whether the firm takes the guaranteed loan: the yearly cash margin on the capital it buys
// (marginal_margin / capital-output ratio, what pays the project back) against its cost, logit
// with scale funds.guarantee_choice_noise x bank_rate.
bool takes_guarantee(const World& w, std::size_t i, std::size_t p) {
  const auto& sec = w.sc.sectors[w.firms.sector[i]];
  const double ret = marginal_margin(w, w.firms.sector[i]) / sec.capital_output_ratio;
  const auto& fp = w.sc.funds;
  const double scale = fp.guarantee_choice_noise * std::max(fp.bank_rate, 1e-6);
  const double u = w.streams("guarantee_takeup")(std::uint64_t(w.firms.id[i])).uniform();
  return u < logistic((ret - extra_credit_cost(w, p)) / scale);
}

// The largest new loan the company would guarantee for the firm (G): enough to cover the unmet
// demand (rate x G), no more than the bank lends on the exposure it keeps (C / (1 - rate)), within
// the company's per-firm limit `cap`.
double largest_guarantee(const World& w, std::size_t p, const Ask& a) {
  const auto& spec = w.terms[p];
  const double g = spec.rate;
  double most = a.unmet / g;
  if (g < 1.0) most = std::min(most, a.ceiling / (1.0 - g));
  if (spec.cap > 0) most = std::min(most, spec.cap - w.programmes[p].covered_debt[a.firm]);
  return std::max(0.0, most);
}

}  // namespace

double share(const World& w, int company) {
  return company >= 0 ? w.terms[std::size_t(company)].rate : 0.0;
}

double bank_relief(const World& w, std::size_t i) {
  double relief = 0.0;
  for (const std::size_t p : companies(w))
    if (w.programmes[p].fund_left > 0) relief += w.terms[p].rate * w.programmes[p].covered_debt[i];
  return relief;
}

double outstanding(const World& w, std::size_t p) {
  double total = 0;
  for (const double d : w.programmes[p].covered_debt) total += d;
  return total;
}

double outstanding_all(const World& w) {
  double total = 0;
  for (const std::size_t p : companies(w)) total += outstanding(w, p);
  return total;
}

double room(const World& w, std::size_t p) {
  const double capital = std::max(0.0, w.programmes[p].fund_left);
  return std::max(0.0, w.sc.funds.guarantee_max_multiple * capital - outstanding(w, p));
}

std::vector<Guarantee> arrange(const World& w, const std::vector<Ask>& asks) {
  std::vector<Guarantee> out(w.firms.size());
  if (companies(w).empty()) return out;
  std::vector<std::vector<engine::Request>> requests(w.programmes.size());
  for (const auto& a : asks) {
    if (!(a.unmet > 0) || !(a.ceiling > 0)) continue;  // no credit of its own: no guarantee
    // The company screens too: no guarantee for a firm in distress (short of cash or net worth
    // after last month's credit), whatever the bank would lend on the guarantee.
    if (w.firms.distress[a.firm] > 0) continue;
    const int p = w.programme_for(ProgrammeKind::GuaranteeCompany, a.firm);
    if (p < 0 || !(w.terms[std::size_t(p)].rate > 0)) continue;
    const double most = largest_guarantee(w, std::size_t(p), a);
    if (!(most > 0) || !takes_guarantee(w, a.firm, std::size_t(p))) continue;
    requests[std::size_t(p)].push_back({std::uint32_t(a.firm), most, w.firms.productivity[a.firm]});
  }
  for (const std::size_t p : companies(w)) {
    const auto& mine = requests[p];
    if (mine.empty()) continue;
    const auto grants = engine::clear_by_rank(mine, room(w, p));
    for (std::size_t k = 0; k < mine.size(); ++k)
      if (grants[k] > 0) out[mine[k].agent] = {int(p), grants[k]};
  }
  return out;
}

void on_loan(World& w, std::size_t i, int company, double amount) {
  if (company < 0 || !(amount > 0)) return;
  auto& st = w.programmes[std::size_t(company)];
  st.covered_debt[i] += amount;
  st.drawn += amount;
}

void on_repayment(World& w, std::size_t i, double remaining) {
  for (const std::size_t p : companies(w)) w.programmes[p].covered_debt[i] *= remaining;
}

void collect_fees(World& w) {
  auto& f = w.firms;
  for (const std::size_t p : companies(w)) {
    auto& st = w.programmes[p];
    const double subsidy_share = st.active ? w.terms[p].fee_subsidy : 0.0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f.alive[i] || !(st.covered_debt[i] > 0)) continue;
      const double fee = w.sc.funds.guarantee_fee * st.covered_debt[i] / 12.0;
      f.cash[i] -= fee;
      st.fund_left += fee;
      st.replenished += fee;
      const double subsidy = std::min(subsidy_share * fee, subsidy_room(w, p));
      if (!(subsidy > 0)) continue;
      w.pay(p, i, subsidy);
      st.paid_to_firm_this_year[i] += subsidy;
    }
  }
}

double on_default(World& w, std::size_t i, double loss) {
  const double debt = w.firms.debt[i];
  double paid_all = 0.0;
  for (const std::size_t p : companies(w)) {
    auto& st = w.programmes[p];
    const double guaranteed = st.covered_debt[i];
    st.covered_debt[i] = 0.0;
    if (!(guaranteed > 0) || !(debt > 0) || !(loss > 0)) continue;
    const double due = w.terms[p].rate * loss * std::min(1.0, guaranteed / debt);
    const double pay = std::clamp(due, 0.0, std::max(0.0, st.fund_left));
    st.fund_left -= pay;
    book(w, p, pay);
    w.funds.guarantee_paid_this_step += pay;
    paid_all += pay;
  }
  return paid_all;
}

}  // namespace parksim::model::guarantee_company

namespace parksim::model::ip_pledge {

int open_to(const World& w, std::size_t i) {
  if (!(w.firms.flags[i] & kHighTech)) return -1;  // no IP of its own to pledge
  const int p = w.programme_for(ProgrammeKind::IpPledge, i);
  return p >= 0 && w.terms[std::size_t(p)].rate > 0 ? p : -1;
}

double pledge_room(const World& w, int p, std::size_t i) {
  if (p < 0) return 0.0;
  const auto& fp = w.sc.funds;
  const double rd_capital = 12.0 * w.firms.rd_spend[i] / fp.ip_rd_depreciation;
  const double value = fp.ip_pledge_loan_to_value * rd_capital;
  return std::max(0.0, value - w.programmes[std::size_t(p)].covered_debt[i]);
}

void on_loan(World& w, std::size_t i, int p, double amount) {
  if (p < 0 || !(amount > 0)) return;
  w.programmes[std::size_t(p)].covered_debt[i] += amount;
  w.programmes[std::size_t(p)].drawn += amount;
}

void on_repayment(World& w, std::size_t i, double remaining) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::IpPledge))
    w.programmes[p].covered_debt[i] *= remaining;
}

double on_default(World& w, std::size_t i, double loss) {
  const double debt = w.firms.debt[i];
  double refunded = 0.0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::IpPledge)) {
    auto& st = w.programmes[p];
    const double pledged = st.covered_debt[i];
    st.covered_debt[i] = 0.0;
    if (!(pledged > 0) || !(debt > 0) || !(loss > 0)) continue;
    const double due = w.terms[p].rate * loss * std::min(1.0, pledged / debt);
    const double pay =
        std::clamp(std::min(due, budget_room(w, p)), 0.0, std::max(0.0, st.fund_left));
    st.fund_left -= pay;
    book(w, p, pay);
    w.funds.pool_paid_this_step += pay;
    refunded += pay;
  }
  return refunded;
}

double outstanding_all(const World& w) {
  double total = 0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::IpPledge))
    for (const double d : w.programmes[p].covered_debt) total += d;
  return total;
}

}  // namespace parksim::model::ip_pledge
