#pragma once
// Private: small sample statistics shared by the estimators.
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

}  // namespace parksim::experiments::stats
