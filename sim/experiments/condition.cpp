// The --where condition of discover: a small recursive-descent parser over comparisons joined by
// and / or, with parentheses.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/discover.hpp"

namespace parksim::experiments {

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.' ||
         c == '-' || (static_cast<unsigned char>(c) & 0x80);
}

class Parser {
 public:
  Parser(const std::string& text, std::vector<std::string>& names,
         std::vector<Condition::Node>& nodes)
      : s_(text), names_(names), nodes_(nodes) {}

  int parse() {
    const int root = disjunction();
    skip_space();
    if (pos_ < s_.size()) fail(fmt::format("expected \"and\", \"or\" or the end, found \"{}\"", rest()));
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(fmt::format("--where \"{}\": at column {}: {}", s_, pos_ + 1, what));
  }
  std::string rest() const { return s_.substr(pos_, 12); }
  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool keyword(const char* word) {
    skip_space();
    const std::size_t n = std::char_traits<char>::length(word);
    if (s_.compare(pos_, n, word) != 0) return false;
    if (pos_ + n < s_.size() && name_char(s_[pos_ + n])) return false;
    pos_ += n;
    return true;
  }
  int join(Condition::Node::Kind kind, int left, int right) {
    Condition::Node node;
    node.kind = kind;
    node.left = left;
    node.right = right;
    nodes_.push_back(node);
    return int(nodes_.size() - 1);
  }
  int disjunction() {
    int left = conjunction();
    while (keyword("or")) left = join(Condition::Node::Or, left, conjunction());
    return left;
  }
  int conjunction() {
    int left = primary();
    while (keyword("and")) left = join(Condition::Node::And, left, primary());
    return left;
  }
  int primary() {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '(') {
      ++pos_;
      const int inner = disjunction();
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ')') fail("expected \")\"");
      ++pos_;
      return inner;
    }
    return comparison();
  }
  int comparison() {
    Condition::Node node;
    node.name = name();
    node.op = op();
    node.number = number();
    nodes_.push_back(node);
    return int(nodes_.size() - 1);
  }
  std::size_t name() {
    skip_space();
    const std::size_t start = pos_;
    if (pos_ >= s_.size() || !std::isalpha(static_cast<unsigned char>(s_[pos_])))
      fail("expected an output name (a metric such as output:2025)");
    while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
    const std::string n = s_.substr(start, pos_ - start);
    if (n == "and" || n == "or") {
      pos_ = start;
      fail("expected an output name before \"" + n + "\"");
    }
    const auto it = std::find(names_.begin(), names_.end(), n);
    if (it != names_.end()) return std::size_t(it - names_.begin());
    names_.push_back(n);
    return names_.size() - 1;
  }
  std::string op() {
    skip_space();
    for (const char* o : {">=", "<=", "==", "!=", ">", "<"}) {
      const std::size_t n = std::char_traits<char>::length(o);
      if (s_.compare(pos_, n, o) == 0) {
        pos_ += n;
        return o;
      }
    }
    fail("expected a comparison: >=, <=, >, <, == or !=");
  }
  double number() {
    skip_space();
    const char* begin = s_.c_str() + pos_;
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    const std::size_t used = std::size_t(end - begin);
    if (used == 0 || !std::isfinite(v) || (pos_ + used < s_.size() && name_char(s_[pos_ + used])))
      fail("expected a finite number in the output's unit (no unit suffix)");
    pos_ += used;
    return v;
  }

  const std::string& s_;
  std::vector<std::string>& names_;
  std::vector<Condition::Node>& nodes_;
  std::size_t pos_ = 0;
};

}  // namespace

Condition::Condition(const std::string& text) : text_(text) {
  root_ = Parser(text_, names_, nodes_).parse();
}

bool Condition::holds(const std::vector<double>& values) const { return eval(root_, values); }

bool Condition::eval(int index, const std::vector<double>& values) const {
  const Node& n = nodes_[std::size_t(index)];
  if (n.kind == Node::And) return eval(n.left, values) && eval(n.right, values);
  if (n.kind == Node::Or) return eval(n.left, values) || eval(n.right, values);
  const double v = values.at(n.name);
  if (std::isnan(v)) return false;
  if (n.op == ">=") return v >= n.number;
  if (n.op == "<=") return v <= n.number;
  if (n.op == ">") return v > n.number;
  if (n.op == "<") return v < n.number;
  if (n.op == "==") return v == n.number;
  return v != n.number;
}

}  // namespace parksim::experiments
