// Key-project land quotas (land_quotas.hpp). Clauses: 002 line 162 (1 km2 a year for municipal
// key projects, tilted to brand parks) and 004 line 101 (IM major projects first in the land
// plan; no area given: the scenario's is an assumption). The quota is an allocation of land, not
// money: it costs the programme nothing (the land's other uses are outside the model). REFERENCES
// §2 has no causal estimate for land quotas: the lever is a supply shifter for the projects named.
#include "programmes/land_quotas.hpp"

#include <algorithm>
#include <numeric>

#include "parksim/model/units.hpp"
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

// Land reduction (land_quotas.hpp). Clauses: 002 line 162 and 003 line 148 give the share of the
// reduction quota for new industrial projects (at least 1/3: `rate`); neither gives the area
// reduced or the compensation, which are the scenario's assumptions. Policy cost: the
// compensation paid. REFERENCES §2 has no causal estimate for land reduction.
namespace parksim::model::land_reduction {

namespace {

bool in_zone(const World& w, std::size_t p, std::size_t z) {
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s)
    if (w.eligibility[p * w.cells() + w.cell(z, s)]) return true;
  return false;
}

// Firms of the programme's cells that hold land, are past model.output_per_mu_grace_months and
// are not already leaving, least dense first
// (output per mu last year, then firm id: no draw, the order is the rule's).
std::vector<std::size_t> candidates(const World& w, std::size_t p) {
  const auto& f = w.firms;
  std::vector<std::size_t> out;
  std::vector<double> density(f.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.land_revoked[i] || f.land(i) <= 0) continue;
    // Young firms have no full year of output to judge (the output-per-mu rules' grace period).
    if (w.month - f.birth[i] < w.sc.model.output_per_mu_grace_months) continue;
    if (!w.eligibility[p * w.cells() + w.cell(f.zone[i], f.sector[i])]) continue;
    if (w.terms[p].sme_only && !w.is_sme(i)) continue;
    density[i] = f.output_last_year[i] / f.land(i);
    out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](std::size_t a, std::size_t b) { return density[a] < density[b]; });
  return out;
}

}  // namespace

void reduce_year(World& w, std::size_t p) {
  const auto& terms = w.terms[p];
  if (!w.is_january() && w.month != terms.from) return;
  auto& f = w.firms;
  auto& state = w.programmes[p];
  double reduced = 0;
  for (const std::size_t i : candidates(w, p)) {
    if (reduced >= terms.land_per_year) break;
    const double m2 = f.land(i) + f.land_pending[i];
    const double compensation = terms.amount * m2;
    if (compensation > budget_room(w, p)) break;  // the year's money is spent
    f.cash[i] += compensation;  // lenders recover from it first at exit
    book(w, p, compensation);   // not World::pay: no support an entrant could expect
    f.land_revoked[i] = 1;      // leaves at the exit phase, which frees its land
    w.zones[f.zone[i]].land_added -= m2;  // and the land leaves industrial use
    reduced += m2;
  }
  state.units += reduced;
  state.fund_left += std::clamp(terms.rate, 0.0, 1.0) * reduced;
}

std::vector<double> grant(World& w, const std::vector<engine::Request>& unmet,
                          const std::vector<double>& granted) {
  std::vector<double> out(unmet.size(), 0.0);
  for (const std::size_t p : w.programmes_of(ProgrammeKind::LandReduction)) {
    auto& state = w.programmes[p];
    if (!(state.fund_left > 0)) continue;
    std::vector<engine::Request> asks;
    std::vector<std::size_t> index;
    for (std::size_t k = 0; k < unmet.size(); ++k) {
      const std::size_t z = w.firms.zone[unmet[k].agent];
      if (granted[k] > 0 || out[k] > 0 || in_zone(w, p, z) || !w.sc.zones[z].industrial) continue;
      asks.push_back(unmet[k]);
      index.push_back(k);
    }
    const auto grants = engine::clear_by_rank(asks, state.fund_left, engine::Partial::Forbidden);
    for (std::size_t k = 0; k < asks.size(); ++k) {
      if (grants[k] <= 0) continue;
      out[index[k]] = grants[k];
      w.zones[w.firms.zone[asks[k].agent]].land_added += grants[k];
      state.fund_left -= grants[k];
    }
  }
  return out;
}

}  // namespace parksim::model::land_reduction
