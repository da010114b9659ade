#pragma once
// Private: the phase functions of a monthly step and helpers shared between phase files.
#include "parksim/model/detail/world.hpp"

namespace parksim::model {

void phase_calendar(World& w);
void phase_events(World& w);
void phase_cluster_stats(World& w);
void phase_talent(World& w);
void phase_innovation(World& w);
void phase_centres(World& w);
void phase_investment(World& w);
void phase_credit(World& w);
void phase_awards(World& w);
void phase_land(World& w);
void phase_hiring(World& w);
void phase_production(World& w);
void phase_exit(World& w);
void phase_entry(World& w);
void phase_record(World& w);

// Money a programme pays to someone other than a firm (banks, talent, landlords, centres).
void book(World& w, std::size_t programme, double amount);
// Money a programme may still pay this calendar year.
double budget_room(const World& w, std::size_t programme);
// Refunds a bank part of a loss on a loan covered by the risk pool, while the pool lasts.
void settle_risk_pool(World& w, double covered_loss);
// Zone attractiveness to entrants of a sector (entry phase).
double attractiveness(const World& w, std::size_t zone, std::size_t sector);

}  // namespace parksim::model
