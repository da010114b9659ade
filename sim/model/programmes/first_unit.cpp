// First-unit grant (L1) and first-unit insurance (L2): first_unit.hpp.
#include "programmes/first_unit.hpp"

#include <algorithm>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::first_unit {

double rd_return(const World& w, std::size_t i) {
  const auto& m = w.sc.model;
  double expected_return = 0.0;
  if (int p = w.programme_for(ProgrammeKind::FirstUnitGrant, i); p >= 0)
    expected_return += w.terms[p].rate * m.first_unit_sale_probability;
  if (int p = w.programme_for(ProgrammeKind::FirstUnitInsurance, i); p >= 0)
    expected_return +=
        w.terms[p].rate * (m.first_unit_insured_probability - m.first_unit_sale_probability);
  return expected_return;
}

void on_breakthrough(World& w, std::size_t i, engine::Stream& rng) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const double contract = m.first_unit_contract_share * f.output[i] * 12.0;
  const double margin = marginal_margin(w, f.sector[i]);
  const Offer grant = offer_share(w, ProgrammeKind::FirstUnitGrant, i, contract);
  const int insurance = w.programme_for(ProgrammeKind::FirstUnitInsurance, i);
  // The firm takes whichever of grant (L1) or insurance (L2) is worth more; they are alternatives.
  const double value_plain = m.first_unit_sale_probability * (contract * margin + grant.amount);
  double premium_subsidy = 0.0, value_insured = -1.0;
  if (insurance >= 0) {
    const auto& spec = w.terms[insurance];
    const double premium = std::min(m.first_unit_premium_rate,
                                    spec.premium_rate_cap > 0 ? spec.premium_rate_cap : 1.0) *
                           contract;
    premium_subsidy = spec.rate * premium;
    value_insured =
        m.first_unit_insured_probability * contract * margin - (premium - premium_subsidy);
  }
  const bool insured = value_insured > value_plain;
  const double p_sale = insured ? m.first_unit_insured_probability : m.first_unit_sale_probability;
  if (rng.uniform() >= p_sale) return;
  f.flags[i] |= kFirstUnit;
  f.events[i] |= kEventFirstUnit;
  f.log_shifter[i] += std::log1p(m.first_unit_contract_share);
  if (insured) {
    const int years = std::max(1, w.terms[insurance].years);
    f.insured_months[i] = 12 * years;
    // The market premium per month (the subsidy is its rate share).
    f.insured_premium[i] = premium_subsidy / std::max(1e-9, w.terms[insurance].rate) / 12.0;
  } else {
    claim(w, grant, i);
  }
}

void refund_premium(World& w, std::size_t i) {
  auto& f = w.firms;
  if (f.insured_months[i] <= 0) return;
  if (int p = w.programme_for(ProgrammeKind::FirstUnitInsurance, i); p >= 0)
    claim(w, std::size_t(p), i, w.terms[p].rate * f.insured_premium[i]);
  --f.insured_months[i];
}

}  // namespace parksim::model::first_unit
