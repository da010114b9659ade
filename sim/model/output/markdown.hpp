#pragma once
// Markdown helpers shared by the generated documents (lever cards, ODD blocks).
#include <string>
#include <string_view>

namespace parksim::model::detail {

// Table cells: a `|` would split the cell, a newline the row; an empty cell shows a dash.
inline std::string markdown_cell(std::string_view text) {
  if (text.empty()) return "—";
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace parksim::model::detail
