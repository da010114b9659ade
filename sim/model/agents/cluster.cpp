// Cluster statistics: zone x sector employment, output, productivity and agglomeration,
// computed at the start of each step from last step's state.
#include <algorithm>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"

namespace parksim::model {

using engine::parallel_blocks;

void compute_cluster_stats(World& w) {
  const auto& f = w.firms;
  const std::size_t C = w.cells(), S = w.sc.sectors.size();
  enum { kEmp, kOut, kCount, kProdOut, kBins };
  const auto sums = engine::binned_sum(f.size(), C * kBins, [&](std::size_t i, auto& add) {
    if (!f.alive[i]) return;
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    add(c * kBins + kEmp, w.employees(i));
    add(c * kBins + kOut, f.output[i]);
    add(c * kBins + kCount, 1.0);
    add(c * kBins + kProdOut, f.productivity[i] * f.output[i]);
  });
  // Max is exact in any order, so a block-parallel max is deterministic too.
  std::vector<double> best(engine::block_count(f.size()) * C, 0.0);
  parallel_blocks(f.size(), [&](std::size_t begin, std::size_t end) {
    double* b = best.data() + (begin / engine::kBlock) * C;
    for (std::size_t i = begin; i < end; ++i)
      if (f.alive[i]) {
        double& slot = b[w.cell(f.zone[i], f.sector[i])];
        slot = std::max(slot, f.productivity[i]);
      }
  });
  auto& cs = w.cluster;
  cs.employment.assign(C, 0);
  cs.output.assign(C, 0);
  cs.firms.assign(C, 0);
  cs.best_productivity.assign(C, 0);
  cs.mean_productivity.assign(C, 1);
  cs.agglomeration.assign(C, 1);
  for (std::size_t c = 0; c < C; ++c) {
    cs.employment[c] = sums[c * kBins + kEmp];
    cs.output[c] = sums[c * kBins + kOut];
    cs.firms[c] = sums[c * kBins + kCount];
    if (cs.output[c] > 0) cs.mean_productivity[c] = sums[c * kBins + kProdOut] / cs.output[c];
    for (std::size_t b = 0; b * C < best.size(); ++b)
      cs.best_productivity[c] = std::max(cs.best_productivity[c], best[b * C + c]);
  }
  std::vector<double> sector_out(S, 0), sector_prod(S, 0), sector_firms(S, 0);
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z) {
    const double used_km2 = std::max(w.zones[z].land_used / 1e6, 0.01);
    for (std::size_t s = 0; s < S; ++s) {
      const std::size_t c = w.cell(z, s);
      const double density = std::max(cs.employment[c], 1.0) / used_km2;
      const auto& m = w.sc.model;
      cs.agglomeration[c] =
          std::clamp(std::pow(density / m.reference_employment_density, m.agglomeration_elasticity),
                     m.agglomeration_min, m.agglomeration_max);
      sector_out[s] += cs.output[c];
      sector_prod[s] += sums[c * kBins + kProdOut];
      sector_firms[s] += cs.firms[c];
    }
  }
  cs.sector_mean_productivity.assign(S, 1.0);
  cs.sector_mean_output.assign(S, 0.0);
  for (std::size_t s = 0; s < S; ++s) {
    if (sector_out[s] > 0) cs.sector_mean_productivity[s] = sector_prod[s] / sector_out[s];
    if (sector_firms[s] > 0) cs.sector_mean_output[s] = sector_out[s] / sector_firms[s];
  }
}

void phase_cluster_stats(World& w) { compute_cluster_stats(w); }

}  // namespace parksim::model
