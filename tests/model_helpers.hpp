#pragma once
// Test helpers that run the model: the small test scenario and a step-by-step runner.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "parksim/model/detail/world.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

namespace parksim::test {

// tests/data/mini.toml with --set style overrides.
inline model::Scenario mini(const std::vector<std::string>& sets = {}) {
  return model::load_scenario(source_path("tests/data/mini.toml"), sets);
}

// The index of programme `id` in the scenario (throws when it has none, failing the test).
inline std::size_t programme_index(const model::Scenario& sc, const std::string& id) {
  for (std::size_t p = 0; p < sc.programmes.size(); ++p)
    if (sc.programmes[p].id == id) return p;
  throw std::invalid_argument("the scenario has no programme " + id);
}

// The --set lists a and b, one after the other.
inline std::vector<std::string> with(std::vector<std::string> a,
                                     const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Runs one replication step by step, calling check(world) after every step.
template <class Check>
void simulate(const model::Scenario& sc, Check&& check, std::uint64_t replication = 0) {
  model::World w(sc, {std::uint64_t(sc.info.seed), replication});
  model::populate(w);
  auto schedule = model::make_schedule();
  for (int t = 0; t < sc.months(); ++t) {
    w.step = t;
    schedule.run_step(w);
    check(w);
  }
}

// Runs the first month of one replication and calls check(world) once after it: programmes are
// active and their per-firm counters sized, for tests that then set up a firm by hand.
template <class Check>
void after_first_month(const model::Scenario& sc, Check&& check, std::uint64_t replication = 0) {
  model::World w(sc, {std::uint64_t(sc.info.seed), replication});
  model::populate(w);
  auto schedule = model::make_schedule();
  w.step = 0;
  schedule.run_step(w);
  check(w);
}

// Runs one replication phase by phase, calling before(world) just before the phase named `phase`
// and after(world) just after it, every month.
template <class Before, class After>
void around_phase(const model::Scenario& sc, const std::string& phase, Before&& before,
                  After&& after) {
  model::World w(sc, {std::uint64_t(sc.info.seed), 0});
  model::populate(w);
  auto schedule = model::make_schedule();
  for (int t = 0; t < sc.months(); ++t) {
    w.step = t;
    for (const auto& p : schedule.phases()) {
      if (p.name == phase) before(w);
      p.run(w);
      if (p.name == phase) after(w);
    }
  }
}

// The monthly records of one replication, stepped by hand (the states run_scenario produces).
inline std::vector<model::StepRecord> records(const model::Scenario& sc,
                                              std::uint64_t replication = 0) {
  std::vector<model::StepRecord> out;
  simulate(
      sc, [&](const model::World& w) { out.push_back(w.record); }, replication);
  return out;
}

// The same as the ReplicationRecords the scorecard metrics read (replication 0).
inline model::ReplicationRecords replication_records(const model::Scenario& sc) {
  model::ReplicationRecords rec;
  rec.start = sc.info.start;
  rec.steps = records(sc);
  return rec;
}

// The first step whose records differ in any recorded value (a.size() when none does). Runs of
// different lengths are not comparable: that throws, failing the test.
inline std::size_t first_difference(const std::vector<model::StepRecord>& a,
                                    const std::vector<model::StepRecord>& b) {
  if (a.size() != b.size()) throw std::logic_error("records of different lengths");
  for (std::size_t t = 0; t < a.size(); ++t)
    if (!(a[t].cube == b[t].cube && a[t].zone_talent == b[t].zone_talent &&
          a[t].zone_land == b[t].zone_land && a[t].zone_wage == b[t].zone_wage &&
          a[t].zone_housing == b[t].zone_housing && a[t].scalars == b[t].scalars))
      return t;
  return a.size();
}

}  // namespace parksim::test
