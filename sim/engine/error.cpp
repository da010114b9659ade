#include "parksim/engine/error.hpp"

#include <fmt/format.h>

#include <atomic>

namespace parksim {

std::string InputProblem::format() const {
  std::string where = file.empty() ? std::string("<input>") : file;
  if (line > 0) where += fmt::format(":{}:{}", line, column);
  if (key.empty()) return fmt::format("{}: {}", where, message);
  return fmt::format("{}: {}: {}", where, key, message);
}

static std::string join_problems(const std::vector<InputProblem>& problems) {
  std::string text = fmt::format("{} error(s) in input", problems.size());
  for (const auto& p : problems) text += "\n  " + p.format();
  return text;
}

InputError::InputError(std::vector<InputProblem> problems)
    : Error(join_problems(problems)), problems_(std::move(problems)) {}

namespace {
std::atomic<bool> stop_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "request_stop must be async-signal-safe");
}  // namespace

void request_stop() noexcept { stop_flag.store(true, std::memory_order_relaxed); }
bool stop_requested() noexcept { return stop_flag.load(std::memory_order_relaxed); }
void throw_if_stop_requested(const char* what) {
  if (stop_requested()) throw Interrupted(what);
}

}  // namespace parksim
