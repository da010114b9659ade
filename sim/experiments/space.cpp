// Parameter spaces: validation against the parameter dictionary, unit-cube mapping, overrides.
#include "parksim/experiments/space.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
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
  if (parts.size() == 2) {
    section = parts[0];
    key = parts[1];
  } else if (parts.size() == 3) {
    section = parts[0] + ".*";
    key = parts[2];
  } else
    return nullptr;
  for (const auto& e : dict)
    if (e.section == section && e.key == key) return &e;
  return nullptr;
}

bool numeric(ValueKind k) {
  return k == ValueKind::Real || k == ValueKind::Integer || k == ValueKind::Money ||
         k == ValueKind::Area || k == ValueKind::Rate || k == ValueKind::Change;
}

// A value written as in scenario files ("30%", "3000万", "12 km2", 0.5) in the key's internal unit.
double parse_value(ValueKind kind, const toml::node& node) {
  if (const auto* s = node.as_string()) {
    const std::string& t = s->get();
    switch (kind) {
      case ValueKind::Money:
        return units::parse_money(t);
      case ValueKind::Area:
        return units::parse_area(t);
      case ValueKind::Rate:
        return units::parse_rate(t);
      case ValueKind::Change:
        return units::parse_change(t);
      default:
        throw units::UnitError(fmt::format("expected a number, got \"{}\"", t));
    }
  }
  const auto v = node.value<double>();
  if (!v) throw units::UnitError("expected a number or a quantity written as in scenario files");
  if (kind == ValueKind::Area) throw units::UnitError("an area needs its unit, e.g. \"12 km2\"");
  if (kind == ValueKind::Rate) return units::rate_from_number(*v);
  return *v;
}

// Why a normal distribution does not fit the key's allowed range, or "" when it does: its 0.1% and
// 99.9% quantiles must lie inside, so that clamping (value_at) moves at most 0.1% of the draws at
// each end. A looser rule would turn a visible share of a design into the range's end values.
std::string normal_outside_range(const Parameter& p) {
  const double z = 3.090232306167813;  // standard normal 99.9% quantile
  const double lo = p.mean - z * p.sd, hi = p.mean + z * p.sd;
  if (lo >= p.min && hi <= p.max) return "";
  return fmt::format(
      "normal(mean {:g}, sd {:g}) has its 0.1% and 99.9% quantiles at {:g} and {:g}, outside the "
      "range "
      "{:g}..{:g} that {} allows; use a smaller sd or a uniform range",
      p.mean, p.sd, lo, hi, p.min, p.max, p.path);
}

// A string as a TOML basic string.
std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\')
      out += fmt::format("\\{}", c);
    else if ((unsigned char)c < 0x20 || c == 0x7f)
      out += fmt::format("\\u{:04x}", int((unsigned char)c));
    else
      out += c;
  }
  return out + "\"";
}

// A value in the key's internal unit as parse_value reads it back.
std::string toml_value(ValueKind kind, double v) {
  return kind == ValueKind::Area ? fmt::format("\"{:.17g} m2\"", v) : fmt::format("{:.17g}", v);
}

}  // namespace

std::string format_space(const Space& space) {
  std::string text = space.scenario_keys ? "" : "scenario_keys = false\n";
  for (const auto& p : space.parameters) {
    text += fmt::format("\n[[parameter]]\npath = {}\n", toml_string(p.path));
    if (p.name != p.path) text += fmt::format("name = {}\n", toml_string(p.name));
    text += fmt::format("distribution = \"{}\"\n", distribution_name(p.distribution));
    switch (p.distribution) {
      case Distribution::Uniform:
      case Distribution::LogUniform:
        text += fmt::format("low = {}\nhigh = {}\n", toml_value(p.kind, p.low),
                            toml_value(p.kind, p.high));
        break;
      case Distribution::Normal:
        text += fmt::format("mean = {}\nsd = {}\n", toml_value(p.kind, p.mean),
                            toml_value(p.kind, p.sd));
        break;
      case Distribution::Levels: {
        std::vector<std::string> values;
        for (double v : p.levels) values.push_back(toml_value(p.kind, v));
        text += fmt::format("levels = [{}]\n", fmt::join(values, ", "));
        break;
      }
    }
  }
  return text;
}

const char* distribution_name(Distribution d) {
  switch (d) {
    case Distribution::Uniform:
      return "uniform";
    case Distribution::LogUniform:
      return "log_uniform";
    case Distribution::Normal:
      return "normal";
    case Distribution::Levels:
      return "levels";
  }
  return "uniform";
}

double Parameter::value_at(double u) const {
  double v = low;
  switch (distribution) {
    case Distribution::Uniform:
      v = low + u * (high - low);
      break;
    case Distribution::LogUniform:
      v = low * std::pow(high / low, u);
      break;
    case Distribution::Normal: {
      const double p = std::clamp(u, 1e-12, 1.0 - 1e-12);
      v = std::clamp(mean + sd * std::sqrt(2.0) * boost::math::erf_inv(2.0 * p - 1.0), min, max);
      break;
    }
    case Distribution::Levels: {
      const auto k =
          std::min(levels.size() - 1, std::size_t(std::max(0.0, u) * double(levels.size())));
      v = levels[k];
      break;
    }
  }
  if (kind == ValueKind::Integer) v = std::round(v);
  return v;
}

std::string Parameter::override_for(double value) const {
  switch (kind) {
    case ValueKind::Area:
      return fmt::format("{}=\"{:.17g} m2\"", path, value);
    case ValueKind::Integer:
      return fmt::format("{}={}", path, std::llround(value));
    default:
      return fmt::format("{}={:.17g}", path, value);
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
      problem(&v, std::string(k.str()),
              "unknown key; a space file holds [[parameter]] tables and optionally scenario_keys");
  // scenario_keys = false: free parameter names, for designs evaluated outside parksim.
  space.scenario_keys = root["scenario_keys"].value_or(true);
  const auto* list = root["parameter"].as_array();
  if (!list || list->empty())
    problem(nullptr, "parameter", "a space needs at least one [[parameter]] table");
  const std::vector<std::string> allowed = {"path", "name", "distribution", "low",
                                            "high", "mean", "sd",           "levels"};
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    const std::string at = fmt::format("parameter[{}]", i);
    const auto* t = (*list)[i].as_table();
    if (!t) {
      problem(&(*list)[i], at, "must be a table ([[parameter]])");
      continue;
    }
    for (auto&& [k, v] : *t)
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end())
        problem(&v, at + "." + std::string(k.str()),
                "unknown key; allowed: path, name, distribution, low, high, mean, sd, levels");
    Parameter p;
    const auto* path_node = t->get("path");
    if (!path_node || !path_node->is_string()) {
      problem(path_node ? path_node : &(*list)[i], at + ".path",
              "required: the scenario key to vary, e.g. \"model.innovation_rate\"");
      continue;
    }
    p.path = path_node->as_string()->get();
    p.name =
        t->get("name") && t->get("name")->is_string() ? t->get("name")->as_string()->get() : p.path;
    if (space.scenario_keys) {
      const auto* entry = find_entry(p.path);
      if (!entry || !numeric(entry->kind)) {
        problem(path_node, at + ".path",
                fmt::format("\"{}\" is not a numeric scenario parameter (see docs/parameters.md; "
                            "scenario_keys = false allows free names)",
                            p.path));
        continue;
      }
      p.kind = entry->kind;
      p.min = entry->min;
      p.max = entry->max;
      p.unit = entry->unit;
    }
    const std::string dist = t->get("distribution") && t->get("distribution")->is_string()
                                 ? t->get("distribution")->as_string()->get()
                                 : "uniform";
    const std::vector<std::pair<std::string, Distribution>> dists = {
        {"uniform", Distribution::Uniform},
        {"log_uniform", Distribution::LogUniform},
        {"normal", Distribution::Normal},
        {"levels", Distribution::Levels}};
    bool known = false;
    for (const auto& [n, d] : dists)
      if (n == dist) {
        p.distribution = d;
        known = true;
      }
    if (!known) {
      problem(t->get("distribution"), at + ".distribution",
              fmt::format("\"{}\" is not allowed; allowed: uniform, log_uniform, normal, levels",
                          dist));
      continue;
    }
    auto number = [&](const char* key, double& out) {
      const auto* n = t->get(key);
      if (!n) {
        problem(&(*list)[i], at + "." + key, fmt::format("required for a {} parameter", dist));
        return false;
      }
      try {
        out = parse_value(p.kind, *n);
      } catch (const units::UnitError& e) {
        problem(n, at + "." + key, e.what());
        return false;
      }
      if (!std::isfinite(out)) {
        problem(n, at + "." + key, "must be a finite number");
        return false;
      }
      return true;
    };
    bool ok = true;
    if (p.distribution == Distribution::Uniform || p.distribution == Distribution::LogUniform) {
      ok = number("low", p.low) && number("high", p.high);
      if (ok && !(p.high > p.low)) {
        problem(t->get("high"), at + ".high", "high must be above low");
        ok = false;
      }
      if (ok && p.distribution == Distribution::LogUniform && !(p.low > 0)) {
        problem(t->get("low"), at + ".low", "a log_uniform range must be positive");
        ok = false;
      }
    } else if (p.distribution == Distribution::Normal) {
      ok = number("mean", p.mean) && number("sd", p.sd);
      if (ok && !(p.sd > 0)) {
        problem(t->get("sd"), at + ".sd", "sd must be positive");
        ok = false;
      }
      if (ok && !normal_outside_range(p).empty()) {
        problem(t->get("sd"), at + ".sd", normal_outside_range(p));
        ok = false;
      }
    } else {
      const auto* arr = t->get("levels") ? t->get("levels")->as_array() : nullptr;
      if (!arr || arr->empty()) {
        problem(t->get("levels") ? t->get("levels") : &(*list)[i], at + ".levels",
                "a levels parameter needs a non-empty list of values");
        ok = false;
      }
      for (std::size_t k = 0; arr && k < arr->size(); ++k) {
        try {
          p.levels.push_back(parse_value(p.kind, (*arr)[k]));
        } catch (const units::UnitError& e) {
          problem(&(*arr)[k], at + ".levels", e.what());
          ok = false;
        }
        if (ok && !std::isfinite(p.levels.back())) {
          problem(&(*arr)[k], at + ".levels", "must be finite numbers");
          ok = false;
        }
      }
    }
    for (const auto& q : space.parameters)
      if (q.path == p.path) {
        problem(path_node, at + ".path", fmt::format("\"{}\" appears twice", p.path));
        ok = false;
      }
    if (ok) space.parameters.push_back(std::move(p));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return space;
}

}  // namespace parksim::experiments
