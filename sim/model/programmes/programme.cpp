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

// Entrants' expectations are adaptive: an entrant cannot know a programme's future awards, but it
// can see what comparable firms (same zone and sector) were actually paid. So what attracts entry
// is money that reached firms of the cell, not a programme's headline rate: a programme that pays
// nothing (rate 0, a credit line, a talent pilot, equity) is worth nothing to an entrant, and one
// whose money is gone or that has ended is worth nothing any more. The yearly support per firm of
// a cell is smoothed exponentially with a memory of kSupportMemoryMonths (weight 1/12 per month,
// close to a trailing 12-month mean), so one lumpy award does not swing entry. Only payments to
// firms (World::pay) count; money booked to banks, talent or landlords (book) does not.
namespace {
constexpr double kSupportMemoryMonths = 12.0;
}  // namespace

void fold_support_month(World& w, std::size_t p) {
  auto& st = w.programmes[p];
  for (std::size_t c = 0; c < st.paid_cell_this_step.size(); ++c) {
    const double firms = std::max(1.0, w.cluster.firms[c]);
    const double per_firm_year = 12.0 * st.paid_cell_this_step[c] / firms;
    st.support_per_firm_year[c] +=
        (per_firm_year - st.support_per_firm_year[c]) / kSupportMemoryMonths;
    st.paid_cell_this_step[c] = 0.0;
  }
}

double expected_support(const World& w, std::size_t p, std::size_t z, std::size_t s) {
  const auto& st = w.programmes[p];
  const auto& terms = w.terms[p];
  const std::size_t c = w.cell(z, s);
  if (!st.active || !w.eligibility[p * w.cells() + c]) return 0.0;
  const double per_firm_year = st.support_per_firm_year[c];
  if (!(per_firm_year > 0)) return 0.0;
  // Money left: this year's budget room, and for fund-based programmes the fund itself.
  double room = budget_room(w, p);
  if (kind_info(terms.kind).fund_based) room = std::min(room, st.fund_left);
  if (!(room > 0)) return 0.0;
  // Only the months the programme still runs count, at most a year.
  const double months_left = double(terms.to - w.month + 1);
  const double share_of_year = std::clamp(months_left / 12.0, 0.0, 1.0);
  return std::min(per_firm_year * share_of_year, room);
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
