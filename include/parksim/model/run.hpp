#pragma once
// Running a scenario: replications, streaming HDF5 output, the scorecard.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parksim/model/calendar.hpp"
#include "parksim/model/records.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::engine::h5 {
class Writer;
}

namespace parksim::model {

// What a scorecard's intervals and P(reach) include when every replication runs one scenario.
inline constexpr const char* kStochasticOnly = "stochastic only";

struct RunOptions {
  int replications = 0;       // 0: the scenario's default
  std::int64_t seed = -1;     // -1: the scenario's seed
  int threads = 0;            // 0: all cores
  bool limit_threads = true;  // false: the caller has set the process's thread limit (sweeps)
  std::string output;         // HDF5 path; empty: no file
  std::string command_line;   // stored as provenance
  std::function<void(std::size_t done, std::size_t total)>
      progress;  // steps done over all replications
  // Checkpoint and branch: save every replication's full state at the start of a month, or start
  // from such a file (a variant that agrees with the saved run up to that month; the branched run
  // equals the variant's unbranched run).
  int checkpoint_at = -1;       // month index; -1: none
  std::string checkpoint_path;  // where to save it
  std::string branch_from;      // checkpoint file to start from
  // Called with each replication's monthly records once it has run (experiments measure them).
  std::function<void(int replication, const ReplicationRecords&)> on_replication;
  // Parameter uncertainty: replication r runs replication_scenarios[r] (the scenario with that
  // replication's parameter draws) on the random streams of replication r of a plain run, so runs
  // of two scenarios with the same draws still share their noise. Empty: every replication runs
  // the scenario given, whose zones, sectors, programmes, targets and horizon these must share.
  // Checkpoints hold no per-replication parameters: with these, checkpoint and branch are refused.
  std::vector<Scenario> replication_scenarios;
  // What the scorecard's intervals and P(reach) include (attribute "uncertainty" of the scorecard).
  std::string uncertainty = kStochasticOnly;
  // Called with the output file just before it is committed, to add groups (an uncertain run's
  // draws); what it writes is kept or lost with the rest of the file.
  std::function<void(engine::h5::Writer&)> write_extra;
};

struct ScorecardLine {
  TargetSpec target;
  std::string unit;
  std::vector<double> values;  // per replication
  YearMonths months;           // the months of the target's year in the horizon (partial or not)
  double median = 0, q05 = 0, q95 = 0, probability = 0;
};

struct YearSummary {
  int year = 0;
  YearMonths months;  // a partial first or last year holds fewer than 12 months
  double output = 0, output_density = 0, firms = 0, employment = 0, talent = 0, policy_cost = 0,
         high_tech = 0, sei_share = 0;  // medians across replications
};

struct RunSummary {
  std::vector<ScorecardLine> scorecard;
  std::vector<YearSummary> years;
  std::vector<std::string> phase_names;
  std::vector<double> phase_seconds;
  double seconds = 0;
  std::uint64_t firm_steps = 0, talent_steps = 0;
  std::vector<std::pair<std::string, double>> programme_cost;  // total paid, median, CNY
  std::string uncertainty = kStochasticOnly;  // what the scorecard's intervals include
};

RunSummary run_scenario(const Scenario& scenario, const RunOptions& options);

// Value of a scorecard metric for one replication, from its monthly records (exposed for tests).
double metric_value(const Scenario& sc, const ReplicationRecords& rec, const TargetSpec& target);

// A quantity of one replication named by a scorecard metric (its value in `year`, as the scorecard
// computes it) or, for a name that is no metric, by a recorded series (find_series), summed over
// zones and sectors in its stored units: a level at the last month of `year`; a flow (units
// ".../month") totalled over the months of `year`, or from the start to the end of `year` when
// `to_date`. Throws Error for a name that is neither.
double measure_value(const Scenario& sc, const ReplicationRecords& rec, const std::string& name,
                     int year, bool to_date = false);
// Its unit: the metric's, or the series' stored units with a flow's "/month" read as "/year" (or
// dropped, `to_date`).
std::string measure_unit(const std::string& name, bool to_date = false);

}  // namespace parksim::model
