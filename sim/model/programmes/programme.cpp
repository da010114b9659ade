// What every programme family shares: offers, claims, accounts, eligibility by zone or sector.
#include "programmes/programme.hpp"

#include <algorithm>

namespace parksim::model {

double capped_share(const ProgrammeSpec& terms, double base) {
  const double a = terms.rate * base;
  return terms.cap > 0 ? std::min(a, terms.cap) : a;
}

Offer offer_share(const World& w, ProgrammeKind kind, std::size_t firm, double base) {
  const int p = w.programme_for(kind, firm);
  if (p < 0) return {};
  return {p, capped_share(w.terms[std::size_t(p)], base)};
}

void claim(World& w, const Offer& offer, std::size_t firm) {
  if (offer.available()) claim(w, std::size_t(offer.programme), firm, offer.amount);
}

void claim(World& w, std::size_t programme, std::size_t firm, double amount) {
  w.award_request[programme][firm] += amount;
}

void book(World& w, std::size_t p, double amount) {
  if (amount <= 0) return;
  w.programmes[p].paid_total += amount;
  w.programmes[p].paid_this_year += amount;
  w.programmes[p].paid_this_step += amount;
}

double budget_room(const World& w, std::size_t p) {
  const double budget = w.terms[p].budget_per_year;
  return budget > 0 ? std::max(0.0, budget - w.programmes[p].paid_this_year) : 1e300;
}

bool eligible_in_zone(const World& w, std::size_t p, std::size_t z) {
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s)
    if (w.eligibility[p * w.cells() + w.cell(z, s)]) return true;
  return false;
}

bool eligible_in_sector(const World& w, std::size_t p, std::size_t s) {
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z)
    if (w.eligibility[p * w.cells() + w.cell(z, s)]) return true;
  return false;
}

}  // namespace parksim::model
