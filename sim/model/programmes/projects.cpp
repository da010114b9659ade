// Project subsidies (projects.hpp).
#include "programmes/projects.hpp"

#include <algorithm>

namespace parksim::model::projects {

double platform_rent_covered(const World& w, std::size_t i, double rent_per_year) {
  const int p = w.programme_for(ProgrammeKind::PlatformRent, i);
  if (p < 0) return 0.0;
  const auto& spec = w.terms[p];
  double covered = spec.rate * rent_per_year;
  if (spec.cap_per_year > 0) covered = std::min(covered, spec.cap_per_year);
  return covered;
}

void pay_platform_rent(World& w) {
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !(f.flags[i] & kPlatformOwner)) continue;
    const int p = w.programme_for(ProgrammeKind::PlatformRent, i);
    if (p < 0) continue;
    const auto& spec = w.terms[std::size_t(p)];
    double pay = spec.rate * w.sc.model.platform_rent_per_year / 12.0;
    if (spec.cap_per_year > 0) pay = std::min(pay, spec.cap_per_year / 12.0);
    w.pay(std::size_t(p), i, std::min(pay, budget_room(w, std::size_t(p))));
  }
}

void on_capital_installed(World& w, std::size_t i, double amount) {
  if (const int p = w.firms.expansion_programme[i]; p >= 0)
    claim(w, std::size_t(p), i, w.terms[std::size_t(p)].rate * amount);
}

Offer listing_bonus(const World& w, std::size_t i) {
  const int p = w.programme_for(ProgrammeKind::ListingBonus, i);
  if (p < 0) return {};
  return {p, w.terms[std::size_t(p)].amount};
}

double local_share_extra(const World& w, std::size_t i) {
  const int p = w.programme_for(ProgrammeKind::LocalProcurement, i);
  return p >= 0 ? w.terms[std::size_t(p)].effect : 0.0;
}

// A price preference of `rate` on local spending is money paid to the buyer (booked by pay); with
// no rate (Lingang's scenario: the clause gives no number) L16 only redirects the buyer's own
// spending to local suppliers, a transfer between firms that costs the programme nothing.
void pay_local_procurement(World& w, std::size_t i, double spend) {
  const int p = w.programme_for(ProgrammeKind::LocalProcurement, i);
  if (p < 0) return;
  const double amount =
      std::min(w.terms[std::size_t(p)].rate * spend, budget_room(w, std::size_t(p)));
  if (amount > 0) w.pay(std::size_t(p), i, amount);
}

}  // namespace parksim::model::projects
