// The floor kernel: the least work an agent-step of this kind of model can cost. Each agent-step
// makes one counter-based Philox4x32-10 draw and updates a few typed columns (zone 2 B read,
// wage 4 B read + write, skill 4 B read: 14 B), in a oneTBB parallel loop over blocks of agents.
// bench_scale's agent-steps/s divided by this one's is how far parksim is from the floor
// (issue 15's target: within 2x). Numbers: bench/README.md.
#include <Random123/philox.h>
#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

#include "peak_rss.hpp"

namespace {

constexpr int kZones = 10;

struct Agents {
  std::vector<std::uint16_t> zone;
  std::vector<float> wage;
  std::vector<float> skill;
};

// A deterministic starting population (no RNG, so set-up costs almost nothing).
Agents make_agents(std::size_t n) {
  Agents a;
  a.zone.resize(n);
  a.wage.resize(n);
  a.skill.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    a.zone[i] = std::uint16_t(i % kZones);
    a.wage[i] = 1.0f + float(i % 97) * 0.01f;
    a.skill[i] = 0.5f + float(i % 13) * 0.05f;
  }
  return a;
}

// One month for agents [begin, end): the draw is a pure function of (seed, step, agent), like
// parksim's streams, so the result does not depend on the thread count or the block split.
void step_block(Agents& a, const float* zone_pull, std::uint32_t seed, std::uint32_t step,
                std::size_t begin, std::size_t end) {
  using Philox = r123::Philox4x32;
  const Philox::key_type key = {{seed, 0}};
  const std::uint16_t* __restrict zone = a.zone.data();
  const float* __restrict skill = a.skill.data();
  float* __restrict wage = a.wage.data();
  for (std::size_t i = begin; i < end; ++i) {
    const Philox::ctr_type ctr = {{std::uint32_t(i), std::uint32_t(i >> 32), step, 0}};
    const auto r = Philox()(ctr, key);
    const float u = float(r.v[0] >> 8) * 0x1.0p-24f;  // uniform on [0, 1)
    // Wages drift towards the zone's pull with a skill-weighted random shock.
    wage[i] += 0.01f * (zone_pull[zone[i]] - wage[i]) + 0.02f * skill[i] * (u - 0.5f);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parksim floor kernel"};
  int threads = 2, steps = 132;
  std::size_t agents = 2100000;
  app.add_option("-t,--threads", threads);
  app.add_option("--agents", agents);
  app.add_option("--steps", steps);
  CLI11_PARSE(app, argc, argv);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));

  Agents a = make_agents(agents);
  float zone_pull[kZones];
  for (int z = 0; z < kZones; ++z) zone_pull[z] = 1.0f + 0.1f * float(z);
  const auto t0 = std::chrono::steady_clock::now();
  for (int t = 0; t < steps; ++t)
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents, 16384),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        step_block(a, zone_pull, 1, std::uint32_t(t), r.begin(), r.end());
                      });
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // A serial sum, printed so the work cannot be optimised away; equal at any thread count.
  double checksum = 0;
  for (float w : a.wage) checksum += double(w);
  const double agent_steps = double(agents) * double(steps);
  fmt::print("threads {}  agents {}  steps {}\n", threads, agents, steps);
  fmt::print("run {:.2f} s  agent-steps {:.3g}  agent-steps/s {:.3g}  checksum {:.6f}\n", wall,
             agent_steps, agent_steps / wall, checksum);
  fmt::print("peak RSS {:.0f} MiB\n", parksim::bench::peak_rss_mib());
  return 0;
}
