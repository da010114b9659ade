// Credit rewards to banks and policy-bank lending windows (finance_banks.hpp).
#include "programmes/finance_banks.hpp"

#include <algorithm>

#include "programmes/programme.hpp"

namespace parksim::model::credit_reward {

namespace {

const std::vector<std::size_t>& rewards(const World& w) {
  return w.programmes_of(ProgrammeKind::CreditReward);
}

// Whether the firm's loans count for the programme: the cell is eligible and the SME rule holds
// (the rule of the scheme: 科技型中小企业).
bool counts(const World& w, std::size_t p, std::size_t i) {
  const auto& f = w.firms;
  if (!f.alive[i] || !w.eligibility[p * w.cells() + w.cell(f.zone[i], f.sector[i])]) return false;
  return !w.terms[p].sme_only || w.is_sme(i);
}

}  // namespace

double eligible_loans(const World& w, std::size_t p) {
  const auto& f = w.firms;
  double total = 0.0;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (counts(w, p, i)) total += std::max(0.0, f.debt[i] - f.lease_debt[i]);
  return total;
}

double accrued(const World& w, std::size_t p) {
  return w.terms[p].rate * std::max(0.0, eligible_loans(w, p) - w.programmes[p].loan_base);
}

double loss_cover(const World& w, std::size_t i) {
  const int p = w.programme_for(ProgrammeKind::CreditReward, i);
  if (p < 0) return 0.0;
  // A reward of `rate` per new yuan is worth what refunding rate / expected loss of the losses
  // would be: the bank's expected return on the marginal loan rises by the same amount.
  return std::clamp(w.terms[std::size_t(p)].rate / w.sc.funds.bank_expected_loss, 0.0, 1.0);
}

void on_month(World& w, std::size_t p) {
  auto& st = w.programmes[p];
  const auto& spec = w.terms[p];
  if (w.month == spec.from || w.month == w.sc.info.start) st.loan_base = eligible_loans(w, p);
  // Banks know last month's state: whether the year's rewards already use up the budget.
  st.budget_left = !(spec.budget_per_year > 0) || accrued(w, p) < spec.budget_per_year;
}

void settle(World& w) {
  if (!w.is_december()) return;
  for (const std::size_t p : rewards(w)) {
    auto& st = w.programmes[p];
    if (!st.active) continue;
    const double stock = eligible_loans(w, p);
    const double earned = w.terms[p].rate * std::max(0.0, stock - st.loan_base);
    book(w, p, std::min(earned, budget_room(w, p)));
    st.loan_base = stock;
  }
}

}  // namespace parksim::model::credit_reward

namespace parksim::model::policy_bank {

namespace {

const std::vector<std::size_t>& windows(const World& w) {
  return w.programmes_of(ProgrammeKind::PolicyBank);
}

double months_of(const World& w, std::size_t p) {
  const int years = w.terms[p].years;
  return 12.0 * (years > 0 ? double(years) : w.sc.funds.loan_maturity_years);
}

double quota_left(const World& w, std::size_t p) {
  const double quota = w.terms[p].budget_per_year;
  if (!(quota > 0)) return 1e300;
  return std::max(0.0, quota - w.programmes[p].lent_this_year);
}

}  // namespace

int open_to(const World& w, std::size_t i) {
  return w.programme_for(ProgrammeKind::PolicyBank, i);
}

double extra_credit(const World& w, int p, std::size_t i, double unmet, double ceiling) {
  if (p < 0 || !(ceiling > 0)) return 0.0;
  const auto& spec = w.terms[std::size_t(p)];
  if (!(unmet > 0) || unmet < spec.min_project) return 0.0;
  double most = std::min(unmet, spec.effect * ceiling);
  if (spec.cap > 0) most = std::min(most, spec.cap - w.programmes[std::size_t(p)].covered_debt[i]);
  return std::max(0.0, most);
}

std::vector<double> allocate(World& w, const std::vector<engine::Request>& requests,
                             const std::vector<int>& window_of) {
  std::vector<double> grant(w.firms.size(), 0.0);
  if (requests.empty()) return grant;
  for (const std::size_t p : windows(w)) {
    std::vector<engine::Request> mine;
    for (const auto& r : requests)
      if (window_of[r.agent] == int(p)) mine.push_back(r);
    if (mine.empty()) continue;
    const auto grants = engine::clear_by_rank(mine, quota_left(w, p));
    for (std::size_t k = 0; k < mine.size(); ++k) grant[mine[k].agent] = grants[k];
  }
  return grant;
}

void on_loan(World& w, std::size_t i, int p, double amount) {
  if (p < 0 || !(amount > 0)) return;
  auto& st = w.programmes[std::size_t(p)];
  st.covered_debt[i] += amount;
  st.drawn += amount;
  st.lent_this_year += amount;
}

double debt(const World& w, std::size_t i) {
  double total = 0.0;
  for (const std::size_t p : windows(w)) total += w.programmes[p].covered_debt[i];
  return total;
}

double due(const World& w, std::size_t i) {
  double total = 0.0;
  for (const std::size_t p : windows(w)) total += w.programmes[p].covered_debt[i] / months_of(w, p);
  return total;
}

void on_repayment(World& w, std::size_t i, double share) {
  for (const std::size_t p : windows(w)) {
    auto& d = w.programmes[p].covered_debt[i];
    d = std::max(0.0, d - share * d / months_of(w, p));
  }
}

double interest_relief(const World& w, std::size_t i) {
  double total = 0.0;
  for (const std::size_t p : windows(w)) total += w.terms[p].rate * w.programmes[p].covered_debt[i];
  return total;
}

void book_concessions(World& w) {
  // The concession runs with the loan contract, after the window has closed too.
  for (const std::size_t p : windows(w)) {
    const double rate = w.terms[p].rate;
    if (!(rate > 0)) continue;
    double debt_total = 0.0;
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i]) debt_total += w.programmes[p].covered_debt[i];
    book(w, p, rate * debt_total / 12.0);
  }
}

void on_default(World& w, std::size_t i) {
  for (const std::size_t p : windows(w)) w.programmes[p].covered_debt[i] = 0.0;
}

void on_month(World& w, std::size_t p) {
  auto& st = w.programmes[p];
  if (w.is_january()) st.lent_this_year = 0.0;
  st.budget_left = quota_left(w, p) > 0;
}

double outstanding_all(const World& w) {
  double total = 0.0;
  for (const std::size_t p : windows(w))
    for (const double d : w.programmes[p].covered_debt) total += d;
  return total;
}

}  // namespace parksim::model::policy_bank
