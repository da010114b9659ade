// parksim command line: the options of every command, and the one place that maps errors to
// exit codes (0 done, 1 failed, 2 bad input or arguments, 130 interrupted).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <set>

#include "commands.hpp"
#include "levers_command.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/dictionary.hpp"
#include "parksim/version.hpp"
#include "terminal.hpp"

namespace {

using namespace parksim;

std::string join_args(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) {
    if (i) s += ' ';
    s += argv[i];
  }
  return s;
}

// CLI11 reports an unknown command as "A subcommand is required"; say what was typed instead.
void refuse_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == argv[1]) return;
  std::string names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  throw cli::UsageError(
      fmt::format("unknown command \"{}\"; commands: {}", cli::printable(argv[1]), names));
}

int print_error(const char* prefix, const std::string& what, int status) {
  fmt::print(stderr, "{}: {}\n", prefix, cli::printable(what));
  return status;
}

}  // namespace

static int run_cli(int argc, char** argv) {
  CLI::App app{
      "parksim: agent-based simulator of industrial-park ecosystems under policy packages"};
  app.set_version_flag("--version", fmt::format("parksim {} ({})", kVersion, kGitCommit));
  app.require_subcommand(1);
  const auto& input_file = cli::regular_file();

  cli::RunArgs run_args;
  std::string scenario, output, seed_text;
  std::vector<std::string> sets, overlays;
  auto* run = app.add_subcommand("run", "run a scenario and write an HDF5 file");
  run->add_option("scenario", run_args.scenario, "scenario TOML file")
      ->required()
      ->check(input_file);
  run->add_option("-o,--output", run_args.output, "HDF5 output file")->required();
  run->add_option("-R,--replications", run_args.replications,
                  "replications (default: the scenario's)")
      ->check(CLI::Range(1, 100000));
  run->add_option("--seed", seed_text, "master seed 0 .. 2^63-1 (default: the scenario's)");
  run->add_option("-t,--threads", run_args.threads, "threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  run->add_option("--set", run_args.sets, "override a value: path.to.key=value (repeatable)");
  run->add_option("--with", run_args.overlays, "overlay scenario file applied on top (repeatable)")
      ->check(input_file);
  run->add_flag("--profile", run_args.profile, "print the time spent in each phase");
  run->add_option("--checkpoint-at", run_args.checkpoint_at,
                  "save every replication's state at the start of this month (YYYY-MM)");
  run->add_option("--checkpoint", run_args.checkpoint,
                  "checkpoint file to write (with --checkpoint-at)");
  run->add_option("--branch-from", run_args.branch,
                  "start from a checkpoint (a variant agreeing with its run up to that month)")
      ->check(input_file);

  auto* check = app.add_subcommand("check", "validate a scenario without running it");
  bool resolved = false;
  check->add_option("scenario", scenario, "scenario TOML file")->required()->check(input_file);
  check->add_option("--set", sets, "override a value: path.to.key=value (repeatable)");
  check->add_option("--with", overlays, "overlay scenario file applied on top (repeatable)")
      ->check(input_file);
  check->add_flag("--resolved", resolved, "print the scenario after extends and --set");

  auto* phases = app.add_subcommand("phases", "print the phases of a monthly step");
  auto* describe = app.add_subcommand("describe", "print the parameter dictionary");
  bool as_json = false;
  describe->add_flag("--json", as_json, "JSON instead of Markdown");
  bool levers = false;
  describe->add_flag("--levers", levers, "Markdown lever cards of every programme kind instead")
      ->excludes("--json");

  auto* sample = app.add_subcommand("sample", "make an experimental design over a parameter space");
  std::string space_path, method = "lhs";
  int n = 0, levels = 4;
  sample->add_option("--method", method, "grid | lhs | sobol | morris")
      ->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  sample->add_option("--space", space_path, "SPACE.toml: parameters and their ranges")
      ->required()
      ->check(input_file);
  sample
      ->add_option("-n", n,
                   "grid: levels per parameter; lhs: points; sobol: base samples N (N(k+2) runs); "
                   "morris: trajectories")
      ->required();
  sample->add_option("--levels", levels, "Morris grid levels (even)");
  sample->add_option("--seed", seed_text,
                     "seed of lhs and morris designs, 0 .. 2^63-1 (default 1)");
  sample->add_option("-o,--output", output, "DESIGN.h5")->required();

  auto* sweep =
      app.add_subcommand("sweep", "run every design point; resumable; distributed under mpirun");
  experiments::SweepOptions sweep_opt;
  sweep->add_option("scenario", sweep_opt.scenario, "scenario TOML file")
      ->required()
      ->check(input_file);
  sweep->add_option("design", sweep_opt.design, "DESIGN.h5 from parksim sample")
      ->required()
      ->check(input_file);
  sweep->add_option("-o,--output", sweep_opt.output, "SWEEP.h5")->required();
  sweep
      ->add_option("-R,--replications", sweep_opt.replications,
                   "replications per point (common random numbers across points)")
      ->check(CLI::Range(1, 100000));
  sweep->add_option(
      "--metric", sweep_opt.metrics,
      "metric:year[:zone[:sector]] or targets_met (repeatable; default: the scenario's targets)");
  sweep->add_flag("--resume", sweep_opt.resume, "continue an interrupted sweep from its journals");
  sweep->add_option("-t,--threads", sweep_opt.threads, "threads per process (default: all cores)")
      ->check(CLI::Range(1, 1024));
  sweep->add_option("--set", sweep_opt.sets, "override a value of the base scenario (repeatable)");
  sweep
      ->add_option("--with", sweep_opt.overlays,
                   "overlay applied to the base scenario (repeatable)")
      ->check(input_file);

  auto* analyze = app.add_subcommand(
      "analyze",
      "Sobol or Morris indices of a sweep, or of a design and outputs computed elsewhere");
  std::string analysis, analysis_input, metric, outputs_csv;
  int bootstrap = 100;
  analyze->add_option("method", analysis, "sobol | morris")
      ->required()
      ->check(CLI::IsMember({"sobol", "morris"}));
  analyze->add_option("input", analysis_input, "SWEEP.h5, or DESIGN.h5 with --outputs")
      ->required()
      ->check(input_file);
  analyze->add_option("--metric", metric, "metric of the sweep (or CSV column) to analyse");
  analyze
      ->add_option("--outputs", outputs_csv, "CSV with one column per output, rows in design order")
      ->check(input_file);
  analyze->add_option("--bootstrap", bootstrap, "bootstrap resamples for the intervals")
      ->check(CLI::Range(10, 100000));
  analyze->add_option("-o,--output", output, "write the indices to this HDF5 file");

  auto* cmp = app.add_subcommand("compare",
                                 "effect of a variant against a base with common random numbers");
  cli::CompareArgs cmp_args;
  cmp->add_option("base", cmp_args.base, "base scenario TOML file")->required()->check(input_file);
  cmp->add_option("variant", cmp_args.variant,
                  "variant scenario TOML file (or use --variant-with / --variant-set)")
      ->check(input_file);
  cmp->add_option("-o,--output", cmp_args.options.output, "CMP.h5");
  cmp->add_option("-R,--replications", cmp_args.options.replications, "paired replications")
      ->check(CLI::Range(2, 100000));
  cmp->add_option("--seed", seed_text, "master seed for both, 0 .. 2^63-1 (default: the base's)");
  cmp->add_option("-t,--threads", cmp_args.options.threads, "threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmp->add_option("--set", cmp_args.sets, "override a value in both (repeatable)");
  cmp->add_option("--with", cmp_args.overlays, "overlay applied to both (repeatable)")
      ->check(input_file);
  cmp->add_option("--variant-set", cmp_args.variant_sets,
                  "override a value in the variant only (repeatable)");
  cmp->add_option("--variant-with", cmp_args.variant_overlays,
                  "overlay applied to the variant only (repeatable)")
      ->check(input_file);

  auto* cal = app.add_subcommand(
      "calibrate", "fit parameters to observed figures (method of simulated moments)");
  experiments::CalibrateOptions cal_opt;
  cal->add_option("scenario", cal_opt.scenario, "scenario TOML file")
      ->required()
      ->check(input_file);
  cal->add_option("--targets", cal_opt.figures,
                  "FIGURES.csv: metric,zone,sector,year,value,tolerance,tolerance_kind")
      ->required()
      ->check(input_file);
  cal->add_option("--space", cal_opt.space, "SPACE.toml: the parameters to fit and their ranges")
      ->required()
      ->check(input_file);
  cal->add_option("-o,--output", cal_opt.output,
                  "fitted overlay TOML (round files are written beside it)")
      ->required();
  cal->add_option("-n,--points", cal_opt.points, "LHS points per round")
      ->check(CLI::Range(2, 1000000));
  cal->add_option("--rounds", cal_opt.rounds,
                  "rounds; each samples a box half as wide around the best point")
      ->check(CLI::Range(1, 20));
  cal->add_option("-R,--replications", cal_opt.replications, "replications per point")
      ->check(CLI::Range(1, 100000));
  cal->add_option("--seed", seed_text, "seed of the designs, 0 .. 2^63-1 (default 1)");
  cal->add_option("-t,--threads", cal_opt.threads, "threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cal->add_flag("--resume", cal_opt.resume, "continue an interrupted calibration");
  cal->add_option("--set", cal_opt.sets, "override a value (repeatable)");
  cal->add_option("--with", cal_opt.overlays, "overlay (repeatable)")->check(input_file);

  auto* report = app.add_subcommand(
      "report", "one self-contained HTML page for a run, comparison or sweep file");
  std::string report_input;
  report->add_option("input", report_input, "RUN.h5, CMP.h5 or SWEEP.h5")
      ->required()
      ->check(input_file);
  report->add_option("-o,--output", output, "report.html")->required();

  cli::add_levers_command(app);

  try {
    refuse_unknown_command(app, argc, argv);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return app.exit(e) == 0 ? 0 : 2;  // --help and --version exit 0; every mistake 2
    }
    cli::install_stop_handlers();
    const bool seeded = !seed_text.empty();
    auto seed_of = [&](const char* option) {
      return seeded ? cli::parse_seed(seed_text, option) : std::int64_t(-1);
    };
    if (*run) {
      run_args.seed = seed_of("--seed");
      run_args.command_line = join_args(argc, argv);
      return cli::run_command(run_args);
    }
    if (*check) return cli::check_command(scenario, sets, overlays, resolved);
    if (*cmp) {
      cmp_args.options.seed = seed_of("--seed");
      cmp_args.options.command_line = join_args(argc, argv);
      return cli::compare_command(cmp_args);
    }
    if (*cal) {
      if (seeded) cal_opt.seed = std::uint64_t(seed_of("--seed"));
      return cli::calibrate_command(cal_opt);
    }
    if (*report) return cli::report_command(report_input, output);
    if (*sample)
      return cli::sample_command(space_path, method, n,
                                 seeded ? std::uint64_t(seed_of("--seed")) : 1, levels, output);
    if (*sweep) return cli::sweep_command(sweep_opt);
    if (*analyze) {
      if (outputs_csv.empty() && metric.empty())
        throw cli::UsageError("analyze: name the sweep's metric with --metric");
      return cli::analyze_command(analysis, analysis_input, metric, outputs_csv, bootstrap, output);
    }
    if (*phases) {
      int k = 1;
      const auto schedule = model::make_schedule();
      for (const auto& p : schedule.phases())
        fmt::print("{:2}. {:<14} {}\n", k++, p.name, p.description);
      return 0;
    }
    if (*describe) {
      if (levers)
        fmt::print("{}", model::lever_cards_markdown());
      else
        fmt::print("{}", as_json ? model::dictionary_json() : model::dictionary_markdown());
      return 0;
    }
  } catch (const Interrupted& e) {
    return print_error("interrupted", e.what(), cli::kInterruptedStatus);
  } catch (const InputError& e) {
    return print_error("error", e.what(), 2);
  } catch (const cli::UsageError& e) {
    return print_error("error", e.what(), 2);
  } catch (const Error& e) {
    return print_error("error", e.what(), 1);
  } catch (const std::filesystem::filesystem_error& e) {
    return print_error("error", e.what(), 1);
  } catch (const std::bad_alloc&) {
    return print_error(
        "error", "out of memory (an input asks for more than this machine has; check its sizes)",
        1);
  } catch (const std::exception& e) {
    return print_error("error", fmt::format("unexpected failure: {}", e.what()), 1);
  } catch (...) {
    return print_error("error", "unexpected failure of an unknown kind", 1);
  }
  return 0;
}

int main(int argc, char** argv) {
  const int status = run_cli(argc, argv);
  if (engine::h5::library_state_damaged()) {  // see library_state_damaged(): skip HDF5's exit
                                              // clean-up
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(status);
  }
  return status;
}
