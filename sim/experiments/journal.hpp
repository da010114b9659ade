#pragma once
// Sweep journals (private to the experiments library): <output>.journal.<rank>, a header line with
// the sweep's key, then one line per finished run, "point replication ok v1 .. vM" or
// "point replication failed message". Appended by one process each, read back on --resume and at
// assembly.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace parksim::experiments::journal {

struct Record {
  std::size_t point = 0;
  int replication = 0;
  bool ok = true;
  std::vector<double> values;
  std::string message;
  std::string origin;  // "FILE:LINE" when read back, for messages about duplicates
};

// Finished runs by (point, replication).
using Records = std::map<std::pair<std::size_t, int>, Record>;

// What a record must fit: a sweep of `points` design points x `replications`, `metrics` values
// each.
struct Shape {
  std::size_t points = 0;
  int replications = 1;
  std::size_t metrics = 0;
};

// The journal of process `rank` of the sweep writing `output`. The one spelling of a journal's
// path: listing, the kept-bytes map and opening all go through it, so that "s.h5" can never be
// "./s.h5" in one place and "s.h5" in another (which made a resume truncate its own journal).
std::filesystem::path path(const std::string& output, int rank);

// The journals present: regular files named exactly <output>.journal.<rank> with <rank> written in
// plain decimal, in rank order, each spelled by path(). Anything else (s.h5.journal.0.bak,
// s.h5.journal.01) is the user's and is neither read nor removed.
std::vector<std::filesystem::path> list(const std::string& output);

std::string header(const std::string& key);
std::string format(const Record& record);

// Adds the complete records of `file` to `done` and returns the byte length of the complete part
// (a last line cut by a kill, without its newline, is left out so that appending starts on a clean
// line). Throws Error naming FILE:LINE for a record that does not fit `shape` or that repeats a run
// already in `done`: such a record would be counted but never assembled.
std::size_t read(const std::filesystem::path& file, const std::string& key, const Shape& shape,
                 Records& done);

// Appends records to one journal, created with its header (keep_bytes 0) or cut back to its
// complete part.
class Writer {
 public:
  Writer(const std::filesystem::path& file, const std::string& key, std::size_t keep_bytes);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void write(const std::string& text);
  void sync();

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

}  // namespace parksim::experiments::journal
