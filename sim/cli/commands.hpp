#pragma once
// The commands of the parksim CLI. Each checks its output paths before any work starts (they must
// be writable and must not name one of the command's inputs), prints its results, and turns an
// interruption into a message that says what was kept.
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/experiments/calibrate.hpp"
#include "parksim/experiments/compare.hpp"
#include "parksim/experiments/sweep.hpp"

namespace parksim::cli {

struct RunArgs {
  std::string scenario, output, checkpoint_at, checkpoint, branch, command_line;
  std::vector<std::string> sets, overlays;
  int replications = 0, threads = 0;
  std::int64_t seed = -1;
  std::string uncertain;             // SPACE.toml of behavioural parameters drawn per replication
  std::int64_t uncertain_seed = -1;  // seed of the LHS draws; -1: the run's seed
  bool profile = false;
};
int run_command(const RunArgs& a);

int check_command(const std::string& scenario, const std::vector<std::string>& sets,
                  const std::vector<std::string>& overlays, bool resolved);

int sample_command(const std::string& space_path, const std::string& method, int n,
                   std::uint64_t seed, int levels, const std::string& out);

int sweep_command(experiments::SweepOptions o);

int analyze_command(const std::string& method, const std::string& input, const std::string& metric,
                    const std::string& outputs_csv, int bootstrap, const std::string& out);

struct CompareArgs {
  std::string base, variant;
  std::vector<std::string> sets, overlays, variant_sets, variant_overlays;
  experiments::CompareOptions options;
  std::string uncertain;             // SPACE.toml: the same parameter draws in both arms
  std::int64_t uncertain_seed = -1;  // -1: the comparison's seed
};
int compare_command(const CompareArgs& a);

int calibrate_command(const experiments::CalibrateOptions& o);

int report_command(const std::string& input, const std::string& out);

}  // namespace parksim::cli
