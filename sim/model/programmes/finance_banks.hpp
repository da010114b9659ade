#pragma once
// Programmes that change banks' own lending terms: credit rewards paid to banks on the growth of
// their loans to eligible firms (document 002 line 170) and policy-bank lending windows (000 line
// 28; Ezhou's credit tilt for major IM projects, 004 line 103, with other terms). Banks' and
// firms' own decisions are in agents/banks.cpp; finance.hpp and finance_agents.hpp hold the
// programmes that share banks' losses.
#include <vector>

#include "parksim/engine/clearing.hpp"
#include "parksim/model/detail/world.hpp"

namespace parksim::model::credit_reward {

// 002 (line 170): "发挥本市科技型中小企业信贷风险补偿和信贷奖励政策的作用,引导商业银行加大信贷投放".
//
// Each December the programme pays banks `rate` x the year's increase in the bank loans (debt less
// lease debt) of the firms eligible for it (sectors, zones, sme_only), within budget_per_year
// (ProgrammeState::loan_base is the eligible loan stock the year started with). A yuan of new
// eligible lending thus earns the bank `rate` while the year's budget is not yet used up, and the
// bank values it as an expected refund of the same size: as a loss cover of rate /
// funds.bank_expected_loss, which relaxes its ceiling as a risk pool's coverage does
// (loan_offer). When the year's accrued rewards reach the budget, the marginal loan earns nothing
// and the ceiling is the ordinary one again.

// The loss cover the bank counts on a marginal loan to the firm (0: no programme open to it, or
// its budget for the year is used up).
double loss_cover(const World& w, std::size_t firm);
// Bank loans outstanding of the firms the programme is open to (alive, eligible cell, SME rule).
double eligible_loans(const World& w, std::size_t programme);
// Reward earned so far this year, before the budget: rate x max(0, eligible loans - loan base).
double accrued(const World& w, std::size_t programme);
// Calendar hook: the first active month sets the loan base; every month the bank learns whether
// the year's budget still has room (ProgrammeState::budget_left, last month's state).
void on_month(World& w, std::size_t programme);
// End of the credit phase: in December each active programme pays min(accrued, budget) to banks
// (booked as policy cost) and the next year's base is the stock now.
void settle(World& w);

}  // namespace parksim::model::credit_reward

namespace parksim::model::policy_bank {

// 000 (line 28): "推动国家开发银行、中国进出口银行等政策性银行支持临港地区智能制造企业开展国际合作业务".
// 004 (line 103, with terms that cost no public money): "对智能制造领域重大项目优先给予信贷支持,
// 并在贷款额度、贷款期限及贷款利率等方面予以倾斜".
//
// A lending window for projects the commercial ceiling leaves unfinanced: a firm of an eligible
// cell whose month's investment still lacks at least min_project after ordinary, IP-pledged and
// credit-line loans may borrow the rest from the window, up to `effect` x its ordinary ceiling and
// `cap` of window debt outstanding, and only with positive net worth (ordinary ceiling > 0).
// Requests are ranked by productivity, then firm id, against the year's quota (budget_per_year of
// new loans; ProgrammeState::lent_this_year). Window debt (ProgrammeState::covered_debt) is repaid
// linearly over `years` instead of funds.loan_maturity_years and pays the commercial rate less
// `rate`; the concession is the programme's cost (the state funds the policy bank below market).
// Losses on window debt are banks' losses, as for any loan.

// The window open to the firm this month (-1: none, or its quota for the year is used up).
int open_to(const World& w, std::size_t firm);
// Window credit the firm may ask for: unmet investment of at least min_project, within
// effect x ceiling and the per-firm cap (0 otherwise).
double extra_credit(const World& w, int window, std::size_t firm, double unmet, double ceiling);
// Rations the requests (agent = firm, window_of[firm] its window) against each window's quota
// left for the year; returns the grant per firm slot.
std::vector<double> allocate(World& w, const std::vector<engine::Request>& requests,
                             const std::vector<int>& window_of);
// Records `amount` of new window debt of the firm.
void on_loan(World& w, std::size_t firm, int window, double amount);
// Window debt of the firm, all windows, and its principal due this month (debt / (years x 12)).
double debt(const World& w, std::size_t firm);
double due(const World& w, std::size_t firm);
// The firm paid `share` of each window's monthly due (1 = in full).
void on_repayment(World& w, std::size_t firm, double share);
// Interest the firm saves per year on its window debt (rate x window debt, all windows).
double interest_relief(const World& w, std::size_t firm);
// Books this month's interest concessions as each window's cost (credit phase, after loans).
void book_concessions(World& w);
// The firm exits: its window debt is written off (the loss is banks', counted in bank_losses).
void on_default(World& w, std::size_t firm);
// Calendar hook: the yearly quota restarts each January.
void on_month(World& w, std::size_t window);
// Window debt outstanding, all windows.
double outstanding_all(const World& w);

}  // namespace parksim::model::policy_bank
