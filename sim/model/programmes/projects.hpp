#pragma once
// Project subsidies, document 000 L3-L8, L12 and L16: support that lowers the cost of a firm's
// project (demonstration application, platform construction and rent, industrialisation,
// smart retrofit, brand M&A, listing) and the local-procurement preference. The firm's decisions
// are in agents/investment.cpp; they ask these programmes what support a project would get
// (offer_share in programme.hpp for the rate-and-cap kinds) and claim it when they go ahead.
#include "parksim/model/detail/world.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::projects {

// Platform rent support (L5): the part of a platform's yearly rent it would cover for this firm.
double platform_rent_covered(const World& w, std::size_t firm, double rent_per_year);
// L5 paid each month to platform owners, within the per-year cap and the budget.
void pay_platform_rent(World& w);
// Industrialisation (L6): capital installed for an expansion it backs earns its subsidy.
void on_capital_installed(World& w, std::size_t firm, double amount);
// Listing bonus (L12): a fixed amount on top of city and district support.
Offer listing_bonus(const World& w, std::size_t firm);
// Local procurement (L16): extra share of a retrofit bought from the zone's IM suppliers, and
// the price preference (rate x local spending) it pays to the buyer.
double local_share_extra(const World& w, std::size_t firm);
void pay_local_procurement(World& w, std::size_t firm, double spend);

}  // namespace parksim::model::projects
