// `parksim levers`: every programme of a scenario switched off alone, paired with the base under
// common random numbers; prints one row per programme and writes LEVERS.h5.
#include "levers_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "options.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/output_file.hpp"
#include "parksim/experiments/levers.hpp"
#include "parksim/model/calendar.hpp"
#include "terminal.hpp"

namespace parksim::cli {

namespace {

struct LeversArgs {
  std::string scenario, seed_text;
  std::vector<std::string> sets, overlays;
  experiments::LeversOptions options;
};

std::string number(double v) {
  if (std::isnan(v)) return "n/a";
  return fmt::format("{:+.3g}", v);
}

std::string percent(double v) { return std::isnan(v) ? "n/a" : fmt::format("{:+.1f}%", 100 * v); }

// "+1.2% [0.3, 2.1]": relative effect with the interval of the effect, relative to the base mean.
std::string relative_cell(const experiments::LeverEffect& e) {
  if (e.with_mean == 0)
    return fmt::format("{} [{}, {}]", number(e.effect), number(e.low), number(e.high));
  return fmt::format("{} [{:+.1f}, {:+.1f}]", percent(e.relative), 100 * e.low / e.with_mean,
                     100 * e.high / e.with_mean);
}

std::string cost_per_output_cell(const experiments::LeverRow& row) {
  if (!row.cost_per_output_defined) return "undefined";
  return fmt::format("{:.3g} [{:.3g}, {:.3g}]", row.cost_per_output, row.cost_per_output_low,
                     row.cost_per_output_high);
}

void print_outcomes(const experiments::LeversResult& r) {
  fmt::print(
      "\nEffects of each programme (with - without, mean [95% t interval], % of the base):\n");
  for (std::size_t q = 0; q < r.outcomes; ++q) {
    const auto& qty = r.quantities[q];
    fmt::print("\n{} ({}, {})\n", qty.key, qty.unit,
               qty.whole_run ? std::string("whole run") : fmt::format("{}", r.year));
    for (const auto& row : r.rows)
      fmt::print("  {:<28} {}\n", printable(row.programme), relative_cell(row.effects[q]));
  }
}

void print_summary(const experiments::LeversResult& r) {
  fmt::print(
      "\nSummary (% of the base mean [95% interval]):\n{:<26} {:<22} {:>24}  {:<24} {:>24} "
      "{:>10} {:>24}  flags\n",
      "programme", "kind", "cumulative output", "target decision", "target effect", "cost 亿元",
      "cost per extra 亿元");
  for (const auto& row : r.rows) {
    std::string flags;
    if (row.sign_flag) flags += " SIGN";
    if (row.no_effect_flag) flags += " NO-EFFECT";
    fmt::print(
        "{:<26} {:<22} {:>24}  {:<24} {:>24} {:>10.3g} {:>24} {}\n", printable(row.programme),
        row.kind, relative_cell(row.effects[r.outcomes - 1]),
        fmt::format("{} {}", row.direction > 0 ? "raise" : "lower", r.quantities[row.target].key),
        relative_cell(row.target_effect()), row.cost, cost_per_output_cell(row), flags);
  }
  fmt::print(
      "\ncumulative output: over the whole run; target decision: the kind's (registry), in the "
      "programme's last year where it closes earlier (key _YEAR), meant to "
      "be "
      "raised or lowered; SIGN: its interval excludes 0 on the wrong side (switching the programme "
      "off moves it the intended way); NO-EFFECT: every interval contains 0 and the cost is 0; "
      "cost per extra 亿元 of cumulative output: paired bootstrap 95% interval, undefined when the "
      "output interval contains 0\n");
}

int levers_command(LeversArgs& a, const std::string& command_line) {
  auto& o = a.options;
  o.seed = seed_or(a.seed_text, -1);
  o.command_line = command_line;
  if (!o.output.empty()) engine::check_output_path(o.output, "-o");
  const auto base = model::load_scenario(a.scenario, a.sets, a.overlays);
  if (o.year != 0 && (o.year < base.info.start / 12 || o.year > base.info.end / 12))
    throw UsageError(fmt::format("--year {} lies outside the scenario's horizon {}..{}", o.year,
                                 base.info.start / 12, base.info.end / 12));
  if (!o.output.empty())
    engine::check_not_an_input(o.output, "-o", scenario_inputs(base, a.overlays));
  Progress progress("scenarios");
  o.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  experiments::LeversResult r;
  try {
    r = experiments::levers(a.scenario, a.sets, a.overlays, o);
  } catch (const Interrupted&) {
    throw Interrupted(fmt::format(
        "levers stopped; nothing was written{}",
        o.output.empty() ? std::string() : fmt::format(" ({} is as it was)", o.output)));
  }
  fmt::print(
      "\n{} — each of {} programmes switched off alone, {} paired replications, seed {} "
      "(common random numbers)\n",
      printable(base.info.name), r.rows.size(), o.replications, r.seed);
  print_outcomes(r);
  print_summary(r);
  const auto months = model::year_months(base.info.start, base.info.end, r.year);
  if (months.partial())
    fmt::print("* {} is a partial year: {} only\n", r.year, model::month_range(months));
  fmt::print("{:.1f} s\n", r.seconds);
  if (!o.output.empty()) fmt::print("wrote {}\n", o.output);
  return 0;
}

}  // namespace

Command add_levers_command(CLI::App& app) {
  auto a = std::make_shared<LeversArgs>();
  auto* cmd = app.add_subcommand(
      "levers", "effect of switching off each programme alone, with common random numbers");
  cmd->add_option("scenario", a->scenario, "scenario TOML file")->required()->check(regular_file());
  add_scenario_changes(*cmd, a->sets, a->overlays,
                       "override a value in the base and every variant (repeatable)",
                       "overlay applied to the base and every variant (repeatable)");
  add_replications(*cmd, a->options.replications, "paired replications", 2);
  add_seed(*cmd, a->seed_text, "master seed for all, 0 .. 2^63-1 (default: the scenario's)");
  add_threads(*cmd, a->options.threads);
  cmd->add_option("-o,--output", a->options.output, "LEVERS.h5");
  cmd->add_option("--year", a->options.year, "year of the outcomes (default: the scenario's last)");
  cmd->add_option("--bootstrap", a->options.bootstrap,
                  "bootstrap resamples for the cost-per-output interval")
      ->check(CLI::Range(10, 1000000));
  return {cmd, [a](const std::string& command_line) { return levers_command(*a, command_line); }};
}

}  // namespace parksim::cli
