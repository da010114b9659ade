// `parksim validate`: the scenario's replications against published figures, with the figures
// used for calibration apart from those held out; prints one row per figure, -o writes it as CSV.
#include "validate_command.hpp"

#include <fmt/format.h>

#include <memory>

#include "options.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/output_file.hpp"
#include "parksim/experiments/validate.hpp"
#include "terminal.hpp"

namespace parksim::cli {

namespace {

struct ValidateArgs {
  std::string seed_text, output;
  experiments::ValidateOptions options;
};

std::string where(const experiments::Figure& f) {
  if (f.target.zone == "all" && f.target.sector == "all") return "all";
  return f.target.sector == "all" ? f.target.zone : f.target.zone + "/" + f.target.sector;
}

void print_rows(const experiments::ValidateResult& r) {
  fmt::print("{:<22} {:<14} {:>5} {:>10} {:>12} {:>12} {:>12} {:>12}  {}\n", "figure", "where",
             "year", "role", "published", "median", "90% low", "90% high", "inside");
  for (const auto& row : r.rows) {
    const auto& f = row.figure;
    fmt::print("{:<22} {:<14} {:>5} {:>10} {:>12.6g} {:>12.6g} {:>12.6g} {:>12.6g}  {}\n",
               printable(f.target.metric), printable(where(f)), f.target.year,
               row.held_out ? "hold-out" : "fitted", f.target.value, row.median, row.low, row.high,
               row.inside ? "yes" : "NO");
  }
  for (const bool held_out : {false, true}) {
    int n = 0, inside = 0, tolerance = 0;
    for (const auto& row : r.rows)
      if (row.held_out == held_out) {
        ++n;
        inside += row.inside;
        tolerance += row.within_tolerance;
      }
    if (n > 0)
      fmt::print(
          "{}: {} of {} inside the model's 90% interval, {} of {} with the median within "
          "the figure's tolerance\n",
          held_out ? "held out" : "fitted", inside, n, tolerance, n);
  }
}

void write_csv(const std::string& path, const experiments::ValidateResult& r) {
  engine::write_text_output(path, "", [&](std::ostream& f) {
    f << "metric,zone,sector,year,role,published,median,low_5,high_95,inside,within_tolerance\n";
    for (const auto& row : r.rows) {
      const auto& t = row.figure.target;
      f << fmt::format("{},{},{},{},{},{:.10g},{:.10g},{:.10g},{:.10g},{},{}\n", t.metric, t.zone,
                       t.sector, t.year, row.held_out ? "hold-out" : "fitted", t.value, row.median,
                       row.low, row.high, int(row.inside), int(row.within_tolerance));
    }
  });
}

int validate_command(ValidateArgs& a) {
  auto& o = a.options;
  o.seed = seed_or(a.seed_text, -1);
  if (!a.output.empty()) {
    engine::check_output_path(a.output, "-o");
    const auto sc = model::load_scenario(o.scenario, o.sets, o.overlays);
    auto inputs = scenario_inputs(sc, o.overlays);
    inputs.push_back(o.figures);
    engine::check_not_an_input(a.output, "-o", inputs);
  }
  experiments::ValidateResult r;
  try {
    r = experiments::validate(o);
  } catch (const Interrupted&) {
    throw Interrupted(fmt::format(
        "validate stopped; nothing was written{}",
        a.output.empty() ? std::string() : fmt::format(" ({} is as it was)", a.output)));
  }
  fmt::print("\n{} against {} — {} replications, seed {}; fitted: figures to {}, held out: later\n",
             printable(o.scenario), printable(o.figures), o.replications, r.seed, o.fitted_through);
  print_rows(r);
  fmt::print("{:.1f} s\n", r.seconds);
  if (!a.output.empty()) {
    write_csv(a.output, r);
    fmt::print("wrote {}\n", a.output);
  }
  return 0;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto a = std::make_shared<ValidateArgs>();
  auto& o = a->options;
  auto* cmd = app.add_subcommand(
      "validate", "replications against published figures, fitted years apart from the hold-out");
  cmd->add_option("scenario", o.scenario, "scenario TOML file")->required()->check(regular_file());
  cmd->add_option("--figures", o.figures,
                  "FIGURES.csv: metric,zone,sector,year,value,tolerance,tolerance_kind")
      ->required()
      ->check(regular_file());
  cmd->add_option("--fitted-through", o.fitted_through,
                  "last year of the figures used for calibration; later ones are the hold-out "
                  "(default 2017)")
      ->check(CLI::Range(1900, 2200));
  add_replications(*cmd, o.replications, "replications (default 16)", 2);
  add_seed(*cmd, a->seed_text, "master seed, 0 .. 2^63-1 (default: the scenario's)");
  add_threads(*cmd, o.threads);
  add_scenario_changes(*cmd, o.sets, o.overlays, "override a value (repeatable)",
                       "overlay (repeatable)");
  cmd->add_option("-o,--output", a->output, "write the table as CSV");
  return {cmd, [a](const std::string&) { return validate_command(*a); }};
}

}  // namespace parksim::cli
