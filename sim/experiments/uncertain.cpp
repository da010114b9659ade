// Parameter uncertainty in a run: checks of the space, the draws, the per-replication scenarios
// and the "uncertain" group of the run's file.
#include "parksim/experiments/uncertain.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <numeric>

#include "parksim/engine/error.hpp"

namespace parksim::experiments {

const std::vector<std::string>& behavioural_sections() {
  static const std::vector<std::string> sections = {"model", "talent", "funds"};
  return sections;
}

namespace {

// Where the keys of a space's [[parameter]] tables are: load_space keeps no positions, so the text
// (which it has already validated) is parsed again.
class SpaceLocator {
 public:
  explicit SpaceLocator(const Space& space) : path_(space.source) {
    try {
      root_ = toml::parse(space.text, space.source);
    } catch (const toml::parse_error&) {  // a space built in code: no positions to give
    }
  }

  InputProblem problem(std::size_t index, const std::string& key, std::string message) const {
    const toml::node* node = nullptr;
    if (const auto* list = root_["parameter"].as_array(); list && index < list->size()) {
      node = &(*list)[index];
      if (const auto* t = node->as_table(); t && t->get(key)) node = t->get(key);
    }
    const int line = node ? int(node->source().begin.line) : 0;
    const int column = node ? int(node->source().begin.column) : 0;
    return {path_, line, column, fmt::format("parameter[{}].{}", index, key), std::move(message)};
  }

 private:
  std::string path_;
  toml::table root_;
};

// The section of a path ("model" of "model.entry_rate_per_year"), and whether it is behavioural.
bool behavioural(const std::string& path) {
  const auto dot = path.find('.');
  if (dot == std::string::npos || path.find('.', dot + 1) != std::string::npos) return false;
  const auto& allowed = behavioural_sections();
  return std::find(allowed.begin(), allowed.end(), path.substr(0, dot)) != allowed.end();
}

std::string not_behavioural_message(const std::string& path) {
  return fmt::format(
      "\"{}\" is not a behavioural parameter; run --uncertain draws keys of [model], [talent] and "
      "[funds] only: programme terms are the documents' numbers and the policy under study (vary "
      "them with sample and sweep), zones and sectors hold public figures",
      path);
}

// Problems of a parameter's range against the dictionary's allowed range (a normal distribution
// is already checked by parse_space; its rare draws beyond the range are clamped).
void check_range(const Parameter& p, std::size_t i, const SpaceLocator& where,
                 std::vector<InputProblem>& problems) {
  auto outside = [&](double v) { return v < p.min || v > p.max; };
  auto say = [&](const char* key, double v) {
    problems.push_back(where.problem(
        i, key,
        fmt::format("{:g} lies outside {:g}..{:g}, the range {} allows (docs/parameters.md)", v,
                    p.min, p.max, p.path)));
  };
  switch (p.distribution) {
    case Distribution::Uniform:
    case Distribution::LogUniform:
      if (outside(p.low)) say("low", p.low);
      if (outside(p.high)) say("high", p.high);
      break;
    case Distribution::Levels:
      for (double v : p.levels)
        if (outside(v)) say("levels", v);
      break;
    case Distribution::Normal:
      break;
  }
}

// The key a --set override names ("model.x" of " model.x = 0.3").
std::string set_key(const std::string& set) {
  std::string key = set.substr(0, set.find('='));
  const auto first = key.find_first_not_of(" \t"), last = key.find_last_not_of(" \t");
  return first == std::string::npos ? std::string() : key.substr(first, last - first + 1);
}

std::vector<InputProblem> space_problems(const Space& space, const std::vector<std::string>& sets) {
  const SpaceLocator where(space);
  std::vector<InputProblem> problems;
  if (!space.scenario_keys)
    problems.push_back({space.source, 0, 0, "scenario_keys",
                        "an uncertain run draws scenario keys: scenario_keys = false is not "
                        "allowed"});
  for (std::size_t i = 0; space.scenario_keys && i < space.parameters.size(); ++i) {
    const auto& p = space.parameters[i];
    if (!behavioural(p.path)) {
      problems.push_back(where.problem(i, "path", not_behavioural_message(p.path)));
      continue;
    }
    check_range(p, i, where, problems);
    for (const auto& s : sets)
      if (set_key(s) == p.path)
        problems.push_back(where.problem(
            i, "path",
            fmt::format("is also fixed by --set {}: a drawn parameter cannot be set too (drop "
                        "one of them)",
                        s)));
  }
  return problems;
}

}  // namespace

UncertainDraws draw_uncertain(const Space& space, int replications, std::uint64_t seed,
                              const std::vector<std::string>& sets) {
  auto problems = space_problems(space, sets);
  if (replications < 2)
    problems.push_back({"command line", 0, 0, "-R",
                        fmt::format("an uncertain run needs at least 2 replications, one draw "
                                    "each (got {}); allowed: 2 .. 100000",
                                    replications)});
  if (!problems.empty()) throw InputError(std::move(problems));
  UncertainDraws d;
  d.design = make_design(space, Method::Lhs, replications, seed);
  if (std::size_t(replications) < space.parameters.size())
    d.warnings.push_back(fmt::format(
        "{} draws of {} parameters: each parameter still covers all {} strata, but pairs of "
        "parameters are thinly covered; more replications give steadier intervals",
        replications, space.parameters.size(), replications));
  return d;
}

std::vector<model::Scenario> uncertain_scenarios(const UncertainDraws& draws,
                                                 const std::string& scenario,
                                                 const std::vector<std::string>& sets,
                                                 const std::vector<std::string>& overlays) {
  std::vector<model::Scenario> out;
  out.reserve(draws.design.points());
  for (std::size_t r = 0; r < draws.design.points(); ++r) {
    auto with_draws = sets;
    for (const auto& s : draws.design.overrides(r)) with_draws.push_back(s);
    out.push_back(model::load_scenario(scenario, with_draws, overlays));
  }
  return out;
}

std::string uncertainty_label(const UncertainDraws& draws) {
  const std::size_t k = draws.design.dims();
  return fmt::format("stochastic and parameter uncertainty ({} parameter{}, LHS, {} draws)", k,
                     k == 1 ? "" : "s", draws.design.points());
}

void write_uncertain_group(engine::h5::Writer& w, const UncertainDraws& draws) {
  namespace h5 = engine::h5;
  const auto& d = draws.design;
  const std::string g = "uncertain";
  std::vector<std::int64_t> reps(d.points());
  std::iota(reps.begin(), reps.end(), 0);
  std::vector<std::string> paths, names, units, dists;
  for (const auto& p : d.space.parameters) {
    paths.push_back(p.path);
    names.push_back(p.name);
    units.push_back(p.unit);
    dists.push_back(distribution_name(p.distribution));
  }
  w.add_dimension(g, {"replication",
                      reps,
                      {},
                      false,
                      true,
                      {{"long_name", std::string("replication number (one draw each)")}}});
  w.add_dimension(g, {"parameter", {}, paths, false, false, {}});
  auto strings = [&](const char* name, const std::vector<std::string>& v, const char* what) {
    w.create_variable(
        g, {name, {"parameter"}, h5::Type::String, "1", {{"long_name", std::string(what)}}});
    w.write(g, name, v);
  };
  strings("parameter_name", names, "short name of the parameter");
  strings("parameter_units", units, "unit of the parameter's values");
  strings("distribution", dists, "distribution the draws follow");
  std::vector<double> unit, value;
  for (std::size_t i = 0; i < d.points(); ++i) {
    unit.insert(unit.end(), d.unit[i].begin(), d.unit[i].end());
    value.insert(value.end(), d.value[i].begin(), d.value[i].end());
  }
  w.create_variable(g, {"value",
                        {"replication", "parameter"},
                        h5::Type::Float64,
                        "see parameter_units",
                        {{"long_name", std::string("parameter value each replication ran with")}}});
  w.write(g, "value", value);
  w.create_variable(g, {"unit",
                        {"replication", "parameter"},
                        h5::Type::Float64,
                        "1",
                        {{"long_name", std::string("LHS coordinates in the unit cube")}}});
  w.write(g, "unit", unit);
  const std::vector<h5::Attr> attrs = {
      {"method", std::string("lhs")},      {"seed", std::int64_t(d.seed)},
      {"draws", std::int64_t(d.points())}, {"space", d.space.text},
      {"space_path", d.space.source},      {"uncertainty", uncertainty_label(draws)},
  };
  for (const auto& a : attrs) w.set_attribute(g, "", a);
}

}  // namespace parksim::experiments
