// Composition of a scenario: a file with its `extends` chain, overlay files, `--set` overrides.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "parksim/model/input_text.hpp"
#include "scenario_read.hpp"

namespace parksim::model::detail {
namespace {

namespace fs = std::filesystem;

// Child values override the base; tables merge recursively (the nesting pre-scan bounds the
// depth). Nodes are moved so that each keeps the source position it was read from.
void merge_into(toml::table& base, toml::table&& child) {
  for (auto&& [key, node] : child) {
    auto* base_node = base.get(key);
    if (base_node && base_node->is_table() && node.is_table()) {
      merge_into(*base_node->as_table(), std::move(*node.as_table()));
    } else {
      base.insert_or_assign(key, std::move(node));
    }
  }
}

// The path that identifies a file in a cycle check; error_code overloads, because a symbolic link
// loop must become a message, not a std::filesystem_error.
std::string identity(const std::string& path) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(path, ec);
  if (!ec) return canonical.string();
  const auto absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().string();
}

// Paths relative to the first file's folder keep the cycle message short and machine-independent.
std::string describe_cycle(const std::vector<std::string>& chain, const std::string& closing) {
  const auto home = fs::path(chain.front()).parent_path();
  std::string cycle;
  for (const auto& c : chain) cycle += fs::path(c).lexically_relative(home).string() + " -> ";
  return "cycle in extends: " + cycle + fs::path(closing).lexically_relative(home).string();
}

toml::table parse_scenario_text(const std::string& text, const std::string& path) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(
        {{path, 0, 0, "", "file is empty: a scenario needs at least a [scenario] table"}});
  return parse_toml(text, path);
}

[[noreturn]] void fail(Problems& problems, const toml::node* node, const std::string& message) {
  problems.add(node, "extends", message);
  throw InputError(problems.take());
}

// The file named by `extends` in `table` (read from `path`): its path and text. Every refusal is
// located at the extends line.
std::pair<std::string, std::string> read_base(const toml::table& table, const std::string& path,
                                              const std::vector<std::string>& chain,
                                              Problems& problems) {
  const toml::node* ext = table.get("extends");
  if (!ext->is_string())
    fail(problems, ext, fmt::format("must be a file name (text), got {}", type_name(*ext)));
  if (int(chain.size()) >= kMaxExtendsDepth)
    fail(problems, ext, fmt::format("the extends chain is longer than {} files", kMaxExtendsDepth));
  const std::string written = ext->as_string()->get();
  const auto base_path = (fs::path(path).parent_path() / written).lexically_normal().string();
  InputText input = try_read_input(base_path);
  if (!input.problem.empty())
    fail(problems, ext,
         fmt::format("file \"{}\" {} (looked for {})", written, input.problem, base_path));
  const std::string base_identity = identity(base_path);
  if (std::find(chain.begin(), chain.end(), base_identity) != chain.end())
    fail(problems, ext, describe_cycle(chain, base_identity));
  return {base_path, std::move(input.text)};
}

// A file and its extends chain, merged: the innermost base first, each file on top of its base.
// Iterative, so the chain's length costs no stack.
toml::table load_composed(const std::string& path, const std::string& role, Problems& problems,
                          std::vector<std::string>& files) {
  std::vector<std::string> chain;   // identities of the files read, outermost first
  std::vector<toml::table> tables;  // their tables, same order
  std::string current = path;
  std::string text = read_input_text(path, role);
  while (true) {
    chain.push_back(identity(current));
    files.push_back(current);
    tables.push_back(parse_scenario_text(text, current));
    if (!tables.back().contains("extends")) break;
    auto [base_path, base_text] = read_base(tables.back(), current, chain, problems);
    tables.back().erase("extends");
    current = std::move(base_path);
    text = std::move(base_text);
  }
  // Files in composition order (a base before the files that extend it): the order tables of
  // named entries (zones, programmes, ...) are listed in.
  std::reverse(files.end() - long(chain.size()), files.end());
  toml::table composed = std::move(tables.back());
  for (auto t = tables.rbegin() + 1; t != tables.rend(); ++t) merge_into(composed, std::move(*t));
  return composed;
}

// A table whose source is the --set argument, so that problems inside it are located there.
toml::table argument_table(const std::string& source) {
  toml::table holder = toml::parse("[t]", source);
  toml::table t = std::move(*holder.get("t")->as_table());
  return t;
}

// The value of a --set argument as one TOML node: read as TOML if it parses, else as text.
// Returns false (with a problem added) when the value is not a single value.
bool override_value(const std::string& value, const std::string& source, toml::table& parsed,
                    Problems& problems) {
  if (value.find_first_of("\r\n") != std::string::npos) {
    problems.add_file(
        source,
        "the value spans lines; give one value (write a line break in text as \\n inside \"...\")");
    return false;
  }
  try {
    check_toml_nesting(value, source);
  } catch (const InputError& e) {
    problems.add_file(source, e.problems().front().message);
    return false;
  }
  try {
    parsed = toml::parse("v = " + value, source);
  } catch (const toml::parse_error&) {
    parsed = toml::parse("v = \"\"", source);
    *parsed.get("v")->as_string() = value;
  }
  if (parsed.size() != 1) {
    problems.add_file(source, "the value is more than one TOML value; give one value");
    return false;
  }
  return true;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

// "--set programmes.first_unit.rate=20%": one value replaces the one at the path; tables on the
// path are created as needed.
void apply_override(toml::table& root, const std::string& assignment, Problems& problems) {
  const std::string source = "--set " + printable(assignment);
  problems.mark_argument(source);
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    return problems.add_file(source, "not of the form path.to.key=value");
  const auto parts = split_path(assignment.substr(0, eq));
  if (std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); }))
    return problems.add_file(source, "the path has an empty part; write path.to.key=value");
  if (int(parts.size()) > kMaxKeyParts)
    return problems.add_file(source, fmt::format("the path has {} levels; at most {} are allowed",
                                                 parts.size(), kMaxKeyParts));
  toml::table parsed;
  if (!override_value(assignment.substr(eq + 1), source, parsed, problems)) return;
  toml::table* cursor = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    auto* next = cursor->get(parts[i]);
    if (!next) next = cursor->insert(parts[i], argument_table(source)).first->second.as_table();
    if (!next->is_table())
      return problems.add_file(source, fmt::format("\"{}\" is not a table", printable(parts[i])));
    cursor = next->as_table();
  }
  cursor->insert_or_assign(parts.back(), std::move(*parsed.get("v")));
}

// `node` as the top-level `key`, written as toml++ writes it but always under a header ([key],
// [[key]]) rather than as an inline value, so that the text stands on its own between tables.
std::string section_text(const std::string& key, const toml::node& node) {
  toml::table holder;
  node.visit([&](const auto& n) { holder.insert(key, n); });
  auto& copy = *holder.get(key);
  if (auto* t = copy.as_table()) t->is_inline(false);
  if (copy.is_array_of_tables())
    for (auto& item : *copy.as_array()) item.as_table()->is_inline(false);
  std::ostringstream text;
  text << holder;
  return text.str();
}

}  // namespace

std::string resolved_text(const toml::table& root, const std::vector<std::string>& files) {
  static const std::set<std::string> named = {"zones", "sectors", "programmes", "events"};
  std::vector<std::string> tables, arrays;  // toml++'s order: tables, then arrays of tables
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    std::vector<std::pair<std::string, const toml::table*>> entries;
    Problems none;  // the scenario has loaded, so its named sections hold valid entries only
    if (named.count(key)) entries = ordered_tables(&node, key, files, none);
    for (const auto& [id, table] : entries) {  // [key.id], one by one in composition order
      toml::table section;
      section.insert(id, *table).first->second.as_table()->is_inline(false);
      tables.push_back(section_text(key, section));
    }
    if (entries.empty())
      (node.is_array_of_tables() ? arrays : tables).push_back(section_text(key, node));
  }
  std::string out;
  for (const auto* group : {&tables, &arrays})
    for (const auto& text : *group) out += (out.empty() ? "" : "\n\n") + text;
  return out;
}

toml::table compose_scenario(const std::string& path, const std::vector<std::string>& overlays,
                             const std::vector<std::string>& overrides, Problems& problems,
                             std::vector<std::string>& files) {
  toml::table root = load_composed(path, "scenario", problems, files);
  for (const auto& overlay : overlays)
    merge_into(root, load_composed(overlay, "overlay", problems, files));
  for (const auto& o : overrides) apply_override(root, o, problems);
  return root;
}

}  // namespace parksim::model::detail
