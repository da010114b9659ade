#pragma once
// Output files that never damage what a user already has.
//
// Every output is written under a temporary name unique to this writer, in the output's own
// directory (so the final rename is atomic), ending in ".partial" so that a killed run leaves
// nothing that looks complete. commit() renames it onto the output path; if another process
// replaced the output while this one was writing, commit() refuses (the first writer wins, the
// second reports and keeps its own result under a name it prints).
//
// Before any computation starts, check_output_path() and check_not_an_input() refuse paths that
// could only fail late or that would destroy an input of the same command.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace parksim::engine {

// Throws OutputError unless `path` can be written: not a directory, not a special file, its
// directory exists and is writable, and it is not read-only if it exists. `what` names the option
// (e.g. "-o") in the message.
void check_output_path(const std::string& path, const std::string& what);

// Throws OutputError if `output` names the same file as any of `inputs` (after resolving
// symbolic links, "./" and "..", and hard links of existing files).
void check_not_an_input(const std::string& output, const std::string& what,
                        const std::vector<std::string>& inputs);

// True when two paths name the same file (existing or not).
bool same_file(const std::string& a, const std::string& b);

class OutputFile {
 public:
  // Creates the unique temporary beside `path`. Throws OutputError (with the reason) on failure.
  explicit OutputFile(std::string path);
  // Removes the temporary unless commit() succeeded.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  const std::string& path() const { return path_; }
  const std::string& temporary() const { return temporary_; }

  // Renames the temporary onto the path. Throws OutputError when the rename fails, or when the
  // path was created or replaced by someone else since this writer started (then the temporary is
  // kept under `<path>.<pid>.conflict` and the message says so).
  void commit();

 private:
  struct Identity {
    bool exists = false;
    unsigned long long device = 0, inode = 0;
    long long mtime_ns = 0;
  };
  static Identity identity_of(const std::string& path);

  std::string path_, temporary_;
  Identity before_;
  bool committed_ = false;
};

// Appends the reason a write failed, as the operating system or the file system sees it: "no
// space left on device" when the output's file system is full, else strerror(errno) if set.
std::string write_failure_reason(const std::string& path, int saved_errno);

// A text output written through an OutputFile: `write` fills the stream, then the file is closed,
// checked and committed. Throws OutputError "PATH: cannot write<what>: REASON" on a failed write.
void write_text_output(const std::string& path, const std::string& what,
                       const std::function<void(std::ostream&)>& write);

}  // namespace parksim::engine
