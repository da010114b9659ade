#pragma once
// Private: the cells of the small CSV files experiments read (analyze --outputs, calibrate's
// figures). A cell is a number only if the whole cell is one: std::stod would read "4abc", "4%" and
// "0x4" as 4 without a word.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace parksim::experiments::csv {

// Spaces around a cell are not part of it (they are common after commas).
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The whole (trimmed) cell as a T, or nothing. Decimal only: no hex, no leading '+', no units.
template <class T>
std::optional<T> number(std::string_view cell) {
  cell = trim(cell);
  T v{};
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (cell.empty() || ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return v;
}

// A line split at commas (no quoting), without the '\r' of a file written on Windows.
inline std::vector<std::string> cells(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const auto comma = line.find(',', start);
    out.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

}  // namespace parksim::experiments::csv
