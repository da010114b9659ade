// Cross-field checks of a scenario whose every key is valid on its own: periods inside the
// horizon, named zones and sectors exist, land within areas, funds where a programme needs one.
#include <fmt/format.h>

#include <cmath>

#include "parksim/model/calendar.hpp"
#include "parksim/model/scenario.hpp"
#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"
#include "scenario_impl.hpp"

namespace parksim::model::detail {

namespace {

class CrossChecker {
 public:
  CrossChecker(const Scenario& s, const toml::table& root, Problems& problems)
      : s_(s), root_(root), problems_(problems) {
    for (const auto& z : s.zones) zone_ids_.push_back(z.id);
    for (const auto& sec : s.sectors) sector_ids_.push_back(sec.id);
  }
  void horizon_and_model();
  void zones();
  void programmes();
  void events();
  void targets();

 private:
  // The node a dotted key names, or the root when it names none.
  const toml::node* where(const std::string& path) const {
    auto v = root_.at_path(path);
    return v ? v.node() : &root_;
  }
  // By parts, for a key that may hold a dot (a sector_output key naming no sector).
  const toml::node* where_key(std::initializer_list<std::string_view> parts) const {
    toml::node_view<const toml::node> v{&root_};
    for (const auto part : parts) v = v[part];
    return v ? v.node() : &root_;
  }
  void add(const std::string& key, const std::string& message) {
    problems_.add(where(key), key, message);
  }
  void known_zone(const std::string& key, const std::string& zone) {
    if (s_.zone_index(zone) < 0)
      add(key, fmt::format("unknown zone \"{}\"{}", zone, suggestion(zone, zone_ids_)));
  }
  void known_sector(const std::string& key, const std::string& sector) {
    if (s_.sector_index(sector) < 0)
      add(key, fmt::format("unknown sector \"{}\"{}", sector, suggestion(sector, sector_ids_)));
  }
  void in_horizon(int month, const std::string& key) {
    if (month < s_.info.start || month > s_.info.end)
      add(key, fmt::format("{} lies outside the horizon {}..{}", units::format_month(month),
                           units::format_month(s_.info.start), units::format_month(s_.info.end)));
  }
  void anchor_project(const EventSpec& e, const std::string& p);

  const Scenario& s_;
  const toml::table& root_;
  Problems& problems_;
  std::vector<std::string> zone_ids_, sector_ids_;
};

void CrossChecker::horizon_and_model() {
  if (s_.info.end < s_.info.start)
    add("scenario.end", fmt::format("end {} is before start {}", units::format_month(s_.info.end),
                                    units::format_month(s_.info.start)));
  if (s_.model.centre_min_members > s_.model.centre_max_members)
    add("model.centre_min_members",
        fmt::format("centre_min_members ({}) exceeds centre_max_members ({})",
                    s_.model.centre_min_members, s_.model.centre_max_members));
}

void CrossChecker::zones() {
  for (const auto& z : s_.zones) {
    const std::string p = "zones." + z.id;
    if (z.land_used > z.area)
      add(p + ".land_used", fmt::format("land used ({:g} km2) exceeds the zone's area ({:g} km2)",
                                        z.land_used / 1e6, z.area / 1e6));
    if (z.plot_ratio > z.plot_ratio_cap)
      add(p + ".plot_ratio", "plot ratio exceeds plot_ratio_cap");
    for (const auto& sec : z.sectors)
      if (s_.sector_index(sec) < 0)
        problems_.add(where_key({"zones", z.id, "sector_output", sec}), p + ".sector_output." + sec,
                      fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids_)));
  }
}

void CrossChecker::programmes() {
  for (const auto& pr : s_.programmes) {
    const std::string p = "programmes." + pr.id;
    if (pr.to < pr.from) add(p + ".to", "programme ends before it starts");
    if (pr.from > s_.info.end || pr.to < s_.info.start)
      add(p + ".from",
          fmt::format("active period {}..{} lies outside the horizon {}..{}",
                      units::format_month(pr.from), units::format_month(pr.to),
                      units::format_month(s_.info.start), units::format_month(s_.info.end)));
    for (const auto& sec : pr.sectors) known_sector(p + ".sectors", sec);
    for (const auto& z : pr.zones) known_zone(p + ".zones", z);
    if (kind_info(pr.kind).fund_based && pr.fund_size <= 0)
      add(p + ".fund_size", fmt::format("a {} programme needs fund_size > 0", pr.kind_name));
    if (pr.kind == ProgrammeKind::GuaranteeCompany && pr.rate > s_.funds.guarantee_max_share)
      add(p + ".rate",
          fmt::format("a guarantee company takes at most funds.guarantee_max_share = {:g}% of a "
                      "loss; allowed: 0% to {:g}%",
                      100 * s_.funds.guarantee_max_share, 100 * s_.funds.guarantee_max_share));
    if (pr.kind == ProgrammeKind::ApprovalReform && pr.approval_months < 1)
      add(p + ".approval_months",
          "an approval_reform needs the months land waits under the reform; allowed: 1 to 120");
    if (pr.kind == ProgrammeKind::PolicyBank && pr.rate > s_.funds.bank_rate)
      add(p + ".rate",
          fmt::format("a policy bank's concession cannot exceed the commercial loan rate "
                      "funds.bank_rate = {:g}%; allowed: 0% to {:g}%",
                      100 * s_.funds.bank_rate, 100 * s_.funds.bank_rate));
    if (pr.kind == ProgrammeKind::TaxIncentives && pr.rate > s_.model.corporate_tax_rate)
      add(p + ".rate",
          fmt::format("a preferential income-tax rate cannot exceed the statutory rate "
                      "model.corporate_tax_rate = {:g}%; allowed: 0% to {:g}%",
                      100 * s_.model.corporate_tax_rate, 100 * s_.model.corporate_tax_rate));
    if (pr.kind == ProgrammeKind::OutputPerMuTerms &&
        !(pr.class_a_min >= pr.class_b_min && pr.class_b_min >= pr.class_c_min))
      add(p + ".class_b_min",
          fmt::format("output-per-mu classes need class_a_min >= class_b_min >= class_c_min "
                      "(got {:g}, {:g}, {:g} CNY/mu/year)",
                      pr.class_a_min, pr.class_b_min, pr.class_c_min));
    if (pr.kind == ProgrammeKind::LandReduction && pr.zones.empty())
      add(p + ".zones", "a land_reduction needs the zones whose land it reduces (zones = [...])");
    if ((pr.kind == ProgrammeKind::KeyProjectLand || pr.kind == ProgrammeKind::LandReduction) &&
        !(pr.land_per_year > 0))
      add(p + ".land_per_year",
          fmt::format("a {} programme needs land_per_year > 0 (m2 a year)", pr.kind_name));
    if (pr.kind == ProgrammeKind::TalentPilot && pr.effect > 1)
      add(p + ".effect", "a talent_pilot removes a share of the entry barrier: effect <= 1");
    for (std::size_t c = 0; c < pr.changes.size(); ++c)
      if (pr.changes[c].at < pr.from || pr.changes[c].at > pr.to)
        add(fmt::format("{}.changes[{}].at", p, c),
            fmt::format("change at {} lies outside the programme's active period {}..{}",
                        units::format_month(pr.changes[c].at), units::format_month(pr.from),
                        units::format_month(pr.to)));
  }
}

void CrossChecker::anchor_project(const EventSpec& e, const std::string& p) {
  in_horizon(e.at, p + ".at");
  known_zone(p + ".zone", e.zone);
  known_sector(p + ".sector", e.sector);
  if (e.investment <= 0) add(p + ".investment", "an anchor project needs investment > 0");
  if (e.land <= 0) add(p + ".land", "an anchor project needs land > 0");
  if (const int z = s_.zone_index(e.zone); z >= 0 && e.land > s_.zones[z].area)
    add(p + ".land", fmt::format("land ({:g} km2) exceeds the zone's area ({:g} km2)", e.land / 1e6,
                                 s_.zones[z].area / 1e6));
}

void CrossChecker::events() {
  for (const auto& e : s_.events) {
    const std::string p = "events." + e.id;
    if (e.kind == EventKind::AnchorProject) {
      anchor_project(e, p);
      continue;
    }
    in_horizon(e.from, p + ".from");
    in_horizon(e.to, p + ".to");
    if (e.to < e.from) add(p + ".to", "the shock ends before it starts");
    if (e.kind == EventKind::CapacityShock && (e.size < 0 || e.size > 1))
      add(p + ".size", fmt::format("a capacity shock's size is the share of capacity lost; {:g} is "
                                   "outside 0 .. 1 (0% .. 100%)",
                                   e.size));
    for (const auto& sec : e.sectors) known_sector(p + ".sectors", sec);
    for (const auto& z : e.zones) known_zone(p + ".zones", z);
  }
}

void CrossChecker::targets() {
  int i = 0;
  for (const auto& t : s_.targets) {
    const std::string p = fmt::format("targets[{}]", i++);
    if (t.zone != "all") known_zone(p + ".zone", t.zone);
    if (t.sector != "all") known_sector(p + ".sector", t.sector);
    const int first_year = s_.info.start / 12, last_year = s_.info.end / 12;
    if (t.year < first_year || t.year > last_year)
      add(p + ".year",
          fmt::format("year {} lies outside the horizon {}..{}", t.year, first_year, last_year));
    if (t.since != 0 && !counts_since(t.metric))
      add(p + ".since",
          fmt::format("{} is not counted since a year; since applies to smart_retrofits, "
                      "first_units, policy_cost, tax_expenditure, talent and leading_talent",
                      t.metric));
    else if (t.since != 0 && (t.since < first_year || t.since > t.year))
      add(p + ".since", fmt::format("since {} must lie between the horizon's first year {} and "
                                    "the target's year {}",
                                    t.since, first_year, t.year));
    // A plan's annual flow target cannot be judged on a few months (docs/scenario_format.md,
    // Partial years).
    const auto months = year_months(s_.info.start, s_.info.end, t.year);
    if (months.partial() && metric_time(t.metric) == MetricTime::Annual)
      add(p + ".year",
          fmt::format(
              "{} is a quantity of the whole year, but the horizon {}..{} has only {} of {}; "
              "move the target to a full year or extend the horizon",
              t.metric, units::format_month(s_.info.start), units::format_month(s_.info.end),
              month_range(months), t.year));
  }
}

}  // namespace

void cross_check(const Scenario& s, const toml::table& root, Problems& problems) {
  CrossChecker check(s, root, problems);
  check.horizon_and_model();
  check.zones();
  check.programmes();
  check.events();
  check.targets();
}

}  // namespace parksim::model::detail
