// Known answers and independence of the counter-based streams.
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "parksim/engine/rng.hpp"

using parksim::engine::decision_id;
using parksim::engine::DecisionStreams;
using parksim::engine::Stream;

TEST_CASE("Philox4x64-10 matches the Random123 known-answer vectors", "[rng]") {
  // kat_vectors from Random123 1.14: philox4x64 10, counter and key all zero, then all ones.
  const auto zero = Stream::block({0, 0, 0, 0}, {0, 0});
  CHECK(zero[0] == 0x16554d9eca36314cull);
  CHECK(zero[1] == 0xdb20fe9d672d0fdcull);
  CHECK(zero[2] == 0xd7e772cee186176bull);
  CHECK(zero[3] == 0x7e68b68aec7ba23bull);
  const std::uint64_t ones = ~0ull;
  const auto all = Stream::block({ones, ones, ones, ones}, {ones, ones});
  CHECK(all[0] == 0x87b092c3013fe90bull);
  CHECK(all[1] == 0x438c3c67be8d0224ull);
  CHECK(all[2] == 0x9cc7d7c69cd777b6ull);
  CHECK(all[3] == 0xa09caebf594f0ba0ull);
}

TEST_CASE("decision ids are FNV-1a hashes of the decision name", "[rng]") {
  CHECK(decision_id("") == 14695981039346656037ull);
  CHECK(decision_id("a") == 0xaf63dc4c8601ec8cull);
  CHECK(decision_id("innovation") != decision_id("investment"));
}

TEST_CASE("a stream is a pure function of seed, replication, decision, step and agent", "[rng]") {
  const parksim::engine::StreamKey key{42, 3};
  Stream a(key, decision_id("x"), 5, 99), b(key, decision_id("x"), 5, 99);
  for (int i = 0; i < 10; ++i) CHECK(a() == b());
  // Changing any coordinate changes the numbers.
  const auto first = [](Stream s) { return s(); };
  const std::uint64_t base = first(Stream(key, decision_id("x"), 5, 99));
  CHECK(first(Stream({43, 3}, decision_id("x"), 5, 99)) != base);
  CHECK(first(Stream({42, 4}, decision_id("x"), 5, 99)) != base);
  CHECK(first(Stream(key, decision_id("y"), 5, 99)) != base);
  CHECK(first(Stream(key, decision_id("x"), 6, 99)) != base);
  CHECK(first(Stream(key, decision_id("x"), 5, 98)) != base);
}

TEST_CASE("draws past the first block keep coming from the same stream", "[rng]") {
  Stream s({1, 0}, decision_id("blocks"), 0, 0);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(s());
  CHECK(seen.size() == 1000);
  // The fifth draw is the first word of block 1 of the same counter.
  Stream t({1, 0}, decision_id("blocks"), 0, 0);
  for (int i = 0; i < 4; ++i) t();
  const auto block1 = Stream::block({decision_id("blocks"), 1, 0, 0}, {1, 0});
  CHECK(t() == block1[0]);
}

TEST_CASE("uniform draws lie in the open unit interval with the right moments", "[rng]") {
  DecisionStreams streams({7, 0}, "uniform_test", 0);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = streams(std::uint64_t(i)).uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  CHECK(mean == Approx(0.5).margin(0.005));
  CHECK(var == Approx(1.0 / 12.0).margin(0.002));
}

TEST_CASE("Boost normal draws on top of a stream are pinned and standard", "[rng]") {
  boost::random::normal_distribution<double> normal;
  Stream s({2015, 0}, decision_id("normal"), 0, 0);
  const double first = normal(s);
  Stream again({2015, 0}, decision_id("normal"), 0, 0);
  CHECK(normal(again) == first);
  DecisionStreams streams({2015, 1}, "normal", 3);
  double sum = 0, sum2 = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    auto r = streams(std::uint64_t(i));
    const double x = normal(r);
    sum += x;
    sum2 += x * x;
  }
  CHECK(sum / n == Approx(0.0).margin(0.015));
  CHECK(sum2 / n == Approx(1.0).margin(0.02));
}
