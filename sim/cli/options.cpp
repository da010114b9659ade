// The options of every parksim subcommand and the call each makes into commands.cpp.
#include "options.hpp"

#include <fmt/format.h>

#include <memory>

#include "commands.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/dictionary.hpp"
#include "terminal.hpp"

namespace parksim::cli {

void add_scenario_changes(CLI::App& cmd, std::vector<std::string>& sets,
                          std::vector<std::string>& overlays, const std::string& set_help,
                          const std::string& with_help) {
  cmd.add_option("--set", sets, set_help);
  cmd.add_option("--with", overlays, with_help)->check(regular_file());
}

void add_replications(CLI::App& cmd, int& replications, const std::string& help, int min) {
  cmd.add_option("-R,--replications", replications, help)->check(CLI::Range(min, 100000));
}

void add_seed(CLI::App& cmd, std::string& seed_text, const std::string& help) {
  cmd.add_option("--seed", seed_text, help);
}

void add_threads(CLI::App& cmd, int& threads, const std::string& help) {
  cmd.add_option("-t,--threads", threads, help)->check(CLI::Range(1, 1024));
}

namespace {

// --uncertain SPACE.toml and its --uncertain-seed, for run and compare.
void add_uncertain(CLI::App& cmd, std::string& space, std::string& seed_text,
                   const std::string& space_help, const std::string& seed_default) {
  auto* uncertain = cmd.add_option("--uncertain", space, space_help)->check(regular_file());
  cmd.add_option("--uncertain-seed", seed_text,
                 "seed of the --uncertain draws 0 .. 2^63-1 (default: " + seed_default + ")")
      ->needs(uncertain);
}

}  // namespace

std::vector<std::string> scenario_inputs(const model::Scenario& sc,
                                         const std::vector<std::string>& overlays) {
  std::vector<std::string> inputs = {sc.path};
  inputs.insert(inputs.end(), sc.input_files.begin(), sc.input_files.end());
  inputs.insert(inputs.end(), overlays.begin(), overlays.end());
  return inputs;
}

std::int64_t seed_or(const std::string& seed_text, std::int64_t fallback) {
  return seed_text.empty() ? fallback : parse_seed(seed_text, "--seed");
}

Command add_run_command(CLI::App& app) {
  struct Args {
    RunArgs run;
    std::string seed, uncertain_seed;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("run", "run a scenario and write an HDF5 file");
  cmd->add_option("scenario", a->run.scenario, "scenario TOML file")
      ->required()
      ->check(regular_file());
  cmd->add_option("-o,--output", a->run.output, "HDF5 output file")->required();
  add_replications(*cmd, a->run.replications, "replications (default: the scenario's)");
  add_seed(*cmd, a->seed, "master seed 0 .. 2^63-1 (default: the scenario's)");
  add_threads(*cmd, a->run.threads);
  add_scenario_changes(*cmd, a->run.sets, a->run.overlays);
  cmd->add_flag("--profile", a->run.profile, "print the time spent in each phase");
  cmd->add_option("--checkpoint-at", a->run.checkpoint_at,
                  "save every replication's state at the start of this month (YYYY-MM)");
  cmd->add_option("--checkpoint", a->run.checkpoint,
                  "checkpoint file to write (with --checkpoint-at)");
  cmd->add_option("--branch-from", a->run.branch,
                  "start from a checkpoint (a variant agreeing with its run up to that month)")
      ->check(regular_file());
  add_uncertain(*cmd, a->run.uncertain, a->uncertain_seed,
                "SPACE.toml of behavioural parameters drawn per replication (LHS, one draw "
                "each): intervals and P(reach) include parameter uncertainty",
                "the run's seed");
  return {cmd, [a](const std::string& command_line) {
            a->run.seed = seed_or(a->seed, -1);
            a->run.uncertain_seed =
                a->uncertain_seed.empty() ? -1 : parse_seed(a->uncertain_seed, "--uncertain-seed");
            a->run.command_line = command_line;
            return run_command(a->run);
          }};
}

Command add_check_command(CLI::App& app) {
  struct Args {
    std::string scenario;
    std::vector<std::string> sets, overlays;
    bool resolved = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("check", "validate a scenario without running it");
  cmd->add_option("scenario", a->scenario, "scenario TOML file")->required()->check(regular_file());
  add_scenario_changes(*cmd, a->sets, a->overlays);
  cmd->add_flag("--resolved", a->resolved, "print the scenario after extends and --set");
  return {cmd, [a](const std::string&) {
            return check_command(a->scenario, a->sets, a->overlays, a->resolved);
          }};
}

Command add_phases_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("phases", "print the phases of a monthly step");
  return {cmd, [](const std::string&) {
            int k = 1;
            const auto schedule = model::make_schedule();
            for (const auto& p : schedule.phases())
              fmt::print("{:2}. {:<14} {}\n", k++, p.name, p.description);
            return 0;
          }};
}

Command add_describe_command(CLI::App& app) {
  struct Args {
    bool as_json = false, levers = false, odd_schedule = false, odd_kinds = false,
         odd_parameters = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("describe", "print the parameter dictionary");
  auto* json = cmd->add_flag("--json", a->as_json, "JSON instead of Markdown");
  auto* levers =
      cmd->add_flag("--levers", a->levers, "Markdown lever cards of every programme kind instead")
          ->excludes(json);
  auto* schedule = cmd->add_flag("--odd-schedule", a->odd_schedule,
                                 "docs/ODD.md block: the phases of a step with their source files")
                       ->excludes(json)
                       ->excludes(levers);
  auto* kinds =
      cmd->add_flag("--odd-kinds", a->odd_kinds, "docs/ODD.md block: the index of programme kinds")
          ->excludes(json)
          ->excludes(levers)
          ->excludes(schedule);
  cmd->add_flag("--odd-parameters", a->odd_parameters,
                "docs/ODD.md block: every key with default, unit and source")
      ->excludes(json)
      ->excludes(levers)
      ->excludes(schedule)
      ->excludes(kinds);
  return {cmd, [a](const std::string&) {
            if (a->levers)
              fmt::print("{}", model::lever_cards_markdown());
            else if (a->odd_schedule)
              fmt::print("{}", model::odd_schedule_markdown());
            else if (a->odd_kinds)
              fmt::print("{}", model::odd_kinds_markdown());
            else if (a->odd_parameters)
              fmt::print("{}", model::odd_parameters_markdown());
            else
              fmt::print("{}",
                         a->as_json ? model::dictionary_json() : model::dictionary_markdown());
            return 0;
          }};
}

Command add_sample_command(CLI::App& app) {
  struct Args {
    std::string space, method = "lhs", seed, output;
    int n = 0, levels = 4;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sample", "make an experimental design over a parameter space");
  cmd->add_option("--method", a->method, "grid | lhs | sobol | morris")
      ->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  cmd->add_option("--space", a->space, "SPACE.toml: parameters and their ranges")
      ->required()
      ->check(regular_file());
  cmd->add_option("-n", a->n,
                  "grid: levels per parameter; lhs: points; sobol: base samples N (N(k+2) runs); "
                  "morris: trajectories")
      ->required();
  cmd->add_option("--levels", a->levels, "Morris grid levels (even)");
  add_seed(*cmd, a->seed, "seed of lhs and morris designs, 0 .. 2^63-1 (default 1)");
  cmd->add_option("-o,--output", a->output, "DESIGN.h5")->required();
  return {cmd, [a](const std::string&) {
            return sample_command(a->space, a->method, a->n, std::uint64_t(seed_or(a->seed, 1)),
                                  a->levels, a->output);
          }};
}

Command add_sweep_command(CLI::App& app) {
  auto o = std::make_shared<experiments::SweepOptions>();
  auto* cmd =
      app.add_subcommand("sweep", "run every design point; resumable; distributed under mpirun");
  cmd->add_option("scenario", o->scenario, "scenario TOML file")->required()->check(regular_file());
  cmd->add_option("design", o->design, "DESIGN.h5 from parksim sample")
      ->required()
      ->check(regular_file());
  cmd->add_option("-o,--output", o->output, "SWEEP.h5")->required();
  add_replications(*cmd, o->replications,
                   "replications per point (common random numbers across points)");
  cmd->add_option(
      "--metric", o->metrics,
      "metric:year[:zone[:sector]] or targets_met (repeatable; default: the scenario's targets)");
  cmd->add_flag("--resume", o->resume, "continue an interrupted sweep from its journals");
  add_threads(*cmd, o->threads, "threads per process (default: all cores)");
  add_scenario_changes(*cmd, o->sets, o->overlays,
                       "override a value of the base scenario (repeatable)",
                       "overlay applied to the base scenario (repeatable)");
  return {cmd, [o](const std::string&) { return sweep_command(*o); }};
}

Command add_analyze_command(CLI::App& app) {
  struct Args {
    std::string method, input, metric, outputs_csv, output;
    int bootstrap = 100;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "analyze",
      "Sobol or Morris indices of a sweep, or of a design and outputs computed elsewhere");
  cmd->add_option("method", a->method, "sobol | morris")
      ->required()
      ->check(CLI::IsMember({"sobol", "morris"}));
  cmd->add_option("input", a->input, "SWEEP.h5, or DESIGN.h5 with --outputs")
      ->required()
      ->check(regular_file());
  cmd->add_option("--metric", a->metric, "metric of the sweep (or CSV column) to analyse");
  cmd->add_option("--outputs", a->outputs_csv,
                  "CSV with one column per output, rows in design order")
      ->check(regular_file());
  cmd->add_option("--bootstrap", a->bootstrap, "bootstrap resamples for the intervals")
      ->check(CLI::Range(10, 100000));
  cmd->add_option("-o,--output", a->output, "write the indices to this HDF5 file");
  return {cmd, [a](const std::string&) {
            if (a->outputs_csv.empty() && a->metric.empty())
              throw UsageError("analyze: name the sweep's metric with --metric");
            return analyze_command(a->method, a->input, a->metric, a->outputs_csv, a->bootstrap,
                                   a->output);
          }};
}

Command add_compare_command(CLI::App& app) {
  struct Args {
    CompareArgs compare;
    std::string seed, uncertain_seed;
  };
  auto a = std::make_shared<Args>();
  auto& c = a->compare;
  auto* cmd = app.add_subcommand("compare",
                                 "effect of a variant against a base with common random numbers");
  cmd->add_option("base", c.base, "base scenario TOML file")->required()->check(regular_file());
  cmd->add_option("variant", c.variant,
                  "variant scenario TOML file (or use --variant-with / --variant-set)")
      ->check(regular_file());
  cmd->add_option("-o,--output", c.options.output, "CMP.h5");
  add_replications(*cmd, c.options.replications, "paired replications", 2);
  add_seed(*cmd, a->seed, "master seed for both, 0 .. 2^63-1 (default: the base's)");
  add_threads(*cmd, c.options.threads);
  add_scenario_changes(*cmd, c.sets, c.overlays, "override a value in both (repeatable)",
                       "overlay applied to both (repeatable)");
  cmd->add_option("--variant-set", c.variant_sets,
                  "override a value in the variant only (repeatable)");
  cmd->add_option("--variant-with", c.variant_overlays,
                  "overlay applied to the variant only (repeatable)")
      ->check(regular_file());
  add_uncertain(*cmd, c.uncertain, a->uncertain_seed,
                "SPACE.toml of behavioural parameters drawn per replication (LHS), the same "
                "draws in both arms",
                "the comparison's seed");
  return {cmd, [a](const std::string& command_line) {
            a->compare.options.seed = seed_or(a->seed, -1);
            a->compare.uncertain_seed =
                a->uncertain_seed.empty() ? -1 : parse_seed(a->uncertain_seed, "--uncertain-seed");
            a->compare.options.command_line = command_line;
            return compare_command(a->compare);
          }};
}

Command add_calibrate_command(CLI::App& app) {
  struct Args {
    experiments::CalibrateOptions calibrate;
    std::string seed;
  };
  auto a = std::make_shared<Args>();
  auto& o = a->calibrate;
  auto* cmd = app.add_subcommand(
      "calibrate", "fit parameters to observed figures (method of simulated moments)");
  cmd->add_option("scenario", o.scenario, "scenario TOML file")->required()->check(regular_file());
  cmd->add_option("--targets", o.figures,
                  "FIGURES.csv: metric,zone,sector,year,value,tolerance,tolerance_kind")
      ->required()
      ->check(regular_file());
  cmd->add_option("--through", o.through,
                  "fit only figures of years up to this one; later ones are held out for validate")
      ->check(CLI::Range(1900, 2200));
  cmd->add_option("--space", o.space, "SPACE.toml: the parameters to fit and their ranges")
      ->required()
      ->check(regular_file());
  cmd->add_option("-o,--output", o.output,
                  "fitted overlay TOML (round files are written beside it)")
      ->required();
  cmd->add_option("-n,--points", o.points, "LHS points per round")->check(CLI::Range(2, 1000000));
  cmd->add_option("--rounds", o.rounds,
                  "rounds; each samples a box half as wide around the best point")
      ->check(CLI::Range(1, 20));
  add_replications(*cmd, o.replications, "replications per point");
  add_seed(*cmd, a->seed, "seed of the designs, 0 .. 2^63-1 (default 1)");
  add_threads(*cmd, o.threads);
  cmd->add_flag("--resume", o.resume, "continue an interrupted calibration");
  add_scenario_changes(*cmd, o.sets, o.overlays, "override a value (repeatable)",
                       "overlay (repeatable)");
  return {cmd, [a](const std::string&) {
            if (!a->seed.empty()) a->calibrate.seed = std::uint64_t(seed_or(a->seed, 0));
            return calibrate_command(a->calibrate);
          }};
}

Command add_report_command(CLI::App& app) {
  struct Args {
    std::string input, output;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "report", "one self-contained HTML page for a run, comparison or sweep file");
  cmd->add_option("input", a->input, "RUN.h5, CMP.h5 or SWEEP.h5")
      ->required()
      ->check(regular_file());
  cmd->add_option("-o,--output", a->output, "report.html")->required();
  return {cmd, [a](const std::string&) { return report_command(a->input, a->output); }};
}

}  // namespace parksim::cli
