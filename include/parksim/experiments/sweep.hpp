#pragma once
// Sweeps: every design point run for R replications, chosen scalar metrics stored per point and
// replication. Results stream to append-only journals (<output>.journal.<rank>, one line per run,
// synced in batches) so that a sweep killed at any moment resumes where it stopped; SWEEP.h5 is
// assembled from the journals at the end, sorted by point and replication, so it is the same
// whatever the order, the number of processes or the interruptions. Launched by mpirun, processes
// take points dynamically from a shared counter (MPI one-sided fetch-and-add).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parksim/model/records.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::experiments {

// A scalar metric of a run: a scorecard metric in a year, optionally for one zone and sector.
// Written "metric:year[:zone[:sector]]", e.g. "sei_share:2020", "output_density:2025:lingang".
// "targets_met" counts the scenario's targets reached.
struct MetricSpec {
  std::string name;
  model::TargetSpec target;
  bool targets_met = false;
};

// The spec of a target: "metric:year", then ":zone" and ":sector" when they are not "all".
std::string metric_spec(const model::TargetSpec& target);
// Parses specs against a scenario; with none, the scenario's targets plus targets_met.
std::vector<MetricSpec> parse_metrics(const std::vector<std::string>& specs,
                                      const model::Scenario& sc);
// What a caller computes from each replication's monthly records (one row of values).
using ReplicationValues = std::function<std::vector<double>(const model::ReplicationRecords&)>;
// Runs `sc` (replication k on its own random streams, so two scenarios run with the same seed share
// them: common random numbers) and returns `values` of each replication (rows: replications).
// The threads limit is the caller's (tbb::global_control). seed -1: the scenario's.
// replication_scenarios: replication k runs the k-th (parameter uncertainty, model::RunOptions).
std::vector<std::vector<double>> replication_values(
    const model::Scenario& sc, const ReplicationValues& values, int replications, int threads,
    std::int64_t seed = -1, std::vector<model::Scenario> replication_scenarios = {});
// Values of the metrics for each replication of a run of `sc` (rows: replications).
// seed -1: the scenario's.
std::vector<std::vector<double>> metric_values(
    const model::Scenario& sc, const std::vector<MetricSpec>& metrics, int replications,
    int threads, std::int64_t seed = -1, std::vector<model::Scenario> replication_scenarios = {});

struct SweepProgress {
  std::size_t done = 0, total = 0, failed = 0;  // runs (point x replication) over the whole sweep
  double runs_per_second = 0, eta_seconds = 0;
};

struct SweepOptions {
  std::string scenario;  // base scenario file
  std::vector<std::string> sets, overlays;
  std::string design;  // DESIGN.h5
  std::string output;  // SWEEP.h5
  int replications = 1;
  std::vector<std::string> metrics;  // specs; empty: the scenario's targets + targets_met
  bool resume = false;
  int threads = 0;  // per process; 0: all cores
  std::function<void(const SweepProgress&)> progress;
};

struct SweepResult {
  std::size_t runs = 0, failed = 0, resumed = 0;  // resumed: runs found done in the journals
  double seconds = 0;
  int processes = 1;
  bool wrote_output = false;  // false on MPI ranks other than 0
};

SweepResult run_sweep(const SweepOptions& options);

}  // namespace parksim::experiments
