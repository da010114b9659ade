// Method of simulated moments over LHS rounds; the fitted overlay and the fit table.
#include "parksim/experiments/calibrate.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "csv.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/engine/output_file.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/units.hpp"

namespace parksim::experiments {

namespace fs = std::filesystem;

namespace {

// One figure row (cells already split); problems are added with the row and the column number.
void read_figure(const std::vector<std::string>& c, const std::string& path, int row,
                 std::vector<InputProblem>& problems, std::vector<Figure>& out) {
  const std::size_t before = problems.size();
  auto bad = [&](int column, const char* key, const std::string& msg) {
    problems.push_back({path, row, column, key, msg});
  };
  Figure f;
  f.target.metric = c[0];
  f.target.zone = c[1];
  f.target.sector = c[2];
  const auto year = csv::number<int>(c[3]);
  const auto value = csv::number<double>(c[4]);
  const auto tolerance = csv::number<double>(c[5]);
  if (!year)
    bad(4, "year", fmt::format("\"{}\" is not a year (a whole number such as 2017)", c[3]));
  if (!value || !std::isfinite(*value))
    bad(5, "value", fmt::format("\"{}\" is not a finite number", c[4]));
  if (!tolerance || !(*tolerance > 0) || !std::isfinite(*tolerance))
    bad(6, "tolerance", fmt::format("\"{}\" is not a positive number", c[5]));
  if (c[6] != "relative" && c[6] != "absolute")
    bad(7, "tolerance_kind",
        fmt::format("\"{}\" is not allowed; allowed: relative, absolute", c[6]));
  // A tolerance relative to 0 is no tolerance: every model value would be infinitely far off.
  if (value && *value == 0 && c[6] == "relative")
    bad(7, "tolerance_kind",
        "a figure of 0 needs an absolute tolerance (a relative one divides by the figure)");
  if (problems.size() != before) return;
  f.target.year = *year;
  f.target.value = *value;
  f.tolerance = *tolerance;
  f.relative = c[6] == "relative";
  out.push_back(f);
}

}  // namespace

std::vector<Figure> read_figures(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError({{path, 0, 0, "", "cannot read the figures file"}});
  std::string line;
  std::getline(in, line);
  const std::string expected = "metric,zone,sector,year,value,tolerance,tolerance_kind";
  if (line.rfind(expected, 0) != 0)
    throw InputError({{path, 1, 1, "", fmt::format("the header must start with {}", expected)}});
  std::vector<Figure> out;
  std::vector<InputProblem> problems;
  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r" || line[0] == '#') continue;
    const auto c = csv::cells(line);
    if (c.size() < 7) {
      problems.push_back(
          {path, row, 1, "", "a row needs metric,zone,sector,year,value,tolerance,tolerance_kind"});
      continue;
    }
    read_figure(c, path, row, problems, out);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  if (out.empty()) throw InputError({{path, 0, 0, "", "no figures"}});
  return out;
}

// A public figure of an annual flow (output, patents, shares of output...) is a whole year's; the
// model's value for a partial first or last year covers only some months, so the two cannot be
// compared. Levels (firms, talent...) are read at the year's last simulated month and are accepted.
void check_figure_years(const std::vector<Figure>& figures, const model::Scenario& sc,
                        const std::string& path) {
  std::vector<std::string> bad;
  for (const auto& f : figures) {
    const auto m = model::year_months(sc.info.start, sc.info.end, f.target.year);
    // An unknown metric has no time kind here; parse_metrics reports it with the allowed names.
    if (m.partial() && model::metric_time(f.target.metric) == model::MetricTime::Annual)
      bad.push_back(fmt::format("{} {}: the horizon ({}..{}) has only {} of {}", f.target.metric,
                                f.target.year, units::format_month(sc.info.start),
                                units::format_month(sc.info.end), model::month_range(m),
                                f.target.year));
  }
  if (!bad.empty())
    throw Error(fmt::format(
        "{}: an annual figure cannot be compared with part of a year: {}; use figures of full "
        "years, or a scenario whose horizon covers the whole year",
        path, fmt::join(bad, "; ")));
}

namespace {

double scaled_error(const Figure& f, double model) {
  return f.relative ? (model / f.target.value - 1.0) / f.tolerance
                    : (model - f.target.value) / f.tolerance;
}

// The space narrowed to a box of half-width `half` (in unit coordinates) around `centre`.
Space narrowed(const Space& s, const std::vector<double>& centre, double half) {
  Space out = s;
  for (std::size_t d = 0; d < s.parameters.size(); ++d) {
    auto& p = out.parameters[d];
    if (p.distribution != Distribution::Uniform && p.distribution != Distribution::LogUniform)
      continue;
    const double lo = std::max(0.0, centre[d] - half), hi = std::min(1.0, centre[d] + half);
    const double a = s.parameters[d].value_at(lo), b = s.parameters[d].value_at(hi);
    p.low = a;
    p.high = b;
  }
  // The round's design stores its space: the narrowed one it was drawn from, not the original.
  out.text =
      fmt::format("# {} narrowed by parksim calibrate to half-width {} around the best point\n{}",
                  s.source, half, format_space(out));
  return out;
}

// A file of round `round` (1-based) beside the output: FIT.roundK.design.h5, FIT.roundK.sweep.h5.
// The one spelling of these paths, for writing, resuming and reading alike.
std::string round_file(const std::string& output, int round, const char* kind) {
  const fs::path out(output);
  return fmt::format("{}.round{}.{}.h5", (out.parent_path() / out.stem()).string(), round, kind);
}

// Runs a round's design (unless --resume finds its sweep finished) and returns the moments:
// [figure][point], each figure's metric averaged over the replications.
std::vector<std::vector<double>> run_round(const CalibrateOptions& o, const Design& design,
                                           int round, const std::vector<std::string>& metrics,
                                           std::size_t& runs) {
  const std::string design_path = round_file(o.output, round, "design");
  const std::string sweep_path = round_file(o.output, round, "sweep");
  if (!(o.resume && fs::exists(sweep_path))) {
    write_design(design, design_path);
    SweepOptions so;
    so.scenario = o.scenario;
    so.sets = o.sets;
    so.overlays = o.overlays;
    so.design = design_path;
    so.output = sweep_path;
    so.replications = o.replications;
    so.metrics = metrics;
    so.threads = o.threads;
    so.resume = o.resume;
    runs += run_sweep(so).runs;
  }
  std::vector<std::vector<double>> moments;
  for (const auto& m : metrics) moments.push_back(sweep_output(sweep_path, m));
  for (const auto& m : moments)
    if (m.size() != design.points())
      throw Error(fmt::format(
          "{}: {} points, but round {} has {}; remove the round files or run without --resume",
          sweep_path, m.size(), round, design.points()));
  return moments;
}

// The fitted overlay: the best values as dotted keys, with the fit as comments.
void write_overlay(const CalibrateOptions& o, const Space& original, const CalibrateResult& best) {
  engine::write_text_output(o.output, " the fitted overlay", [&](std::ostream& f) {
    f << fmt::format("# Fitted by parksim calibrate: {} against {}{}\n", o.scenario, o.figures,
                     o.through > 0 ? fmt::format(" (figures up to {})", o.through) : "");
    f << fmt::format(
        "# {} LHS rounds of {} points x {} replications; loss {:.4g} (sum of squared errors in "
        "tolerances)\n",
        o.rounds, o.points, o.replications, best.loss);
    for (const auto& r : best.fit)
      f << fmt::format(
          "# {} {}: public {:.6g}, model {:.6g}, error {:+.4g}{} ({})\n", r.figure.target.metric,
          r.months.partial() ? fmt::format("{} ({} only)", model::year_label(r.months),
                                           model::month_range(r.months))
                             : model::year_label(r.months),
          r.figure.target.value, r.model, r.figure.relative ? 100 * r.error : r.error,
          r.figure.relative ? "%" : "", r.met ? "within tolerance" : "OUTSIDE tolerance");
    for (std::size_t d = 0; d < best.best.size(); ++d) {
      const auto line = original.parameters[d].override_for(best.best[d].second);
      const auto eq = line.find('=');
      f << line.substr(0, eq) << " = " << line.substr(eq + 1) << "\n";
    }
  });
}

// Makes `p` of `design` the best point if its loss is lower (NaN losses never are).
void consider(const Design& design, std::size_t p, const std::vector<Figure>& figures,
              const Space& original, const std::vector<std::vector<double>>& moments,
              CalibrateResult& best, std::vector<double>& best_unit) {
  double loss = 0;
  for (std::size_t k = 0; k < figures.size(); ++k)
    loss += std::pow(scaled_error(figures[k], moments[k][p]), 2);
  if (!(loss < best.loss)) return;
  best.loss = loss;
  best.best.clear();
  best_unit.assign(design.dims(), 0.0);
  for (std::size_t d = 0; d < design.dims(); ++d) {
    best.best.emplace_back(design.space.parameters[d].path, design.value[p][d]);
    // The box of the next round is centred in the ORIGINAL space's coordinates.
    const auto& orig = original.parameters[d];
    const double v = design.value[p][d];
    best_unit[d] = orig.distribution == Distribution::LogUniform
                       ? std::log(v / orig.low) / std::log(orig.high / orig.low)
                   : orig.distribution == Distribution::Uniform
                       ? (v - orig.low) / (orig.high - orig.low)
                       : design.unit[p][d];
  }
  best.fit.clear();
  for (std::size_t k = 0; k < figures.size(); ++k) {
    FitRow row;
    row.figure = figures[k];
    row.model = moments[k][p];
    row.error = figures[k].relative ? row.model / figures[k].target.value - 1.0
                                    : row.model - figures[k].target.value;
    row.met = std::abs(row.error) <= figures[k].tolerance;
    best.fit.push_back(row);
  }
}

}  // namespace

// The figures a calibration fits: all, or those up to --through (later years are held out for
// `parksim validate`, issue 14's rule: fit on 2015-2017, judge on 2018).
std::vector<Figure> fitted_figures(const CalibrateOptions& o) {
  auto figures = read_figures(o.figures);
  if (o.through <= 0) return figures;
  std::erase_if(figures, [&](const Figure& f) { return f.target.year > o.through; });
  if (figures.empty())
    throw InputError({{o.figures, 0, 0, "year",
                       fmt::format("no figure of a year up to --through {}", o.through)}});
  return figures;
}

CalibrateResult calibrate(const CalibrateOptions& o) {
  const auto figures = fitted_figures(o);
  const model::Scenario base =
      model::load_scenario(o.scenario, o.sets, o.overlays);  // for its horizon
  check_figure_years(figures, base, o.figures);
  const Space original = load_space(o.space);
  // Found now rather than after every round has run.
  if (fs::is_directory(o.output))
    throw OutputError(
        fmt::format("{}: is a directory; -o names the fitted overlay file", o.output));
  Space space = original;
  std::vector<std::string> metrics;
  for (const auto& f : figures) metrics.push_back(metric_spec(f.target));
  CalibrateResult best;
  best.loss = std::numeric_limits<double>::infinity();
  std::vector<double> best_unit;
  for (int round = 0; round < std::max(1, o.rounds); ++round) {
    if (round > 0) space = narrowed(space, best_unit, 0.25);
    const auto design = make_design(space, Method::Lhs, o.points, o.seed + std::uint64_t(round));
    const auto moments = run_round(o, design, round + 1, metrics, best.runs);
    for (std::size_t p = 0; p < design.points(); ++p)
      consider(design, p, figures, original, moments, best, best_unit);
    if (best.best.empty())
      throw Error(fmt::format(
          "round {}: no point gave finite values for all the figures' metrics (NaN or infinite "
          "moments; see {})",
          round + 1, round_file(o.output, round + 1, "sweep")));
  }
  for (auto& row : best.fit)
    row.months = model::year_months(base.info.start, base.info.end, row.figure.target.year);
  write_overlay(o, original, best);
  return best;
}

}  // namespace parksim::experiments
