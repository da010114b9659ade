// Values of the scenario loader: TOML nodes converted to the internal unit of their kind, with
// messages that say what would have been accepted.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "parksim/model/units.hpp"
#include "scenario_impl.hpp"

namespace parksim::model::detail {

namespace {

std::optional<double> as_number(const toml::node& node) {
  if (auto v = node.value<double>()) return *v;
  return std::nullopt;
}

}  // namespace

std::string plain_number(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return fmt::format("{}", std::int64_t(v));
  return fmt::format("{:g}", v);
}

std::string describe_range(double lo, double hi, const std::string& unit) {
  const bool shown = !unit.empty() && unit != "1";
  return fmt::format("allowed: {} .. {}{}{}", plain_number(lo), plain_number(hi), shown ? " " : "",
                     shown ? unit : "");
}

namespace {

const char* with_article(ValueKind kind) {
  switch (kind) {
    case ValueKind::Real:
      return "a number";
    case ValueKind::Integer:
      return "a whole number";
    case ValueKind::Money:
      return "money";
    case ValueKind::Area:
      return "an area";
    case ValueKind::Rate:
      return "a rate";
    case ValueKind::Change:
      return "a relative change";
    default:
      return kind_name(kind);
  }
}

}  // namespace

// Converts a node to the internal unit of a numeric kind; throws UnitError saying what is allowed.
double numeric_value(ValueKind kind, const toml::node& node) {
  if (node.is_string()) {
    const auto& s = node.as_string()->get();
    switch (kind) {
      case ValueKind::Money:
        return units::parse_money(s);
      case ValueKind::Area:
        return units::parse_area(s);
      case ValueKind::Rate:
        return units::parse_rate(s);
      case ValueKind::Change:
        return units::parse_change(s);
      default:
        throw units::UnitError(fmt::format("expected a number, got {}", type_name(node)));
    }
  }
  const auto n = as_number(node);
  if (!n || node.is_boolean())
    throw units::UnitError(fmt::format("expected {}, got {}", with_article(kind), type_name(node)));
  switch (kind) {
    case ValueKind::Area:
      throw units::UnitError(fmt::format(
          "an area needs its unit, e.g. \"{:g} km2\", \"{:g} ha\" or \"{:g}亩\"", *n, *n, *n));
    case ValueKind::Money:
      return units::money_from_number(*n);
    case ValueKind::Rate:
      return units::rate_from_number(*n);
    default:
      if (!std::isfinite(*n)) throw units::UnitError("value is not finite");
      return *n;
  }
}

// A month from "2015-10", "2015" or the integer 2015 (both January), within lo..hi.
int read_month(const toml::node& node, int lo, int hi) {
  int m = 0;
  if (node.is_string()) {
    m = units::parse_month(node.as_string()->get());
  } else if (node.is_integer() && *node.value<std::int64_t>() >= 1000 &&
             *node.value<std::int64_t>() <= 9999) {
    m = units::parse_month(std::to_string(*node.value<std::int64_t>()));
  } else if (node.is_date() || node.is_date_time()) {
    const auto d = node.is_date() ? node.as_date()->get() : node.as_date_time()->get().date;
    throw units::UnitError(
        fmt::format("expected a month \"YYYY-MM\", got {}: write \"{:04d}-{:02d}\"",
                    type_name(node), int(d.year), int(d.month)));
  } else {
    throw units::UnitError(fmt::format("expected a month \"YYYY-MM\", got {}", type_name(node)));
  }
  if (m < lo || m > hi)
    throw units::UnitError(fmt::format("month {} is out of range ({} .. {})",
                                       units::format_month(m), units::format_month(lo),
                                       units::format_month(hi)));
  return m;
}

}  // namespace parksim::model::detail
