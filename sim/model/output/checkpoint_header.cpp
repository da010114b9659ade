// The fingerprint of a checkpoint: which parts of a scenario a branch must share with the run
// that wrote it, and the differences named when it does not.
#include <fmt/format.h>

#include <cstring>

#include "parksim/model/detail/checkpoint.hpp"
#include "parksim/model/units.hpp"

namespace parksim::model {

std::uint64_t checkpoint_checksum(const char* data, std::size_t size, std::uint64_t h) {
  for (std::size_t i = 0; i < size; ++i) {
    h ^= std::uint8_t(data[i]);
    h *= 0x100000001b3ull;
  }
  return h;
}

namespace {

struct Hasher {
  std::uint64_t h = 0xcbf29ce484222325ull;
  template <class T>
  void add(const T& v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    h = checkpoint_checksum(bytes, sizeof(T), h);
  }
  void add(const std::string& s) {
    add(std::uint64_t(s.size()));
    h = checkpoint_checksum(s.data(), s.size(), h);
  }
};

// The figures populate() builds a zone's starting state from. Rules a variant may change (rents,
// land prices, approval months, density rules, exit clauses, infrastructure) are left out.
// Sector outputs are taken in the scenario's sector order, so that sector ids are compared once,
// by the sector list.
std::uint64_t zone_figures(const ZoneSpec& z, const std::vector<SectorSpec>& sectors) {
  Hasher h;
  h.add(z.land_used);
  h.add(z.plot_ratio);
  h.add(z.skilled_talent);
  h.add(z.leading_talent);
  h.add(z.talent_housing_units);
  h.add(z.incubators);
  h.add(z.platforms);
  h.add(z.industrial);
  for (const auto& s : sectors) {
    double output = 0;
    for (std::size_t k = 0; k < z.sectors.size() && k < z.sector_output.size(); ++k)
      if (z.sectors[k] == s.id) output = z.sector_output[k];
    h.add(output);
  }
  return h.h;
}

// The figures a sector's starting firms are built from; market assumptions (demand growth,
// competitors, national market) and classifications are left to the variant.
std::uint64_t sector_figures(const SectorSpec& s) {
  Hasher h;
  for (double x : {s.labour_productivity, s.capital_output_ratio, s.value_added_share,
                   s.skilled_share, s.rd_intensity, s.rd_active_share, s.min_output})
    h.add(x);
  return h.h;
}

std::string km2(double m2) { return fmt::format("{:g} km2", m2 / 1e6); }

// "zones differ (checkpoint: a, b; scenario: c, d)" when the id lists differ.
bool ids_differ(const char* what, const std::vector<std::string>& saved,
                const std::vector<std::string>& now, std::vector<std::string>& out) {
  if (saved == now) return false;
  out.push_back(fmt::format("{} differ (checkpoint: {}; scenario: {})", what,
                            fmt::join(saved, ", "), fmt::join(now, ", ")));
  return true;
}

// Per id (lists known equal), the ids whose values differ, each described by `show`; `detail`
// says what the values stand for.
template <class V, class Show>
void values_differ(const char* what, const std::vector<std::string>& ids,
                   const std::vector<V>& saved, const std::vector<V>& now, Show show,
                   std::vector<std::string>& out, const char* detail = "") {
  std::vector<std::string> bad;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!(saved[i] == now[i])) bad.push_back(show(ids[i], saved[i], now[i]));
  if (!bad.empty())
    out.push_back(fmt::format("{} differ ({}){}", what, fmt::join(bad, "; "), detail));
}

}  // namespace

CheckpointHeader checkpoint_header(const Scenario& sc, int month, std::int64_t seed,
                                   int replications) {
  CheckpointHeader h;
  h.month = month;
  h.start = sc.info.start;
  h.end = sc.info.end;
  h.seed = seed;
  h.replications = replications;
  for (const auto& z : sc.zones) {
    h.zones.push_back(z.id);
    h.zone_areas.push_back(z.area);
    h.zone_figures.push_back(zone_figures(z, sc.sectors));
  }
  for (const auto& s : sc.sectors) {
    h.sectors.push_back(s.id);
    h.sector_figures.push_back(sector_figures(s));
  }
  for (const auto& p : sc.programmes) {
    h.programmes.push_back(p.id);
    h.programme_kinds.push_back(p.kind_name);
  }
  for (const auto& e : sc.events) {
    h.events.push_back(e.id);
    h.event_kinds.push_back(e.kind_name);
  }
  return h;
}

// The scenario parts of two headers that differ, each named with both values.
std::vector<std::string> scenario_differences(const CheckpointHeader& saved,
                                              const CheckpointHeader& now) {
  std::vector<std::string> out;
  if (saved.start != now.start)
    out.push_back(fmt::format("it starts {} (scenario: {})", units::format_month(saved.start),
                              units::format_month(now.start)));
  auto names = [&](const std::string& id, const auto&, const auto&) { return id; };
  auto kinds = [](const std::string& id, const std::string& a, const std::string& b) {
    return fmt::format("{}: checkpoint {}, scenario {}", id, a, b);
  };
  if (!ids_differ("zones", saved.zones, now.zones, out)) {
    values_differ(
        "zone areas", saved.zones, saved.zone_areas, now.zone_areas,
        [](const std::string& id, double a, double b) {
          return fmt::format("{}: checkpoint {}, scenario {}", id, km2(a), km2(b));
        },
        out);
    values_differ(
        "starting figures of zones", saved.zones, saved.zone_figures, now.zone_figures, names, out,
        " in land used, plot ratio, talent, housing, incubators, platforms or sector output");
  }
  if (!ids_differ("sectors", saved.sectors, now.sectors, out))
    values_differ(
        "starting figures of sectors", saved.sectors, saved.sector_figures, now.sector_figures,
        names, out,
        " in labour productivity, capital, value added, skilled share, R&D or smallest firm");
  if (!ids_differ("programmes", saved.programmes, now.programmes, out))
    values_differ("programme kinds", saved.programmes, saved.programme_kinds, now.programme_kinds,
                  kinds, out);
  if (!ids_differ("events", saved.events, now.events, out))
    values_differ("event kinds", saved.events, saved.event_kinds, now.event_kinds, kinds, out);
  return out;
}

}  // namespace parksim::model
