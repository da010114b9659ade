#pragma once
// Quantities as the policy documents write them, converted to one internal unit per kind:
//   money  -> CNY          ("3000万", "1亿", "200亿元", "50万元", "1.5e8", 30000000, "3,000万元";
//                           a comma must group thousands: "1,5亿" is refused)
//   area   -> m2           ("12 km2", "12 km²", "1500亩", "1500 mu", "30 ha", "20000 m2"; a bare
//                           number is rejected: areas must say their unit)
//   rate   -> fraction     ("30%", "0.3", 0.3; "30" without % is rejected as ambiguous, > 100% too)
//   change -> signed fraction ("-30%", "+5%", -0.3)
//   date   -> months since 0000-01 ("2015-10" -> 2015*12+9); "2015" means 2015-01; only the
//             form is checked (the range belongs to the key)
//   count  -> non-negative integer
// Parsing failures throw UnitError with a message that says what forms are allowed.
#include <cstdint>
#include <string>
#include <string_view>

#include "parksim/engine/error.hpp"

namespace parksim::units {

class UnitError : public Error {
 public:
  using Error::Error;
};

double parse_money(std::string_view text);  // CNY
double parse_area(std::string_view text);   // m2
double parse_rate(std::string_view text);   // fraction in [0, 1]
double parse_change(
    std::string_view text);              // signed relative change: "-30%" -> -0.3, "+5%" -> 0.05
int parse_month(std::string_view text);  // months since year 0: year*12 + (month-1)

// Number forms accepted from TOML numbers directly.
double money_from_number(double cny);   // rejects negative / non-finite
double rate_from_number(double value);  // accepts [0, 1]; rejects > 1 (say "30%")

std::string format_month(int month_index);  // "2015-10"
std::string format_money(double cny);       // "3000万", "1.5亿", "8000元"

inline constexpr double kSquareMetresPerKm2 = 1.0e6;
inline constexpr double kSquareMetresPerMu = 1.0e6 / 1500.0;  // 1 km2 = 1500 亩
inline constexpr double kYi = 1.0e8;                          // 亿
inline constexpr double kWan = 1.0e4;                         // 万

}  // namespace parksim::units
