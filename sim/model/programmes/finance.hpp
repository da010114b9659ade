#pragma once
// Finance programmes, document 000 L9-L11 and the guidance fund: the dedicated credit line (a
// quota of bank credit above a firm's normal ceiling), loan risk-compensation pools (refund part
// of banks' losses on covered loans, with a guarantee company's share), the leasing subsidy to
// lessees and the guidance fund co-investing in venture rounds. Banks' and firms' own decisions
// are in agents/banks.cpp.
#include <vector>

#include "parksim/engine/clearing.hpp"
#include "parksim/model/detail/world.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace risk_pool {
// The pool that would cover a new loan of this firm (-1: none).
int covering(const World& w, std::size_t firm);
// Share of a loss on a loan under this pool that the bank does not bear: the pool's refund share
// as far as its fund can honour it (ProgrammeState::credible_share) plus the guarantee share.
double coverage(const World& w, int pool);
// Records that `amount` of the firm's new debt is covered by `pool`.
void on_loan(World& w, std::size_t firm, int pool, double amount);
// Repayment left `remaining` of the firm's debt: its covered debt shrinks alike.
void on_repayment(World& w, std::size_t firm, double remaining);
// Yearly guarantee fee on the firm's covered debt (CNY per year).
double guarantee_fee(const World& w, std::size_t firm);
// The firm defaulted with `loss` for its banks: the covering pools refund their share of the
// covered part while their funds and their year's budget (budget_per_year) last, the guarantee
// companies bear theirs.
void on_default(World& w, std::size_t firm, double loss);
// Calendar hook: each January the pool is replenished by replenish_per_year, up to fund_size, so
// fund_left + paid_total == fund_size + replenished and the pool keeps covering new loans. Each
// month it sets the share of its nominal refund rate that banks can count on: a pool refunds
// only from fund_left, and the refunds banks expect on the debt it covers are rate x
// funds.bank_expected_loss x covered debt, so the credible share is min(1, fund_left / that).
// Without it a 10亿 pool would back any volume of lending at its full rate (MODEL_NOTES: "until
// the pool is exhausted"; REFERENCES §2: true fiscal cost is easily understated).
void on_month(World& w, std::size_t pool);
}  // namespace risk_pool

namespace credit_line {
// Document 000 (line 42): "为临港地区智能制造企业提供200亿元专属授信额度". The line is credit the
// sci-tech branches set aside for the area's IM firms beyond what ordinary lending gives them: a
// firm whose demand exceeds its ordinary ceiling may borrow up to `effect` x that ceiling more
// from the line. The quota is a revolving limit on line loans outstanding: each line keeps the
// debt it lent per firm slot (ProgrammeState::covered_debt), repayments and write-offs give the
// room back, so fund_left + line debt outstanding == fund_size at all times.
//
// The line open to this firm (-1: none).
int open_to(const World& w, std::size_t firm);
// Line credit a firm may ask for beyond its ordinary ceiling: min(unmet demand, effect x ceiling).
double extra_credit(const World& w, int line, double unmet, double ceiling);
// Rations firms' requests for line credit against each line's room left (requests' agent is
// the firm; `line_of` its line); returns the grant per firm.
std::vector<double> allocate(World& w, const std::vector<engine::Request>& requests,
                             const std::vector<int>& line_of);
// Records `amount` of new line debt of the firm lent by `line`.
void on_loan(World& w, std::size_t firm, int line, double amount);
// Repayments left share[i] of each firm's debt (1: no repayment): line debt shrinks alike and the
// repaid part restores the line's room (sequential, in firm order).
void on_repayments(World& w, const std::vector<double>& share);
// The firm exits: its line debt is written off and no longer uses the line's room.
void on_default(World& w, std::size_t firm);
// Line credit drawn since the start, all lines.
double drawn(const World& w);
// Line debt outstanding of one line.
double outstanding(const World& w, std::size_t line);
}  // namespace credit_line

namespace leasing_subsidy {
// Document 000 line 42: "鼓励企业开展智能装备融资租赁服务,对承租企业按租赁标的物总额的5%一次性给予
// 扶持,最高500万元". The one-off support a lease contract of `lease` would get from the programme
// open to the lessee, min(rate x lease, cap) per contract (no programme: unavailable).
Offer offer(const World& w, std::size_t firm, double lease);
// The lessee signed the contract: the support is claimed once, paid in the awards phase.
void on_lease(World& w, const Offer& subsidy, std::size_t firm);
}  // namespace leasing_subsidy

namespace leasing {
// The lessor's credit check: the largest lease it signs with the firm (0 for negative net worth).
double lessor_limit(const World& w, std::size_t firm);
// Chance that the firm leases `lease` rather than waiting for bank credit, given the one-off
// support `subsidy` on the contract (agents/banks.cpp, lease_equipment).
double lease_probability(const World& w, double lease, double subsidy);
}  // namespace leasing

namespace guidance_fund {
// Document 000 (line 28): "发起设立上海智能制造产业投资基金,发挥财政资金杠杆放大效应": the fund
// co-invests alongside private VC, so it adds public money to the rounds it joins and draws new
// private money in (crowd-in, funds.guidance_crowd_in) rather than capping VC.
//
// The first active fund with money left open to the firm (its eligible zones and sectors), in
// programme order (-1: none), and its public share g of each round it joins.
int open_to(const World& w, std::size_t firm);
double share(const World& w, int fund);
// Public money the fund can put in this month (its capital spread over its remaining months).
double money_this_month(const World& w, std::size_t fund);
// New private money drawn into a co-invested round per public yuan at public share g; negative
// when g is above funds.guidance_crowd_out_share (private money displaced).
double crowd_in(const World& w, double g);
// The fund puts `amount` of equity into a round: drawn from its capital and booked as its cost
// (equity is money the programme spends, not a grant; it is reported in subsidy_paid).
void invest(World& w, std::size_t fund, double amount);
}  // namespace guidance_fund

}  // namespace parksim::model
