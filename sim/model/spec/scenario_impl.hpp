#pragma once
// Private to the scenario loader (scenario*.cpp): how problems are collected, how user text is
// echoed, and how TOML is parsed and composed.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "parksim/engine/error.hpp"
#include "parksim/model/dictionary.hpp"

namespace parksim::model {
struct Scenario;
}

namespace parksim::model::detail {

// User text made safe to echo: control characters escaped (\n, \t, \u001B), at most max_chars
// characters with "…" marking a cut, so a key of a megabyte or an ANSI escape never reaches the
// terminal as such.
std::string printable(std::string_view text, std::size_t max_chars = 80);

// "string 'thirty'", "integer 5", "table": what a user wrote, for error messages.
std::string type_name(const toml::node& node);

// " (did you mean \"rate\"?)" when an allowed word is close to `key`, else "".
std::string suggestion(const std::string& key, const std::vector<std::string>& allowed);

// Why `id` cannot name a zone, sector, programme or event, or "" when it can.
std::string id_problem(const std::string& id);

// Why `text` cannot be a text value (it holds control characters), or "". A multi-line text
// (a description) may hold line breaks and tabs.
std::string text_problem(const std::string& text, bool multi_line);

// Every problem found, reported together in reading order (file, line, column).
class Problems {
 public:
  // Problems located at a node whose source is a command-line argument (--set) name the
  // argument instead of a line and column.
  void mark_argument(const std::string& source) { arguments_.insert(source); }
  void add(const toml::node* node, const std::string& key, const std::string& message);
  void add_file(const std::string& file, const std::string& message);
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  std::vector<InputProblem> take();

 private:
  std::vector<InputProblem> list_;
  std::set<std::string> arguments_;
};

// "5" or "1.5e+16": a number as a message shows it.
std::string plain_number(double v);
// "allowed: 0 .. 1 CNY"
std::string describe_range(double lo, double hi, const std::string& unit);
// A node converted to the internal unit of a numeric kind; throws units::UnitError saying what
// is allowed.
double numeric_value(ValueKind kind, const toml::node& node);
// A month from "2015-10", "2015" or the integer 2015 (both January), within lo..hi; throws
// units::UnitError.
int read_month(const toml::node& node, int lo, int hi);

// Checks between keys, run once every key is valid on its own.
void cross_check(const Scenario& s, const toml::table& root, Problems& problems);

// Parses TOML after check_toml_nesting; a syntax error becomes an InputError at file:line:column.
toml::table parse_toml(const std::string& text, const std::string& source);

// The scenario's TOML after composition: the file with its `extends` chain, then each overlay
// (with its own chain), then the `--set` overrides. Throws InputError when a file cannot be read
// or parsed; problems of --set arguments are added to `problems`. `files` receives every file
// read, in reading order (outputs must never overwrite one of them).
toml::table compose_scenario(const std::string& path, const std::vector<std::string>& overlays,
                             const std::vector<std::string>& overrides, Problems& problems,
                             std::vector<std::string>& files);

}  // namespace parksim::model::detail
