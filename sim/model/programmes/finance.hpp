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
// Share of a loss on a loan under this pool that the bank does not bear (pool plus guarantee).
double coverage(const World& w, int pool);
// Records that `amount` of the firm's new debt is covered by `pool`.
void on_loan(World& w, std::size_t firm, int pool, double amount);
// Repayment left `remaining` of the firm's debt: its covered debt shrinks alike.
void on_repayment(World& w, std::size_t firm, double remaining);
// Yearly guarantee fee on the firm's covered debt (CNY per year).
double guarantee_fee(const World& w, std::size_t firm);
// The firm defaulted with `loss` for its banks: the covering pools refund their share of the
// covered part while their funds last, the guarantee companies bear theirs.
void on_default(World& w, std::size_t firm, double loss);
}  // namespace risk_pool

namespace credit_line {
// The line open to this firm (-1: none) and how far it raises the firm's credit ceiling.
int open_to(const World& w, std::size_t firm);
double ceiling_factor(const World& w, int line);
// Rations firms' requests for line credit against the quota left; returns the grant per firm.
std::vector<double> allocate(World& w, const std::vector<engine::Request>& requests);
// Line credit drawn since the start, all lines.
double drawn(const World& w);
}  // namespace credit_line

namespace leasing_subsidy {
struct Terms {
  int programme = -1;  // the programme open to the lessee (-1: none)
  double rate = 0.0;   // share of the leased value it pays
};
// The subsidy open to a lessee, and its claim on a lease the firm signs (rate x lease, capped).
Terms open_to(const World& w, std::size_t firm);
void on_lease(World& w, const Terms& subsidy, std::size_t firm, double lease);
}  // namespace leasing_subsidy

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
