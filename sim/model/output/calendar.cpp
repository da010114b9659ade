// Months of a horizon by calendar year, and how each scorecard metric uses them.
#include "parksim/model/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace parksim::model {

YearMonths year_months(int start, int end, int year) {
  YearMonths m;
  m.year = year;
  const int from = std::max(start, year * 12), to = std::min(end, year * 12 + 11);
  if (to < from) return m;  // the year lies outside the horizon: count 0
  m.first = from - start;
  m.count = to - from + 1;
  m.first_month = from - year * 12 + 1;
  return m;
}

std::string month_range(const YearMonths& m) {
  if (m.count == 1) return fmt::format("month {}", m.first_month);
  return fmt::format("months {}-{}", m.first_month, m.last_month());
}

std::string year_label(const YearMonths& m) {
  return fmt::format("{}{}", m.year, m.partial() ? "*" : "");
}

std::string partial_years_note(int start, int end) {
  std::vector<std::string> parts;
  // Only the first and the last year of a horizon can be partial.
  for (int year : {start / 12, end / 12}) {
    const auto m = year_months(start, end, year);
    const std::string part = fmt::format("{} {} only", year, month_range(m));
    if (m.partial() && (parts.empty() || parts.back() != part)) parts.push_back(part);
  }
  return parts.empty() ? std::string() : fmt::format("* partial year: {}", fmt::join(parts, "; "));
}

std::optional<MetricTime> metric_time(const std::string& metric) {
  // Every metric of scorecard_metrics() (scenario.cpp) is listed here; a test checks that.
  static const std::vector<std::pair<std::string, MetricTime>> kinds = {
      {"output", MetricTime::Annual},
      {"value_added", MetricTime::Annual},
      {"output_density", MetricTime::Annual},
      {"value_added_density", MetricTime::Annual},
      {"sei_share", MetricTime::Annual},
      {"rd_intensity", MetricTime::Annual},
      {"patents", MetricTime::Annual},
      {"firms", MetricTime::AtMonth},
      {"employment", MetricTime::AtMonth},
      {"land_used", MetricTime::AtMonth},
      {"high_tech_firms", MetricTime::AtMonth},
      {"talent", MetricTime::AtMonth},
      {"leading_talent", MetricTime::AtMonth},
      {"platforms", MetricTime::AtMonth},
      {"innovation_centres", MetricTime::AtMonth},
      {"incubators", MetricTime::AtMonth},
      {"smart_retrofits", MetricTime::AtMonth},
      {"first_units", MetricTime::AtMonth},
      {"unicorns", MetricTime::AtMonth},
      {"hidden_champions", MetricTime::AtMonth},
      {"listed_firms", MetricTime::AtMonth},
      {"loans_outstanding", MetricTime::AtMonth},
      {"policy_cost", MetricTime::AtMonth},
      {"tax_expenditure", MetricTime::AtMonth},
  };
  for (const auto& [name, kind] : kinds)
    if (name == metric) return kind;
  return std::nullopt;
}

}  // namespace parksim::model
