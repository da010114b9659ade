// Sweep metrics: `metric:year[:zone[:sector]]` specs and their values per replication, shared by
// sweep, compare, levers and calibrate.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/run.hpp"

namespace parksim::experiments {


std::string metric_spec(const model::TargetSpec& t) {
  // A count since a year reads "metric:since-year" (smart_retrofits:2018-2020).
  std::string s = t.since > 0 ? fmt::format("{}:{}-{}", t.metric, t.since, t.year)
                              : fmt::format("{}:{}", t.metric, t.year);
  if (t.zone != "all" || t.sector != "all") s += fmt::format(":{}", t.zone);
  if (t.sector != "all") s += fmt::format(":{}", t.sector);
  return s;
}

namespace {

// "2020", or "2018-2020" for a count since the start taken from January 2018.
void read_years(const std::string& spec, const std::string& text, model::TargetSpec& t) {
  const auto whole_number = [](const std::string& x) {
    std::size_t used = 0;
    const int v = std::stoi(x, &used);
    if (used != x.size()) throw std::invalid_argument(x);
    return v;
  };
  const auto dash = text.find('-');
  try {
    t.year = whole_number(dash == std::string::npos ? text : text.substr(dash + 1));
    if (dash != std::string::npos) t.since = whole_number(text.substr(0, dash));
  } catch (const std::exception&) {
    throw Error(fmt::format("metric \"{}\": \"{}\" is not a year or since-year", spec, text));
  }
  if (t.since != 0 && !model::counts_since(t.metric))
    throw Error(
        fmt::format("metric \"{}\": only smart_retrofits, first_units, policy_cost, "
                    "tax_expenditure, talent and leading_talent count since a year",
                    spec));
  if (t.since > t.year)
    throw Error(fmt::format("metric \"{}\": since {} is after {}", spec, t.since, t.year));
}

}  // namespace

std::vector<MetricSpec> parse_metrics(const std::vector<std::string>& specs,
                                      const model::Scenario& sc) {
  std::vector<MetricSpec> out;
  if (specs.empty()) {
    for (const auto& t : sc.targets) {
      MetricSpec m;
      m.target = t;
      m.name = metric_spec(t);
      out.push_back(m);
    }
    MetricSpec met;
    met.name = "targets_met";
    met.targets_met = true;
    if (!sc.targets.empty()) out.push_back(met);
    if (out.empty())
      throw Error(
          "the scenario has no targets: name the metrics to store with --metric metric:year");
    return out;
  }
  std::vector<std::string> allowed;
  for (const auto& m : model::scorecard_metrics()) allowed.push_back(m.name);
  for (const auto& spec : specs) {
    MetricSpec m;
    m.name = spec;
    if (spec == "targets_met") {
      m.targets_met = true;
      out.push_back(m);
      continue;
    }
    std::vector<std::string> parts;
    std::stringstream ss(spec);
    for (std::string p; std::getline(ss, p, ':');) parts.push_back(p);
    if (parts.size() < 2 || parts.size() > 4)
      throw Error(fmt::format(
          "metric \"{}\": write metric:year[:zone[:sector]], e.g. sei_share:2020", spec));
    if (std::find(allowed.begin(), allowed.end(), parts[0]) == allowed.end())
      throw Error(fmt::format("metric \"{}\": unknown metric \"{}\"; allowed: {}, targets_met",
                              spec, parts[0], fmt::join(allowed, ", ")));
    m.target.metric = parts[0];
    read_years(spec, parts[1], m.target);
    if (m.target.year < sc.info.start / 12 || m.target.year > sc.info.end / 12)
      throw Error(fmt::format("metric \"{}\": year {} lies outside the scenario's horizon {}..{}",
                              spec, m.target.year, sc.info.start / 12, sc.info.end / 12));
    if (m.target.since != 0 && m.target.since < sc.info.start / 12)
      throw Error(fmt::format("metric \"{}\": since {} is before the horizon's first year {}", spec,
                              m.target.since, sc.info.start / 12));
    if (parts.size() >= 3) {
      m.target.zone = parts[2];
      if (m.target.zone != "all" && sc.zone_index(m.target.zone) < 0)
        throw Error(fmt::format("metric \"{}\": unknown zone \"{}\"", spec, m.target.zone));
    }
    if (parts.size() == 4) {
      m.target.sector = parts[3];
      if (sc.sector_index(m.target.sector) < 0)
        throw Error(fmt::format("metric \"{}\": unknown sector \"{}\"", spec, parts[3]));
    }
    out.push_back(m);
  }
  return out;
}

std::vector<std::vector<double>> replication_values(
    const model::Scenario& sc, const ReplicationValues& values, int replications, int threads,
    std::int64_t seed, std::vector<model::Scenario> replication_scenarios) {
  std::vector<std::vector<double>> out(static_cast<std::size_t>(replications));
  model::RunOptions opt;
  opt.replication_scenarios = std::move(replication_scenarios);
  opt.replications = replications;
  opt.threads = threads;
  opt.seed = seed;
  opt.limit_threads = false;
  opt.on_replication = [&](int rep, const model::ReplicationRecords& rec) {
    out[std::size_t(rep)] = values(rec);
  };
  model::run_scenario(sc, opt);
  return out;
}

std::vector<std::vector<double>> metric_values(const model::Scenario& sc,
                                               const std::vector<MetricSpec>& metrics,
                                               int replications, int threads, std::int64_t seed,
                                               std::vector<model::Scenario> replication_scenarios) {
  return replication_values(
      sc,
      [&](const model::ReplicationRecords& rec) {
        std::vector<double> row(metrics.size());
        for (std::size_t j = 0; j < metrics.size(); ++j) {
          if (!metrics[j].targets_met) {
            row[j] = model::metric_value(sc, rec, metrics[j].target);
            continue;
          }
          double met = 0;  // the scenario's own targets reached
          for (const auto& t : sc.targets) {
            const double v = model::metric_value(sc, rec, t);
            met += t.sense == ">=" ? v >= t.value : v <= t.value;
          }
          row[j] = met;
        }
        return row;
      },
      replications, threads, seed, std::move(replication_scenarios));
}

}  // namespace parksim::experiments
