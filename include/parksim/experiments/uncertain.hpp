#pragma once
// Parameter uncertainty in a run (`parksim run --uncertain SPACE.toml`): the behavioural
// parameters of a space (space.hpp) are drawn by Latin hypercube, one row per replication, and
// replication r runs with row r on the random streams of replication r of a plain run. The
// scorecard's intervals and P(reach) then include parameter uncertainty, not only stochastic
// noise, and two scenarios run with the same space, seed and draws still share their noise.
//
// Only behavioural parameters may be drawn (sections model, talent and funds): programme terms are
// the documents' numbers and the policy under study (vary them with sample/sweep), zones and
// sectors hold public figures and initial conditions, [scenario] the horizon and seeds.
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::experiments {

// The scenario sections whose keys an uncertain run may draw.
const std::vector<std::string>& behavioural_sections();

struct UncertainDraws {
  Design design;                      // LHS over the space, one point per replication
  std::vector<std::string> warnings;  // things worth saying that do not stop the run
};

// Checks `space` for an uncertain run of `replications` and draws it with `seed`. Throws
// InputError listing every problem, each at its file:line and key: a parameter outside the
// behavioural sections, a range reaching outside the dictionary's allowed range, a key the
// command's --set overrides (`sets`) also fix, fewer than 2 replications. Fewer replications than
// parameters is allowed (LHS stratifies every parameter into N intervals whatever N is) but warned.
UncertainDraws draw_uncertain(const Space& space, int replications, std::uint64_t seed,
                              const std::vector<std::string>& sets = {});

// The scenario of every replication: `scenario` with `overlays`, `sets` and then that
// replication's draws as --set overrides.
std::vector<model::Scenario> uncertain_scenarios(const UncertainDraws& draws,
                                                 const std::string& scenario,
                                                 const std::vector<std::string>& sets,
                                                 const std::vector<std::string>& overlays);

// What a scorecard computed over the draws includes: "stochastic and parameter uncertainty
// (K parameters, LHS, N draws)".
std::string uncertainty_label(const UncertainDraws& draws);

// Group "uncertain" of a run's file: the (replication, parameter) values and unit coordinates,
// parameter names, units and distributions, and the space file's text as an attribute.
void write_uncertain_group(engine::h5::Writer& writer, const UncertainDraws& draws);

}  // namespace parksim::experiments
