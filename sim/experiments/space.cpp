// Parameter spaces: validation against the parameter dictionary, unit-cube mapping, overrides.
#include "parksim/experiments/space.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "parksim/engine/error.hpp"
#include "parksim/model/input_text.hpp"
#include "parksim/model/units.hpp"

namespace parksim::experiments {

namespace {

using model::ValueKind;

// The dictionary entry of a dotted scenario path: "model.x", "zones.<id>.x", "programmes.<id>.x".
const model::ParamInfo* find_entry(const std::string& path) {
  static const auto dict = model::parameter_dictionary();
  std::vector<std::string> parts;
  std::stringstream ss(path);
  for (std::string p; std::getline(ss, p, '.');) parts.push_back(p);
  std::string section, key;
  if (parts.size() == 2) { section = parts[0]; key = parts[1]; }
  else if (parts.size() == 3) { section = parts[0] + ".*"; key = parts[2]; }
  else return nullptr;
  for (const auto& e : dict)
    if (e.section == section && e.key == key) return &e;
  return nullptr;
}

bool numeric(ValueKind k) {
  return k == ValueKind::Real || k == ValueKind::Integer || k == ValueKind::Money || k == ValueKind::Area ||
         k == ValueKind::Rate || k == ValueKind::Change;
}

// A value written as in scenario files ("30%", "3000万", "12 km2", 0.5) in the key's internal unit.
double parse_value(ValueKind kind, const toml::node& node) {
  if (const auto* s = node.as_string()) {
    const std::string& t = s->get();
    switch (kind) {
      case ValueKind::Money: return units::parse_money(t);
      case ValueKind::Area: return units::parse_area(t);
      case ValueKind::Rate: return units::parse_rate(t);
      case ValueKind::Change: return units::parse_change(t);
      default: throw units::UnitError(fmt::format("expected a number, got \"{}\"", t));
    }
  }
  const auto v = node.value<double>();
  if (!v) throw units::UnitError("expected a number or a quantity written as in scenario files");
  if (kind == ValueKind::Area) throw units::UnitError("an area needs its unit, e.g. \"12 km2\"");
  if (kind == ValueKind::Rate) return units::rate_from_number(*v);
  return *v;
}

}  // namespace

const char* distribution_name(Distribution d) {
  switch (d) {
    case Distribution::Uniform: return "uniform";
    case Distribution::LogUniform: return "log_uniform";
    case Distribution::Normal: return "normal";
    case Distribution::Levels: return "levels";
  }
  return "uniform";
}

double Parameter::value_at(double u) const {
  double v = low;
  switch (distribution) {
    case Distribution::Uniform: v = low + u * (high - low); break;
    case Distribution::LogUniform: v = low * std::pow(high / low, u); break;
    case Distribution::Normal: {
      const double p = std::clamp(u, 1e-12, 1.0 - 1e-12);
      v = mean + sd * std::sqrt(2.0) * boost::math::erf_inv(2.0 * p - 1.0);
      break;
    }
    case Distribution::Levels: {
      const auto k = std::min(levels.size() - 1, std::size_t(std::max(0.0, u) * double(levels.size())));
      v = levels[k];
      break;
    }
  }
  if (kind == ValueKind::Integer) v = std::round(v);
  return v;
}

std::string Parameter::override_for(double value) const {
  switch (kind) {
    case ValueKind::Area: return fmt::format("{}=\"{:.17g} m2\"", path, value);
    case ValueKind::Integer: return fmt::format("{}={}", path, std::llround(value));
    default: return fmt::format("{}={:.17g}", path, value);
  }
}

Space load_space(const std::string& path) {
  return parse_space(model::read_input_text(path, "space file"), path);
}

Space parse_space(const std::string& text, const std::string& path) {
  Space space;
  space.source = path;
  space.text = text;
  toml::table root;
  model::check_toml_nesting(space.text, path);  // before toml++ builds a tree too deep to destroy
  try {
    root = toml::parse(space.text, path);
  } catch (const toml::parse_error& e) {
    throw InputError({{path, int(e.source().begin.line), int(e.source().begin.column), "",
                       fmt::format("TOML syntax error: {}", e.description())}});
  }
  std::vector<InputProblem> problems;
  auto problem = [&](const toml::node* n, const std::string& key, const std::string& msg) {
    const auto& src = n ? n->source() : root.source();
    problems.push_back({path, int(src.begin.line), int(src.begin.column), key, msg});
  };
  for (auto&& [k, v] : root)
    if (k.str() != "parameter" && k.str() != "scenario_keys")
      problem(&v, std::string(k.str()), "unknown key; a space file holds [[parameter]] tables and optionally scenario_keys");
  // scenario_keys = false: free parameter names, for designs evaluated outside parksim.
  space.scenario_keys = root["scenario_keys"].value_or(true);
  const auto* list = root["parameter"].as_array();
  if (!list || list->empty()) problem(nullptr, "parameter", "a space needs at least one [[parameter]] table");
  const std::vector<std::string> allowed = {"path", "name", "distribution", "low", "high", "mean", "sd", "levels"};
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    const std::string at = fmt::format("parameter[{}]", i);
    const auto* t = (*list)[i].as_table();
    if (!t) { problem(&(*list)[i], at, "must be a table ([[parameter]])"); continue; }
    for (auto&& [k, v] : *t)
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end())
        problem(&v, at + "." + std::string(k.str()), "unknown key; allowed: path, name, distribution, low, high, mean, sd, levels");
    Parameter p;
    const auto* path_node = t->get("path");
    if (!path_node || !path_node->is_string()) { problem(path_node ? path_node : &(*list)[i], at + ".path", "required: the scenario key to vary, e.g. \"model.innovation_rate\""); continue; }
    p.path = path_node->as_string()->get();
    p.name = t->get("name") && t->get("name")->is_string() ? t->get("name")->as_string()->get() : p.path;
    if (space.scenario_keys) {
      const auto* entry = find_entry(p.path);
      if (!entry || !numeric(entry->kind)) {
        problem(path_node, at + ".path", fmt::format("\"{}\" is not a numeric scenario parameter (see docs/parameters.md; scenario_keys = false allows free names)", p.path));
        continue;
      }
      p.kind = entry->kind;
    }
    const std::string dist = t->get("distribution") && t->get("distribution")->is_string()
                                 ? t->get("distribution")->as_string()->get() : "uniform";
    const std::vector<std::pair<std::string, Distribution>> dists = {
        {"uniform", Distribution::Uniform}, {"log_uniform", Distribution::LogUniform},
        {"normal", Distribution::Normal}, {"levels", Distribution::Levels}};
    bool known = false;
    for (const auto& [n, d] : dists) if (n == dist) { p.distribution = d; known = true; }
    if (!known) { problem(t->get("distribution"), at + ".distribution", fmt::format("\"{}\" is not allowed; allowed: uniform, log_uniform, normal, levels", dist)); continue; }
    auto number = [&](const char* key, double& out) {
      const auto* n = t->get(key);
      if (!n) { problem(&(*list)[i], at + "." + key, fmt::format("required for a {} parameter", dist)); return false; }
      try { out = parse_value(p.kind, *n); } catch (const units::UnitError& e) { problem(n, at + "." + key, e.what()); return false; }
      return true;
    };
    bool ok = true;
    if (p.distribution == Distribution::Uniform || p.distribution == Distribution::LogUniform) {
      ok = number("low", p.low) && number("high", p.high);
      if (ok && !(p.high > p.low)) { problem(t->get("high"), at + ".high", "high must be above low"); ok = false; }
      if (ok && p.distribution == Distribution::LogUniform && !(p.low > 0)) { problem(t->get("low"), at + ".low", "a log_uniform range must be positive"); ok = false; }
    } else if (p.distribution == Distribution::Normal) {
      ok = number("mean", p.mean) && number("sd", p.sd);
      if (ok && !(p.sd > 0)) { problem(t->get("sd"), at + ".sd", "sd must be positive"); ok = false; }
    } else {
      const auto* arr = t->get("levels") ? t->get("levels")->as_array() : nullptr;
      if (!arr || arr->empty()) { problem(t->get("levels") ? t->get("levels") : &(*list)[i], at + ".levels", "a levels parameter needs a non-empty list of values"); ok = false; }
      for (std::size_t k = 0; arr && k < arr->size(); ++k) {
        try { p.levels.push_back(parse_value(p.kind, (*arr)[k])); } catch (const units::UnitError& e) { problem(&(*arr)[k], at + ".levels", e.what()); ok = false; }
      }
    }
    for (const auto& q : space.parameters)
      if (q.path == p.path) { problem(path_node, at + ".path", fmt::format("\"{}\" appears twice", p.path)); ok = false; }
    if (ok) space.parameters.push_back(std::move(p));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return space;
}

}  // namespace parksim::experiments
