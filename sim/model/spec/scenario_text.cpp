// Input text of the scenario loader: reading files safely, refusing TOML nested too deeply for
// the parser, parsing with located syntax errors, and echoing user text safely in messages.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>
#include <tuple>

#include "parksim/model/input_text.hpp"
#include "scenario_impl.hpp"

namespace parksim::model {
namespace {

// ---------------------------------------------------------------- reading files

std::string kind_problem(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  return "is not a regular file";
}

std::string open_problem(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return "does not exist";
    case ELOOP:
      return "is a symbolic link loop";
    case EACCES:
    case EPERM:
      return "cannot be read: permission denied";
    default:
      return fmt::format("cannot be opened: {}", std::strerror(error));
  }
}

std::string too_large() {
  return fmt::format("is larger than {} MiB, the limit for input files", kMaxInputBytes >> 20);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// ---------------------------------------------------------------- nesting pre-scan

struct Violation {
  std::size_t offset;
  std::string message;
};

// A lexer just precise enough to find keys: it skips strings and comments as TOML does and
// measures each dotted chain ([a.b.c], a.b.c = 1, { a.b = 1 }) and how deep inline tables and
// arrays open. Text that is not valid TOML may be measured loosely: toml++ refuses it anyway, and
// stops at the first error, before anything the lexer could have missed.
class NestingScanner {
 public:
  explicit NestingScanner(std::string_view text) : text_(text) {}
  std::optional<Violation> run();

 private:
  bool at(std::size_t i, char c) const { return i < text_.size() && text_[i] == c; }
  bool triple(std::size_t i) const {
    return (at(i, '"') && at(i + 1, '"') && at(i + 2, '"')) ||
           (at(i, '\'') && at(i + 1, '\'') && at(i + 2, '\''));
  }
  static bool bare(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }
  bool key_start(std::size_t i) const {
    return i < text_.size() && (bare(text_[i]) || text_[i] == '"' || text_[i] == '\'') &&
           !triple(i);
  }
  std::size_t skip_blank(std::size_t i) const {
    while (at(i, ' ') || at(i, '\t')) ++i;
    return i;
  }
  std::size_t skip_quoted(std::size_t i) const;
  std::size_t skip_multiline(std::size_t i) const;
  std::size_t chain(std::size_t i, int& parts) const;
  std::optional<Violation> check_key(std::size_t start, int parts, int base, bool header) const;

  std::string_view text_;
};

// A one-line string from its opening quote; ends after the closing quote (or at the line's end).
std::size_t NestingScanner::skip_quoted(std::size_t i) const {
  const char quote = text_[i++];
  while (i < text_.size() && text_[i] != '\n') {
    if (quote == '"' && text_[i] == '\\') {
      i += 2;
      continue;
    }
    if (text_[i++] == quote) return i;
  }
  return std::min(i, text_.size());
}

// A multi-line string from its opening triple quote. Up to two quotes right before the closing
// three belong to the content (TOML 1.0), so they are consumed with it.
std::size_t NestingScanner::skip_multiline(std::size_t i) const {
  const char quote = text_[i];
  i += 3;
  while (i < text_.size()) {
    if (quote == '"' && text_[i] == '\\') {
      i += 2;
      continue;
    }
    if (triple(i) && text_[i] == quote) {
      i += 3;
      for (int extra = 0; extra < 2 && at(i, quote); ++extra) ++i;
      return i;
    }
    ++i;
  }
  return text_.size();
}

// Counts the parts of the dotted chain starting at i; returns where it ends.
std::size_t NestingScanner::chain(std::size_t i, int& parts) const {
  parts = 0;
  while (true) {
    if (text_[i] == '"' || text_[i] == '\'')
      i = skip_quoted(i);
    else
      while (i < text_.size() && bare(text_[i])) ++i;
    ++parts;
    std::size_t j = skip_blank(i);
    if (!at(j, '.')) return i;
    j = skip_blank(j + 1);
    if (!key_start(j)) return j;
    i = j;
  }
}

std::optional<Violation> NestingScanner::check_key(std::size_t start, int parts, int base,
                                                   bool header) const {
  if (parts > kMaxKeyParts)
    return Violation{start, fmt::format("{} has {} levels; at most {} are allowed",
                                        header ? "table header" : "key", parts, kMaxKeyParts)};
  if (base + parts > kMaxNesting)
    return Violation{
        start,
        fmt::format("values are nested {} levels deep (tables, dotted keys, inline tables and "
                    "arrays together); at most {} are allowed",
                    base + parts, kMaxNesting)};
  return std::nullopt;
}

std::optional<Violation> NestingScanner::run() {
  std::vector<int> open;  // the depth inside each open inline table or array
  int header = 0;         // parts of the current [table] header
  int last_key = 0;       // parts of the key whose value may open a table or array next
  bool line_start = true;
  std::size_t i = 0;
  while (i < text_.size()) {
    const char c = text_[i];
    const int base = open.empty() ? header : open.back();
    if (c == '#') {
      while (i < text_.size() && text_[i] != '\n') ++i;
    } else if (c == '\n') {
      if (open.empty()) {
        line_start = true;
        last_key = 0;
      }
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (triple(i)) {
      i = skip_multiline(i);
      line_start = false;
    } else if (c == '[' && open.empty() && line_start) {
      i = skip_blank(i + (at(i + 1, '[') ? 2 : 1));
      int parts = 0;
      if (key_start(i)) {
        const std::size_t start = i;
        i = chain(i, parts);
        if (auto v = check_key(start, parts, 0, true)) return v;
      }
      header = parts;
      line_start = false;
      i = skip_blank(i);
      while (at(i, ']')) ++i;
    } else if (key_start(i)) {
      const std::size_t start = i;
      int parts = 0;
      i = chain(i, parts);
      if (auto v = check_key(start, parts, base, false)) return v;
      last_key = parts;
      line_start = false;
    } else if (c == '{' || c == '[') {
      const int depth = base + last_key + 1;
      if (depth > kMaxNesting) return check_key(i, last_key + 1, base, false);
      open.push_back(depth);
      last_key = 0;
      line_start = false;
      ++i;
    } else {
      if ((c == '}' || c == ']') && !open.empty()) open.pop_back();
      if (c == '}' || c == ']' || c == ',') last_key = 0;
      line_start = false;
      ++i;
    }
  }
  return std::nullopt;
}

// 1-based line and column (in characters, as toml++ counts) of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto line_begin = text.rfind('\n', offset == 0 ? std::string_view::npos : offset - 1);
  const std::size_t from = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  const int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n'));
  int column = 1;
  for (std::size_t i = from; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

// toml++ 3.3 garbles a quoted key in "cannot redefine existing ... '<key>'" ('"flfoo" '): name
// the key as it is written before the '=' that the error points just after.
std::string redefinition_message(std::string description, std::string_view text, int line,
                                 int column) {
  const auto quote = description.find(" '");
  if (description.find("cannot redefine existing") == std::string::npos ||
      quote == std::string::npos)
    return description;
  std::size_t begin = 0;
  for (int l = 1; l < line; ++l) {
    const auto newline = text.find('\n', begin);
    if (newline == std::string_view::npos) return description;
    begin = newline + 1;
  }
  std::size_t end = begin;  // the byte at `column` (a count of characters)
  for (int c = 1; end < text.size() && text[end] != '\n'; ++end)
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && c++ == column) break;
  std::string_view row = text.substr(begin, end - begin);
  const auto eq = row.rfind('=');
  if (eq == std::string_view::npos) return description;
  row = row.substr(0, eq);
  const auto start = row.find_last_of(",{");
  row = row.substr(start == std::string_view::npos ? 0 : start + 1);
  while (!row.empty() && (row.front() == ' ' || row.front() == '\t')) row.remove_prefix(1);
  while (!row.empty() && (row.back() == ' ' || row.back() == '\t')) row.remove_suffix(1);
  if (row.size() >= 2 && (row.front() == '"' || row.front() == '\'') && row.back() == row.front() &&
      row.substr(1, row.size() - 2).find_first_of("\"'\\") == std::string_view::npos)
    row = row.substr(1, row.size() - 2);
  if (row.empty()) return description;
  return description.substr(0, quote) + " '" + detail::printable(row) + "'";
}

}  // namespace

InputText try_read_input(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {{}, open_problem(errno)};
  if (!S_ISREG(st.st_mode)) return {{}, kind_problem(st.st_mode)};
  if (std::size_t(st.st_size) > kMaxInputBytes) return {{}, too_large()};
  // O_NONBLOCK: if the file was swapped for a FIFO since stat(), open() must not wait for a writer.
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return {{}, open_problem(errno)};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return {{}, kind_problem(st.st_mode)};
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return {{}, fmt::format("cannot be read: {}", std::strerror(errno))};
    if (n == 0) break;
    if (text.size() + std::size_t(n) > kMaxInputBytes) return {{}, too_large()};  // grew while read
    text.append(buffer, std::size_t(n));
  }
  return {std::move(text), {}};
}

std::string read_input_text(const std::string& path, const std::string& role) {
  InputText input = try_read_input(path);
  if (!input.problem.empty())
    throw InputError({{path, 0, 0, "", fmt::format("the {} {}", role, input.problem)}});
  return std::move(input.text);
}

void check_toml_nesting(std::string_view text, const std::string& source) {
  const auto violation = NestingScanner(text).run();
  if (!violation) return;
  const auto [line, column] = line_and_column(text, violation->offset);
  throw InputError({{source, line, column, "", violation->message}});
}

namespace detail {

std::string printable(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && chars++ == max_chars) return out + "…";
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7F)
      out += fmt::format("\\u{:04X}", c);
    else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[i + 1]) <=
                 0x9F)  // C1 controls (U+0080..U+009F), e.g. CSI
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(text[++i]));
    else
      out += char(c);
  }
  return out;
}

std::string type_name(const toml::node& node) {
  std::ostringstream os;
  os << node.type();
  if (node.is_string() || node.is_number() || node.is_boolean() || node.is_date_time() ||
      node.is_date() || node.is_time()) {
    std::ostringstream value;
    node.visit([&](const auto& v) {
      if constexpr (toml::is_value<decltype(v)>) value << v;
    });
    os << ' ' << printable(value.str());
  }
  return os.str();
}

// Bounds a key made of valid parts (a 64-character id, a key, an index) without cutting it; an
// unknown part is cut to 80 characters where it is read.
constexpr std::size_t kMaxKeyEcho = 200;

void Problems::add(const toml::node* node, const std::string& key, const std::string& message) {
  InputProblem p;
  p.key = printable(key, kMaxKeyEcho);
  p.message = printable(message, std::string::npos);
  if (node && node->source().path) {
    p.file = *node->source().path;
    if (!arguments_.count(p.file)) {
      p.line = int(node->source().begin.line);
      p.column = int(node->source().begin.column);
    }
  }
  list_.push_back(std::move(p));
}

void Problems::add_file(const std::string& file, const std::string& message) {
  list_.push_back({file, 0, 0, "", printable(message, std::string::npos)});
}

std::vector<InputProblem> Problems::take() {
  std::stable_sort(list_.begin(), list_.end(), [](const InputProblem& a, const InputProblem& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  return std::move(list_);
}

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

// Keys longer than this get no suggestion: the edit distance costs length squared, and no allowed
// key is near one so long.
constexpr std::size_t kMaxSuggestedKeyLength = 64;

std::string suggestion(const std::string& key, const std::vector<std::string>& allowed) {
  if (key.size() > kMaxSuggestedKeyLength) return "";
  std::string best;
  std::size_t best_d = 1000;
  for (const auto& a : allowed) {
    const std::size_t d = edit_distance(key, a);
    if (d < best_d) {
      best_d = d;
      best = a;
    }
  }
  if (!best.empty() && best_d <= std::max<std::size_t>(2, key.size() / 3))
    return fmt::format(" (did you mean \"{}\"?)", best);
  return "";
}

constexpr std::size_t kMaxIdLength = 64;

// Ids name zones, sectors, programmes and events in outputs (HDF5 labels, xarray coordinates),
// in metric specs (output:2020:zone), --set paths and resolved TOML, so they are plain words;
// "all" is what a target says for every zone or sector. Returns the problem, or "".
std::string id_problem(const std::string& id) {
  static const std::string rule = fmt::format(
      "ids have 1 to {} characters: ASCII letters, digits, '_' and '-' "
      "(a display name goes in label)",
      kMaxIdLength);
  if (id.empty()) return "the id is empty; " + rule;
  if (id == "all")
    return "the id \"all\" is reserved (a target's zone or sector \"all\" means every one); " +
           rule;
  if (id.size() > kMaxIdLength)
    return fmt::format("the id \"{}\" is too long; {}", printable(id), rule);
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-')
      continue;
    const auto u = static_cast<unsigned char>(c);
    const std::string what = u >= 0x80 ? "a non-ASCII character"
                             : u < 0x20 || u == 0x7F
                                 ? fmt::format("the control character U+{:04X}", u)
                                 : fmt::format("'{}'", c);
    return fmt::format("the id \"{}\" holds {}; {}", printable(id), what, rule);
  }
  return "";
}

// Control characters in names and labels would reach terminals and reports as such (an ANSI
// escape recolours the terminal), so text holding them is refused, with where it is; only a
// description may hold line breaks and tabs. Returns the problem, or "".
std::string text_problem(const std::string& text, bool multi_line) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = c < 0x20 || c == 0x7F ? c : 0;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      code = static_cast<unsigned char>(text[i + 1]);  // C1 controls U+0080..U+009F
    if (code == 0 && c != 0) continue;
    if (multi_line && (c == '\n' || c == '\t' || c == '\r')) continue;
    return fmt::format(
        "text holds the control character U+{:04X}; allowed: printable text{}", code,
        multi_line ? ", line breaks and tabs" : " (line breaks and tabs only in a description)");
  }
  return "";
}

toml::table parse_toml(const std::string& text, const std::string& source) {
  check_toml_nesting(text, source);
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    const int line = int(e.source().begin.line), column = int(e.source().begin.column);
    throw InputError(
        {{source, line, column, "",
          fmt::format("TOML syntax error: {}",
                      redefinition_message(std::string(e.description()), text, line, column))}});
  }
}

}  // namespace detail
}  // namespace parksim::model
