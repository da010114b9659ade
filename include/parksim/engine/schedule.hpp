#pragma once
// A time step is an explicit, ordered list of named phases. The engine runs them and times them;
// the model supplies them. `parksim phases` prints the list.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace parksim::engine {

template <class Context>
class Schedule {
 public:
  struct Phase {
    std::string name;
    std::string description;
    std::function<void(Context&)> run;
  };

  void add(std::string name, std::string description, std::function<void(Context&)> run) {
    phases_.push_back({std::move(name), std::move(description), std::move(run)});
    seconds_.push_back(0.0);
  }

  const std::vector<Phase>& phases() const { return phases_; }

  // Runs every phase once, in order, accumulating the wall time spent in each.
  void run_step(Context& ctx) {
    for (std::size_t p = 0; p < phases_.size(); ++p) {
      const auto t0 = std::chrono::steady_clock::now();
      phases_[p].run(ctx);
      seconds_[p] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
  }

  // Wall seconds spent in each phase since construction, in phase order.
  const std::vector<double>& seconds() const { return seconds_; }

 private:
  std::vector<Phase> phases_;
  std::vector<double> seconds_;
};

}  // namespace parksim::engine
