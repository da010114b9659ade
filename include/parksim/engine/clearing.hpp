#pragma once
// Deterministic clearing of requests for something scarce (land, credit quota, subsidy budget,
// housing, jobs). Requests are collected in parallel, one slot per agent; clearing then ranks them
// by a fixed rule (priority descending, then agent id ascending) and grants in that order until the
// supply is used. The outcome depends only on the requests, never on thread scheduling.
#include <cstdint>
#include <vector>

namespace parksim::engine {

struct Request {
  std::uint32_t agent = 0;
  double amount = 0.0;    // how much is asked for (> 0)
  double priority = 0.0;  // higher is served first
};

enum class Partial { Allowed, Forbidden };

// Grants per request, in the order of `requests`. With Partial::Forbidden a request that does not
// fit in what is left gets nothing and later (smaller) requests may still be served.
std::vector<double> clear_by_rank(const std::vector<Request>& requests, double supply,
                                  Partial partial = Partial::Allowed);

// Gathers the non-zero requests from a per-agent array (amount[i] > 0) in agent order.
std::vector<Request> collect_requests(const std::vector<double>& amount,
                                      const std::vector<double>& priority);

}  // namespace parksim::engine
