// First-unit grant (L1) and first-unit insurance (L2): first_unit.hpp.
#include "programmes/first_unit.hpp"

#include <algorithm>
#include <cmath>

#include "agents/firm_choice.hpp"

namespace parksim::model::first_unit {

Prospect prospect(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& m = w.sc.model;
  Prospect r;
  r.contract = m.first_unit_contract_share * f.output[i] * 12.0;
  // L1 (000): "给予不超过首台装备销售合同金额的30%，最高3000万元的无偿资助": rate x contract,
  // capped, paid on a first-unit sales contract, whatever the insurance choice.
  r.grant = offer_share(w, ProgrammeKind::FirstUnitGrant, i, r.contract);
  r.sale_value = r.contract * marginal_margin(w, f.sector[i]) + r.grant.amount;
  r.p_sale = m.first_unit_sale_probability;
  r.insurance = w.programme_for(ProgrammeKind::FirstUnitInsurance, i);
  // Insurance exists only as the subsidised pilot (首台套保险补偿): a programme that refunds
  // nothing offers nothing, so a zero-rate programme changes nothing.
  if (r.insurance >= 0 && w.terms[std::size_t(r.insurance)].rate <= 0) r.insurance = -1;
  if (r.insurance >= 0) {
    // L2 (000): "按照3%的保费率上限及实际投保年度保费的80%给予不超过3年的保费补贴": the premium is
    // charged at the market rate (at most the cap) for each insured year of a sold unit, and the
    // programme refunds `rate` of it.
    const auto& spec = w.terms[std::size_t(r.insurance)];
    const double cap = spec.premium_rate_cap > 0 ? spec.premium_rate_cap : 1.0;
    r.premium_year = std::min(m.first_unit_premium_rate, cap) * r.contract;
    r.years = std::max(1, spec.years);
    r.subsidy_total = spec.rate * r.premium_year * r.years;
    const double net_premium = r.premium_year * r.years - r.subsidy_total;
    // Insurance on its own merits: the raised acceptance against the premium net of the refund
    // (both paid only on a sale). The grant raises the value of a sale, so it never deters it.
    const double value_insured = m.first_unit_insured_probability * (r.sale_value - net_premium);
    const double value_plain = m.first_unit_sale_probability * r.sale_value;
    r.insured = value_insured > value_plain;
    if (r.insured) r.p_sale = m.first_unit_insured_probability;
  }
  r.expected_support = r.p_sale * (r.grant.amount + (r.insured ? r.subsidy_total : 0.0));
  return r;
}

double rd_return(const World& w, std::size_t i, double p_breakthrough_year) {
  const auto& f = w.firms;
  if (p_breakthrough_year <= 0) return 0.0;
  if (w.programme_for(ProgrammeKind::FirstUnitGrant, i) < 0 &&
      w.programme_for(ProgrammeKind::FirstUnitInsurance, i) < 0)
    return 0.0;
  const double rd_cost_year = f.rd_base[i] * f.output[i] * 12.0;
  if (rd_cost_year <= 0) return 0.0;
  return p_breakthrough_year * prospect(w, i).expected_support / rd_cost_year;
}

void on_breakthrough(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const Prospect r = prospect(w, i);
  if (rng.uniform() >= r.p_sale) return;
  f.flags[i] |= kFirstUnit;
  f.events[i] |= kEventFirstUnit;
  f.log_shifter[i] += std::log1p(m.first_unit_contract_share);
  if (r.insured) {
    f.insured_months[i] = 12 * r.years;
    f.insured_premium[i] = r.premium_year / 12.0;  // the market premium per month
  }
  claim(w, r.grant, i);  // L1 on the sales contract, insured or not
}

void refund_premium(World& w, std::size_t i) {
  auto& f = w.firms;
  if (f.insured_months[i] <= 0) return;
  if (int p = w.programme_for(ProgrammeKind::FirstUnitInsurance, i); p >= 0)
    claim(w, std::size_t(p), i, w.terms[p].rate * f.insured_premium[i]);
  --f.insured_months[i];
}

}  // namespace parksim::model::first_unit
