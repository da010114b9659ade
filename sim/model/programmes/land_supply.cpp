// Standard factories (land_supply.hpp). Clause: 003, line 148, "积极推动现代化标准厂房建设…保障
// 重点企业、重大项目的厂房需求". The document gives no floor, cost or rent: units_per_year (m2 of
// floor per zone per year), amount (construction cost per m2) and budget_per_year are assumptions
// of the scenario; the plot ratio, rent share and construction time are dictionary keys
// (model.standard_factory_*). REFERENCES §2 has no causal estimate for standard factories: the
// lever is a supply shifter (ready floor without a parcel wait, at a higher plot ratio).
#include "programmes/land_supply.hpp"

#include <algorithm>

#include "parksim/engine/clearing.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::standard_factories {

void complete(World& w) {
  for (auto& zs : w.zones)
    if (zs.factory_building > 0 && w.month >= zs.factory_ready) {
      zs.factory_floor += zs.factory_building;
      zs.factory_building = 0;
    }
}

void build(World& w, std::size_t p) {
  const auto& spec = w.terms[p];
  const auto& m = w.sc.model;
  if ((w.month - spec.from) % 12 != 0) return;  // one construction start a programme year
  complete(w);  // last year's floor is let before this year's starts (one vintage per zone)
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    if (!eligible_in_zone(w, p, z)) continue;
    auto& zs = w.zones[z];
    // Factories take free industrial land: floor / plot ratio of it.
    const double free_land = w.free_land(z);
    double floor = std::min(double(spec.units_per_year), free_land * m.standard_factory_plot_ratio);
    if (spec.amount > 0) floor = std::min(floor, budget_room(w, p) / spec.amount);
    if (!(floor > 0)) continue;
    zs.factory_building += floor;
    zs.factory_ready =
        std::max(zs.factory_ready, double(w.month + m.standard_factory_build_months));
    zs.land_used += floor / m.standard_factory_plot_ratio;
    w.programmes[p].units += floor;
    book(w, p, floor * spec.amount);  // construction cost, paid by the programme
  }
}

double free_floor(const World& w, std::size_t z) {
  return std::max(0.0, w.zones[z].factory_floor - w.zones[z].factory_let);
}

bool may_rent(const World& w, std::size_t z, std::size_t s, bool sme) {
  for (const std::size_t p : w.programmes_of(ProgrammeKind::StandardFactory)) {
    const auto& spec = w.terms[p];
    if (w.month < spec.from || !w.eligibility[p * w.cells() + w.cell(z, s)]) continue;
    if (spec.sme_only && !sme) continue;
    return true;
  }
  return false;
}

void let_floor(World& w, std::size_t i, double m2) {
  w.firms.factory_floor[i] += m2;
  w.zones[w.firms.zone[i]].factory_let += m2;
}

void release(World& w, std::size_t i) {
  auto& f = w.firms;
  if (f.factory_floor[i] <= 0) return;
  auto& zs = w.zones[f.zone[i]];
  zs.factory_let = std::max(0.0, zs.factory_let - f.factory_floor[i]);
  f.factory_floor[i] = 0;
}

double rent_per_m2(const World& w, std::size_t z) {
  const auto& zone = w.sc.zones[z];
  return zone.land_rent / zone.plot_ratio * w.sc.model.standard_factory_rent_share;
}

double monthly_rent(const World& w, std::size_t i) {
  const double floor = w.firms.factory_floor[i];
  return floor > 0 ? floor * rent_per_m2(w, w.firms.zone[i]) : 0.0;
}

void collect_rent(World& w) {
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && f.factory_floor[i] > 0)
      w.zones[f.zone[i]].factory_rent_total += monthly_rent(w, i);
}

double land_in_use(const World& w, std::size_t i) {
  return w.firms.land(i) + w.firms.factory_floor[i] / w.sc.model.standard_factory_plot_ratio;
}

void let_to_expanding_firms(World& w) {
  auto& f = w.firms;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const double free = free_floor(w, z);
    if (!(free > 0)) continue;
    std::vector<engine::Request> requests;
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f.alive[i] && f.zone[i] == z && f.floor_request[i] > 0 &&
          may_rent(w, z, f.sector[i], w.is_sme(i)))
        requests.push_back(
            {std::uint32_t(i), f.floor_request[i], f.output[i] / std::max(land_in_use(w, i), 1.0)});
    if (requests.empty()) continue;
    const auto grants = engine::clear_by_rank(requests, free, engine::Partial::Forbidden);
    for (std::size_t k = 0; k < requests.size(); ++k) {
      if (grants[k] <= 0) continue;
      const std::size_t i = requests[k].agent;
      let_floor(w, i, grants[k]);
      f.land_request[i] = f.floor_request[i] = 0;  // served: no parcel wanted any more
      f.land_wait[i] = 0;
    }
  }
}

}  // namespace parksim::model::standard_factories
