#pragma once
// Golden files (tests/golden/): a test's text compared with its approved file. On a mismatch the
// actual text is written beside it as <name>.unapproved.txt (ignored by git) and the failure shows
// a unified diff; to approve the new text, move that file over the golden one (or rerun with
// PARKSIM_UPDATE_GOLDEN=1, which rewrites every golden file of the tests run).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parksim::test {

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines that differ between two texts as a unified diff (longest common subsequence), each
// hunk with `context` unchanged lines around its changes.
inline std::string unified_diff(const std::string& expected, const std::string& actual,
                                const std::string& expected_name, const std::string& actual_name,
                                std::size_t context = 2) {
  const auto a = split_lines(expected), b = split_lines(actual);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  struct Op {
    char tag;
    std::size_t i, j;  // lines of a and b before this one
  };
  std::vector<Op> ops;
  for (std::size_t i = 0, j = 0; i < n || j < m;) {
    if (i < n && j < m && a[i] == b[j])
      ops.push_back({' ', i++, j++});
    else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push_back({'-', i++, j});
    else
      ops.push_back({'+', i, j++});
  }
  auto changed = [&](std::size_t k) { return ops[k].tag != ' '; };
  std::string out = "--- " + expected_name + "\n+++ " + actual_name + "\n";
  for (std::size_t k = 0; k < ops.size();) {
    if (!changed(k)) {
      ++k;
      continue;
    }
    const std::size_t begin = k - std::min(k, context);
    std::size_t end = k + 1;  // past the hunk's last change; joins changes closer than 2 contexts
    for (std::size_t next = end; next < ops.size() && next <= end + 2 * context; ++next)
      if (changed(next)) end = next + 1;
    const std::size_t stop = std::min(ops.size(), end + context);
    std::size_t from_a = 0, from_b = 0;
    for (std::size_t h = begin; h < stop; ++h) {
      from_a += ops[h].tag != '+';
      from_b += ops[h].tag != '-';
    }
    out += "@@ -" + std::to_string(ops[begin].i + 1) + "," + std::to_string(from_a) + " +" +
           std::to_string(ops[begin].j + 1) + "," + std::to_string(from_b) + " @@\n";
    for (std::size_t h = begin; h < stop; ++h)
      out += ops[h].tag + (ops[h].tag == '+' ? b[ops[h].j] : a[ops[h].i]) + "\n";
    k = stop;
  }
  return out;
}

// `text` checked against the golden file at `golden_path`.
inline void check_golden_text(const std::string& golden_path, const std::string& text) {
  const auto unapproved =
      std::filesystem::path(golden_path).replace_extension(".unapproved.txt").string();
  if (std::getenv("PARKSIM_UPDATE_GOLDEN")) {
    std::ofstream(golden_path, std::ios::binary) << text;
    WARN("golden file rewritten: " << golden_path);
  }
  std::ifstream in(golden_path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream approved;
  approved << in.rdbuf();
  if (text == approved.str()) {
    std::filesystem::remove(unapproved);  // a stale one from an earlier failure
    SUCCEED("matches " << golden_path);
    return;
  }
  std::ofstream(unapproved, std::ios::binary) << text;
  FAIL_CHECK(
      "golden mismatch: the actual text is in "
      << unapproved << " (move it over the golden file to approve it)\n"
      << unified_diff(approved.str(), text, golden_path + " (approved)", unapproved + " (actual)"));
}

}  // namespace parksim::test
