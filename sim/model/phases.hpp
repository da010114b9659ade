#pragma once
// Private: the phase functions of a monthly step (schedule.cpp lists them in order; each lives in
// agents/, the innovation-centre phase in programmes/innovation_centres.cpp).
#include "parksim/model/detail/world.hpp"

namespace parksim::model {

void phase_calendar(World& w);       // agents/calendar.cpp
void phase_events(World& w);         // agents/events.cpp
void phase_cluster_stats(World& w);  // agents/cluster.cpp
void phase_talent(World& w);         // agents/talent.cpp
void phase_innovation(World& w);     // agents/innovation.cpp
void phase_centres(World& w);        // programmes/innovation_centres.cpp
void phase_investment(World& w);     // agents/investment.cpp
void phase_credit(World& w);         // agents/banks.cpp
void phase_awards(World& w);         // agents/awards.cpp
void phase_tally(World& w);          // agents/awards.cpp
void phase_land(World& w);           // agents/land.cpp
void phase_hiring(World& w);         // agents/labour.cpp
void phase_production(World& w);     // agents/production.cpp
void phase_exit(World& w);           // agents/lifecycle.cpp
void phase_entry(World& w);          // agents/lifecycle.cpp
void phase_status(World& w);         // agents/status.cpp
void phase_tax(World& w);            // agents/tax.cpp
void phase_record(World& w);         // output/record.cpp

// Zone attractiveness to entrants of a sector (entry phase).
double attractiveness(const World& w, std::size_t zone, std::size_t sector);

}  // namespace parksim::model
