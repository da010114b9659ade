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

int industrialisation_project(const World& w, std::size_t i, double expansion) {
  const int p = w.programme_for(ProgrammeKind::Industrialisation, i);
  if (p < 0 || !w.sc.sectors[w.firms.sector[i]].strategic_emerging) return -1;
  if (expansion < w.sc.model.industrialisation_min_project || !(expansion > 0)) return -1;
  if (w.programmes[std::size_t(p)].paid_to_firm_this_year[i] > 0) return -1;
  return p;
}

double industrialisation_share(const World& w, int p, double amount) {
  if (p < 0 || !(amount > 0)) return 0.0;
  return capped_share(w.terms[std::size_t(p)], amount) / amount;
}

void start_expansion_project(World& w, std::size_t i, double invest, double from_cash) {
  auto& f = w.firms;
  const int p = industrialisation_project(w, i, invest);
  if (p < 0) return;
  f.expansion_programme[i] = p;
  f.expansion_project[i] = from_cash;
  f.expansion_gap[i] = invest - from_cash;
}

void on_capital_installed(World& w, std::size_t i, double amount) {
  auto& f = w.firms;
  if (f.expansion_programme[i] < 0) return;
  const double to_project = std::clamp(amount, 0.0, f.expansion_gap[i]);
  f.expansion_project[i] += to_project;
  f.expansion_gap[i] -= to_project;
}

void claim_industrialisation(World& w) {
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const int p = f.expansion_programme[i];
    if (p < 0 || !f.alive[i] || !(f.expansion_project[i] > 0)) continue;
    claim(w, std::size_t(p), i, capped_share(w.terms[std::size_t(p)], f.expansion_project[i]));
  }
}

RetrofitSupport retrofit_support(const World& w, std::size_t i, double cost, double local) {
  const Offer whole = offer_share(w, ProgrammeKind::SmartRetrofit, i, cost);
  const Offer demo = offer_share(w, ProgrammeKind::DemoApplication, i, local);
  if (!demo.available()) return {whole, {}};
  const Offer rest = offer_share(w, ProgrammeKind::SmartRetrofit, i, cost - local);
  if (rest.amount + demo.amount > whole.amount) return {rest, demo};
  return {whole, {}};
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
