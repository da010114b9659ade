#pragma once
// Finance programmes that are agents with a balance sheet of their own: guarantee companies
// (document 000 line 28, 004 line 81), and IP-pledge lending backed by a government fund (004 lines
// 81 and 91). finance.hpp holds the credit line, risk pools, leasing and
// the guidance fund; banks' and firms' own decisions are in agents/banks.cpp.
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::guarantee_company {

// 000 (line 28):
// "推动建立风险分担机制,鼓励融资担保公司为智能制造企业贷款提供担保,推动降低中小企业的 融资成本";
// 004 (line 81): "加强科技部门与金融机构、创投机构、担保机构的战略合作…联投联贷联保".
//
// A company starts with public capital (fund_size; ProgrammeState::fund_left is the capital left)
// and takes the share `rate` (<= funds.guarantee_max_share) of the loss on the loans it guarantees
// (ProgrammeState::covered_debt per firm slot). Banks apply their limits to the exposure they bear,
// so a firm rationed at its ordinary ceiling C can borrow up to C / (1 - rate) when the whole new
// loan is guaranteed. The company guarantees no firm in distress. The company issues new guarantees
// while its capital lasts and its guarantees outstanding stay within funds.guarantee_max_multiple x
// capital; it earns the fee funds.guarantee_fee on what it guarantees (the government pays
// fee_subsidy of it for the firm, within budget_per_year) and pays its share of defaults from
// capital.

// A rationed firm's request for a guaranteed loan this month.
struct Ask {
  std::size_t firm = 0;
  double ceiling = 0;  // the bank's ordinary ceiling on unguaranteed credit (C)
  double unmet = 0;    // demand the ordinary ceiling and the credit line left unfinanced
};

// A guarantee arranged: the company (-1: none) and the new loan it guarantees (G). The bank then
// lends C - (1 - rate) G without a guarantee and G with it: C + rate x G in all.
struct Guarantee {
  int company = -1;
  double amount = 0;
};

// Debt of the firm whose loss a solvent guarantee company bears (rate x guaranteed debt): the
// bank does not count it in its exposure (loan_offer).
double bank_relief(const World& w, std::size_t firm);
// Each company rations its firms' asks by productivity, then firm id, against its room; a firm
// takes a guarantee it is offered when its return on capital beats the all-in cost of the extra
// credit (logit, stream "guarantee_takeup"). Returns one Guarantee per firm slot.
std::vector<Guarantee> arrange(const World& w, const std::vector<Ask>& asks);
// The loss share of a company's guarantees (0 for none).
double share(const World& w, int company);
// Records a guaranteed loan of `amount` to the firm.
void on_loan(World& w, std::size_t firm, int company, double amount);
// Repayment left `remaining` of the firm's debt: its guaranteed debt shrinks alike.
void on_repayment(World& w, std::size_t firm, double remaining);
// Monthly fee on guarantees outstanding: the firm pays funds.guarantee_fee / 12 of its guaranteed
// debt to the company's capital; an active company's fee subsidy is paid to the firm (booked as
// policy cost) within the year's budget.
void collect_fees(World& w);
// The firm exits with `loss` for its banks: each company pays rate x the guaranteed part of it
// from its capital, as far as the capital goes. Returns what the companies paid (the banks' loss
// is reduced by it before risk pools refund their share).
double on_default(World& w, std::size_t firm, double loss);
// Guarantees outstanding of one company, and of all.
double outstanding(const World& w, std::size_t company);
double outstanding_all(const World& w);
// New guarantees the company may still issue: guarantee_max_multiple x capital - outstanding.
double room(const World& w, std::size_t company);

}  // namespace parksim::model::guarantee_company

namespace parksim::model::ip_pledge {

// 004 (line 81):
// "政府设立基金,引导银行给智能制造领域科技型企业开展知识产权质押试点,促进知识产权资本化"; (line
// 91): "开展知识产权质押融资试点,促进知识产权商品化、资本化、产业化".
//
// Banks do not lend on IP alone (it is hard to sell in a default); the government fund makes them
// accept it: while the fund open to the firm has money and refunds a share `rate` of losses on
// pledged loans, a firm that owns IP (high-tech certified: the 2016 certification rules require
// owning the IP behind its main products) may borrow, beyond its ordinary ceiling, up to the
// pledge value of its IP, funds.ip_pledge_loan_to_value x its R&D capital (annual R&D /
// funds.ip_rd_depreciation, the steady-state stock), less what its IP already secures. Pledged
// debt is kept per firm (ProgrammeState::covered_debt); on default the fund refunds rate x the
// pledged part of the loss from fund_left within budget_per_year.

// The fund open to the firm for a pledged loan (-1: none, or the firm owns no IP).
int open_to(const World& w, std::size_t firm);
// New pledged credit the firm may have from fund `p`: pledge value less pledged debt outstanding.
double pledge_room(const World& w, int fund, std::size_t firm);
// Records `amount` of new pledged debt of the firm under fund `p`.
void on_loan(World& w, std::size_t firm, int fund, double amount);
// Repayment left `remaining` of the firm's debt: its pledged debt shrinks alike.
void on_repayment(World& w, std::size_t firm, double remaining);
// The firm exits with `loss` for its banks: each fund refunds rate x the pledged part of it within
// its money and its year's budget. Returns the refunds.
double on_default(World& w, std::size_t firm, double loss);
// Pledged debt outstanding of all funds.
double outstanding_all(const World& w);

}  // namespace parksim::model::ip_pledge
