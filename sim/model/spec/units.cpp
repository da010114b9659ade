// Quantities as the policy documents write them, converted to internal units.
#include "parksim/model/units.hpp"

#include <fmt/format.h>

#include <algorithm>
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
double strip_suffix(std::string_view& s,
                    const std::vector<std::pair<std::string_view, double>>& suffixes) {
  for (const auto& [suffix, factor] : suffixes)
    if (ends_with(s, suffix)) {
      s = trim(s.substr(0, s.size() - suffix.size()));
      return factor;
    }
  return 0.0;
}

// Text echoed in a message, cut to 80 characters: an input may hold a value of megabytes.
std::string echo(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == 80)
      return std::string(text.substr(0, i)) + "…";
  return std::string(text);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when every ',' in the number's whole part separates groups of three digits ("1,234,567",
// "3,000.5"); a number without commas passes.
bool commas_group_thousands(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  std::size_t end = 0;
  while (end < s.size() && (is_digit(s[end]) || s[end] == ',')) ++end;
  if (s.substr(end).find(',') != std::string_view::npos)
    return false;  // after the point or exponent
  const std::string_view whole = s.substr(0, end);
  const auto first = whole.find(',');
  if (first == std::string_view::npos) return true;
  if (first == 0 || first > 3) return false;
  const std::string_view groups = whole.substr(first);  // ",ddd" repeated
  if (groups.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < groups.size(); i += 4)
    if (groups[i] != ',' || !is_digit(groups[i + 1]) || !is_digit(groups[i + 2]) ||
        !is_digit(groups[i + 3]))
      return false;
  return true;
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

// "1,5亿" is a decimal comma and "3,0,0,0万" a typo, not 15亿 and 3000万: a comma must group
// thousands. A lone comma in a number without a point is read as a decimal comma in the
// suggestion; with a point as well ("1.234,5") the intent is unclear and none is made.
void require_thousands_groups(std::string_view number, std::string_view text, const char* what) {
  if (commas_group_thousands(number)) return;
  const std::string problem =
      fmt::format("\"{}\" is not {}: ',' groups thousands (as in \"1,234,567\")", echo(text), what);
  if (text.find('.') != std::string_view::npos)
    throw UnitError(problem + " and '.' is the decimal point");
  const bool decimal = std::count(text.begin(), text.end(), ',') == 1;
  std::string fixed;
  for (char c : text) {
    if (c != ',')
      fixed += c;
    else if (decimal)
      fixed += '.';
  }
  throw UnitError(fmt::format("{}; write \"{}\"", problem, echo(trim(fixed))));
}

}  // namespace

double money_from_number(double cny) {
  if (!std::isfinite(cny) || cny < 0)
    throw UnitError(fmt::format("money must be a non-negative amount, got {}", cny));
  if (cny > 1e15)
    throw UnitError(fmt::format("money {:g} CNY is implausibly large (over 1e15)", cny));
  return cny;
}

double parse_money(std::string_view text) {
  std::string_view s = trim(text);
  s = trim(ends_with(s, "元") ? s.substr(0, s.size() - std::string_view("元").size()) : s);
  if (ends_with(s, "CNY")) s = trim(s.substr(0, s.size() - 3));
  double factor = strip_suffix(s, {{"亿", 1e8}, {"万", 1e4}, {"千", 1e3}});
  if (factor == 0.0) factor = 1.0;
  require_thousands_groups(s, text, "money");
  double v = 0;
  if (!parse_number(s, v, true))
    throw UnitError(
        fmt::format("\"{}\" is not money: write a CNY amount such as 30000000, \"3000万\", \"1亿\" "
                    "or \"200亿元\"",
                    echo(text)));
  if (!std::isfinite(v * factor))  // "1e308亿": say what was written, not "inf"
    throw UnitError(fmt::format("\"{}\" is implausibly large (over 1e15 CNY)", echo(text)));
  return money_from_number(v * factor);
}

double parse_area(std::string_view text) {
  std::string_view s = trim(text);
  const double factor = strip_suffix(s, {{"km2", 1e6},
                                         {"km²", 1e6},
                                         {"平方公里", 1e6},
                                         {"亩", kSquareMetresPerMu},
                                         {"mu", kSquareMetresPerMu},
                                         {"ha", 1e4},
                                         {"公顷", 1e4},
                                         {"m2", 1.0},
                                         {"m²", 1.0},
                                         {"平方米", 1.0}});
  if (factor != 0.0) require_thousands_groups(s, text, "an area");
  double v = 0;
  if (factor == 0.0 || !parse_number(s, v, true) || v < 0)
    throw UnitError(
        fmt::format("\"{}\" is not an area: write it with its unit, e.g. \"12 km2\", \"30 ha\", "
                    "\"1500亩\" or \"20000 m2\"",
                    echo(text)));
  return v * factor;
}

double rate_from_number(double value) {
  if (!std::isfinite(value) || value < 0)
    throw UnitError(fmt::format(
        "rate {:g} must be a fraction between 0 and 1 or a percentage like \"30%\"", value));
  if (value > 100.0)  // not a percentage without its sign either
    throw UnitError(fmt::format(
        "rate {:g} is out of range: write a fraction between 0 and 1 or a percentage up to "
        "\"100%\"",
        value));
  if (value > 1.0)
    throw UnitError(
        fmt::format("rate {:g} is ambiguous: write {:g}% or {:g}", value, value, value / 100.0));
  return value;
}

double parse_rate(std::string_view text) {
  std::string_view s = trim(text);
  double v = 0;
  if (ends_with(s, "%")) {
    if (!parse_number(trim(s.substr(0, s.size() - 1)), v, false) || v < 0)
      throw UnitError(fmt::format("\"{}\" is not a percentage such as \"30%\"", echo(text)));
    if (v > 100) throw UnitError(fmt::format("\"{}\" is over 100%", echo(text)));
    return v / 100.0;
  }
  if (!parse_number(s, v, false))
    throw UnitError(fmt::format("\"{}\" is not a rate: write \"30%\" or 0.3", echo(text)));
  return rate_from_number(v);
}

double parse_change(std::string_view text) {
  std::string_view s = trim(text);
  double v = 0;
  const bool percent = ends_with(s, "%");
  if (percent) s = trim(s.substr(0, s.size() - 1));
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (!parse_number(s, v, false))
    throw UnitError(fmt::format("\"{}\" is not a relative change: write \"-30%\", \"+5%\" or -0.3",
                                echo(text)));
  return percent ? v / 100.0 : v;
}

int parse_month(std::string_view text) {
  const std::string_view s = trim(text);
  auto fail = [&]() -> int {
    throw UnitError(
        fmt::format("\"{}\" is not a month: write \"YYYY-MM\", e.g. \"2015-10\"", echo(text)));
  };
  int year = 0, month = 1;
  const auto dash = s.find('-');
  const std::string_view ys = s.substr(0, dash);
  auto [p, ec] = std::from_chars(ys.data(), ys.data() + ys.size(), year);
  if (ec != std::errc() || p != ys.data() + ys.size() || ys.size() != 4) return fail();
  if (dash != std::string_view::npos) {
    const std::string_view ms = s.substr(dash + 1);
    auto [q, ec2] = std::from_chars(ms.data(), ms.data() + ms.size(), month);
    if (ec2 != std::errc() || q != ms.data() + ms.size() || ms.empty() || ms.size() > 2)
      return fail();
  }
  // Only the form is checked here; the range depends on the key (the dictionary says 1990..2100).
  if (month < 1 || month > 12) return fail();
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
