#include "terminal.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>

namespace parksim::cli {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c1) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[++i]));
    } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += char(c);
    }
  }
  return out;
}

Progress::Progress(std::string unit, int step_percent)
    : unit_(std::move(unit)),
      step_percent_(step_percent),
      terminal_(isatty(fileno(stderr)) != 0),
      t0_(std::chrono::steady_clock::now()) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
}

void Progress::update(std::size_t done, std::size_t total, const std::string& extra) {
  done_ = done;
  total_ = total;
  if (total == 0) return;
  const double elapsed = seconds();
  const double frac = double(done) / double(total);
  const double eta = frac > 0 ? elapsed * (1.0 - frac) / frac : 0.0;
  if (terminal_) {
    if (elapsed < 1.0 && done < total) return;
    if (done < total && elapsed - last_draw_ < 0.1) return;
    last_draw_ = elapsed;
    const int width = 30;
    fmt::print(stderr, "\r[{:<{}}] {:5.1f}%  {}/{} {}, {:.0f}s elapsed, ETA {:.0f}s{} ",
               std::string(std::size_t(frac * width), '#'), width, 100.0 * frac, done, total, unit_,
               elapsed, eta, extra);
    if (done == total) fmt::print(stderr, "\n");
  } else {
    // Short commands stay quiet; long ones log a line per step_percent_.
    if (elapsed < 2.0 && last_percent_ < 0) return;
    const int percent = int(100.0 * frac) / step_percent_ * step_percent_;
    if (percent <= last_percent_) return;
    last_percent_ = percent;
    fmt::print(stderr, "progress: {:3}% ({}/{} {}), {:.0f} s elapsed, ETA {:.0f} s{}\n", percent,
               done, total, unit_, elapsed, eta, extra);
  }
  std::fflush(stderr);
}

std::int64_t parse_seed(const std::string& text, const std::string& option) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ptr != end || ec != std::errc() || value < 0)
    throw UsageError(fmt::format("{} {}: a seed is a whole number from 0 to {}", option,
                                 printable(text), std::numeric_limits<std::int64_t>::max()));
  return value;
}

namespace {

std::string describe_non_regular(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels) return "is a symbolic link loop";
    if (ec == std::errc::no_such_file_or_directory) return "does not exist";
    return ec.message();
  }
  switch (st.type()) {
    case fs::file_type::regular:
      return {};
    case fs::file_type::not_found:
      return "does not exist";
    case fs::file_type::directory:
      return "is a directory, not a file";
    case fs::file_type::fifo:
      return "is a FIFO (named pipe), not a file";
    case fs::file_type::character:
    case fs::file_type::block:
      return "is a device, not a file";
    case fs::file_type::socket:
      return "is a socket, not a file";
    default:
      return "is not a regular file";
  }
}

}  // namespace

const CLI::Validator& regular_file() {
  static const CLI::Validator check(
      [](std::string& path) {
        const std::string why = describe_non_regular(path);
        return why.empty() ? std::string() : fmt::format("{}: {}", printable(path), why);
      },
      "FILE");
  return check;
}

namespace {
extern "C" void on_stop_signal(int) { request_stop(); }
}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the second Ctrl-C ends the process at once
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace parksim::cli
