// Exogenous events: demand and capacity shocks over a period, and anchor projects that are granted
// land at a date and start producing once built.
#include <algorithm>
#include <cmath>

#include "phases.hpp"

namespace parksim::model {

namespace {

bool listed_or_all(const std::vector<std::string>& list, const std::string& id) {
  return list.empty() || std::find(list.begin(), list.end(), id) != list.end();
}

void apply_shocks(World& w) {
  std::fill(w.demand_factor.begin(), w.demand_factor.end(), 1.0);
  std::fill(w.capacity_factor.begin(), w.capacity_factor.end(), 1.0);
  for (const auto& e : w.sc.events) {
    if (e.kind == EventKind::AnchorProject || w.month < e.from || w.month > e.to) continue;
    for (std::size_t z = 0; z < w.sc.zones.size(); ++z) {
      if (!listed_or_all(e.zones, w.sc.zones[z].id)) continue;
      for (std::size_t s = 0; s < w.sc.sectors.size(); ++s) {
        if (!listed_or_all(e.sectors, w.sc.sectors[s].id)) continue;
        if (e.kind == EventKind::DemandShock)
          w.demand_factor[w.cell(z, s)] *= 1.0 + e.size;
        else
          w.capacity_factor[w.cell(z, s)] *= 1.0 - e.size;
      }
    }
  }
}

// Annual output the project is planned for: as stated, else what its investment and its jobs
// support at the sector's capital-output ratio and labour productivity, whichever is smaller.
double planned_output(const EventSpec& e, const SectorSpec& sec) {
  if (e.output > 0) return e.output;
  const double by_capital = e.investment / sec.capital_output_ratio;
  const double by_jobs = e.jobs > 0 ? e.jobs * sec.labour_productivity : by_capital;
  return std::min(by_capital, by_jobs);
}

// The project starts production: a firm with the investment as capital, the granted land, and a
// market of its own (its demand shifter makes demand equal the planned output at today's prices).
void start_anchor(World& w, std::size_t event, double land) {
  const EventSpec& e = w.sc.events[event];
  FirmStart start;
  start.origin = FirmOrigin::Anchor;
  start.id = anchor_firm_id(event);
  start.zone = std::size_t(w.sc.zone_index(e.zone));
  start.sector = std::size_t(w.sc.sector_index(e.sector));
  start.birth_month = w.month;
  // A document's project: the sector's mean productivity, median payback, unit volatility and
  // the sector's R&D intensity, no draws.
  const auto& sec = w.sc.sectors[start.sector];
  start.productivity = w.cluster.sector_mean_productivity[start.sector];
  start.payback_years = w.sc.model.payback_median_years;
  start.volatility = 1.0;
  start.monthly_output = start.first_output = planned_output(e, sec) / 12.0;
  start.annual_output = 12.0 * start.monthly_output;
  start.capital = e.investment;
  start.jobs = e.jobs;
  start.land_owned = land;
  start.rd_active = true;
  start.rd_intensity = sec.rd_intensity;
  start_firm(w, start);
}

void arrive_anchors(World& w) {
  for (std::size_t k = 0; k < w.sc.events.size(); ++k) {
    const auto& e = w.sc.events[k];
    if (e.kind != EventKind::AnchorProject) continue;
    const auto z = std::size_t(w.sc.zone_index(e.zone));
    auto& zone = w.zones[z];
    if (w.month == e.at) {
      // The land is granted at signing, as far as the zone has land left.
      w.anchor_land[k] = std::clamp(w.industrial_area(z) - zone.land_used, 0.0, e.land);
      zone.land_used += w.anchor_land[k];
      w.anchor_projects += 1;
    }
    if (w.month == e.at + e.construction_months && w.anchor_land[k] > 0)
      start_anchor(w, k, w.anchor_land[k]);
  }
}

}  // namespace

void phase_events(World& w) {
  apply_shocks(w);
  arrive_anchors(w);
}

}  // namespace parksim::model
