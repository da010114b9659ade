// Incubators (incubators.hpp).
#include "programmes/incubators.hpp"

#include <algorithm>

#include "agents/firm_choice.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::incubators {

void open(World& w, std::size_t p) {
  const auto& spec = w.terms[p];
  auto& st = w.programmes[p];
  const bool opening_year = spec.years <= 0 || w.year() - spec.from / 12 < spec.years;
  if (opening_year && (w.is_january() || w.month == spec.from))
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      if (eligible_in_zone(w, p, z)) {
        w.zones[z].incubators += spec.units_per_year;
        st.units += spec.units_per_year;
      }
  book(w, p, std::min(spec.amount / 12.0 * st.units, budget_room(w, p)));
}

std::vector<double> free_places(const World& w) {
  const auto& f = w.firms;
  std::vector<double> free(w.zones.size());
  double places = 0;
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    places += free[z] = w.zones[z].incubators * w.sc.model.incubator_places;
  if (places <= 0) return free;  // no incubators: no need to count their tenants
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && (f.flags[i] & kIncubated) && age_years(w, i) < w.sc.model.incubation_years)
      free[f.zone[i]] -= 1;
  return free;
}

}  // namespace parksim::model::incubators
