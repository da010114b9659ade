// Deterministic reductions and clearing.
#include <tbb/global_control.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "parksim/engine/rng.hpp"

using namespace parksim::engine;

namespace {
std::vector<double> sums_with_threads(int threads, const std::vector<double>& x) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
  return binned_sum(x.size(), 7, [&](std::size_t i, auto& add) {
    add(i % 7, x[i]);
    add((i * 3) % 7, x[i] * 1e-7);
  });
}
}  // namespace

TEST_CASE("binned sums are bit-identical at 1, 2 and 4 threads", "[parallel]") {
  // Values spanning many magnitudes make the sum order-sensitive, so a scheduling-dependent
  // reduction would show up as differing bits.
  std::vector<double> x(200003);
  DecisionStreams s({1, 0}, "magnitudes", 0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    auto r = s(i);
    x[i] = std::ldexp(r.uniform() - 0.5, int(r() % 60) - 30);
  }
  const auto one = sums_with_threads(1, x);
  const auto two = sums_with_threads(2, x);
  const auto four = sums_with_threads(4, x);
  REQUIRE(one.size() == 7);
  CHECK(std::memcmp(one.data(), two.data(), 7 * sizeof(double)) == 0);
  CHECK(std::memcmp(one.data(), four.data(), 7 * sizeof(double)) == 0);
}

TEST_CASE("deterministic sum equals the plain sum for exact integers", "[parallel]") {
  CHECK(deterministic_sum(10000, [](std::size_t i) { return double(i); }) == 49995000.0);
  CHECK(deterministic_sum(0, [](std::size_t) { return 1.0; }) == 0.0);
}

TEST_CASE("parallel_for visits every element once", "[parallel]") {
  std::vector<int> hits(100001, 0);
  parallel_for(hits.size(), [&](std::size_t i) { hits[i] += 1; });
  for (int h : hits) REQUIRE(h == 1);
}

TEST_CASE("clearing serves the highest priority first and breaks ties by agent id", "[clearing]") {
  const std::vector<Request> req = {{5, 10, 1.0}, {2, 10, 2.0}, {9, 10, 2.0}, {1, 10, 0.5}};
  const auto g = clear_by_rank(req, 25);
  CHECK(g[1] == 10);  // agent 2, priority 2, lower id than agent 9
  CHECK(g[2] == 10);  // agent 9
  CHECK(g[0] == 5);   // agent 5 gets the remainder
  CHECK(g[3] == 0);
}

TEST_CASE("clearing without partial grants skips what does not fit", "[clearing]") {
  const std::vector<Request> req = {{0, 30, 3.0}, {1, 20, 2.0}, {2, 5, 1.0}};
  const auto g = clear_by_rank(req, 28, Partial::Forbidden);
  CHECK(g[0] == 0);
  CHECK(g[1] == 20);
  CHECK(g[2] == 5);
  double total = 0;
  for (double v : g) total += v;
  CHECK(total <= 28);
}

TEST_CASE("clearing never grants more than the supply", "[clearing]") {
  std::vector<Request> req;
  DecisionStreams s({3, 0}, "requests", 0);
  for (std::uint32_t i = 0; i < 500; ++i) {
    auto r = s(i);
    req.push_back({i, r.uniform() * 100, r.uniform()});
  }
  for (double supply : {0.0, 10.0, 1000.0, 1e9}) {
    double total = 0;
    for (double v : clear_by_rank(req, supply)) total += v;
    CHECK(total <= supply + 1e-9);
  }
}

TEST_CASE("collect_requests keeps agent order and drops zero requests", "[clearing]") {
  const auto r = collect_requests({0, 3, 0, 1}, {9, 8, 7, 6});
  REQUIRE(r.size() == 2);
  CHECK(r[0].agent == 1);
  CHECK(r[1].agent == 3);
  CHECK(r[1].priority == 6);
}
