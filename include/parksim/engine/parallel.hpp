#pragma once
// Parallel loops and reductions whose results do not depend on the thread count.
//
// Work is cut into fixed blocks of kBlock elements. A loop body may only write to the slots of the
// elements it owns. Sums are computed per block, then added in block order, so floating-point
// results are byte-identical at 1, 2 or 64 threads.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <vector>

namespace parksim::engine {

inline constexpr std::size_t kBlock = 2048;

inline std::size_t block_count(std::size_t n) { return (n + kBlock - 1) / kBlock; }

// f(begin, end) for each fixed block, in parallel.
template <class F>
void parallel_blocks(std::size_t n, F&& f) {
  const std::size_t blocks = block_count(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t b = r.begin(); b != r.end(); ++b) {
                        const std::size_t begin = b * kBlock;
                        const std::size_t end = begin + kBlock < n ? begin + kBlock : n;
                        f(begin, end);
                      }
                    });
}

// f(i) for every element, in parallel.
template <class F>
void parallel_for(std::size_t n, F&& f) {
  parallel_blocks(n, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) f(i);
  });
}

// Deterministic binned sum: f(i, add) calls add(bin, value) any number of times; returns the
// total per bin. Partial sums are kept per block and combined in block order.
template <class F>
std::vector<double> binned_sum(std::size_t n, std::size_t bins, F&& f) {
  const std::size_t blocks = block_count(n);
  std::vector<double> partial(blocks * bins, 0.0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t b = r.begin(); b != r.end(); ++b) {
                        double* acc = partial.data() + b * bins;
                        auto add = [acc](std::size_t bin, double v) { acc[bin] += v; };
                        const std::size_t begin = b * kBlock;
                        const std::size_t end = begin + kBlock < n ? begin + kBlock : n;
                        for (std::size_t i = begin; i < end; ++i) f(i, add);
                      }
                    });
  std::vector<double> total(bins, 0.0);
  for (std::size_t b = 0; b < blocks; ++b)
    for (std::size_t k = 0; k < bins; ++k) total[k] += partial[b * bins + k];
  return total;
}

// Deterministic scalar sum of f(i).
template <class F>
double deterministic_sum(std::size_t n, F&& f) {
  return binned_sum(n, 1, [&](std::size_t i, auto& add) { add(0, f(i)); })[0];
}

}  // namespace parksim::engine
