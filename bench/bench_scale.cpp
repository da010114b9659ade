// Synthetic Shanghai-scale benchmark: ~100,000 firms and ~2,000,000 talent agents over 132 months.
// Prints agent-steps per second, wall time per phase and peak memory. Numbers: bench/README.md.
#include <fmt/format.h>
#include <tbb/global_control.h>
#include <CLI/CLI.hpp>

#include <chrono>

#include "parksim/model/detail/world.hpp"

#include "peak_rss.hpp"

using namespace parksim;

namespace {

// Ten zones, ten sectors; initial output sized so that the Pareto draws give about `firms` firms.
model::Scenario synthetic(std::size_t firms, std::size_t talent, int months) {
  model::Scenario sc;
  sc.info.name = "bench_scale";
  sc.info.start = 2015 * 12;
  sc.info.end = sc.info.start + months - 1;
  sc.info.seed = 1;
  const int Z = 10, S = 10;
  const double mean_firm =
      sc.model.initial_min_output * sc.model.initial_size_tail / (sc.model.initial_size_tail - 1.0);
  const double output_per_cell =
      double(firms) * mean_firm / (Z * S) * 0.55;  // truncation makes firms larger
  for (int s = 0; s < S; ++s) {
    model::SectorSpec sec;
    sec.id = fmt::format("sector{}", s);
    sec.strategic_emerging = s < 5;
    sec.intelligent_manufacturing = s < 6;
    sc.sectors.push_back(sec);
  }
  const std::size_t inside = talent / 3;  // the engine adds an outside pool twice as large
  for (int z = 0; z < Z; ++z) {
    model::ZoneSpec zone;
    zone.id = fmt::format("zone{}", z);
    zone.area = 120e6;
    zone.land_used = 60e6;
    zone.skilled_talent = int(inside / Z * 0.98);
    zone.leading_talent = int(inside / Z * 0.02);
    zone.talent_housing_units = 5000;
    for (int s = 0; s < S; ++s) {
      zone.sectors.push_back(sc.sectors[std::size_t(s)].id);
      zone.sector_output.push_back(output_per_cell);
    }
    sc.zones.push_back(zone);
  }
  auto programme = [&](const char* id, model::ProgrammeKind kind, double rate, double cap,
                       double fund) {
    model::ProgrammeSpec p;
    p.id = id;
    p.kind = kind;
    p.rate = rate;
    p.cap = cap;
    p.fund_size = fund;
    p.from = sc.info.start;
    p.to = sc.info.end;
    p.units_per_year = 2000;
    sc.programmes.push_back(p);
  };
  programme("grant", model::ProgrammeKind::FirstUnitGrant, 0.3, 3e7, 0);
  programme("retrofit", model::ProgrammeKind::SmartRetrofit, 0.3, 1e7, 0);
  programme("industrialisation", model::ProgrammeKind::Industrialisation, 0.2, 1e8, 0);
  programme("line", model::ProgrammeKind::CreditLine, 0, 0, 2e10);
  programme("pool", model::ProgrammeKind::RiskPool, 0.5, 0, 1e8);
  programme("housing", model::ProgrammeKind::TalentHousing, 0, 0, 0);
  return sc;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parksim scale benchmark"};
  int threads = 2, months = 132;
  std::size_t firms = 100000, talent = 2000000;
  app.add_option("-t,--threads", threads);
  app.add_option("--firms", firms);
  app.add_option("--talent", talent);
  app.add_option("--months", months);
  CLI11_PARSE(app, argc, argv);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));

  const auto sc = synthetic(firms, talent, months);
  const auto t0 = std::chrono::steady_clock::now();
  model::World w(sc, {1, 0});
  model::populate(w);
  const double setup = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("threads {}  initial firms {}  talent agents {}  months {}  setup {:.2f} s\n", threads,
             w.firms.size(), w.talent.size(), months, setup);
  auto schedule = model::make_schedule();
  double firm_steps = 0, talent_steps = 0;
  const auto t1 = std::chrono::steady_clock::now();
  for (int t = 0; t < months; ++t) {
    w.step = t;
    firm_steps += double(w.firms.size());
    talent_steps += double(w.talent.size());
    schedule.run_step(w);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  fmt::print(
      "run {:.2f} s  agent-steps {:.3g}  agent-steps/s {:.3g}  (firm-steps {:.3g}, talent-steps "
      "{:.3g})\n",
      wall, firm_steps + talent_steps, (firm_steps + talent_steps) / wall, firm_steps,
      talent_steps);
  fmt::print("final firms {}  peak RSS {:.0f} MiB\n", w.firms.size(),
             parksim::bench::peak_rss_mib());
  fmt::print("{:<14} {:>9} {:>7}\n", "phase", "seconds", "share");
  for (std::size_t p = 0; p < schedule.phases().size(); ++p)
    fmt::print("{:<14} {:>9.3f} {:>6.1f}%\n", schedule.phases()[p].name, schedule.seconds()[p],
               100.0 * schedule.seconds()[p] / wall);
  return 0;
}
