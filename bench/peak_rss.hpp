#pragma once
// The process's peak resident set size, for the benchmarks' reports.
#include <sys/resource.h>

namespace parksim::bench {

inline double peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace parksim::bench
