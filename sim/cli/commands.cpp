// The commands: argument checks, calls into the library, and everything they print.
#include "commands.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "options.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/engine/output_file.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/uncertain.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "parksim/model/units.hpp"
#include "terminal.hpp"

namespace parksim::cli {

namespace {

using engine::check_not_an_input;
using engine::check_output_path;

std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void print_summary(const model::Scenario& sc, const model::RunSummary& r) {
  fmt::print("\n{} — {}\n", printable(sc.info.name), printable(sc.info.title));
  fmt::print("{:>6} {:>12} {:>12} {:>8} {:>10} {:>9} {:>8} {:>10} {:>12}\n", "year", "output 亿元",
             "density", "firms", "employees", "talent", "SEI", "high-tech", "policy 亿元");
  for (const auto& y : r.years)
    fmt::print(
        "{:>6} {:>12.1f} {:>12.2f} {:>8.0f} {:>10.0f} {:>9.0f} {:>7.1f}% {:>10.0f} {:>12.2f}\n",
        model::year_label(y.months), y.output, y.output_density, y.firms, y.employment, y.talent,
        100 * y.sei_share, y.high_tech, y.policy_cost);
  const std::string partial = model::partial_years_note(sc.info.start, sc.info.end);
  if (!partial.empty()) fmt::print("{}\n", partial);
  fmt::print("\nPolicy cost by programme (median over replications, whole horizon):\n");
  for (const auto& [id, cost] : r.programme_cost)
    fmt::print("  {:<28} {:>12}\n", printable(id), units::format_money(cost));
  if (r.programme_cost.empty()) fmt::print("  (no programme enabled)\n");
  if (r.scorecard.empty()) return;
  fmt::print("\nScorecard: target | year | median [90% interval] | P(reach) | basis\n");
  fmt::print("  intervals and P(reach): {}\n", r.uncertainty);
  for (const auto& l : r.scorecard) {
    const std::string place = l.target.zone == "all" ? "" : " @" + l.target.zone;
    const std::string sector = l.target.sector == "all" ? "" : " [" + l.target.sector + "]";
    const std::string what = fmt::format("{}{}{} {} {:g} {}", l.target.metric, place, sector,
                                         l.target.sense, l.target.value, l.unit);
    // A count since a year shows the years it covers; an imposed line is no result of the run.
    const std::string years =
        l.target.since > 0 ? fmt::format("{}-{}", l.target.since, model::year_label(l.months))
                           : model::year_label(l.months);
    fmt::print("  {:<44} {:>9} | {:>10.4g} [{:.4g}, {:.4g}] | {:>4.0f}% | {}\n", printable(what),
               years, l.median, l.q05, l.q95, 100.0 * l.probability, l.target.basis);
  }
  if (!partial.empty()) fmt::print("{}\n", partial);
}

void print_run_footer(const model::RunSummary& r, bool profile) {
  fmt::print("\n{:.2f} s wall, {:.3g} firm-steps and {:.3g} talent-steps\n", r.seconds,
             double(r.firm_steps), double(r.talent_steps));
  if (!profile) return;
  double total = 0;
  for (double s : r.phase_seconds) total += s;
  fmt::print("\nTime by phase:\n");
  for (std::size_t p = 0; p < r.phase_names.size(); ++p)
    fmt::print("  {:<14} {:8.3f} s {:5.1f}%\n", r.phase_names[p], r.phase_seconds[p],
               total > 0 ? 100.0 * r.phase_seconds[p] / total : 0.0);
}

// --uncertain: checks the space against the run (all problems at once), draws it and gives every
// replication its scenario; the draws are written into the run's file as group "uncertain".
void add_uncertainty(const RunArgs& a, const model::Scenario& sc, model::RunOptions& opt,
                     experiments::UncertainDraws& draws) {
  if (!a.checkpoint_at.empty() || !a.branch.empty())
    throw UsageError(
        "--uncertain cannot be combined with --checkpoint-at or --branch-from: a checkpoint "
        "holds no per-replication parameters, so a branch could not resume with the same draws");
  const int replications = a.replications > 0 ? a.replications : sc.info.replications;
  const std::int64_t seed = a.seed >= 0 ? a.seed : sc.info.seed;
  const std::int64_t draw_seed = a.uncertain_seed >= 0 ? a.uncertain_seed : seed;
  draws = experiments::draw_uncertain(experiments::load_space(a.uncertain), replications,
                                      std::uint64_t(draw_seed), a.sets);
  for (const auto& w : draws.warnings) fmt::print(stderr, "warning: {}\n", printable(w));
  opt.replication_scenarios =
      experiments::uncertain_scenarios(draws, a.scenario, a.sets, a.overlays);
  opt.uncertainty = experiments::uncertainty_label(draws);
  opt.write_extra = [&draws](engine::h5::Writer& w) {
    experiments::write_uncertain_group(w, draws);
  };
}

}  // namespace

int run_command(const RunArgs& a) {
  if (!a.checkpoint.empty() && a.checkpoint_at.empty())
    throw UsageError(
        "--checkpoint FILE needs --checkpoint-at YYYY-MM (the month whose start is saved)");
  if (!a.checkpoint_at.empty() && a.checkpoint.empty())
    throw UsageError("--checkpoint-at needs --checkpoint FILE");
  check_output_path(a.output, "-o");
  if (!a.checkpoint.empty()) {
    check_output_path(a.checkpoint, "--checkpoint");
    if (engine::same_file(a.checkpoint, a.output))
      throw UsageError(
          fmt::format("--checkpoint {} and -o {} name the same file", a.checkpoint, a.output));
  }
  const auto sc = model::load_scenario(a.scenario, a.sets, a.overlays);
  auto inputs = scenario_inputs(sc, a.overlays);
  inputs.push_back(a.branch);
  if (!a.uncertain.empty()) inputs.push_back(a.uncertain);
  check_not_an_input(a.output, "-o", inputs);
  if (!a.checkpoint.empty()) check_not_an_input(a.checkpoint, "--checkpoint", inputs);
  Progress progress("replication-months");
  model::RunOptions opt;
  if (!a.checkpoint_at.empty()) {
    opt.checkpoint_at = units::parse_month(a.checkpoint_at);
    opt.checkpoint_path = a.checkpoint;
  }
  opt.branch_from = a.branch;
  opt.replications = a.replications;
  opt.seed = a.seed;
  opt.threads = a.threads;
  opt.output = a.output;
  opt.command_line = a.command_line;
  opt.progress = [&progress](std::size_t d, std::size_t t) { progress.update(d, t); };
  experiments::UncertainDraws draws;
  if (!a.uncertain.empty()) add_uncertainty(a, sc, opt, draws);
  model::RunSummary result;
  try {
    result = model::run_scenario(sc, opt);
  } catch (const Interrupted&) {
    throw Interrupted(fmt::format(
        "run stopped after {} of {} replication-months; nothing was written ({} is as it was)",
        progress.done(), progress.total(), a.output));
  }
  print_summary(sc, result);
  print_run_footer(result, a.profile);
  fmt::print("wrote {}\n", a.output);
  return 0;
}

int check_command(const std::string& scenario, const std::vector<std::string>& sets,
                  const std::vector<std::string>& overlays, bool resolved) {
  const auto sc = model::load_scenario(scenario, sets, overlays);
  if (resolved) {
    fmt::print("{}\n", sc.resolved_text);
    return 0;
  }
  fmt::print("{}: OK ({} zones, {} sectors, {} programmes, {} targets, {} .. {})\n",
             printable(scenario), sc.zones.size(), sc.sectors.size(), sc.programmes.size(),
             sc.targets.size(), units::format_month(sc.info.start),
             units::format_month(sc.info.end));
  return 0;
}

int sample_command(const std::string& space_path, const std::string& method, int n,
                   std::uint64_t seed, int levels, const std::string& out) {
  check_output_path(out, "-o");
  check_not_an_input(out, "-o", {space_path});
  const auto space = experiments::load_space(space_path);
  const auto design =
      experiments::make_design(space, experiments::method_from_name(method), n, seed, levels);
  experiments::write_design(design, out);
  fmt::print("{}: {} design of {} points over {} parameters -> {}\n", printable(space_path), method,
             design.points(), design.dims(), out);
  return 0;
}

int sweep_command(experiments::SweepOptions o) {
  check_output_path(o.output, "-o");
  check_not_an_input(o.output, "-o", joined({o.scenario, o.design}, o.overlays));
  Progress progress("runs");
  o.progress = [&progress](const experiments::SweepProgress& p) {
    progress.update(p.done, p.total,
                    fmt::format(", {:.2f} runs/s{}", p.runs_per_second,
                                p.failed ? fmt::format(", {} failed", p.failed) : std::string()));
  };
  experiments::SweepResult r;
  try {
    r = experiments::run_sweep(o);
  } catch (const Interrupted& e) {
    const std::string saved =
        progress.total() ? fmt::format("{} of {} runs saved", progress.done(), progress.total())
                         : std::string("the runs finished so far are saved");
    throw Interrupted(fmt::format(
        "sweep stopped: {} in the journals beside {}; continue with --resume", saved, o.output));
  }
  if (r.wrote_output) {
    fmt::print(
        "{} runs in {:.1f} s ({:.2f} runs/s, {} process{}){}{}\n", r.runs, r.seconds,
        r.seconds > 0 ? double(r.runs) / r.seconds : 0.0, r.processes, r.processes > 1 ? "es" : "",
        r.resumed ? fmt::format(", {} resumed from journals", r.resumed) : std::string(),
        r.failed ? fmt::format(", {} FAILED (see group failures)", r.failed) : std::string());
    fmt::print("wrote {}\n", o.output);
  }
  return 0;
}

namespace {

void write_indices(const std::string& out, const std::string& method, const std::string& input,
                   const std::string& metric, const std::vector<std::string>& names,
                   const std::vector<std::pair<const char*, std::vector<double>>>& columns) {
  namespace h5 = engine::h5;
  h5::Writer w(out);
  w.add_dimension("", {"parameter", {}, names, false, false, {}});
  w.set_attribute("", "", {"method", method});
  w.set_attribute("", "", {"input", input});
  w.set_attribute("", "", {"metric", metric.empty() ? std::string("(first column)") : metric});
  for (const auto& [name, values] : columns) {
    w.create_variable("", {name, {"parameter"}, h5::Type::Float64, "1", {}});
    w.write("", name, values);
  }
  w.commit();
}

}  // namespace

int analyze_command(const std::string& method, const std::string& input, const std::string& metric,
                    const std::string& outputs_csv, int bootstrap, const std::string& out) {
  if (!out.empty()) {
    check_output_path(out, "-o");
    check_not_an_input(out, "-o", {input, outputs_csv});
  }
  const auto design = experiments::read_design(input);
  const auto y = outputs_csv.empty()
                     ? experiments::sweep_output(input, metric)
                     : experiments::csv_output(outputs_csv, metric, design.points());
  std::vector<std::string> names;
  for (const auto& p : design.space.parameters) names.push_back(p.name);
  std::vector<std::pair<const char*, std::vector<double>>> columns;
  if (method == "sobol") {
    const auto s = experiments::sobol_indices(design, y, bootstrap);
    fmt::print("{:<40} {:>8} {:>8} {:>8} {:>8}\n", "parameter", "S1", "S1_conf", "ST", "ST_conf");
    columns = {{"S1", {}}, {"S1_conf", {}}, {"ST", {}}, {"ST_conf", {}}};
    for (const auto& i : s) {
      fmt::print("{:<40} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f}\n", printable(i.parameter), i.first,
                 i.first_conf, i.total, i.total_conf);
      const double row[] = {i.first, i.first_conf, i.total, i.total_conf};
      for (std::size_t c = 0; c < 4; ++c) columns[c].second.push_back(row[c]);
    }
  } else if (method == "morris") {
    const auto m = experiments::morris_indices(design, y, bootstrap);
    fmt::print("{:<40} {:>10} {:>10} {:>10} {:>10}\n", "parameter", "mu", "mu_star", "sigma",
               "mu_star_conf");
    columns = {{"mu", {}}, {"mu_star", {}}, {"sigma", {}}, {"mu_star_conf", {}}};
    for (const auto& i : m) {
      fmt::print("{:<40} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g}\n", printable(i.parameter), i.mu,
                 i.mu_star, i.sigma, i.mu_star_conf);
      const double row[] = {i.mu, i.mu_star, i.sigma, i.mu_star_conf};
      for (std::size_t c = 0; c < 4; ++c) columns[c].second.push_back(row[c]);
    }
  } else {
    throw UsageError(
        fmt::format("unknown analysis \"{}\"; allowed: sobol, morris", printable(method)));
  }
  if (!out.empty()) {
    write_indices(out, method, input, metric, names, columns);
    fmt::print("wrote {}\n", out);
  }
  return 0;
}

namespace {

void print_effects(const model::Scenario& base, const experiments::CompareResult& r) {
  fmt::print("{:<16} {:>5} {:>13} {:>13} {:>13} {:>27} {:>9}\n", "metric", "year", "base",
             "variant", "effect", "95% interval", "var.red.");
  std::vector<double> reductions;
  const int last = base.info.end / 12;
  for (const auto& e : r.effects) {
    if (std::isfinite(e.variance_reduction)) reductions.push_back(e.variance_reduction);
    if (e.year != last && e.metric != "output" && e.metric != "policy_cost") continue;
    fmt::print("{:<16} {:>5} {:>13.5g} {:>13.5g} {:>+13.4g} [{:>+12.4g}, {:>+12.4g}] {:>9.3g}\n",
               e.metric, model::year_label(e.months), e.base_mean, e.variant_mean, e.effect, e.low,
               e.high, e.variance_reduction);
  }
  if (const auto partial = model::partial_years_note(base.info.start, base.info.end);
      !partial.empty())
    fmt::print("{}\n", partial);
  if (reductions.empty()) return;
  std::sort(reductions.begin(), reductions.end());
  fmt::print(
      "\nvariance reduction against independent seeds (Var b + Var v) / Var(v - b): median {:.3g}, "
      "range {:.3g} .. {:.3g} over {} metric-years\n",
      reductions[reductions.size() / 2], reductions.front(), reductions.back(), reductions.size());
}

// compare --uncertain: one set of draws, given to the base and the variant alike, so that each
// pair differs only in the variant's changes.
void add_paired_uncertainty(const CompareArgs& a, const model::Scenario& base,
                            experiments::CompareOptions& o, experiments::UncertainDraws& draws) {
  const std::int64_t seed = o.seed >= 0 ? o.seed : base.info.seed;
  const std::int64_t draw_seed = a.uncertain_seed >= 0 ? a.uncertain_seed : seed;
  draws = experiments::draw_uncertain(experiments::load_space(a.uncertain), o.replications,
                                      std::uint64_t(draw_seed), joined(a.sets, a.variant_sets));
  for (const auto& w : draws.warnings) fmt::print(stderr, "warning: {}\n", printable(w));
  o.base_draws = experiments::uncertain_scenarios(draws, a.base, a.sets, a.overlays);
  o.variant_draws = experiments::uncertain_scenarios(draws, a.variant.empty() ? a.base : a.variant,
                                                     joined(a.sets, a.variant_sets),
                                                     joined(a.overlays, a.variant_overlays));
  o.uncertainty = experiments::uncertainty_label(draws);
  o.write_extra = [&draws](engine::h5::Writer& w) { experiments::write_uncertain_group(w, draws); };
}

}  // namespace

int compare_command(const CompareArgs& a) {
  if (a.variant.empty() && a.variant_overlays.empty() && a.variant_sets.empty())
    throw UsageError(
        "compare: give a VARIANT.toml, or --variant-with OVERLAY / --variant-set key=value");
  auto o = a.options;
  if (!o.output.empty()) check_output_path(o.output, "-o");
  const auto base = model::load_scenario(a.base, a.sets, a.overlays);
  // The variant: another scenario file, or the base with more overlays and overrides.
  const auto v_overlays = joined(a.overlays, a.variant_overlays);
  const auto variant = model::load_scenario(a.variant.empty() ? a.base : a.variant,
                                            joined(a.sets, a.variant_sets), v_overlays);
  if (!o.output.empty())
    check_not_an_input(
        o.output, "-o",
        joined(joined(scenario_inputs(base, a.overlays), scenario_inputs(variant, v_overlays)),
               {a.uncertain}));
  experiments::UncertainDraws draws;
  if (!a.uncertain.empty()) add_paired_uncertainty(a, base, o, draws);
  experiments::CompareResult r;
  try {
    r = experiments::compare(base, variant, o);
  } catch (const Interrupted&) {
    throw Interrupted(fmt::format(
        "compare stopped; nothing was written{}",
        o.output.empty() ? std::string() : fmt::format(" ({} is as it was)", o.output)));
  }
  std::string variant_name = a.variant.empty() ? base.info.name : variant.info.name;
  for (const auto& v : a.variant_overlays)
    variant_name += fmt::format(" + {}", std::filesystem::path(v).stem().string());
  for (const auto& v : a.variant_sets) variant_name += fmt::format(" --set {}", v);
  fmt::print("\n{} vs {} — {} paired replications, seed {} (common random numbers)\n",
             printable(variant_name), printable(base.info.name), o.replications, r.seed);
  fmt::print("effects and intervals: {}{}\n", o.uncertainty,
             a.uncertain.empty() ? "" : ", the same draws in both arms");
  print_effects(base, r);
  fmt::print("{:.1f} s\n", r.seconds);
  if (!o.output.empty()) fmt::print("wrote {}\n", o.output);
  return 0;
}

int calibrate_command(const experiments::CalibrateOptions& o) {
  check_output_path(o.output, "-o");
  check_not_an_input(o.output, "-o", joined({o.scenario, o.figures, o.space}, o.overlays));
  experiments::CalibrateResult r;
  try {
    r = experiments::calibrate(o);
  } catch (const Interrupted&) {
    throw Interrupted(fmt::format(
        "calibration stopped: finished rounds and the journals of the current round are kept "
        "beside {}; continue with --resume",
        o.output));
  }
  fmt::print("\nbest of {} runs: loss {:.4g} (sum of squared errors in tolerances)\n", r.runs,
             r.loss);
  for (const auto& [path, value] : r.best) fmt::print("  {:<44} {:.6g}\n", path, value);
  fmt::print("\n{:<20} {:>5} {:>14} {:>14} {:>10} {:>10}  met\n", "figure", "year", "public",
             "model", "error", "range");
  for (const auto& row : r.fit) {
    const auto& f = row.figure;
    fmt::print(
        "{:<20} {:>5} {:>14.6g} {:>14.6g} {:>10} {:>10}  {}\n", printable(f.target.metric),
        model::year_label(row.months), f.target.value, row.model,
        f.relative ? fmt::format("{:+.1f}%", 100 * row.error) : fmt::format("{:+.3g}", row.error),
        f.relative ? fmt::format("±{:.0f}%", 100 * f.tolerance)
                   : fmt::format("±{:.3g}", f.tolerance),
        row.met ? "yes" : "NO");
  }
  std::set<int> noted;
  for (const auto& row : r.fit)
    if (row.months.partial() && noted.insert(row.months.year).second)
      fmt::print("* partial year: {} {} only (measured at its last month)\n", row.months.year,
                 model::month_range(row.months));
  fmt::print("wrote {} (use it with --with)\n", o.output);
  return 0;
}

// The report is made by analysis/report.py with Debian's Python (the HDF5 file is the interface).
// The script prints its own one-line "error: ..." and exits 1 or 2; anything else is reported here.
int report_command(const std::string& input, const std::string& out) {
  check_output_path(out, "-o");
  check_not_an_input(out, "-o", {input});
  const char* dir = std::getenv("PARKSIM_ANALYSIS_DIR");
  const char* python = std::getenv("PARKSIM_PYTHON");
  const std::string script = fmt::format("{}/report.py", dir ? dir : PARKSIM_ANALYSIS_DIR);
  if (!std::filesystem::exists(script))
    throw Error(
        fmt::format("{} not found: set PARKSIM_ANALYSIS_DIR to parksim's analysis folder", script));
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  // A sweep's page gets its Sobol or Morris indices from `parksim analyze`
  // (analysis/sensitivity.py): from this very binary, not another parksim that PATH or the source
  // tree might have.
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) ::setenv("PARKSIM_BIN", self.c_str(), 1);
  const std::string cmd = fmt::format("{} {} {} -o {}", python ? python : "/usr/bin/python3",
                                      quote(script), quote(input), quote(out));
  const int status = std::system(cmd.c_str());
  if (status == -1) throw Error(fmt::format("cannot start the report script: {}", cmd));
  if (WIFSIGNALED(status)) {
    if (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM)
      throw Interrupted("report stopped; nothing was written");
    throw Error(
        fmt::format("the report script was killed by signal {}: {}", WTERMSIG(status), cmd));
  }
  const int code = WEXITSTATUS(status);
  if (code == 1 || code == 2) return code;  // the script has said what was wrong
  if (code == 130) throw Interrupted("report stopped; nothing was written");
  if (code == 127)
    throw Error(fmt::format("the report needs Python: {} was not found (set PARKSIM_PYTHON)",
                            python ? python : "/usr/bin/python3"));
  if (code != 0) throw Error(fmt::format("the report script failed (exit code {}): {}", code, cmd));
  return 0;
}

}  // namespace parksim::cli
