// Output paths checked before work starts, and outputs written under unique temporaries.
#include "parksim/engine/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "parksim/engine/error.hpp"

namespace parksim::engine {

namespace fs = std::filesystem;

namespace {

std::string directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// The path with symbolic links and dot components resolved as far as they exist.
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? fs::path(path).lexically_normal() : p;
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) {
    const bool same = fs::equivalent(a, b, ec);
    if (!ec) return same;
  }
  return resolved(a) == resolved(b);
}

void check_not_an_input(const std::string& output, const std::string& what,
                        const std::vector<std::string>& inputs) {
  for (const auto& in : inputs)
    if (!in.empty() && same_file(output, in))
      throw OutputError(fmt::format(
          "{} {} is also an input of this command ({}): writing it would destroy that input; "
          "choose another output file",
          what, output, in));
}

void check_output_path(const std::string& path, const std::string& what) {
  if (path.empty()) throw OutputError(fmt::format("{}: the output file name is empty", what));
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (st.type() == fs::file_type::directory)
    throw OutputError(
        fmt::format("{} {}: is a directory; give a file name, e.g. {}/out.h5", what, path, path));
  if (fs::exists(st) && st.type() != fs::file_type::regular)
    throw OutputError(fmt::format(
        "{} {}: exists and is not a regular file (a FIFO, device or socket)", what, path));
  const std::string dir = directory_of(path);
  const auto dst = fs::status(dir, ec);
  if (!fs::exists(dst))
    throw OutputError(
        fmt::format("{} {}: directory {} does not exist (create it first)", what, path, dir));
  if (dst.type() != fs::file_type::directory)
    throw OutputError(fmt::format("{} {}: {} is not a directory", what, path, dir));
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw OutputError(fmt::format("{} {}: directory {} is not writable ({})", what, path, dir,
                                  std::strerror(errno)));
  if (fs::exists(st) && ::access(path.c_str(), W_OK) != 0)
    throw OutputError(
        fmt::format("{} {}: exists and is not writable ({})", what, path, std::strerror(errno)));
}

std::string write_failure_reason(const std::string& path, int saved_errno) {
  struct statvfs vfs {};
  if (::statvfs(directory_of(path).c_str(), &vfs) == 0 && vfs.f_bavail == 0)
    return fmt::format("no space left on device (file system of {} is full)", directory_of(path));
  if (saved_errno == ENOSPC || saved_errno == EDQUOT) return std::strerror(saved_errno);
  if (saved_errno != 0) return std::strerror(saved_errno);
  return {};
}

void write_text_output(const std::string& path, const std::string& what,
                       const std::function<void(std::ostream&)>& write) {
  OutputFile file(path);
  std::ofstream f(file.temporary());
  write(f);
  f.close();
  if (f.fail())
    throw OutputError(
        fmt::format("{}: cannot write{}: {}", path, what, write_failure_reason(path, errno)));
  file.commit();
}

OutputFile::Identity OutputFile::identity_of(const std::string& path) {
  struct stat st {};
  Identity id;
  if (::stat(path.c_str(), &st) != 0) return id;
  id.exists = true;
  id.device = st.st_dev;
  id.inode = st.st_ino;
  id.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
  return id;
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  static std::atomic<unsigned> counter{0};
  std::random_device entropy;
  before_ = identity_of(path_);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string candidate =
        fmt::format("{}.{}-{:08x}-{}.partial", path_, ::getpid(), entropy(), counter++);
    // O_EXCL: two writers can never share a temporary; mode 0666 lets the umask decide as usual.
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      temporary_ = candidate;
      return;
    }
    if (errno != EEXIST)
      throw OutputError(fmt::format("{}: cannot create a file in {}: {}", path_,
                                    directory_of(path_), std::strerror(errno)));
  }
  throw OutputError(fmt::format("{}: cannot find an unused temporary name", path_));
}

OutputFile::~OutputFile() {
  if (committed_ || temporary_.empty()) return;
  std::error_code ec;
  fs::remove(temporary_, ec);
}

void OutputFile::commit() {
  const Identity now = identity_of(path_);
  const bool replaced =
      now.exists && (!before_.exists || now.device != before_.device ||
                     now.inode != before_.inode || now.mtime_ns != before_.mtime_ns);
  if (replaced) {
    const std::string kept = fmt::format("{}.{}.conflict", path_, ::getpid());
    std::error_code ec;
    fs::rename(temporary_, kept, ec);
    if (!ec) committed_ = true;
    throw OutputError(fmt::format(
        "{}: another process wrote this file while this one was running; it was left as it is{}",
        path_,
        ec ? std::string(" and this result was discarded")
           : fmt::format(" and this result was kept as {}", kept)));
  }
  std::error_code ec;
  fs::rename(temporary_, path_, ec);
  if (ec)
    throw OutputError(
        fmt::format("{}: cannot rename {} onto it: {}", path_, temporary_, ec.message()));
  committed_ = true;
}

}  // namespace parksim::engine
