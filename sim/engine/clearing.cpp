#include "parksim/engine/clearing.hpp"

#include <algorithm>
#include <numeric>

namespace parksim::engine {

std::vector<double> clear_by_rank(const std::vector<Request>& requests, double supply,
                                  Partial partial) {
  std::vector<std::size_t> order(requests.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (requests[a].priority != requests[b].priority)
      return requests[a].priority > requests[b].priority;
    return requests[a].agent < requests[b].agent;
  });
  std::vector<double> granted(requests.size(), 0.0);
  double left = supply;
  for (std::size_t idx : order) {
    if (left <= 0.0) break;
    const double want = requests[idx].amount;
    if (want <= 0.0) continue;
    if (want <= left) {
      granted[idx] = want;
      left -= want;
    } else if (partial == Partial::Allowed) {
      granted[idx] = left;
      left = 0.0;
    }
  }
  return granted;
}

std::vector<Request> collect_requests(const std::vector<double>& amount,
                                      const std::vector<double>& priority) {
  std::vector<Request> out;
  for (std::size_t i = 0; i < amount.size(); ++i)
    if (amount[i] > 0.0) out.push_back({static_cast<std::uint32_t>(i), amount[i], priority[i]});
  return out;
}

}  // namespace parksim::engine
