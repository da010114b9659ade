#pragma once
// The calendar of yearly metrics. A scenario may start and end in any month, so its first and
// last calendar years may hold fewer than 12 simulated months. Every yearly metric asks
// year_months() which months of the horizon lie in its year; a partial year is computed on the
// months that exist and is labelled partial wherever it is reported.
#include <optional>
#include <string>

namespace parksim::model {

// The months of a horizon [start, end] (month indices, year*12 + month-1) inside one year.
struct YearMonths {
  int year = 0;
  int first = 0;        // index of the year's first month in the horizon, counted from its start
  int count = 0;        // months of the year in the horizon: 12 full, 1..11 partial, 0 none
  int first_month = 1;  // calendar month (1..12) of the first of them
  bool partial() const { return count > 0 && count < 12; }
  int last() const { return first + count - 1; }              // index of the last of them
  int last_month() const { return first_month + count - 1; }  // its calendar month
};

YearMonths year_months(int start, int end, int year);

// "months 10-12" ("month 12" for one month): the months a year holds, for labels and messages.
std::string month_range(const YearMonths& m);
// "2015" for a full year, "2015*" for a partial one: the mark the command line's tables use.
std::string year_label(const YearMonths& m);
// The footnote for that mark, e.g. "* partial year: 2015 months 10-12 only; 2017 months 1-6 only";
// empty when the horizon starts in January and ends in December.
std::string partial_years_note(int start, int end);

// How a scorecard metric reduces a year's months to one value.
//   Annual: a quantity of the calendar year (flows such as output, their densities and shares):
//     summed over the months of the year that exist, so a partial year is NOT comparable with
//     an annual figure.
//   AtMonth: a level at the year's last existing month (stocks such as firms or talent, and
//     totals since the start such as policy_cost), comparable with the same level elsewhere.
enum class MetricTime { Annual, AtMonth };
// Empty for a name that is not a scorecard metric (the callers' own checks report those).
std::optional<MetricTime> metric_time(const std::string& metric);

}  // namespace parksim::model
