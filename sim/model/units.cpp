// Quantities as the policy documents write them, converted to internal units.
#include "parksim/model/units.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <utility>

namespace parksim::units {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips the first matching suffix; returns its factor, or 0 if none matched.
double strip_suffix(std::string_view& s, const std::vector<std::pair<std::string_view, double>>& suffixes) {
  for (const auto& [suffix, factor] : suffixes)
    if (ends_with(s, suffix)) {
      s = trim(s.substr(0, s.size() - suffix.size()));
      return factor;
    }
  return 0.0;
}

// A whole decimal number (no trailing junk); commas allowed as thousands separators if asked.
bool parse_number(std::string_view s, double& out, bool allow_commas) {
  std::string clean;
  for (char c : s) {
    if (c == ',' && allow_commas) continue;
    clean += c;
  }
  if (clean.empty()) return false;
  const char* begin = clean.data();
  const char* end = begin + clean.size();
  auto [ptr, ec] = std::from_chars(begin, end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

}  // namespace

double money_from_number(double cny) {
  if (!std::isfinite(cny) || cny < 0) throw UnitError(fmt::format("money must be a non-negative amount, got {}", cny));
  if (cny > 1e15) throw UnitError(fmt::format("money {:g} CNY is implausibly large (over 1e15)", cny));
  return cny;
}

double parse_money(std::string_view text) {
  std::string_view s = trim(text);
  s = trim(ends_with(s, "元") ? s.substr(0, s.size() - std::string_view("元").size()) : s);
  if (ends_with(s, "CNY")) s = trim(s.substr(0, s.size() - 3));
  double factor = strip_suffix(s, {{"亿", 1e8}, {"万", 1e4}, {"千", 1e3}});
  if (factor == 0.0) factor = 1.0;
  double v = 0;
  if (!parse_number(s, v, true))
    throw UnitError(fmt::format("\"{}\" is not money: write a CNY amount such as 30000000, \"3000万\", \"1亿\" or \"200亿元\"", text));
  return money_from_number(v * factor);
}

double parse_area(std::string_view text) {
  std::string_view s = trim(text);
  const double factor = strip_suffix(s, {{"km2", 1e6}, {"km²", 1e6}, {"平方公里", 1e6}, {"亩", kSquareMetresPerMu},
                                         {"mu", kSquareMetresPerMu}, {"ha", 1e4}, {"公顷", 1e4}, {"m2", 1.0},
                                         {"m²", 1.0}, {"平方米", 1.0}});
  double v = 0;
  if (factor == 0.0 || !parse_number(s, v, true) || v < 0)
    throw UnitError(fmt::format("\"{}\" is not an area: write it with its unit, e.g. \"12 km2\", \"30 ha\", \"1500亩\" or \"20000 m2\"", text));
  return v * factor;
}

double rate_from_number(double value) {
  if (!std::isfinite(value) || value < 0)
    throw UnitError(fmt::format("rate {:g} must be a fraction between 0 and 1 or a percentage like \"30%\"", value));
  if (value > 1.0)
    throw UnitError(fmt::format("rate {:g} is ambiguous: write {:g}% or {:g}", value, value, value / 100.0));
  return value;
}

double parse_rate(std::string_view text) {
  std::string_view s = trim(text);
  double v = 0;
  if (ends_with(s, "%")) {
    if (!parse_number(trim(s.substr(0, s.size() - 1)), v, false) || v < 0)
      throw UnitError(fmt::format("\"{}\" is not a percentage such as \"30%\"", text));
    if (v > 100) throw UnitError(fmt::format("\"{}\" is over 100%", text));
    return v / 100.0;
  }
  if (!parse_number(s, v, false))
    throw UnitError(fmt::format("\"{}\" is not a rate: write \"30%\" or 0.3", text));
  return rate_from_number(v);
}

double parse_change(std::string_view text) {
  std::string_view s = trim(text);
  double v = 0;
  const bool percent = ends_with(s, "%");
  if (percent) s = trim(s.substr(0, s.size() - 1));
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (!parse_number(s, v, false))
    throw UnitError(fmt::format("\"{}\" is not a relative change: write \"-30%\", \"+5%\" or -0.3", text));
  return percent ? v / 100.0 : v;
}

int parse_month(std::string_view text) {
  const std::string_view s = trim(text);
  auto fail = [&]() -> int {
    throw UnitError(fmt::format("\"{}\" is not a month: write \"YYYY-MM\", e.g. \"2015-10\"", text));
  };
  int year = 0, month = 1;
  const auto dash = s.find('-');
  const std::string_view ys = s.substr(0, dash);
  auto [p, ec] = std::from_chars(ys.data(), ys.data() + ys.size(), year);
  if (ec != std::errc() || p != ys.data() + ys.size() || ys.size() != 4) return fail();
  if (dash != std::string_view::npos) {
    const std::string_view ms = s.substr(dash + 1);
    auto [q, ec2] = std::from_chars(ms.data(), ms.data() + ms.size(), month);
    if (ec2 != std::errc() || q != ms.data() + ms.size() || ms.empty() || ms.size() > 2) return fail();
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return fail();
  return year * 12 + month - 1;
}

std::string format_month(int month_index) {
  return fmt::format("{:04d}-{:02d}", month_index / 12, month_index % 12 + 1);
}

std::string format_money(double cny) {
  // Thresholds sit just below the unit so that 99,999,999.99 prints as "1亿", not "1e+04万".
  if (cny >= 0.99995e8) return fmt::format("{:.4g}亿", cny / 1e8);
  if (cny >= 0.99995e4) return fmt::format("{:.4g}万", cny / 1e4);
  return fmt::format("{:.4g}元", cny);
}

}  // namespace parksim::units
