#pragma once
// Talent services (documents 000 line 26, 002 line 166, 003 line 144, 004 line 75): settlement
// (hukou) and schooling priority rationed by a yearly quota, craftsman awards to skilled talent,
// and internship bases that bring graduates to host firms. Settlement and awards are money or
// rights that reach talent; talent's stay and arrival choices (agents/talent.cpp) see them as
// money-equivalent utility, like the leading-talent reward. Interns are people placed at firms.
#include <cstddef>
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::talent_services {

// What the programmes are worth this month, CNY per person-month.
struct ServiceValues {
  // [zone * 2 + level]: settlement_value x the chance that a newcomer's job there brings a place
  // (the share of the zone's employed persons of the level who hold one at an eligible firm).
  std::vector<double> newcomer_settlement;
  std::vector<double> craftsman_per_firm;  // [firm slot]: expected award per skilled person-month
  std::vector<double> newcomer_craftsman;  // [zone]: the same for a skilled newcomer of the zone
};
ServiceValues service_values(const World& w);

// CNY per person-month agent a's settlement place and craftsman chance are worth to it.
double stay_value(const World& w, std::size_t agent, const ServiceValues& values);

// Phase talent, after the month's moves: grants the settlement places the quotas and budgets
// allow, then books the school places of everyone settled by a programme.
void grant_places(World& w);
void book_school_places(World& w);

// Phase talent, after the month's moves: internship bases take the month's interns and the host
// firms hire those who stay on.
void place_interns(World& w);

// Calendar hooks while active: settlement and internship quotas restart each January; craftsman
// awards are selected and paid each January (and in the programme's first month).
void open_quota_year(World& w, std::size_t programme);
void give_craftsman_awards(World& w, std::size_t programme);

}  // namespace parksim::model::talent_services
