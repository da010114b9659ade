#pragma once
// Lever effects: every programme of a scenario switched off alone (loaded again with
// programmes.<id>.enabled=false, which leaves it out of the run), each variant run with the base's
// seed and replications (common random numbers, as in compare), so that replication k's
// difference, with - without, isolates what the programme does. For each programme: effects on key
// outcomes in a year and on cumulative output, on the decision its kind is meant to move (the
// registry's target decision), its cost, and its cost per extra 亿元 of cumulative output.
// docs/levers_command.md has the definitions and units.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parksim/model/scenario.hpp"

namespace parksim::experiments {

struct LeversOptions {
  std::string output;  // LEVERS.h5 (empty: none)
  int replications = 8;
  int threads = 0;
  std::int64_t seed = -1;  // -1: the scenario's
  int year = 0;            // year of the outcomes; 0: the scenario's last
  int bootstrap = 2000;    // resamples for the cost-per-output interval
  std::string command_line;
  std::function<void(std::size_t done, std::size_t total)> progress;  // scenarios run
};

// A measured quantity: a scorecard metric or recorded series (model::measure_value), or the
// output summed over every year of the run.
struct LeverQuantity {
  std::string key;         // its name in the results and the HDF5 group
  std::string source;      // metric or series it reads ("output" for cumulative_output)
  bool to_date = false;    // a flow totalled from the start to the end of the year
  bool whole_run = false;  // cumulative_output: the metric summed over all years of the run
  // A target decision of a programme that closes before the levers year is measured in the year
  // it closes (what it does while it runs); 0: the levers year.
  int year = 0;
  std::string unit, description;
};

struct LeverEffect {
  double with_mean = 0, without_mean = 0;  // means over replications
  double effect = 0, low = 0, high = 0;    // mean of with - without and its 95% t interval
  double relative = 0;  // effect / with_mean (0 when both are 0, NaN when only with_mean is)
  bool contains_zero() const { return low <= 0.0 && 0.0 <= high; }
};

struct LeverRow {
  std::string programme, kind;
  std::string switch_off;            // the override that switched it off
  std::vector<LeverEffect> effects;  // one per quantity of LeversResult::quantities
  std::size_t target = 0;            // the quantity that is its target decision
  int direction = +1;                // intended direction of the target: +1 raise, -1 lower
  const LeverEffect& target_effect() const { return effects.at(target); }
  double cost = 0, cost_low = 0, cost_high = 0;  // paid by the programme in the base run, 1e8 CNY
  bool cost_per_output_defined = false;  // false when cumulative output's interval contains 0
  double cost_per_output = 0, cost_per_output_low = 0, cost_per_output_high = 0;  // 1e8 CNY per
                                                                                  // 1e8 CNY
  bool sign_flag = false;       // the target moved against its intended direction
  bool no_effect_flag = false;  // every interval contains 0 and the programme paid nothing
};

struct LeversResult {
  std::vector<LeverQuantity> quantities;  // outcomes first, then targets that are no outcome
  std::size_t outcomes = 0;               // how many of the quantities are outcomes
  std::vector<LeverRow> rows;             // one per programme, in scenario order
  int year = 0;
  std::int64_t seed = 0;
  double seconds = 0;
};

// The override that switches a programme off: "programmes.<id>.enabled=false".
std::string switch_off_override(const std::string& programme_id);

// Sets the sign and no-effect flags of a row from its effects and cost: the sign flag when the
// target's interval excludes 0 on the side opposite to `direction`; the no-effect flag when every
// effect's interval contains 0 and the cost is 0.
void set_flags(LeverRow& row);

// Runs the base (the scenario with `sets` and `overlays`) and every programme switched off.
LeversResult levers(const std::string& scenario, const std::vector<std::string>& sets,
                    const std::vector<std::string>& overlays, const LeversOptions& options);

}  // namespace parksim::experiments
