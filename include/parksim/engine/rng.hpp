#pragma once
// Counter-based random streams (Random123 Philox4x64-10).
//
// Every draw is a pure function of (seed, replication, decision, step, agent, draw index):
//   key     = (seed, replication)
//   counter = (decision id, step << 32 | block, agent id, 0)
// so results never depend on the thread count or on the order agents are visited, and a change
// in how many draws one decision makes never shifts the draws of any other decision. Two
// scenarios that take the same decision for the same agent at the same step see the same
// numbers: that is what makes common-random-number comparisons work.
#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace parksim::engine {

// Stable 64-bit id of a decision name (FNV-1a). Names, not enum values, key the streams so that
// adding a decision never renumbers the others.
constexpr std::uint64_t decision_id(std::string_view name) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
};

// A UniformRandomBitGenerator for one (decision, step, agent); use Boost.Random distributions on
// top of it. Cheap to construct: make one per agent per decision inside the loop.
class Stream {
 public:
  using result_type = std::uint64_t;
  using Philox = r123::Philox4x64;

  Stream(StreamKey key, std::uint64_t decision, std::uint32_t step, std::uint64_t agent)
      : key_{{key.seed, key.replication}}, ctr_{{decision, std::uint64_t(step) << 32, agent, 0}} {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // Uniform on the open interval (0, 1): 53 random bits, never exactly 0 or 1.
  double uniform() { return (double((*this)() >> 11) + 0.5) * 0x1.0p-53; }

  // The raw Philox block for a given counter, for known-answer tests.
  static std::array<std::uint64_t, 4> block(std::array<std::uint64_t, 4> counter,
                                            std::array<std::uint64_t, 2> key);

 private:
  void refill() {
    Philox::ctr_type c = ctr_;
    c.v[1] |= blocks_;  // the low 32 bits of counter word 1 number the blocks of this stream
    ++blocks_;
    Philox::key_type k = key_;
    auto r = Philox()(c, k);
    for (int i = 0; i < 4; ++i) block_[i] = r.v[i];
    used_ = 0;
  }

  Philox::key_type key_;
  Philox::ctr_type ctr_;
  std::array<std::uint64_t, 4> block_{};
  std::uint32_t blocks_ = 0;
  int used_ = 4;
};

// One uniform draw for an agent from a block shared with its three neighbours (agents 4k..4k+3
// use the four words of block k). Still a pure function of (seed, replication, decision, step,
// agent), at a quarter of the generator cost: for decisions taken by millions of agents that need
// a single draw each month.
inline double shared_uniform(StreamKey key, std::uint64_t decision, std::uint32_t step,
                             std::uint64_t agent) {
  using Philox = r123::Philox4x64;
  // Counter word 3 = 1 keeps these blocks apart from Stream's (whose word 3 is always 0).
  Philox::ctr_type c{{decision, std::uint64_t(step) << 32, agent >> 2, 1}};
  Philox::key_type k{{key.seed, key.replication}};
  const auto r = Philox()(c, k);
  return (double(r.v[agent & 3] >> 11) + 0.5) * 0x1.0p-53;
}

// Fills u[0..3] with the shared uniforms of agents 4*quad .. 4*quad+3 in one generator call.
inline void shared_uniforms4(StreamKey key, std::uint64_t decision, std::uint32_t step,
                             std::uint64_t quad, double* u) {
  using Philox = r123::Philox4x64;
  Philox::ctr_type c{{decision, std::uint64_t(step) << 32, quad, 1}};
  Philox::key_type k{{key.seed, key.replication}};
  const auto r = Philox()(c, k);
  for (int j = 0; j < 4; ++j) u[j] = (double(r.v[j] >> 11) + 0.5) * 0x1.0p-53;
}

// Streams of one decision at one step; the usual way phases obtain their draws.
class DecisionStreams {
 public:
  DecisionStreams(StreamKey key, std::string_view decision, std::uint32_t step)
      : key_(key), decision_(decision_id(decision)), step_(step) {}
  Stream operator()(std::uint64_t agent) const { return Stream(key_, decision_, step_, agent); }

 private:
  StreamKey key_;
  std::uint64_t decision_;
  std::uint32_t step_;
};

}  // namespace parksim::engine
