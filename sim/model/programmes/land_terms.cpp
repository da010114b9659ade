// Differentiated terms by output per mu (land_terms.hpp). Clause: 003 line 140 names the fields
// (land, energy, water and power, credit) but no class, threshold or price: every number of the
// scenario is an assumption, marked there. REFERENCES §2: Zhejiang's 亩均 reform raised industrial
// efficiency 6-23% in pilot counties, where the terms were backed by land and energy quotas too;
// here only prices change, so a smaller effect is expected. The surcharge is money the firm pays
// the grid above the tariff: it is not programme spending (policy cost 0) and the revenue is not
// credited against other programmes' cost (how it is used is outside the model). The credit terms
// are the bank's pricing: no public money either.
#include "programmes/land_terms.hpp"

#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::land_terms {

namespace {

int programme_of(const World& w, std::size_t i) {
  return w.programme_for(ProgrammeKind::OutputPerMuTerms, i);
}

int class_of(const ProgrammeSpec& t, double output_per_mu) {
  if (output_per_mu >= t.class_a_min) return 0;
  if (output_per_mu >= t.class_b_min) return 1;
  if (output_per_mu >= t.class_c_min) return 2;
  return 3;
}

double share_of_class(const World& w, std::size_t i, const ProgrammeSpec& t, int c) {
  if (c < 2) return 0.0;
  const double per_kwh = c == 2 ? t.power_surcharge_c : t.power_surcharge_d;
  return w.sc.sectors[w.firms.sector[i]].energy_cost_share * per_kwh /
         w.sc.model.industrial_power_price;
}

}  // namespace

int land_class(const World& w, std::size_t i) {
  const int p = programme_of(w, i);
  if (p < 0) return -1;
  const auto& f = w.firms;
  const double mu = f.land(i) / units::kSquareMetresPerMu;
  if (!(mu > 0) || w.month - f.birth[i] < w.sc.model.output_per_mu_grace_months) return -1;
  return class_of(w.terms[std::size_t(p)], f.output_last_year[i] / mu);
}

double surcharge_share(const World& w, std::size_t i) {
  const int c = land_class(w, i);
  return c < 2 ? 0.0 : share_of_class(w, i, w.terms[std::size_t(programme_of(w, i))], c);
}

double expansion_margin_change(const World& w, std::size_t i, double now, double after) {
  const int c = land_class(w, i);
  if (c < 0 || !(after > now)) return 0.0;
  const auto& t = w.terms[std::size_t(programme_of(w, i))];
  const double mu = (w.firms.land(i) + w.firms.land_pending[i]) / units::kSquareMetresPerMu;
  const double s_now = share_of_class(w, i, t, c);
  const double s_after = share_of_class(w, i, t, class_of(t, 12.0 * after / mu));
  return -s_after + (s_now - s_after) * now / (after - now);
}

double power_surcharge(const World& w, std::size_t i) {
  return w.firms.output[i] * surcharge_share(w, i);
}

double credit_spread(const World& w, std::size_t i) {
  const int c = land_class(w, i);
  if (c < 0) return 0.0;
  const auto& t = w.terms[std::size_t(programme_of(w, i))];
  if (c == 0) return -t.credit_discount_a;
  if (c == 2) return t.credit_premium_c;
  if (c == 3) return t.credit_premium_d;
  return 0.0;
}

void collect_surcharges(World& w) {
  if (w.programmes_of(ProgrammeKind::OutputPerMuTerms).empty()) return;
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i]) w.zones[f.zone[i]].power_surcharge_total += power_surcharge(w, i);
}

}  // namespace parksim::model::land_terms
