#pragma once
// Differentiated terms by output per mu (003 line 140: 探索建立企业综合绩效评价体系, 推进企业分类
// 指导, 在…能耗指标、用水用电、金融信贷等方面实施差别化政策; the 以亩均论英雄 evaluation). Each
// year a firm is classed A-D by last year's output per mu of the land it holds, against the
// programme's class thresholds; classes C and D pay a surcharge on the power they buy, and the
// bank prices the firm's loans with a discount (A) or a premium (C, D) on its rate.
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::land_terms {

// The firm's class, 0..3 for A..D, under the first active programme open to it; -1 when none
// applies, the firm holds no land or is younger than model.output_per_mu_grace_months.
int land_class(const World& w, std::size_t firm);
// Power surcharge the firm pays this month (CNY): its purchased power (output x the sector's
// energy_cost_share / model.industrial_power_price kWh) times its class's surcharge per kWh.
double power_surcharge(const World& w, std::size_t firm);
// The same as a share of output: what it takes off the margin of an extra unit of output.
double surcharge_share(const World& w, std::size_t firm);
// What the terms do to the cash margin of an expansion from monthly output `now` to `after` on
// the firm's land: the surcharge share at the class it would reach is lost on the added output,
// and the surcharge it escapes by moving up a class is gained on the output it has (a firm that
// expands into class B stops paying on all of it). Negative: the terms deter the expansion.
double expansion_margin_change(const World& w, std::size_t firm, double now, double after);
// Change of the yearly rate the bank charges on the firm's bank debt (negative for class A).
double credit_spread(const World& w, std::size_t firm);

// Books this month's surcharges of every firm to its zone's total (after production).
void collect_surcharges(World& w);

}  // namespace parksim::model::land_terms
