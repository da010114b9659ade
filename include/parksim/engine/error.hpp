#pragma once
// Library code throws these; only the command line prints and chooses exit codes.
#include <stdexcept>
#include <string>
#include <vector>

namespace parksim {

// Any failure the caller may want to report without a stack trace.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One problem found in an input file, with where it is and what would have been accepted.
struct InputProblem {
  std::string file;
  int line = 0;     // 1-based; 0 when unknown
  int column = 0;   // 1-based; 0 when unknown
  std::string key;  // dotted path, e.g. "programmes.first_unit_grant.rate"
  std::string message;
  std::string format() const;
};

// Thrown after validation with every problem found, so a user fixes them all in one pass.
class InputError : public Error {
 public:
  explicit InputError(std::vector<InputProblem> problems);
  const std::vector<InputProblem>& problems() const { return problems_; }

 private:
  std::vector<InputProblem> problems_;
};

// Thrown when the output file cannot be written.
class OutputError : public Error {
 public:
  using Error::Error;
};

// Thrown at the next safe point after request_stop() (Ctrl-C, SIGTERM): the work is abandoned,
// temporary outputs are removed by their owners, and what was already saved is kept.
class Interrupted : public Error {
 public:
  using Error::Error;
};

// Asks running work to stop at its next safe point. Async-signal-safe (a lock-free atomic store).
void request_stop() noexcept;
bool stop_requested() noexcept;
// Throws Interrupted (with `what` as its message) if a stop was requested.
void throw_if_stop_requested(const char* what = "interrupted");

}  // namespace parksim
