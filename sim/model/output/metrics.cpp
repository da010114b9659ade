// Scorecard metrics of one replication from its monthly records, year by year on the calendar
// of calendar.hpp: a partial first or last year is computed on the months the run has.
#include <fmt/format.h>

#include <cmath>
#include <string>

#include "parksim/engine/error.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace {

// What a target measures: the cells of the monthly cube it selects and the months of its year.
struct MetricScope {
  const Scenario& sc;
  const ReplicationRecords& rec;
  int z_sel = -1, s_sel = -1;   // -1: all zones / sectors
  bool industrial_only = true;  // area-wide: leave out non-industrial zones
  YearMonths months;

  double cells(const StepRecord& r, Series s, bool sei_only = false) const {
    const std::size_t Z = sc.zones.size(), S = sc.sectors.size(), C = Z * S;
    double v = 0;
    for (std::size_t z = 0; z < Z; ++z)
      for (std::size_t k = 0; k < S; ++k) {
        if ((z_sel >= 0 && int(z) != z_sel) || (s_sel >= 0 && int(k) != s_sel)) continue;
        if (z_sel < 0 && industrial_only && !sc.zones[z].industrial) continue;
        if (sei_only && !sc.sectors[k].strategic_emerging) continue;
        v += r.cube[std::size_t(s) * C + z * S + k];
      }
    return v;
  }
  // Sum over the months of the year that the run has.
  double year_sum(Series s, bool sei_only = false) const {
    double v = 0;
    for (int t = months.first; t <= months.last(); ++t)
      v += cells(rec.steps[std::size_t(t)], s, sei_only);
    return v;
  }
  // The year's last month in the run: December in a full year.
  const StepRecord& last_month() const { return rec.steps[std::size_t(months.last())]; }
};

// Quantities of the calendar year (MetricTime::Annual).
double annual_value(const MetricScope& q, const std::string& m) {
  if (m == "output") return q.year_sum(Series::Output) / 1e8;
  if (m == "value_added") return q.year_sum(Series::ValueAdded) / 1e8;
  // 亿元 in the year per km2 of land used at its last month.
  auto per_km2 = [&](Series s) {
    const double land = q.cells(q.last_month(), Series::LandUsed) / 1e6;
    return land > 0 ? q.year_sum(s) / 1e8 / land : 0.0;
  };
  if (m == "output_density") return per_km2(Series::Output);
  if (m == "value_added_density") return per_km2(Series::ValueAdded);
  if (m == "sei_share") {
    const double out = q.year_sum(Series::Output);
    return out > 0 ? q.year_sum(Series::Output, true) / out : 0.0;
  }
  if (m == "rd_intensity") {
    const double out = q.year_sum(Series::Output);
    return out > 0 ? q.year_sum(Series::RdSpend) / out : 0.0;
  }
  if (m == "patents") {
    double v = 0;
    for (int t = q.months.first; t <= q.months.last(); ++t)
      v += q.rec.steps[std::size_t(t)][Scalar::Patents];
    return v;
  }
  return std::nan("");
}

// The scenario's starting talent (zones.*.skilled_talent, leading_talent) of the zones a talent
// metric counts.
double starting_talent(const MetricScope& q, const std::string& m) {
  double v = 0;
  for (std::size_t z = 0; z < q.sc.zones.size(); ++z) {
    const auto& zone = q.sc.zones[z];
    if (q.z_sel >= 0 ? int(z) != q.z_sel : !zone.industrial) continue;
    v += (m == "talent" ? zone.skilled_talent : 0.0) + zone.leading_talent;
  }
  return v;
}

// Levels at the year's last month, and totals since the start (MetricTime::AtMonth).
double level_value(const MetricScope& q, const std::string& m) {
  const StepRecord& dec = q.last_month();
  if (m == "firms") return q.cells(dec, Series::Firms);
  if (m == "employment") return q.cells(dec, Series::Employment);
  if (m == "land_used") return q.cells(dec, Series::LandUsed) / 1e6;
  if (m == "high_tech_firms") return q.cells(dec, Series::HighTech);
  if (m == "platforms") return q.cells(dec, Series::Platforms);
  if (m == "loans_outstanding") return q.cells(dec, Series::Loans) / 1e8;
  if (m == "talent" || m == "leading_talent") {
    // Area-wide, the industrial zones' talent, as the plans count industrial talent.
    double v = 0;
    for (std::size_t z = 0; z < q.sc.zones.size(); ++z) {
      if (q.z_sel >= 0 ? int(z) != q.z_sel : !q.sc.zones[z].industrial) continue;
      v += (m == "talent" ? dec.zone_talent[z * 2] : 0.0) + dec.zone_talent[z * 2 + 1];
    }
    return v;
  }
  if (m == "innovation_centres")
    return dec[Scalar::CentresPreparing] + dec[Scalar::CentresOperating];
  if (m == "incubators") return dec[Scalar::Incubators];
  if (m == "smart_retrofits") return dec[Scalar::Retrofits];
  if (m == "first_units") return dec[Scalar::FirstUnits];
  if (m == "unicorns") return dec[Scalar::Unicorns];
  if (m == "hidden_champions") return dec[Scalar::HiddenChampions];
  if (m == "listed_firms") return dec[Scalar::Listed];
  // The local package's money and the national tax expenditure are kept apart, so that a
  // package's cost per effect is not the national incentives' (programme.hpp, `national`).
  if (m == "policy_cost" || m == "tax_expenditure") {
    const bool national = m == "tax_expenditure";
    double v = 0;
    for (int t = 0; t <= q.months.last(); ++t) {
      const auto& paid = q.rec.steps[std::size_t(t)].subsidy;
      for (std::size_t p = 0; p < paid.size(); ++p)
        if (kind_info(q.sc.programmes[p].kind).national == national) v += paid[p];
    }
    return v / 1e8;
  }
  return std::nan("");
}

// One month of a recorded series, summed over zones (and sectors, levels), in internal units.
double series_month(const StepRecord& r, const SeriesInfo& info) {
  const auto& cube = series_table();
  for (std::size_t k = 0; k < cube.size(); ++k)
    if (cube[k].name == info.name) {
      const std::size_t C = r.cube.size() / cube.size();
      double v = 0;
      for (std::size_t c = 0; c < C; ++c) v += r.cube[k * C + c];
      return v;
    }
  const auto& scalars = scalar_table();
  for (std::size_t k = 0; k < scalars.size(); ++k)
    if (scalars[k].name == info.name) return r.scalars[k];
  // Zone series: counts add up over zones; a wage is a price, so the area's is the zones' mean.
  const auto sum = [](const std::vector<double>& zone) {
    double v = 0;
    for (double x : zone) v += x;
    return v;
  };
  if (info.name == "talent_present") return sum(r.zone_talent);
  if (info.name == "zone_land_used") return sum(r.zone_land);
  if (info.name == "housing_units") return sum(r.zone_housing);
  if (info.name == "skilled_wage")
    return r.zone_wage.empty() ? 0.0 : sum(r.zone_wage) / double(r.zone_wage.size());
  throw Error(fmt::format("series {} has no monthly total", info.name));
}

bool is_flow(const SeriesInfo& info) { return info.time == TimeMethod::Sum; }

}  // namespace

double measure_value(const Scenario& sc, const ReplicationRecords& rec, const std::string& name,
                     int year, bool to_date) {
  if (metric_time(name)) {
    TargetSpec t;
    t.metric = name;
    t.year = year;
    return metric_value(sc, rec, t);
  }
  const SeriesInfo* info = find_series(name);
  if (info == nullptr)
    throw Error(fmt::format("{}: neither a scorecard metric nor a series", name));
  const int end = rec.start + int(rec.steps.size()) - 1;
  const YearMonths months = year_months(rec.start, end, year);
  if (months.count == 0)
    throw Error(fmt::format("series {} {}: the year lies outside the run's months", name, year));
  if (!is_flow(*info))
    return series_month(rec.steps[std::size_t(months.last())], *info) * info->scale;
  double v = 0;
  for (int t = to_date ? 0 : months.first; t <= months.last(); ++t)
    v += series_month(rec.steps[std::size_t(t)], *info);
  return v * info->scale;
}

std::string measure_unit(const std::string& name, bool to_date) {
  for (const auto& m : scorecard_metrics())
    if (m.name == name) return m.unit;
  const SeriesInfo* info = find_series(name);
  if (info == nullptr)
    throw Error(fmt::format("{}: neither a scorecard metric nor a series", name));
  std::string unit(info->units);
  if (!is_flow(*info)) return unit;
  return unit.substr(0, unit.size() - 6) + (to_date ? "" : "/year");
}

double metric_value(const Scenario& sc, const ReplicationRecords& rec, const TargetSpec& target) {
  const int end = rec.start + int(rec.steps.size()) - 1;
  // Flows sum the months of the year that the run has; levels are read at its last such month.
  const YearMonths months = year_months(rec.start, end, target.year);
  if (months.count == 0)
    throw Error(fmt::format("metric {} {}: the year lies outside the run's months {}..{}",
                            target.metric, target.year, units::format_month(rec.start),
                            units::format_month(end)));
  // Area-wide industrial metrics (talent too) leave out non-industrial zones; counts of certified
  // firms and platforms take every zone. A target naming a zone measures that zone.
  const MetricScope q{sc,
                      rec,
                      target.zone == "all" ? -1 : sc.zone_index(target.zone),
                      target.sector == "all" ? -1 : sc.sector_index(target.sector),
                      target.metric != "high_tech_firms" && target.metric != "platforms",
                      months};
  const auto time = metric_time(target.metric);
  if (!time) return std::nan("");  // not a scorecard metric (validation refuses those)
  if (*time == MetricTime::Annual) return annual_value(q, target.metric);
  const double level = level_value(q, target.metric);
  // A count since `since`: take away what was counted up to the December before it. A talent
  // stock's net addition from a run that starts in `since` counts from the starting stock.
  if (target.since == 0 || !counts_since(target.metric)) return level;
  const YearMonths before = year_months(rec.start, end, target.since - 1);
  if (before.count == 0)
    return is_talent_stock_metric(target.metric) ? level - starting_talent(q, target.metric)
                                                 : level;
  const MetricScope earlier{sc, rec, q.z_sel, q.s_sel, q.industrial_only, before};
  return level - level_value(earlier, target.metric);
}

}  // namespace parksim::model
