#pragma once
// What the command line needs around the library: progress reports, argument checks, signals,
// and text made safe for a terminal.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "parksim/engine/error.hpp"

namespace parksim::cli {

// A mistake in the command's arguments (exit status 2, like an invalid input file).
class UsageError : public Error {
 public:
  using Error::Error;
};

// Text from input files shown on a terminal: control characters (ANSI escapes, BEL, C1 codes)
// are shown as \xNN instead of acting on the terminal. Newlines are kept.
std::string printable(std::string_view text);

// Progress of a long command on stderr. On a terminal: a bar with ETA, redrawn at most ten times
// a second after the first second. Otherwise (a batch job's log): one line each time another
// `step_percent` of the work is done, so logs show progress without flooding.
class Progress {
 public:
  explicit Progress(std::string unit, int step_percent = 5);
  void update(std::size_t done, std::size_t total, const std::string& extra = {});
  std::size_t done() const { return done_; }
  std::size_t total() const { return total_; }

 private:
  double seconds() const;
  std::string unit_;
  int step_percent_;
  bool terminal_;
  std::chrono::steady_clock::time_point t0_;
  double last_draw_ = 0.0;
  int last_percent_ = -1;
  std::size_t done_ = 0, total_ = 0;
};

// A seed given on the command line: a whole number 0 .. 2^63-1, never clamped or wrapped.
std::int64_t parse_seed(const std::string& text, const std::string& option);

// CLI11 check for input files: an existing regular file (after symbolic links); a directory,
// FIFO, device, socket or symbolic-link loop is refused with what it is.
const CLI::Validator& regular_file();

// SIGINT and SIGTERM ask the library to stop at its next safe point (see parksim::request_stop);
// a second signal ends the process at once, as it would without this handler.
void install_stop_handlers();

// Exit status of an interrupted command (128 + SIGINT, as shells report it).
constexpr int kInterruptedStatus = 130;

}  // namespace parksim::cli
