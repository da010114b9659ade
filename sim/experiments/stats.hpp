#pragma once
// Private: small sample statistics shared by the estimators.
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace parksim::experiments::stats {

inline double mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

// Sample variance (n - 1).
inline double variance(const std::vector<double>& v) {
  if (v.size() < 2) return 0.0;
  const double m = mean(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return s / double(v.size() - 1);
}

inline double sd(const std::vector<double>& v) { return std::sqrt(variance(v)); }

// The mean of a sample (paired differences, say) and its 95% t interval, mean ± t(0.975, n-1) x
// sd / sqrt(n). With one value, or no spread, the interval is the mean itself.
struct Interval {
  double mean = 0, low = 0, high = 0;
  bool contains_zero() const { return low <= 0.0 && 0.0 <= high; }
};

inline Interval t_interval(const std::vector<double>& v) {
  Interval i;
  i.mean = mean(v);
  i.low = i.high = i.mean;
  if (v.size() < 2) return i;
  const boost::math::students_t t(double(v.size() - 1));
  const double q = boost::math::quantile(boost::math::complement(t, 0.025));
  const double half = q * std::sqrt(variance(v) / double(v.size()));
  i.low = i.mean - half;
  i.high = i.mean + half;
  return i;
}

// Quantile q of v, linear between order statistics (numpy's default); NaN for no values.
inline double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const double pos = q * double(v.size() - 1);
  const auto lo = std::size_t(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

}  // namespace parksim::experiments::stats
