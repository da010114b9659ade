// National tax incentives (tax_incentives.hpp).
#include "programmes/tax_incentives.hpp"

#include "programmes/programme.hpp"

namespace parksim::model::tax_incentives {

FirmTerms for_firm(const World& w, std::size_t i) {
  const double statutory = w.sc.model.corporate_tax_rate;
  FirmTerms t{-1, statutory, statutory, 0.0};
  t.programme = w.programme_for(ProgrammeKind::TaxIncentives, i);
  if (t.programme < 0) return t;
  const auto& terms = w.terms[std::size_t(t.programme)];
  t.certified_rate = terms.rate;
  t.rate = (w.firms.flags[i] & kHighTech) ? terms.rate : statutory;
  t.super_deduction = terms.super_deduction;
  return t;
}

void book_forgone(World& w, const std::vector<double>& forgone, const std::vector<int>& programme) {
  for (std::size_t i = 0; i < forgone.size(); ++i)
    if (programme[i] >= 0 && forgone[i] > 0) book(w, std::size_t(programme[i]), forgone[i]);
}

}  // namespace parksim::model::tax_incentives
