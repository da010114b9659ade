// parksim command line. The only place that prints, reads arguments and picks exit codes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/calibrate.hpp"
#include "parksim/experiments/compare.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/sweep.hpp"
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
  for (int i = 0; i < argc; ++i) {
    if (i) s += ' ';
    s += argv[i];
  }
  return s;
}

void print_summary(const model::Scenario& sc, const model::RunSummary& r) {
  fmt::print("\n{} — {}\n", sc.info.name, sc.info.title);
  fmt::print("{:>6} {:>12} {:>12} {:>8} {:>10} {:>9} {:>8} {:>10} {:>12}\n", "year", "output 亿元", "density", "firms",
             "employees", "talent", "SEI", "high-tech", "policy 亿元");
  for (const auto& y : r.years)
    fmt::print("{:>6} {:>12.1f} {:>12.2f} {:>8.0f} {:>10.0f} {:>9.0f} {:>7.1f}% {:>10.0f} {:>12.2f}\n",
               model::year_label(y.months), y.output, y.output_density, y.firms, y.employment, y.talent,
               100 * y.sei_share, y.high_tech, y.policy_cost);
  const std::string partial = model::partial_years_note(sc.info.start, sc.info.end);
  if (!partial.empty()) fmt::print("{}\n", partial);
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
                 "", model::year_label(l.months), l.median, l.q05, l.q95, 100.0 * l.probability);
    }
    if (!partial.empty()) fmt::print("{}\n", partial);
  }
  fmt::print("\n{:.2f} s wall, {:.3g} firm-steps and {:.3g} talent-steps\n", r.seconds, double(r.firm_steps),
             double(r.talent_steps));
}

void print_profile(const model::RunSummary& r) {
  double total = 0;
  for (double s : r.phase_seconds) total += s;
  fmt::print("\nTime by phase:\n");
  for (std::size_t p = 0; p < r.phase_names.size(); ++p)
    fmt::print("  {:<14} {:8.3f} s {:5.1f}%\n", r.phase_names[p], r.phase_seconds[p],
               total > 0 ? 100.0 * r.phase_seconds[p] / total : 0.0);
}

int run_command(const std::string& path, const std::vector<std::string>& sets, const std::vector<std::string>& overlays,
                const std::string& out, int reps, std::int64_t seed, int threads, const std::string& cmdline,
                bool profile, const std::string& checkpoint_at, const std::string& checkpoint, const std::string& branch) {
  const auto sc = model::load_scenario(path, sets, overlays);
  ProgressBar bar;
  model::RunOptions opt;
  if (!checkpoint_at.empty()) {
    if (checkpoint.empty()) throw Error("--checkpoint-at needs --checkpoint FILE");
    opt.checkpoint_at = units::parse_month(checkpoint_at);
    opt.checkpoint_path = checkpoint;
  }
  opt.branch_from = branch;
  opt.replications = reps;
  opt.seed = seed;
  opt.threads = threads;
  opt.output = out;
  opt.command_line = cmdline;
  opt.progress = [&bar](std::size_t d, std::size_t t) { bar(d, t); };
  const auto result = model::run_scenario(sc, opt);
  print_summary(sc, result);
  if (profile) print_profile(result);
  if (!out.empty()) fmt::print("wrote {}\n", out);
  return 0;
}

int sample_command(const std::string& space_path, const std::string& method, int n, std::uint64_t seed, int levels,
                   const std::string& out) {
  const auto space = experiments::load_space(space_path);
  const auto design = experiments::make_design(space, experiments::method_from_name(method), n, seed, levels);
  experiments::write_design(design, out);
  fmt::print("{}: {} design of {} points over {} parameters -> {}\n", space_path, method, design.points(),
             design.dims(), out);
  return 0;
}

int sweep_command(experiments::SweepOptions o) {
  const bool tty = isatty(fileno(stderr));
  o.progress = [tty](const experiments::SweepProgress& p) {
    if (!tty) return;
    const int width = 30;
    const int filled = int(double(p.done) / double(p.total) * width);
    fmt::print(stderr, "\r[{:<{}}] {}/{} runs, {:.2f} runs/s, ETA {:.0f}s{} ", std::string(std::size_t(filled), '#'),
               width, p.done, p.total, p.runs_per_second, p.eta_seconds,
               p.failed ? fmt::format(", {} failed", p.failed) : std::string());
    if (p.done == p.total) fmt::print(stderr, "\n");
    std::fflush(stderr);
  };
  const auto r = experiments::run_sweep(o);
  if (r.wrote_output) {
    fmt::print("{} runs in {:.1f} s ({:.2f} runs/s, {} process{}){}{}\n", r.runs, r.seconds,
               r.seconds > 0 ? double(r.runs) / r.seconds : 0.0, r.processes, r.processes > 1 ? "es" : "",
               r.resumed ? fmt::format(", {} resumed from journals", r.resumed) : std::string(),
               r.failed ? fmt::format(", {} FAILED (see group failures)", r.failed) : std::string());
    fmt::print("wrote {}\n", o.output);
  }
  return 0;
}

int analyze_command(const std::string& method, const std::string& input, const std::string& metric,
                    const std::string& outputs_csv, int bootstrap, const std::string& out) {
  const auto design = experiments::read_design(input);
  const auto y = outputs_csv.empty() ? experiments::sweep_output(input, metric)
                                     : experiments::csv_output(outputs_csv, metric, design.points());
  namespace h5 = engine::h5;
  std::vector<std::string> names;
  for (const auto& p : design.space.parameters) names.push_back(p.name);
  std::unique_ptr<h5::Writer> w;
  if (!out.empty()) {
    w = std::make_unique<h5::Writer>(out);
    w->add_dimension("", {"parameter", {}, names, false, false, {}});
    w->set_attribute("", "", {"method", method});
    w->set_attribute("", "", {"input", input});
    w->set_attribute("", "", {"metric", metric.empty() ? std::string("(first column)") : metric});
  }
  auto column = [&](const char* name, const std::vector<double>& v) {
    if (!w) return;
    w->create_variable("", {name, {"parameter"}, h5::Type::Float64, "1", {}});
    w->write("", name, v);
  };
  if (method == "sobol") {
    const auto s = experiments::sobol_indices(design, y, bootstrap);
    fmt::print("{:<40} {:>8} {:>8} {:>8} {:>8}\n", "parameter", "S1", "S1_conf", "ST", "ST_conf");
    std::vector<double> s1, s1c, st, stc;
    for (const auto& i : s) {
      fmt::print("{:<40} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f}\n", i.parameter, i.first, i.first_conf, i.total, i.total_conf);
      s1.push_back(i.first); s1c.push_back(i.first_conf); st.push_back(i.total); stc.push_back(i.total_conf);
    }
    column("S1", s1); column("S1_conf", s1c); column("ST", st); column("ST_conf", stc);
  } else if (method == "morris") {
    const auto m = experiments::morris_indices(design, y, bootstrap);
    fmt::print("{:<40} {:>10} {:>10} {:>10} {:>10}\n", "parameter", "mu", "mu_star", "sigma", "mu_star_conf");
    std::vector<double> mu, ms, sg, msc;
    for (const auto& i : m) {
      fmt::print("{:<40} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}\n", i.parameter, i.mu, i.mu_star, i.sigma, i.mu_star_conf);
      mu.push_back(i.mu); ms.push_back(i.mu_star); sg.push_back(i.sigma); msc.push_back(i.mu_star_conf);
    }
    column("mu", mu); column("mu_star", ms); column("sigma", sg); column("mu_star_conf", msc);
  } else {
    throw Error(fmt::format("unknown analysis \"{}\"; allowed: sobol, morris", method));
  }
  if (w) {
    w->commit();
    fmt::print("wrote {}\n", out);
  }
  return 0;
}

int compare_command(const std::string& base_path, const std::string& variant_path, const std::vector<std::string>& sets,
                    const std::vector<std::string>& overlays, const std::vector<std::string>& variant_sets,
                    const std::vector<std::string>& variant_overlays, experiments::CompareOptions o) {
  const auto base = model::load_scenario(base_path, sets, overlays);
  // The variant: another scenario file, or the base with more overlays and overrides.
  auto v_overlays = overlays;
  v_overlays.insert(v_overlays.end(), variant_overlays.begin(), variant_overlays.end());
  auto v_sets = sets;
  v_sets.insert(v_sets.end(), variant_sets.begin(), variant_sets.end());
  if (variant_path.empty() && variant_overlays.empty() && variant_sets.empty())
    throw Error("compare: give a VARIANT.toml, or --variant-with OVERLAY / --variant-set key=value");
  const auto variant = model::load_scenario(variant_path.empty() ? base_path : variant_path, v_sets, v_overlays);
  const auto r = experiments::compare(base, variant, o);
  std::string variant_name = variant_path.empty() ? base.info.name : variant.info.name;
  for (const auto& v : variant_overlays) variant_name += fmt::format(" + {}", std::filesystem::path(v).stem().string());
  for (const auto& v : variant_sets) variant_name += fmt::format(" --set {}", v);
  fmt::print("\n{} vs {} — {} paired replications, seed {} (common random numbers)\n", variant_name, base.info.name,
             o.replications, r.seed);
  fmt::print("{:<16} {:>5} {:>13} {:>13} {:>13} {:>27} {:>9}\n", "metric", "year", "base", "variant", "effect",
             "95% interval", "var.red.");
  std::vector<double> reductions;
  const int last = base.info.end / 12;
  for (const auto& e : r.effects) {
    if (std::isfinite(e.variance_reduction)) reductions.push_back(e.variance_reduction);
    if (e.year != last && e.metric != "output" && e.metric != "policy_cost") continue;
    fmt::print("{:<16} {:>5} {:>13.5g} {:>13.5g} {:>+13.4g} [{:>+12.4g}, {:>+12.4g}] {:>9.3g}\n", e.metric,
               model::year_label(e.months), e.base_mean, e.variant_mean, e.effect, e.low, e.high, e.variance_reduction);
  }
  if (const auto partial = model::partial_years_note(base.info.start, base.info.end); !partial.empty())
    fmt::print("{}\n", partial);
  if (!reductions.empty()) {
    std::sort(reductions.begin(), reductions.end());
    fmt::print("\nvariance reduction against independent seeds (Var b + Var v) / Var(v - b): median {:.3g}, "
               "range {:.3g} .. {:.3g} over {} metric-years\n",
               reductions[reductions.size() / 2], reductions.front(), reductions.back(), reductions.size());
  }
  fmt::print("{:.1f} s\n", r.seconds);
  if (!o.output.empty()) fmt::print("wrote {}\n", o.output);
  return 0;
}

int calibrate_command(const experiments::CalibrateOptions& o) {
  const auto r = experiments::calibrate(o);
  fmt::print("\nbest of {} runs: loss {:.4g} (sum of squared errors in tolerances)\n", r.runs, r.loss);
  for (const auto& [path, value] : r.best) fmt::print("  {:<44} {:.6g}\n", path, value);
  fmt::print("\n{:<20} {:>5} {:>14} {:>14} {:>10} {:>10}  met\n", "figure", "year", "public", "model", "error", "range");
  for (const auto& row : r.fit) {
    const auto& f = row.figure;
    fmt::print("{:<20} {:>5} {:>14.6g} {:>14.6g} {:>10} {:>10}  {}\n", f.target.metric, model::year_label(row.months),
               f.target.value, row.model, f.relative ? fmt::format("{:+.1f}%", 100 * row.error) : fmt::format("{:+.3g}", row.error),
               f.relative ? fmt::format("±{:.0f}%", 100 * f.tolerance) : fmt::format("±{:.3g}", f.tolerance),
               row.met ? "yes" : "NO");
  }
  std::set<int> noted;
  for (const auto& row : r.fit)
    if (row.months.partial() && noted.insert(row.months.year).second)
      fmt::print("* partial year: {} {} only (measured at its last month)\n", row.months.year, model::month_range(row.months));
  fmt::print("wrote {} (use it with --with)\n", o.output);
  return 0;
}

// The report is made by analysis/report.py with Debian's Python (the HDF5 file is the interface).
int report_command(const std::string& input, const std::string& out) {
  const char* dir = std::getenv("PARKSIM_ANALYSIS_DIR");
  const char* python = std::getenv("PARKSIM_PYTHON");
  const std::string script = fmt::format("{}/report.py", dir ? dir : PARKSIM_ANALYSIS_DIR);
  if (!std::filesystem::exists(script))
    throw Error(fmt::format("{} not found: set PARKSIM_ANALYSIS_DIR to parksim's analysis folder", script));
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string cmd = fmt::format("{} {} {} -o {}", python ? python : "/usr/bin/python3", quote(script),
                                      quote(input), quote(out));
  const int rc = std::system(cmd.c_str());
  if (rc != 0) throw Error(fmt::format("the report failed (exit status {}): {}", rc, cmd));
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
  bool profile = false;
  run->add_flag("--profile", profile, "print the time spent in each phase");
  std::string checkpoint_at, checkpoint, branch;
  run->add_option("--checkpoint-at", checkpoint_at, "save every replication's state at the start of this month (YYYY-MM)");
  run->add_option("--checkpoint", checkpoint, "checkpoint file to write");
  run->add_option("--branch-from", branch, "start from a checkpoint (a variant agreeing with its run up to that month)")->check(CLI::ExistingFile);

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

  auto* sample = app.add_subcommand("sample", "make an experimental design over a parameter space");
  std::string space_path, method = "lhs";
  int n = 0, levels = 4;
  std::uint64_t design_seed = 1;
  sample->add_option("--method", method, "grid | lhs | sobol | morris")->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  sample->add_option("--space", space_path, "SPACE.toml: parameters and their ranges")->required()->check(CLI::ExistingFile);
  sample->add_option("-n", n, "grid: levels per parameter; lhs: points; sobol: base samples N (N(k+2) runs); morris: trajectories")->required();
  sample->add_option("--levels", levels, "Morris grid levels (even)");
  sample->add_option("--seed", design_seed, "seed of lhs and morris designs");
  sample->add_option("-o,--output", output, "DESIGN.h5")->required();

  auto* sweep = app.add_subcommand("sweep", "run every design point; resumable; distributed under mpirun");
  experiments::SweepOptions sweep_opt;
  sweep->add_option("scenario", sweep_opt.scenario, "scenario TOML file")->required()->check(CLI::ExistingFile);
  sweep->add_option("design", sweep_opt.design, "DESIGN.h5 from parksim sample")->required()->check(CLI::ExistingFile);
  sweep->add_option("-o,--output", sweep_opt.output, "SWEEP.h5")->required();
  sweep->add_option("-R,--replications", sweep_opt.replications, "replications per point (common random numbers across points)")->check(CLI::Range(1, 100000));
  sweep->add_option("--metric", sweep_opt.metrics, "metric:year[:zone[:sector]] or targets_met (repeatable; default: the scenario's targets)");
  sweep->add_flag("--resume", sweep_opt.resume, "continue an interrupted sweep from its journals");
  sweep->add_option("-t,--threads", sweep_opt.threads, "threads per process (default: all cores)")->check(CLI::Range(1, 1024));
  sweep->add_option("--set", sweep_opt.sets, "override a value of the base scenario (repeatable)");
  sweep->add_option("--with", sweep_opt.overlays, "overlay applied to the base scenario (repeatable)")->check(CLI::ExistingFile);

  auto* analyze = app.add_subcommand("analyze", "Sobol or Morris indices of a sweep, or of a design and outputs computed elsewhere");
  std::string analysis, analysis_input, metric, outputs_csv;
  int bootstrap = 100;
  analyze->add_option("method", analysis, "sobol | morris")->required()->check(CLI::IsMember({"sobol", "morris"}));
  analyze->add_option("input", analysis_input, "SWEEP.h5, or DESIGN.h5 with --outputs")->required()->check(CLI::ExistingFile);
  analyze->add_option("--metric", metric, "metric of the sweep (or CSV column) to analyse");
  analyze->add_option("--outputs", outputs_csv, "CSV with one column per output, rows in design order")->check(CLI::ExistingFile);
  analyze->add_option("--bootstrap", bootstrap, "bootstrap resamples for the intervals")->check(CLI::Range(10, 100000));
  analyze->add_option("-o,--output", output, "write the indices to this HDF5 file");

  auto* cmp = app.add_subcommand("compare", "effect of a variant against a base with common random numbers");
  std::string base_path, variant_path;
  std::vector<std::string> variant_sets, variant_overlays;
  experiments::CompareOptions cmp_opt;
  cmp->add_option("base", base_path, "base scenario TOML file")->required()->check(CLI::ExistingFile);
  cmp->add_option("variant", variant_path, "variant scenario TOML file (or use --variant-with / --variant-set)")->check(CLI::ExistingFile);
  cmp->add_option("-o,--output", cmp_opt.output, "CMP.h5");
  cmp->add_option("-R,--replications", cmp_opt.replications, "paired replications")->check(CLI::Range(2, 100000));
  cmp->add_option("--seed", cmp_opt.seed, "master seed for both (default: the base's)")->check(CLI::NonNegativeNumber);
  cmp->add_option("-t,--threads", cmp_opt.threads, "threads (default: all cores)")->check(CLI::Range(1, 1024));
  cmp->add_option("--set", sets, "override a value in both (repeatable)");
  cmp->add_option("--with", overlays, "overlay applied to both (repeatable)")->check(CLI::ExistingFile);
  cmp->add_option("--variant-set", variant_sets, "override a value in the variant only (repeatable)");
  cmp->add_option("--variant-with", variant_overlays, "overlay applied to the variant only (repeatable)")->check(CLI::ExistingFile);

  auto* cal = app.add_subcommand("calibrate", "fit parameters to observed figures (method of simulated moments)");
  experiments::CalibrateOptions cal_opt;
  cal->add_option("scenario", cal_opt.scenario, "scenario TOML file")->required()->check(CLI::ExistingFile);
  cal->add_option("--targets", cal_opt.figures, "FIGURES.csv: metric,zone,sector,year,value,tolerance,tolerance_kind")->required()->check(CLI::ExistingFile);
  cal->add_option("--space", cal_opt.space, "SPACE.toml: the parameters to fit and their ranges")->required()->check(CLI::ExistingFile);
  cal->add_option("-o,--output", cal_opt.output, "fitted overlay TOML (round files are written beside it)")->required();
  cal->add_option("-n,--points", cal_opt.points, "LHS points per round")->check(CLI::Range(2, 1000000));
  cal->add_option("--rounds", cal_opt.rounds, "rounds; each samples a box half as wide around the best point")->check(CLI::Range(1, 20));
  cal->add_option("-R,--replications", cal_opt.replications, "replications per point")->check(CLI::Range(1, 100000));
  cal->add_option("--seed", cal_opt.seed, "seed of the designs");
  cal->add_option("-t,--threads", cal_opt.threads, "threads (default: all cores)")->check(CLI::Range(1, 1024));
  cal->add_flag("--resume", cal_opt.resume, "continue an interrupted calibration");
  cal->add_option("--set", cal_opt.sets, "override a value (repeatable)");
  cal->add_option("--with", cal_opt.overlays, "overlay (repeatable)")->check(CLI::ExistingFile);

  auto* report = app.add_subcommand("report", "one self-contained HTML page for a run, comparison or sweep file");
  std::string report_input;
  report->add_option("input", report_input, "RUN.h5, CMP.h5 or SWEEP.h5")->required()->check(CLI::ExistingFile);
  report->add_option("-o,--output", output, "report.html")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*run) return run_command(scenario, sets, overlays, output, replications, seed, threads, join_args(argc, argv), profile,
                                     checkpoint_at, checkpoint, branch);
    if (*check) {
      const auto sc = model::load_scenario(scenario, sets, overlays);
      if (resolved) fmt::print("{}\n", sc.resolved_text);
      else fmt::print("{}: OK ({} zones, {} sectors, {} programmes, {} targets, {} .. {})\n", scenario, sc.zones.size(),
                      sc.sectors.size(), sc.programmes.size(), sc.targets.size(), units::format_month(sc.info.start),
                      units::format_month(sc.info.end));
      return 0;
    }
    if (*cmp) {
      cmp_opt.command_line = join_args(argc, argv);
      return compare_command(base_path, variant_path, sets, overlays, variant_sets, variant_overlays, cmp_opt);
    }
    if (*cal) return calibrate_command(cal_opt);
    if (*report) return report_command(report_input, output);
    if (*sample) return sample_command(space_path, method, n, design_seed, levels, output);
    if (*sweep) return sweep_command(sweep_opt);
    if (*analyze) {
      if (outputs_csv.empty() && metric.empty()) throw Error("analyze: name the sweep's metric with --metric");
      return analyze_command(analysis, analysis_input, metric, outputs_csv, bootstrap, output);
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
