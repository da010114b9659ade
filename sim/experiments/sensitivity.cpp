// Sobol and Morris estimators.
#include "parksim/experiments/sensitivity.hpp"

#include <fmt/format.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "csv.hpp"
#include "parksim/engine/error.hpp"
#include "sweep_reader.hpp"
#include "stats.hpp"

namespace parksim::experiments {

namespace {

using stats::mean;
using stats::sd;

// Population variance of A and B outputs together (SALib's V).
double variance_ab(const std::vector<double>& a, const std::vector<double>& b,
                   const std::vector<std::size_t>& idx) {
  double s = 0, s2 = 0;
  for (auto j : idx) {
    s += a[j] + b[j];
    s2 += a[j] * a[j] + b[j] * b[j];
  }
  const double n = 2.0 * double(idx.size());
  return s2 / n - (s / n) * (s / n);
}

// Indices of an output that is NaN or infinite somewhere are meaningless (NaN compares false, so
// they would come out as 0 = "no sensitivity"): refused like failed points.
void require_finite(const std::vector<double>& y, const char* method) {
  std::size_t bad = 0, first = 0;
  for (std::size_t p = y.size(); p-- > 0;)
    if (!std::isfinite(y[p])) {
      ++bad;
      first = p;
    }
  if (bad)
    throw Error(fmt::format(
        "{}: {} of {} points have a NaN or infinite output (first: point {}); indices need a "
        "finite output at every point",
        method, bad, y.size(), first));
}

}  // namespace

std::vector<SobolIndex> sobol_indices(const Design& d, const std::vector<double>& y_raw,
                                      int bootstrap, std::uint64_t seed) {
  if (d.method != Method::Sobol)
    throw Error("Sobol indices need a design made with --method sobol");
  const std::size_t k = d.dims(), n = std::size_t(d.n), stride = k + 2;
  if (y_raw.size() != n * stride)
    throw Error(
        fmt::format("Sobol: {} outputs for a design of {} points", y_raw.size(), n * stride));
  require_finite(y_raw, "Sobol");
  const double centre = mean(y_raw);
  std::vector<double> a(n), b(n);
  std::vector<std::vector<double>> ab(k, std::vector<double>(n));
  for (std::size_t j = 0; j < n; ++j) {
    a[j] = y_raw[j * stride] - centre;
    for (std::size_t i = 0; i < k; ++i) ab[i][j] = y_raw[j * stride + 1 + i] - centre;
    b[j] = y_raw[j * stride + k + 1] - centre;
  }
  auto estimate = [&](std::size_t i, const std::vector<std::size_t>& idx, double& s1, double& st) {
    const double v = variance_ab(a, b, idx);
    double f = 0, t = 0;
    for (auto j : idx) {
      f += b[j] * (ab[i][j] - a[j]);
      t += (a[j] - ab[i][j]) * (a[j] - ab[i][j]);
    }
    s1 = v > 0 ? f / double(idx.size()) / v : 0.0;
    st = v > 0 ? 0.5 * t / double(idx.size()) / v : 0.0;
  };
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::vector<std::size_t>> resamples(static_cast<std::size_t>(bootstrap),
                                                  std::vector<std::size_t>(n));
  for (auto& r : resamples)
    for (auto& j : r) j = pick(rng);
  std::vector<SobolIndex> out;
  for (std::size_t i = 0; i < k; ++i) {
    SobolIndex s;
    s.parameter = d.space.parameters[i].name;
    estimate(i, all, s.first, s.total);
    std::vector<double> f, t;
    for (const auto& r : resamples) {
      double s1, st;
      estimate(i, r, s1, st);
      f.push_back(s1);
      t.push_back(st);
    }
    s.first_conf = 1.96 * sd(f);
    s.total_conf = 1.96 * sd(t);
    out.push_back(s);
  }
  return out;
}

std::vector<MorrisIndex> morris_indices(const Design& d, const std::vector<double>& y,
                                        int bootstrap, std::uint64_t seed) {
  if (d.method != Method::Morris)
    throw Error("Morris indices need a design made with --method morris");
  const std::size_t k = d.dims(), r = std::size_t(d.n), stride = k + 1;
  if (y.size() != r * stride)
    throw Error(fmt::format("Morris: {} outputs for a design of {} points", y.size(), r * stride));
  require_finite(y, "Morris");
  std::vector<std::vector<double>> ee(k);
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t p0 = t * stride + s, p1 = p0 + 1;
      std::size_t moved = k;
      for (std::size_t i = 0; i < k; ++i)
        if (d.unit[p1][i] != d.unit[p0][i]) moved = i;
      if (moved == k)
        throw Error("Morris: a trajectory step changes no parameter (design file damaged?)");
      ee[moved].push_back((y[p1] - y[p0]) / (d.unit[p1][moved] - d.unit[p0][moved]));
    }
  boost::random::mt19937_64 rng(seed);
  std::vector<MorrisIndex> out;
  for (std::size_t i = 0; i < k; ++i) {
    MorrisIndex m;
    m.parameter = d.space.parameters[i].name;
    std::vector<double> abs_ee;
    for (double e : ee[i]) abs_ee.push_back(std::abs(e));
    m.mu = mean(ee[i]);
    m.mu_star = mean(abs_ee);
    m.sigma = sd(ee[i]);
    boost::random::uniform_int_distribution<std::size_t> pick(0, abs_ee.size() - 1);
    std::vector<double> boot;
    for (int b = 0; b < bootstrap; ++b) {
      double s = 0;
      for (std::size_t j = 0; j < abs_ee.size(); ++j) s += abs_ee[pick(rng)];
      boot.push_back(s / double(abs_ee.size()));
    }
    m.mu_star_conf = 1.96 * sd(boot);
    out.push_back(m);
  }
  return out;
}


std::vector<double> sweep_output(const std::string& path, const std::string& metric) {
  return SweepReader(path).point_means(metric);
}

std::vector<double> csv_output(const std::string& path, const std::string& column,
                               std::size_t points) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("{}: cannot read", path));
  std::string line;
  std::getline(in, line);
  const auto header = csv::cells(line);
  std::size_t col = 0;
  if (!column.empty()) {
    const auto it = std::find(header.begin(), header.end(), column);
    if (it == header.end())
      throw Error(
          fmt::format("{}: no column \"{}\"; columns: {}", path, column, fmt::join(header, ", ")));
    col = std::size_t(it - header.begin());
  }
  std::vector<double> y;
  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r") continue;
    const auto cells = csv::cells(line);
    if (col >= cells.size())
      throw InputError({{path, row, int(col + 1), "",
                         fmt::format("the row has no column {} ({})", col + 1, header[col])}});
    // NaN and inf are read as such: the estimators refuse them with the count.
    const auto v = csv::number<double>(cells[col]);
    if (!v)
      throw InputError(
          {{path, row, int(col + 1), "", fmt::format("\"{}\" is not a number", cells[col])}});
    y.push_back(*v);
  }
  if (y.size() != points)
    throw Error(fmt::format("{}: {} rows for a design of {} points", path, y.size(), points));
  return y;
}

}  // namespace parksim::experiments
