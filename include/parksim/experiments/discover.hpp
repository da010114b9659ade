#pragma once
// Scenario discovery: which boxes of a design's parameter space make a condition on the outputs
// hold (PRIM, Friedman & Fisher 1999, with Bryant & Lempert's 2010 coverage / density trade-off
// and quasi-p-values). docs/experiments.md, "discover".
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/experiments/design.hpp"

namespace parksim::experiments {

// A condition on named outputs: comparisons `NAME OP NUMBER` (OP one of >= <= > < == !=) joined by
// `and` / `or` (and binds tighter) with parentheses, e.g.
// "output:2025 >= 1600 and policy_cost:2025 <= 200".
class Condition {
 public:
  // Throws Error naming the column of the text where it goes wrong and what was expected.
  explicit Condition(const std::string& text);
  const std::vector<std::string>& names() const { return names_; }  // as they appear, unique
  // values[i] is the value of names()[i]; a NaN makes its comparisons false.
  bool holds(const std::vector<double>& values) const;
  const std::string& text() const { return text_; }

  struct Node {
    enum Kind { Compare, And, Or } kind = Compare;
    std::size_t name = 0;  // Compare: index into names()
    std::string op;
    double number = 0;
    int left = -1, right = -1;  // And / Or: child nodes
  };

 private:
  bool eval(int node, const std::vector<double>& values) const;
  std::string text_;
  std::vector<std::string> names_;
  std::vector<Node> nodes_;
  int root_ = -1;
};

enum class PrimObjective { Lenient1, Original };

struct PrimOptions {
  double peel_alpha = 0.05;   // share of the box's points a peel removes
  double paste_alpha = 0.05;  // share of the points next to the box a paste adds
  double mass_min = 0.05;     // peeling stops before the box holds fewer of all points
  double min_density = 0.8;   // the box chosen from a trajectory: the first at least this dense
  PrimObjective objective = PrimObjective::Lenient1;
  int boxes = 1;  // boxes found one after another, each on the points the earlier ones left
};

struct PrimBox {
  std::vector<double> lower, upper;  // [parameter], in the design's values
  std::size_t n = 0, k = 0;          // points in the box, and of them where y holds
  double coverage = 0, density = 0, mass = 0;
  std::size_t restricted() const;  // parameters whose limits differ from the whole space's
  std::vector<std::uint8_t> restricted_lower, restricted_upper;
  // One-sided binomial quasi-p of each restricted limit (NaN where unrestricted): the chance of
  // k or more of n hits at the density of the box with that limit removed.
  std::vector<double> quasi_p_lower, quasi_p_upper;
};

struct PrimSearch {
  std::vector<PrimBox> trajectory;  // peeling, then pasting, from the whole space
  std::size_t chosen = 0;           // index into trajectory
  bool reached_density = false;     // chosen box is at least min_density dense
  std::size_t points = 0, hits = 0;  // what this search started from
};

// x[point][parameter], y[point] in {0, 1}. Deterministic (ties broken by parameter and side).
std::vector<PrimSearch> prim(const std::vector<std::vector<double>>& x,
                             const std::vector<std::uint8_t>& y, const PrimOptions& options);

struct DiscoverOptions {
  std::string input;    // SWEEP.h5, or DESIGN.h5 with outputs_csv
  std::string outputs_csv;
  std::string where;
  double probability = 0.5;  // a point counts where the condition holds in >= this share of runs
  PrimOptions prim;
};

struct DiscoverResult {
  Design design;
  std::string where;  // the condition as given
  std::vector<double> probability;  // [point] share of its replications where the condition held
  std::vector<std::uint8_t> y;      // [point] probability >= options.probability
  std::vector<std::uint8_t> used;   // [point] 0: a run failed or the output is missing
  std::size_t replications = 1;
  std::vector<PrimSearch> searches;
  std::vector<std::size_t> used_points;  // the rows of x given to prim
};

DiscoverResult discover(const DiscoverOptions& options);

}  // namespace parksim::experiments
