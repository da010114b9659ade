// Key-project land quotas (land_quotas.hpp). Clauses: 002 line 162 (1 km2 a year for municipal
// key projects, tilted to brand parks) and 004 line 101 (IM major projects first in the land
// plan; no area given: the scenario's is an assumption). The quota is an allocation of land, not
// money: it costs the programme nothing (the land's other uses are outside the model). REFERENCES
// §2 has no causal estimate for land quotas: the lever is a supply shifter for the projects named.
#include "programmes/land_quotas.hpp"

#include "programmes/programme.hpp"

namespace parksim::model::key_project_land {

bool is_key_project(const World& w, std::size_t p, std::size_t i) {
  const auto& f = w.firms;
  if (!w.programmes[p].active || !w.eligibility[p * w.cells() + w.cell(f.zone[i], f.sector[i])])
    return false;
  if (w.terms[p].sme_only && !w.is_sme(i)) return false;
  const double min_output =
      w.terms[p].min_project > 0 ? w.terms[p].min_project : w.sc.model.key_project_min_output;
  return f.output_last_year[i] >= min_output;
}

std::vector<double> grant(World& w, const std::vector<engine::Request>& unmet) {
  std::vector<double> granted(unmet.size(), 0.0);
  for (const std::size_t p : w.programmes_of(ProgrammeKind::KeyProjectLand)) {
    std::vector<engine::Request> keys;
    std::vector<std::size_t> index;  // position in `unmet`
    for (std::size_t k = 0; k < unmet.size(); ++k)
      if (granted[k] <= 0 && is_key_project(w, p, unmet[k].agent)) {
        keys.push_back(unmet[k]);
        index.push_back(k);
      }
    if (keys.empty()) continue;
    auto& state = w.programmes[p];
    const double left = std::max(0.0, w.terms[p].land_per_year - state.units_this_year);
    const auto grants = engine::clear_by_rank(keys, left, engine::Partial::Forbidden);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (grants[k] <= 0) continue;
      granted[index[k]] = grants[k];
      w.zones[w.firms.zone[keys[k].agent]].land_added += grants[k];
      state.units_this_year += grants[k];
      state.units += grants[k];
    }
  }
  return granted;
}

}  // namespace parksim::model::key_project_land
