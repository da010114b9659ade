// The labour market: firms' talent needs, separations, matching of job seekers to vacancies and
// zone wages.
#include <algorithm>
#include <atomic>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"

namespace parksim::model {

using engine::parallel_blocks;
using engine::parallel_for;

void phase_hiring(World& w) {
  auto& f = w.firms;
  auto& t = w.talent;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) {
      f.skilled_wanted[i] = f.leading_wanted[i] = 0;
      return;
    }
    const auto& sec = w.sc.sectors[f.sector[i]];
    const double cap_k = f.capital[i] / (sec.capital_output_ratio * 12.0);
    const double labour = 12.0 * std::min(f.demand[i], cap_k) / f.output_per_worker[i];
    w.plan_jobs(i, labour, f.output[i] * 12.0, (f.flags[i] & kRdActive) != 0);
  });
  // Separations: employees of dead, moved or over-staffed firms leave their jobs.
  const auto quits = w.streams("separation");
  parallel_for(t.size(), [&](std::size_t a) {
    const int e = t.employer[a];
    if (e < 0) return;
    const std::size_t i = std::size_t(e);
    if (!f.alive[i] || f.zone[i] != t.zone[a]) {
      t.employer[a] = -1;
      return;
    }
    const int have = t.level[a] == 0 ? f.skilled[i] : f.leading[i];
    const int want = t.level[a] == 0 ? f.skilled_wanted[i] : f.leading_wanted[i];
    if (have > want && quits(a).uniform() < double(have - want) / have) t.employer[a] = -1;
  });
  // Recount, then match job seekers (by agent id) to vacancies (by productivity, then firm id).
  std::vector<std::atomic<int>> count(f.size() * 2);
  parallel_for(t.size(), [&](std::size_t a) {
    if (t.employer[a] >= 0)
      count[std::size_t(t.employer[a]) * 2 + t.level[a]].fetch_add(1, std::memory_order_relaxed);
  });
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.skilled[i] = count[i * 2].load();
    f.leading[i] = count[i * 2 + 1].load();
  }
  const std::size_t Z = w.zones.size();
  std::vector<std::vector<std::uint32_t>> vacancies(Z * 2);
  std::vector<double> vacancy_total(Z, 0), wanted_total(Z, 0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    for (int level = 0; level < 2; ++level) {
      const int gap =
          (level == 0 ? f.skilled_wanted[i] - f.skilled[i] : f.leading_wanted[i] - f.leading[i]);
      if (gap > 0) vacancies[f.zone[i] * 2 + level].push_back(std::uint32_t(i));
      if (level == 0) {
        vacancy_total[f.zone[i]] += std::max(gap, 0);
        wanted_total[f.zone[i]] += f.skilled_wanted[i];
      }
    }
  }
  for (auto& v : vacancies)
    std::sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (f.productivity[a] != f.productivity[b]) return f.productivity[a] > f.productivity[b];
      return f.id[a] < f.id[b];
    });
  // Job seekers in agent order: block-parallel collection keeps that order.
  std::vector<std::vector<std::uint32_t>> seekers_by_block(engine::block_count(t.size()));
  parallel_blocks(t.size(), [&](std::size_t begin, std::size_t end) {
    auto& list = seekers_by_block[begin / engine::kBlock];
    for (std::size_t a = begin; a < end; ++a)
      if (t.zone[a] != kOutside && t.employer[a] < 0) list.push_back(std::uint32_t(a));
  });
  std::vector<std::size_t> cursor(Z * 2, 0);
  std::vector<double> unemployed(Z, 0);
  for (const auto& list : seekers_by_block)
    for (std::uint32_t a : list) {
      const std::size_t key = t.zone[a] * 2 + t.level[a];
      auto& v = vacancies[key];
      auto& c = cursor[key];
      while (c < v.size()) {
        const std::size_t i = v[c];
        int& have = t.level[a] == 0 ? f.skilled[i] : f.leading[i];
        const int want = t.level[a] == 0 ? f.skilled_wanted[i] : f.leading_wanted[i];
        if (have < want) {
          t.employer[a] = int(i);
          ++have;
          break;
        }
        ++c;
      }
      if (t.employer[a] < 0) unemployed[t.zone[a]] += 1;
    }
  // Zone wages rise with unfilled vacancies and ease back when jobs are filled.
  const auto present = engine::binned_sum(t.size(), Z * 2, [&](std::size_t a, auto& add) {
    if (t.zone[a] != kOutside) add(t.zone[a] * 2 + t.level[a], 1.0);
  });
  for (std::size_t z = 0; z < Z; ++z) {
    const double vac_rate = vacancy_total[z] / (wanted_total[z] + 1.0);
    auto& wage = w.zones[z].skilled_wage;
    const auto& tp = w.sc.talent;
    wage *= 1.0 + tp.vacancy_wage_response * (vac_rate - tp.vacancy_rate_target);
    wage = std::clamp(wage, tp.wage_floor_factor * tp.skilled_wage,
                      tp.wage_ceiling_factor * tp.skilled_wage);
    w.zones[z].talent_present = present[z * 2] + present[z * 2 + 1];
    w.zones[z].leading_present = present[z * 2 + 1];
    w.zones[z].unemployed = unemployed[z];
  }
  for (auto& zs : w.zones) zs.vacancies[0] = zs.vacancies[1] = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i]) {
      w.zones[f.zone[i]].vacancies[0] += std::max(0, f.skilled_wanted[i] - f.skilled[i]);
      w.zones[f.zone[i]].vacancies[1] += std::max(0, f.leading_wanted[i] - f.leading[i]);
    }
}

}  // namespace parksim::model
