// parksim command line. The only place that prints, reads arguments and picks exit codes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "parksim/engine/error.hpp"
#include "parksim/model/dictionary.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "parksim/model/units.hpp"
#include "parksim/model/world.hpp"
#include "parksim/version.hpp"

namespace {

using namespace parksim;

// A one-line progress bar with ETA, drawn only on a terminal and only after a second.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(fileno(stderr))), t0_(std::chrono::steady_clock::now()) {}
  void operator()(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    const double elapsed = seconds();
    if (elapsed < 1.0 && done < total) return;
    if (done < total && elapsed - last_ < 0.1) return;
    last_ = elapsed;
    const double frac = double(done) / double(total);
    const int width = 30;
    const int filled = int(frac * width);
    const double eta = frac > 0 ? elapsed * (1.0 - frac) / frac : 0.0;
    fmt::print(stderr, "\r[{:<{}}] {:5.1f}%  {:.0f}s elapsed, ETA {:.0f}s ", std::string(std::size_t(filled), '#'),
               width, 100.0 * frac, elapsed, eta);
    if (done == total) fmt::print(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  }
  bool enabled_;
  std::chrono::steady_clock::time_point t0_;
  double last_ = 0.0;
};

std::string join_args(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

void print_summary(const model::Scenario& sc, const model::RunSummary& r) {
  fmt::print("\n{} — {}\n", sc.info.name, sc.info.title);
  fmt::print("{:>6} {:>12} {:>12} {:>8} {:>10} {:>9} {:>8} {:>10} {:>12}\n", "year", "output 亿元", "density", "firms",
             "employees", "talent", "SEI", "high-tech", "policy 亿元");
  for (const auto& y : r.years)
    fmt::print("{:>6} {:>12.1f} {:>12.2f} {:>8.0f} {:>10.0f} {:>9.0f} {:>7.1f}% {:>10.0f} {:>12.2f}\n", y.year,
               y.output, y.output_density, y.firms, y.employment, y.talent, 100 * y.sei_share, y.high_tech,
               y.policy_cost);
  fmt::print("\nPolicy cost by programme (median over replications, whole horizon):\n");
  for (const auto& [id, cost] : r.programme_cost) fmt::print("  {:<28} {:>12}\n", id, units::format_money(cost));
  if (r.programme_cost.empty()) fmt::print("  (no programme enabled)\n");
  if (!r.scorecard.empty()) {
    fmt::print("\nScorecard: target | year | median [90% interval] | P(reach)\n");
    for (const auto& l : r.scorecard) {
      const std::string place = l.target.zone == "all" ? "" : " @" + l.target.zone;
      const std::string sector = l.target.sector == "all" ? "" : " [" + l.target.sector + "]";
      fmt::print("  {:<44} {} {:>4} | {:>10.4g} [{:.4g}, {:.4g}] | {:>4.0f}%\n",
                 fmt::format("{}{}{} {} {:g} {}", l.target.metric, place, sector, l.target.sense, l.target.value, l.unit),
                 "", l.target.year, l.median, l.q05, l.q95, 100.0 * l.probability);
    }
  }
  fmt::print("\n{:.2f} s wall, {:.3g} firm-steps and {:.3g} talent-steps\n", r.seconds, double(r.firm_steps),
             double(r.talent_steps));
}

int run_command(const std::string& path, const std::vector<std::string>& sets, const std::vector<std::string>& overlays,
                const std::string& out, int reps, std::int64_t seed, int threads, const std::string& cmdline) {
  const auto sc = model::load_scenario(path, sets, overlays);
  ProgressBar bar;
  model::RunOptions opt;
  opt.replications = reps;
  opt.seed = seed;
  opt.threads = threads;
  opt.output = out;
  opt.command_line = cmdline;
  opt.progress = [&bar](std::size_t d, std::size_t t) { bar(d, t); };
  const auto result = model::run_scenario(sc, opt);
  print_summary(sc, result);
  if (!out.empty()) fmt::print("wrote {}\n", out);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parksim: agent-based simulator of industrial-park ecosystems under policy packages"};
  app.set_version_flag("--version", fmt::format("parksim {} ({})", kVersion, kGitCommit));
  app.require_subcommand(1);

  std::string scenario, output;
  std::vector<std::string> sets, overlays;
  int replications = 0, threads = 0;
  std::int64_t seed = -1;
  auto* run = app.add_subcommand("run", "run a scenario and write an HDF5 file");
  run->add_option("scenario", scenario, "scenario TOML file")->required()->check(CLI::ExistingFile);
  run->add_option("-o,--output", output, "HDF5 output file")->required();
  run->add_option("-R,--replications", replications, "replications (default: the scenario's)")->check(CLI::Range(1, 100000));
  run->add_option("--seed", seed, "master seed (default: the scenario's)")->check(CLI::NonNegativeNumber);
  run->add_option("-t,--threads", threads, "threads (default: all cores)")->check(CLI::Range(1, 1024));
  run->add_option("--set", sets, "override a value: path.to.key=value (repeatable)");
  run->add_option("--with", overlays, "overlay scenario file applied on top (repeatable)")->check(CLI::ExistingFile);

  auto* check = app.add_subcommand("check", "validate a scenario without running it");
  bool resolved = false;
  check->add_option("scenario", scenario, "scenario TOML file")->required();
  check->add_option("--set", sets, "override a value: path.to.key=value (repeatable)");
  check->add_option("--with", overlays, "overlay scenario file applied on top (repeatable)")->check(CLI::ExistingFile);
  check->add_flag("--resolved", resolved, "print the scenario after extends and --set");

  auto* phases = app.add_subcommand("phases", "print the phases of a monthly step");
  auto* describe = app.add_subcommand("describe", "print the parameter dictionary");
  bool as_json = false;
  describe->add_flag("--json", as_json, "JSON instead of Markdown");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*run) return run_command(scenario, sets, overlays, output, replications, seed, threads, join_args(argc, argv));
    if (*check) {
      const auto sc = model::load_scenario(scenario, sets, overlays);
      if (resolved) fmt::print("{}\n", sc.resolved_text);
      else fmt::print("{}: OK ({} zones, {} sectors, {} programmes, {} targets, {} .. {})\n", scenario, sc.zones.size(),
                      sc.sectors.size(), sc.programmes.size(), sc.targets.size(), units::format_month(sc.info.start),
                      units::format_month(sc.info.end));
      return 0;
    }
    if (*phases) {
      int k = 1;
      const auto schedule = model::make_schedule();
      for (const auto& p : schedule.phases()) fmt::print("{:2}. {:<14} {}\n", k++, p.name, p.description);
      return 0;
    }
    if (*describe) {
      fmt::print("{}", as_json ? model::dictionary_json() : model::dictionary_markdown());
      return 0;
    }
  } catch (const InputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  } catch (const Error& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
  return 0;
}
