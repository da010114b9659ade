// Sweep journals: naming, strict reading, appending.
#include "journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>

#include "parksim/engine/error.hpp"

namespace parksim::experiments::journal {

namespace fs = std::filesystem;

namespace {

const char* const kInfix = ".journal.";

// The rank a journal name ends with: plain decimal digits, no sign, no leading zero, fits an int.
// -1 for anything else.
int rank_of(std::string_view suffix) {
  if (suffix.empty() || suffix.size() > 9 || (suffix.size() > 1 && suffix[0] == '0')) return -1;
  if (!std::all_of(suffix.begin(), suffix.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return -1;
  int rank = 0;
  const auto [end, ec] = std::from_chars(suffix.data(), suffix.data() + suffix.size(), rank);
  return ec == std::errc() && end == suffix.data() + suffix.size() ? rank : -1;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

template <class T>
bool whole_number(std::string_view token, T& out) {
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out);
  return !token.empty() && ec == std::errc() && end == token.data() + token.size();
}

// The line split at every space, empty tokens kept (so that "1  2" is refused, not read as "1 2").
std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> tokens;
  for (std::size_t start = 0;;) {
    const auto end = line.find(' ', start);
    tokens.push_back(line.substr(start, end - start));
    if (end == std::string_view::npos) return tokens;
    start = end + 1;
  }
}

// One record line; on a problem returns false with `why` set.
bool parse_record(std::string_view line, const Shape& shape, Record& r, std::string& why) {
  const auto tokens = split(line);
  if (tokens.size() < 3) {
    why = "not a record (point replication ok|failed ...)";
    return false;
  }
  if (!whole_number(tokens[0], r.point) || r.point >= shape.points) {
    why = fmt::format("point \"{}\" is not one of the design's points 0..{}", tokens[0],
                      shape.points - 1);
    return false;
  }
  if (!whole_number(tokens[1], r.replication) || r.replication < 0 ||
      r.replication >= shape.replications) {
    why = fmt::format("replication \"{}\" is not one of 0..{}", tokens[1], shape.replications - 1);
    return false;
  }
  if (tokens[2] == "failed") {
    r.ok = false;
    const std::size_t message_at = tokens[0].size() + tokens[1].size() + tokens[2].size() + 3;
    r.message = std::string(line.substr(std::min(message_at, line.size())));
    return true;
  }
  if (tokens[2] != "ok") {
    why = fmt::format("status \"{}\" is neither ok nor failed", tokens[2]);
    return false;
  }
  for (std::size_t t = 3; t < tokens.size(); ++t) {
    double v = 0;
    // from_chars reads back the "nan" and "inf" that {:.17g} writes, and nothing but a whole
    // number.
    if (!whole_number(tokens[t], v)) {
      why = fmt::format("value \"{}\" is not a number", tokens[t]);
      return false;
    }
    r.values.push_back(v);
  }
  if (r.values.size() != shape.metrics) {
    why = fmt::format("{} values for {} metrics", r.values.size(), shape.metrics);
    return false;
  }
  return true;
}

}  // namespace

fs::path path(const std::string& output, int rank) {
  return fs::path(fmt::format("{}{}{}", output, kInfix, rank));
}

std::vector<fs::path> list(const std::string& output) {
  const fs::path out(output);
  const fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  const std::string prefix = out.filename().string() + kInfix;
  std::vector<int> ranks;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {};
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const int rank = rank_of(std::string_view(name).substr(prefix.size()));
    std::error_code type_ec;
    if (rank >= 0 && it->is_regular_file(type_ec)) ranks.push_back(rank);
  }
  if (ec)
    throw Error(fmt::format("{}: cannot list the directory to find sweep journals ({})",
                            dir.string(), ec.message()));
  std::sort(ranks.begin(), ranks.end());
  std::vector<fs::path> files;
  for (int rank : ranks) files.push_back(path(output, rank));
  return files;
}

std::string header(const std::string& key) {
  return fmt::format("# parksim sweep journal v1 key={}\n", key);
}

std::string format(const Record& r) {
  std::string line = fmt::format("{} {} {}", r.point, r.replication, r.ok ? "ok" : "failed");
  if (r.ok)
    for (double v : r.values) line += fmt::format(" {:.17g}", v);
  else
    line += fmt::format(" {}", escape(r.message));
  line += '\n';
  return line;
}

std::size_t read(const fs::path& file, const std::string& key, const Shape& shape, Records& done) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read the sweep journal", file.string()));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto last_newline = text.rfind('\n');
  if (last_newline == std::string::npos) return 0;  // not even a whole header: start it again
  const std::string_view complete(text.data(), last_newline + 1);
  const auto header_end = complete.find('\n') + 1;
  if (complete.substr(0, header_end) != header(key))
    throw Error(
        fmt::format("{} belongs to a different sweep (scenario, design, metrics or replications "
                    "changed); remove it or write to another output",
                    file.string()));
  int line_number = 1;
  for (std::size_t start = header_end; start < complete.size();) {
    const auto end = complete.find('\n', start);
    const std::string_view line = complete.substr(start, end - start);
    start = end + 1;
    ++line_number;
    const std::string where = fmt::format("{}:{}", file.string(), line_number);
    auto damaged = [&](const std::string& why) {
      return Error(fmt::format(
          "{}: {}; the journal is damaged: delete this line (its run is done again) or the "
          "whole journal",
          where, why));
    };
    Record r;
    std::string why;
    if (line.empty()) throw damaged("an empty line is not a record");
    if (!parse_record(line, shape, r, why)) throw damaged(why);
    r.origin = where;
    const auto [it, added] = done.emplace(std::make_pair(r.point, r.replication), std::move(r));
    if (!added)
      throw damaged(fmt::format("point {} replication {} is already recorded at {}",
                                it->first.first, it->first.second, it->second.origin));
  }
  return complete.size();
}

Writer::Writer(const fs::path& file, const std::string& key, std::size_t keep_bytes) : file_(file) {
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT, 0644);
  if (fd_ < 0) throw OutputError(fmt::format("{}: cannot open the sweep journal", file.string()));
  try {
    if (::ftruncate(fd_, off_t(keep_bytes)) != 0 || ::lseek(fd_, 0, SEEK_END) < 0)
      throw OutputError(fmt::format("{}: cannot prepare the sweep journal", file.string()));
    if (keep_bytes == 0) write(header(key));
    sync();
  } catch (...) {
    ::close(fd_);  // the destructor does not run for a constructor that throws
    throw;
  }
}

Writer::~Writer() {
  if (fd_ >= 0) ::close(fd_);
}

void Writer::write(const std::string& text) {
  std::size_t off = 0;
  while (off < text.size()) {
    const auto n = ::write(fd_, text.data() + off, text.size() - off);
    if (n <= 0)
      throw OutputError(
          fmt::format("{}: cannot write the sweep journal (disk full?)", file_.string()));
    off += std::size_t(n);
  }
}

void Writer::sync() { ::fsync(fd_); }

}  // namespace parksim::experiments::journal
