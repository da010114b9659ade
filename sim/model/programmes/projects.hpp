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
// Industrialisation (L6), document 000 line 40 "在临港投资的智能制造产业化项目,达到市级战略性
// 新兴产业扶持要求的,按照企业投资额的10%-30%给予扶持,最高1亿元". A project is a capacity expansion
// decided in one month of at least model.industrialisation_min_project by a firm of a strategic
// emerging sector with the programme open that has had no L6 award this calendar year (projects
// are applied for in yearly rounds, assumption). The programme it would be, or -1.
int industrialisation_project(const World& w, std::size_t firm, double expansion);
// The share of the project's amount the support covers, min(rate x amount, cap) / amount (0 for
// no project): what the firm counts in the payback of expanding.
double industrialisation_share(const World& w, int programme, double amount);
// The firm expands by `invest` this month, `from_cash` of it paid now: if it is a project, the
// project's installed capital and its unfinanced part are recorded.
void start_expansion_project(World& w, std::size_t firm, double invest, double from_cash);
// Capital financed by credit or a lease: the month's project is financed first.
void on_capital_installed(World& w, std::size_t firm, double amount);
// Awards phase: each project claims min(rate x capital installed for it, cap), once.
void claim_industrialisation(World& w);
// Smart retrofit (L7, 000 line 40, "按投资额的30%给予扶持,最高1000万元") and demonstration
// application (L3, 000 line 36, "对示范应用项目中的高端智能装备及系统集成投资,按照不超过20%的比例
// 给予扶持,最高1000万元"). A retrofit that buys intelligent equipment and integration from the
// zone's IM suppliers (`local` of its `cost`) is a demonstration application of that equipment.
// Each yuan of one project is supported once: the firm takes the better of L7 on the whole cost
// or L7 on the rest and L3 on the local purchases (with caps per project, L3 adds support to
// large projects where L7's cap binds, and where L7 is not open).
struct RetrofitSupport {
  Offer retrofit, demonstration;
};
RetrofitSupport retrofit_support(const World& w, std::size_t firm, double cost, double local);
// Listing bonus (L12): a fixed amount on top of city and district support.
Offer listing_bonus(const World& w, std::size_t firm);
// Local procurement (L16): extra share of a retrofit bought from the zone's IM suppliers, and
// the price preference (rate x local spending) it pays to the buyer.
double local_share_extra(const World& w, std::size_t firm);
void pay_local_procurement(World& w, std::size_t firm, double spend);

}  // namespace parksim::model::projects
