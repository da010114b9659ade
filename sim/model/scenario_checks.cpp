// Cross-field checks of a scenario whose every key is valid on its own: periods inside the
// horizon, named zones and sectors exist, land within areas, funds where a programme needs one.
#include <fmt/format.h>

#include <cmath>

#include "parksim/model/scenario.hpp"
#include "parksim/model/units.hpp"
#include "scenario_impl.hpp"

namespace parksim::model::detail {

void cross_check(const Scenario& s, const toml::table& root, Problems& problems) {
  auto where = [&](const std::string& path) -> const toml::node* {
    auto v = root.at_path(path);
    return v ? v.node() : &root;
  };
  // By parts, for a key that may hold a dot (a sector_output key naming no sector).
  auto where_key = [&](std::initializer_list<std::string_view> parts) -> const toml::node* {
    toml::node_view<const toml::node> v{&root};
    for (const auto part : parts) v = v[part];
    return v ? v.node() : &root;
  };
  if (s.info.end < s.info.start)
    problems.add(where("scenario.end"), "scenario.end", fmt::format("end {} is before start {}",
                 units::format_month(s.info.end), units::format_month(s.info.start)));
  if (s.model.centre_min_members > s.model.centre_max_members)
    problems.add(where("model.centre_min_members"), "model.centre_min_members",
                 fmt::format("centre_min_members ({}) exceeds centre_max_members ({})", s.model.centre_min_members,
                             s.model.centre_max_members));
  std::vector<std::string> zone_ids, sector_ids;
  for (const auto& z : s.zones) zone_ids.push_back(z.id);
  for (const auto& sec : s.sectors) sector_ids.push_back(sec.id);
  for (const auto& z : s.zones) {
    const std::string p = "zones." + z.id;
    if (z.land_used > z.area)
      problems.add(where(p + ".land_used"), p + ".land_used",
                   fmt::format("land used ({:g} km2) exceeds the zone's area ({:g} km2)", z.land_used / 1e6, z.area / 1e6));
    if (z.plot_ratio > z.plot_ratio_cap)
      problems.add(where(p + ".plot_ratio"), p + ".plot_ratio", "plot ratio exceeds plot_ratio_cap");
    for (const auto& sec : z.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where_key({"zones", z.id, "sector_output", sec}), p + ".sector_output." + sec,
                     fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
  }
  for (const auto& pr : s.programmes) {
    const std::string p = "programmes." + pr.id;
    if (pr.to < pr.from)
      problems.add(where(p + ".to"), p + ".to", "programme ends before it starts");
    if (pr.from > s.info.end || pr.to < s.info.start)
      problems.add(where(p + ".from"), p + ".from", fmt::format("active period {}..{} lies outside the horizon {}..{}",
                   units::format_month(pr.from), units::format_month(pr.to),
                   units::format_month(s.info.start), units::format_month(s.info.end)));
    for (const auto& sec : pr.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where(p + ".sectors"), p + ".sectors", fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
    for (const auto& z : pr.zones)
      if (s.zone_index(z) < 0)
        problems.add(where(p + ".zones"), p + ".zones", fmt::format("unknown zone \"{}\"{}", z, suggestion(z, zone_ids)));
    const bool needs_fund = pr.kind == ProgrammeKind::CreditLine || pr.kind == ProgrammeKind::RiskPool ||
                            pr.kind == ProgrammeKind::GuidanceFund;
    if (needs_fund && pr.fund_size <= 0)
      problems.add(where(p + ".fund_size"), p + ".fund_size", fmt::format("a {} programme needs fund_size > 0", pr.kind_name));
    for (std::size_t c = 0; c < pr.changes.size(); ++c)
      if (pr.changes[c].at < pr.from || pr.changes[c].at > pr.to) {
        const std::string key = fmt::format("{}.changes[{}].at", p, c);
        problems.add(where(key), key, fmt::format("change at {} lies outside the programme's active period {}..{}",
                     units::format_month(pr.changes[c].at), units::format_month(pr.from), units::format_month(pr.to)));
      }
  }
  auto in_horizon = [&](int month, const std::string& key) {
    if (month < s.info.start || month > s.info.end)
      problems.add(where(key), key, fmt::format("{} lies outside the horizon {}..{}", units::format_month(month),
                   units::format_month(s.info.start), units::format_month(s.info.end)));
  };
  for (const auto& e : s.events) {
    const std::string p = "events." + e.id;
    if (e.kind == EventKind::AnchorProject) {
      in_horizon(e.at, p + ".at");
      if (s.zone_index(e.zone) < 0)
        problems.add(where(p + ".zone"), p + ".zone", fmt::format("unknown zone \"{}\"{}", e.zone, suggestion(e.zone, zone_ids)));
      if (s.sector_index(e.sector) < 0)
        problems.add(where(p + ".sector"), p + ".sector", fmt::format("unknown sector \"{}\"{}", e.sector, suggestion(e.sector, sector_ids)));
      if (e.investment <= 0) problems.add(where(p + ".investment"), p + ".investment", "an anchor project needs investment > 0");
      if (e.land <= 0) problems.add(where(p + ".land"), p + ".land", "an anchor project needs land > 0");
      if (const int z = s.zone_index(e.zone); z >= 0 && e.land > s.zones[z].area)
        problems.add(where(p + ".land"), p + ".land", fmt::format("land ({:g} km2) exceeds the zone's area ({:g} km2)",
                     e.land / 1e6, s.zones[z].area / 1e6));
      continue;
    }
    in_horizon(e.from, p + ".from");
    in_horizon(e.to, p + ".to");
    if (e.to < e.from) problems.add(where(p + ".to"), p + ".to", "the shock ends before it starts");
    if (e.kind == EventKind::CapacityShock && (e.size < 0 || e.size > 1))
      problems.add(where(p + ".size"), p + ".size", fmt::format("a capacity shock's size is the share of capacity lost; {:g} is outside 0 .. 1 (0% .. 100%)", e.size));
    for (const auto& sec : e.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where(p + ".sectors"), p + ".sectors", fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
    for (const auto& z : e.zones)
      if (s.zone_index(z) < 0)
        problems.add(where(p + ".zones"), p + ".zones", fmt::format("unknown zone \"{}\"{}", z, suggestion(z, zone_ids)));
  }
  int i = 0;
  for (const auto& t : s.targets) {
    const std::string p = fmt::format("targets[{}]", i++);
    if (t.zone != "all" && s.zone_index(t.zone) < 0)
      problems.add(where(p + ".zone"), p + ".zone", fmt::format("unknown zone \"{}\"{}", t.zone, suggestion(t.zone, zone_ids)));
    if (t.sector != "all" && s.sector_index(t.sector) < 0)
      problems.add(where(p + ".sector"), p + ".sector", fmt::format("unknown sector \"{}\"{}", t.sector, suggestion(t.sector, sector_ids)));
    const int first_year = s.info.start / 12, last_year = s.info.end / 12;
    if (t.year < first_year || t.year > last_year)
      problems.add(where(p + ".year"), p + ".year", fmt::format("year {} lies outside the horizon {}..{}", t.year, first_year, last_year));
  }
}

}  // namespace parksim::model::detail
