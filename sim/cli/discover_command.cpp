// `parksim discover`: the boxes of a sweep's parameter space where a condition on its metrics holds
// (with a probability over replications), printed with their coverage, density and restricted
// parameters; -o writes every box of the peeling and pasting trajectories as CSV.
#include "discover_command.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "parksim/engine/error.hpp"
#include "parksim/engine/output_file.hpp"
#include "parksim/experiments/discover.hpp"
#include "terminal.hpp"

namespace parksim::cli {

namespace {

struct DiscoverArgs {
  experiments::DiscoverOptions options;
  std::string objective = "lenient1", output;
};

std::string limit(double v, bool restricted) {
  return restricted ? fmt::format("{:.6g}", v) : std::string("-");
}

std::string quasi_p(double p) { return std::isnan(p) ? std::string("") : fmt::format("{:.2g}", p); }

void print_box(const experiments::DiscoverResult& r, std::size_t index) {
  const auto& s = r.searches[index];
  const auto& b = s.trajectory[s.chosen];
  fmt::print(
      "\nbox {}: coverage {:.0f}% ({} of {} points where it holds), density {:.0f}% ({} of {} "
      "points in the box), mass {:.0f}%{}\n",
      index + 1, 100 * b.coverage, b.k, s.hits, 100 * b.density, b.k, b.n, 100 * b.mass,
      s.reached_density ? "" : " — no box reached --min-density; the densest is shown");
  if (b.restricted() == 0) {
    fmt::print("  no parameter restricted: the condition's share is the same everywhere\n");
    return;
  }
  fmt::print("  {:<44} {:>12} {:>12} {:>25}  {:>8} {:>8}\n", "parameter (unit)", "lower", "upper",
             "range in the design", "p lower", "p upper");
  const auto& params = r.design.space.parameters;
  const auto& first = s.trajectory.front();
  for (std::size_t j = 0; j < params.size(); ++j) {
    if (!b.restricted_lower[j] && !b.restricted_upper[j]) continue;
    fmt::print("  {:<44} {:>12} {:>12} {:>25}  {:>8} {:>8}\n",
               printable(fmt::format("{} ({})", params[j].name, params[j].unit)),
               limit(b.lower[j], b.restricted_lower[j]), limit(b.upper[j], b.restricted_upper[j]),
               fmt::format("[{:.6g}, {:.6g}]", first.lower[j], first.upper[j]),
               quasi_p(b.quasi_p_lower[j]), quasi_p(b.quasi_p_upper[j]));
  }
}

void print_tradeoff(const experiments::PrimSearch& s) {
  fmt::print("  trade-off: {} boxes (peeling, then pasting); every 5th and the chosen one:\n",
             s.trajectory.size());
  fmt::print("  {:>4} {:>9} {:>8} {:>6} {:>11}\n", "box", "coverage", "density", "mass",
             "restricted");
  for (std::size_t i = 0; i < s.trajectory.size(); ++i) {
    if (i % 5 != 0 && i != s.chosen && i + 1 != s.trajectory.size()) continue;
    const auto& b = s.trajectory[i];
    fmt::print("  {:>4} {:>8.0f}% {:>7.0f}% {:>5.0f}% {:>11}{}\n", i, 100 * b.coverage,
               100 * b.density, 100 * b.mass, b.restricted(), i == s.chosen ? "  <- chosen" : "");
  }
}

void write_csv(const std::string& path, const experiments::DiscoverResult& r) {
  engine::write_text_output(path, "", [&](std::ostream& f) {
    f << "search,box,chosen,points,hits,coverage,density,mass,restricted";
    for (const auto& p : r.design.space.parameters)
      f << fmt::format(",{0}:lower,{0}:upper,{0}:p_lower,{0}:p_upper", p.name);
    f << "\n";
    for (std::size_t s = 0; s < r.searches.size(); ++s)
      for (std::size_t i = 0; i < r.searches[s].trajectory.size(); ++i) {
        const auto& b = r.searches[s].trajectory[i];
        f << fmt::format("{},{},{},{},{},{:.10g},{:.10g},{:.10g},{}", s + 1, i,
                         int(i == r.searches[s].chosen), b.n, b.k, b.coverage, b.density, b.mass,
                         b.restricted());
        for (std::size_t j = 0; j < b.lower.size(); ++j)
          f << fmt::format(",{:.10g},{:.10g},{:.6g},{:.6g}", b.lower[j], b.upper[j],
                           b.quasi_p_lower[j], b.quasi_p_upper[j]);
        f << "\n";
      }
  });
}

int discover_command(DiscoverArgs& a) {
  auto& o = a.options;
  if (!a.output.empty()) {
    engine::check_output_path(a.output, "-o");
    engine::check_not_an_input(a.output, "-o", {o.input, o.outputs_csv});
  }
  o.prim.objective = a.objective == "original" ? experiments::PrimObjective::Original
                                               : experiments::PrimObjective::Lenient1;
  const auto r = experiments::discover(o);
  const std::size_t hits =
      r.searches.front().hits;  // the first search starts from every point used
  fmt::print("{}: {} points x {} replications; \"{}\" holds", printable(o.input), r.design.points(),
             r.replications, printable(r.where));
  if (r.replications > 1)
    fmt::print(" in at least {:.0f}% of the replications", 100 * o.probability);
  fmt::print(" at {} of {} points ({:.0f}%)", hits, r.used_points.size(),
             100.0 * double(hits) / double(r.used_points.size()));
  if (r.used_points.size() < r.design.points())
    fmt::print("; {} points left out (a failed run or a missing output)",
               r.design.points() - r.used_points.size());
  fmt::print("\n");
  if (hits == 0) {
    fmt::print("no point meets the condition: there is no box to find\n");
  } else {
    for (std::size_t i = 0; i < r.searches.size(); ++i) {
      print_box(r, i);
      print_tradeoff(r.searches[i]);
    }
  }
  if (!a.output.empty()) {
    write_csv(a.output, r);
    fmt::print("wrote {}\n", a.output);
  }
  return 0;
}

}  // namespace

Command add_discover_command(CLI::App& app) {
  auto a = std::make_shared<DiscoverArgs>();
  auto& o = a->options;
  auto* cmd = app.add_subcommand(
      "discover", "PRIM boxes of parameter space where a condition on the outputs holds");
  cmd->add_option("input", o.input, "SWEEP.h5, or DESIGN.h5 with --outputs")
      ->required()
      ->check(regular_file());
  cmd->add_option("--outputs", o.outputs_csv,
                  "CSV with one column per output, rows in design order")
      ->check(regular_file());
  cmd->add_option("--where", o.where,
                  "condition, e.g. \"output:2025 >= 1600 and policy_cost:2025 <= 200\"")
      ->required();
  cmd->add_option("--probability", o.probability,
                  "a point counts if the condition holds in at least this share of its "
                  "replications (default 0.5)");
  cmd->add_option("--min-density", o.prim.min_density,
                  "the chosen box: the largest coverage at least this dense (default 0.8)");
  cmd->add_option("--boxes", o.prim.boxes, "boxes to find one after another (default 1)");
  cmd->add_option("--peel-alpha", o.prim.peel_alpha, "share peeled per step (default 0.05)");
  cmd->add_option("--paste-alpha", o.prim.paste_alpha, "share pasted per step (default 0.05)");
  cmd->add_option("--mass-min", o.prim.mass_min, "smallest box, share of points (default 0.05)");
  cmd->add_option("--objective", a->objective, "lenient1 (default) | original")
      ->check(CLI::IsMember({"lenient1", "original"}));
  cmd->add_option("-o,--output", a->output, "write every box of the trajectories as CSV");
  return {cmd, [a](const std::string&) { return discover_command(*a); }};
}

}  // namespace parksim::cli
