#pragma once
// Land supply programmes, document 003: standard factories (标准厂房). A programme builds
// factory floor in its zones each year (construction cost = policy cost) on free industrial land
// at the standard-factory plot ratio; the zone lets the floor at a rent to entrants, to firms
// short of floor for an expansion and to firms relocating into the zone, instead of their waiting
// for a parcel (agents/land.cpp, agents/lifecycle.cpp).
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::standard_factories {

// Calendar hook: in the programme's first month and every twelve months after, starts
// units_per_year m2 of factory floor in each eligible zone, as far as free land and the yearly
// budget (amount per m2) allow; the floor is let standard_factory_build_months later.
void build(World& w, std::size_t programme);
// Floor under construction whose time has come becomes lettable (land phase, every month).
void complete(World& w);

// Floor built in zone z and not let.
double free_floor(const World& w, std::size_t zone);
// Whether a firm of (zone, sector) may rent the zone's factory floor: some factory programme of
// the zone has started and admits the cell (its sectors; an SME-only programme only SMEs).
bool may_rent(const World& w, std::size_t zone, std::size_t sector, bool sme);
// The firm rents m2 more factory floor in its zone (the caller checked free_floor).
void let_floor(World& w, std::size_t firm, double m2);
// The firm gives its factory floor back (exit, relocation).
void release(World& w, std::size_t firm);

// Rent per m2 of factory floor per month in zone z: the market rent of floor on leased land
// (land_rent / plot_ratio) times model.standard_factory_rent_share.
double rent_per_m2(const World& w, std::size_t zone);
// What the firm pays for its factory floor this month.
double monthly_rent(const World& w, std::size_t firm);
// Books this month's factory rent of every firm to its zone's account (after production).
void collect_rent(World& w);

// Land a firm occupies: its own and leased land plus the land under its factory floor.
double land_in_use(const World& w, std::size_t firm);

// Expanding firms whose floor request the zone's free factory floor can meet rent it at once,
// denser users first (以亩均论英雄, as land requests), and withdraw their land request.
void let_to_expanding_firms(World& w);

}  // namespace parksim::model::standard_factories
