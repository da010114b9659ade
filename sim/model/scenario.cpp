// Loading a scenario: parse TOML, compose `extends` and `--set` overrides, validate every key
// against the dictionary, run cross-field checks, and report all problems at once.
#include "parksim/model/scenario.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>
#include <sstream>
#include <toml++/toml.h>

#include "dictionary_impl.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/units.hpp"

namespace parksim::model {

const std::vector<MetricInfo>& scorecard_metrics() {
  static const std::vector<MetricInfo> m = {
      {"output", "1e8 CNY/year", "Industrial output in the calendar year"},
      {"value_added", "1e8 CNY/year", "Industrial value added in the calendar year"},
      {"output_density", "1e8 CNY/km2/year", "Output over industrial land used (December)"},
      {"value_added_density", "1e8 CNY/km2/year", "Value added over industrial land used (December)"},
      {"sei_share", "1", "Strategic-emerging-industry share of output"},
      {"firms", "firms", "Firms alive in December"},
      {"employment", "persons", "Employees in December"},
      {"land_used", "km2", "Industrial land used in December"},
      {"high_tech_firms", "firms", "Certified high-tech enterprises in December"},
      {"rd_intensity", "1", "R&D spending / output in the calendar year"},
      {"talent", "persons", "Skilled and leading talent present in December"},
      {"leading_talent", "persons", "Leading talents present in December"},
      {"platforms", "platforms", "Platforms (labs, test and engineering centres) in operation"},
      {"patents", "patents/year", "Invention patents granted to above-size firms in the calendar year"},
      {"innovation_centres", "centres", "Manufacturing innovation centres selected and not revoked (December)"},
      {"incubators", "incubators", "Incubators and accelerators in December"},
      {"smart_retrofits", "projects", "Smart-retrofit projects completed since the start"},
      {"first_units", "products", "First-unit products sold since the start"},
      {"unicorns", "firms", "Unicorns in December"},
      {"hidden_champions", "firms", "Hidden champions in December"},
      {"listed_firms", "firms", "Listed firms in December"},
      {"loans_outstanding", "1e8 CNY", "Bank loans outstanding in December"},
      {"policy_cost", "1e8 CNY", "Money paid by all programmes since the start"},
  };
  return m;
}

int Scenario::zone_index(const std::string& id) const {
  for (std::size_t i = 0; i < zones.size(); ++i)
    if (zones[i].id == id) return int(i);
  return -1;
}

int Scenario::sector_index(const std::string& id) const {
  for (std::size_t i = 0; i < sectors.size(); ++i)
    if (sectors[i].id == id) return int(i);
  return -1;
}

namespace {

using detail::Entry;

// "string \"thirty\"", "integer 5", "table": what a user wrote, for error messages.
std::string type_name(const toml::node& node) {
  std::ostringstream os;
  os << node.type();
  if (node.is_string() || node.is_number() || node.is_boolean() || node.is_date_time() || node.is_date() ||
      node.is_time()) {
    os << ' ';
    node.visit([&](const auto& v) {
      if constexpr (toml::is_value<decltype(v)>) os << v;
    });
  }
  return os.str();
}

// ---------------------------------------------------------------- problems and suggestions

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string suggestion(const std::string& key, const std::vector<std::string>& allowed) {
  std::string best;
  std::size_t best_d = 1000;
  for (const auto& a : allowed) {
    const std::size_t d = edit_distance(key, a);
    if (d < best_d) { best_d = d; best = a; }
  }
  if (!best.empty() && best_d <= std::max<std::size_t>(2, key.size() / 3))
    return fmt::format(" (did you mean \"{}\"?)", best);
  return "";
}

class Problems {
 public:
  void add(const toml::node* node, const std::string& key, std::string message) {
    InputProblem p;
    p.key = key;
    p.message = std::move(message);
    if (node && node->source().path) {
      p.file = *node->source().path;
      p.line = int(node->source().begin.line);
      p.column = int(node->source().begin.column);
    }
    list_.push_back(std::move(p));
  }
  void add_file(const std::string& file, std::string message) {
    list_.push_back({file, 0, 0, "", std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  // Problems in reading order: by file, then line and column.
  std::vector<InputProblem> take() {
    std::stable_sort(list_.begin(), list_.end(), [](const InputProblem& a, const InputProblem& b) {
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    return std::move(list_);
  }

 private:
  std::vector<InputProblem> list_;
};

// ---------------------------------------------------------------- composition

toml::table parse_file(const std::string& path, Problems& problems, bool& ok) {
  ok = false;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.add_file(path, "cannot open file");
    return {};
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.add_file(path, "file is empty: a scenario needs at least a [scenario] table");
    return {};
  }
  try {
    auto table = toml::parse(text, path);
    ok = true;
    return table;
  } catch (const toml::parse_error& e) {
    throw InputError({{path, int(e.source().begin.line), int(e.source().begin.column), "",
                       fmt::format("TOML syntax error: {}", e.description())}});
  }
}

// Child values override the base; tables merge recursively. Nodes are moved so that each keeps
// the source position (file, line, column) it was read from.
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

// Paths relative to the first file's folder keep the cycle message short and machine-independent.
std::string describe_cycle(const std::vector<std::string>& chain, const std::string& closing) {
  const auto home = std::filesystem::path(chain.front()).parent_path();
  std::string cycle;
  for (const auto& c : chain) cycle += std::filesystem::path(c).lexically_relative(home).string() + " -> ";
  return "cycle in extends: " + cycle + std::filesystem::path(closing).lexically_relative(home).string();
}

// `chain` holds the canonical paths of the files being loaded, outermost first.
toml::table load_composed(const std::string& path, std::vector<std::string>& chain, Problems& problems) {
  chain.push_back(std::filesystem::weakly_canonical(path).string());
  bool ok = false;
  toml::table table = parse_file(path, problems, ok);
  if (!ok) throw InputError(problems.take());
  auto* ext = table.get("extends");
  if (!ext) {
    chain.pop_back();
    return table;
  }
  if (!ext->is_string()) {
    problems.add(ext, "extends", fmt::format("must be a file name (text), got {}", type_name(*ext)));
    throw InputError(problems.take());
  }
  const std::string written = ext->as_string()->get();
  const auto base_path = (std::filesystem::path(path).parent_path() / written).lexically_normal().string();
  if (!std::filesystem::is_regular_file(base_path)) {
    problems.add(ext, "extends", fmt::format("file \"{}\" does not exist (looked for {})", written, base_path));
    throw InputError(problems.take());
  }
  const std::string base_canonical = std::filesystem::weakly_canonical(base_path).string();
  if (std::find(chain.begin(), chain.end(), base_canonical) != chain.end()) {
    problems.add(ext, "extends", describe_cycle(chain, base_canonical));
    throw InputError(problems.take());
  }
  toml::table base = load_composed(base_path, chain, problems);
  table.erase("extends");
  merge_into(base, std::move(table));
  chain.pop_back();
  return base;
}

// "--set programmes.first_unit.rate=20%": the value is read as TOML if it parses, else as text.
void apply_override(toml::table& root, const std::string& assignment, Problems& problems) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    problems.add_file("--set", fmt::format("\"{}\" is not of the form path.to.key=value", assignment));
    return;
  }
  const std::string path = assignment.substr(0, eq);
  const std::string value = assignment.substr(eq + 1);
  toml::table parsed;
  try {
    parsed = toml::parse("v = " + value, "--set " + path);
  } catch (const toml::parse_error&) {
    parsed = toml::parse("v = \"\"", "--set " + path);
    parsed.insert_or_assign("v", value);
  }
  toml::table* cursor = &root;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      cursor->insert_or_assign(part, std::move(*parsed.get("v")));
      return;
    }
    auto* next = cursor->get(part);
    if (!next) {
      cursor->insert(part, toml::table{});
      next = cursor->get(part);
    }
    if (!next->is_table()) {
      problems.add_file("--set", fmt::format("\"{}\": \"{}\" is not a table", path, part));
      return;
    }
    cursor = next->as_table();
    start = dot + 1;
  }
}

// ---------------------------------------------------------------- value conversion

std::optional<double> as_number(const toml::node& node) {
  if (auto v = node.value<double>()) return *v;
  return std::nullopt;
}

std::string plain_number(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return fmt::format("{}", std::int64_t(v));
  return fmt::format("{:g}", v);
}

std::string describe_range(double lo, double hi, const std::string& unit) {
  const bool shown = !unit.empty() && unit != "1";
  return fmt::format("allowed: {} .. {}{}{}", plain_number(lo), plain_number(hi), shown ? " " : "", shown ? unit : "");
}

const char* with_article(ValueKind kind) {
  switch (kind) {
    case ValueKind::Real: return "a number";
    case ValueKind::Integer: return "a whole number";
    case ValueKind::Money: return "money";
    case ValueKind::Area: return "an area";
    case ValueKind::Rate: return "a rate";
    case ValueKind::Change: return "a relative change";
    default: return kind_name(kind);
  }
}

// Converts a node to the internal unit of a numeric kind; throws UnitError saying what is allowed.
double numeric_value(ValueKind kind, const toml::node& node) {
  if (node.is_string()) {
    const auto& s = node.as_string()->get();
    switch (kind) {
      case ValueKind::Money: return units::parse_money(s);
      case ValueKind::Area: return units::parse_area(s);
      case ValueKind::Rate: return units::parse_rate(s);
      case ValueKind::Change: return units::parse_change(s);
      default: throw units::UnitError(fmt::format("expected a number, got {}", type_name(node)));
    }
  }
  const auto n = as_number(node);
  if (!n || node.is_boolean())
    throw units::UnitError(fmt::format("expected {}, got {}", with_article(kind), type_name(node)));
  switch (kind) {
    case ValueKind::Area:
      throw units::UnitError(fmt::format(
          "an area needs its unit, e.g. \"{:g} km2\", \"{:g} ha\" or \"{:g}亩\"", *n, *n, *n));
    case ValueKind::Money: return units::money_from_number(*n);
    case ValueKind::Rate: return units::rate_from_number(*n);
    default:
      if (!std::isfinite(*n)) throw units::UnitError("value is not finite");
      return *n;
  }
}

template <class T>
void assign(T& obj, const Entry<T>& entry, const toml::node& node, const std::string& key,
            Problems& problems) {
  auto bad = [&](const std::string& msg) { problems.add(&node, key, msg); };
  auto check_range = [&](double v) {
    if (!(v >= entry.min && v <= entry.max)) {
      bad(fmt::format("value {} is out of range ({})", plain_number(v), describe_range(entry.min, entry.max, entry.unit)));
      return false;
    }
    return true;
  };
  try {
    switch (entry.kind) {
      case ValueKind::Real: case ValueKind::Money: case ValueKind::Area: case ValueKind::Rate:
      case ValueKind::Change: {
        const double v = numeric_value(entry.kind, node);
        if (check_range(v)) obj.*std::get<double T::*>(entry.member) = v;
        return;
      }
      case ValueKind::Integer: {
        auto n = node.value<std::int64_t>();
        if (!n || !node.is_integer()) return bad(fmt::format("expected a whole number, got {}", type_name(node)));
        if (check_range(double(*n))) obj.*std::get<int T::*>(entry.member) = int(*n);
        return;
      }
      case ValueKind::Month: {
        int m = 0;
        if (node.is_string()) m = units::parse_month(node.as_string()->get());
        else if (node.is_integer()) m = units::parse_month(std::to_string(*node.value<std::int64_t>()));
        else return bad(fmt::format("expected a month \"YYYY-MM\", got {}", type_name(node)));
        if (m < entry.min || m > entry.max)
          return bad(fmt::format("month {} is out of range ({} .. {})", units::format_month(m),
                                 units::format_month(int(entry.min)), units::format_month(int(entry.max))));
        obj.*std::get<int T::*>(entry.member) = m;
        return;
      }
      case ValueKind::Bool:
        if (!node.is_boolean()) return bad(fmt::format("expected true or false, got {}", type_name(node)));
        obj.*std::get<bool T::*>(entry.member) = *node.value<bool>();
        return;
      case ValueKind::Text:
        if (!node.is_string()) return bad(fmt::format("expected text, got {}", type_name(node)));
        obj.*std::get<std::string T::*>(entry.member) = node.as_string()->get();
        return;
      case ValueKind::Choice: {
        if (!node.is_string()) return bad(fmt::format("expected text, got {}", type_name(node)));
        const auto& s = node.as_string()->get();
        if (std::find(entry.choices.begin(), entry.choices.end(), s) == entry.choices.end())
          return bad(fmt::format("\"{}\" is not allowed{}; allowed: {}", s, suggestion(s, entry.choices),
                                 fmt::join(entry.choices, ", ")));
        obj.*std::get<std::string T::*>(entry.member) = s;
        return;
      }
      case ValueKind::TextList: {
        if (!node.is_array()) return bad(fmt::format("expected a list of text, got {}", type_name(node)));
        std::vector<std::string> list;
        for (const auto& item : *node.as_array()) {
          if (!item.is_string()) return problems.add(&item, key, "every element must be text");
          list.push_back(item.as_string()->get());
        }
        obj.*std::get<std::vector<std::string> T::*>(entry.member) = std::move(list);
        return;
      }
    }
  } catch (const units::UnitError& e) {
    bad(e.what());
  }
}

template <class T>
void read_table(T& obj, const toml::table& table, const std::string& prefix,
                const std::vector<Entry<T>>& entries, Problems& problems,
                const std::set<std::string>& handled_elsewhere = {}) {
  std::vector<std::string> keys;
  for (const auto& e : entries) keys.push_back(e.key);
  for (const auto& [k, node] : table) {
    const std::string key(k.str());
    if (handled_elsewhere.count(key)) continue;
    auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return key == e.key; });
    if (it == entries.end()) {
      problems.add(&node, prefix + key, fmt::format("unknown key{}", suggestion(key, keys)));
      continue;
    }
    assign(obj, *it, node, prefix + key, problems);
  }
  for (const auto& e : entries)
    if (e.required && !table.contains(e.key))
      problems.add(&table, prefix + e.key, fmt::format("required key is missing ({})", e.description));
}

// Named sub-tables ([zones.lingang], [sectors.robots]) in the order they appear in the file.
std::vector<std::pair<std::string, const toml::table*>> ordered_tables(const toml::node* node,
                                                                       const std::string& section,
                                                                       Problems& problems) {
  std::vector<std::pair<std::string, const toml::table*>> out;
  if (!node) return out;
  if (!node->is_table()) {
    problems.add(node, section, "must be a table of named entries");
    return out;
  }
  for (const auto& [k, v] : *node->as_table()) {
    if (!v.is_table()) {
      problems.add(&v, section + "." + std::string(k.str()), "must be a table");
      continue;
    }
    out.emplace_back(std::string(k.str()), v.as_table());
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second->source().begin < b.second->source().begin;
  });
  return out;
}

// ---------------------------------------------------------------- sections

void read_zones(Scenario& s, const toml::table& root, Problems& problems) {
  for (const auto& [id, table] : ordered_tables(root.get("zones"), "zones", problems)) {
    ZoneSpec z;
    z.id = id;
    z.label = id;
    const std::string prefix = "zones." + id + ".";
    read_table(z, *table, prefix, detail::zone_entries(), problems, {"sector_output"});
    if (const auto* so = table->get("sector_output")) {
      if (!so->is_table()) {
        problems.add(so, prefix + "sector_output", "must be a table of sector = money");
      } else {
        for (const auto& [sk, node] : *so->as_table()) {
          const std::string key = prefix + "sector_output." + std::string(sk.str());
          try {
            double v = node.is_string() ? units::parse_money(node.as_string()->get())
                       : node.is_number() ? units::money_from_number(*node.value<double>())
                                          : -1.0;
            if (v < 0) problems.add(&node, key, "expected money, e.g. \"120亿\"");
            z.sectors.emplace_back(sk.str());
            z.sector_output.push_back(std::max(v, 0.0));
          } catch (const units::UnitError& e) {
            problems.add(&node, key, e.what());
          }
        }
      }
    } else {
      problems.add(table, prefix + "sector_output", "required table is missing (annual output by sector)");
    }
    s.zones.push_back(std::move(z));
  }
  if (s.zones.empty()) problems.add(&root, "zones", "at least one zone is required ([zones.<id>])");
}

void read_sectors(Scenario& s, const toml::table& root, Problems& problems) {
  for (const auto& [id, table] : ordered_tables(root.get("sectors"), "sectors", problems)) {
    SectorSpec sec;
    sec.id = id;
    sec.label = id;
    read_table(sec, *table, "sectors." + id + ".", detail::sector_entries(), problems);
    s.sectors.push_back(std::move(sec));
  }
  if (s.sectors.empty()) problems.add(&root, "sectors", "at least one sector is required ([sectors.<id>])");
}

const std::vector<std::string>& changeable_keys() {
  static const std::vector<std::string> keys = {"rate", "cap", "cap_per_year", "budget_per_year", "amount",
                                                "premium_rate_cap", "effect", "units_per_year", "years"};
  return keys;
}

const Entry<ProgrammeSpec>* programme_entry(const std::string& key) {
  for (const auto& e : detail::programme_entries())
    if (key == e.key) return &e;
  return nullptr;
}

// changes = [{ at = "2018-01", rate = "20%" }, ...]: dated new terms, validated like the keys they set.
void read_changes(ProgrammeSpec& p, const toml::node& node, const std::string& prefix, Problems& problems) {
  if (!node.is_array_of_tables() && !(node.is_array() && node.as_array()->empty()))
    return problems.add(&node, prefix, "must be a list of tables, e.g. [{ at = \"2018-01\", rate = \"20%\" }]");
  int i = 0;
  for (const auto& item : *node.as_array()) {
    const std::string at_key = fmt::format("{}[{}]", prefix, i++);
    const auto& table = *item.as_table();
    ProgrammeChange change;
    bool ok = true;
    if (const auto* at = table.get("at")) {
      try {
        change.at = units::parse_month(at->is_string() ? at->as_string()->get() : std::string("?"));
      } catch (const units::UnitError& e) {
        problems.add(at, at_key + ".at", e.what());
        ok = false;
      }
    } else {
      problems.add(&table, at_key + ".at", "required key is missing (the month the new terms apply from)");
      ok = false;
    }
    for (const auto& [k, value] : table) {
      const std::string key(k.str());
      if (key == "at") continue;
      const auto& allowed = changeable_keys();
      const auto* entry = programme_entry(key);
      if (!entry || std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        problems.add(&value, at_key + "." + key,
                     fmt::format("cannot be changed by date{}; allowed: at, {}", suggestion(key, allowed),
                                 fmt::join(allowed, ", ")));
        ok = false;
        continue;
      }
      ProgrammeSpec scratch;
      const std::size_t before = problems.size();
      assign(scratch, *entry, value, at_key + "." + key, problems);
      if (problems.size() != before) { ok = false; continue; }
      const double v = entry->kind == ValueKind::Integer ? double(scratch.*std::get<int ProgrammeSpec::*>(entry->member))
                                                         : scratch.*std::get<double ProgrammeSpec::*>(entry->member);
      change.values.emplace_back(key, v);
    }
    if (ok) p.changes.push_back(std::move(change));
  }
  std::stable_sort(p.changes.begin(), p.changes.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
}

// loss_shares = { pool = "40%", bank = "40%", guarantee = "20%" } for risk pools; must sum to 100%.
void read_loss_shares(ProgrammeSpec& p, const toml::table& programme, const toml::node& node,
                      const std::string& prefix, Problems& problems) {
  if (!node.is_table()) return problems.add(&node, prefix, "must be a table { pool = .., bank = .., guarantee = .. }");
  static const std::vector<std::string> parts = {"pool", "bank", "guarantee"};
  double share[3] = {0, 0, 0};
  bool ok = true;
  for (const auto& [k, value] : *node.as_table()) {
    const std::string key(k.str());
    const auto it = std::find(parts.begin(), parts.end(), key);
    if (it == parts.end()) {
      problems.add(&value, prefix + "." + key, fmt::format("unknown share{}; allowed: pool, bank, guarantee", suggestion(key, parts)));
      ok = false;
      continue;
    }
    try {
      share[it - parts.begin()] = numeric_value(ValueKind::Rate, value);
    } catch (const units::UnitError& e) {
      problems.add(&value, prefix + "." + key, e.what());
      ok = false;
    }
  }
  if (!ok) return;
  const double sum = share[0] + share[1] + share[2];
  if (std::abs(sum - 1.0) > 1e-6)
    return problems.add(&node, prefix, fmt::format("shares sum to {:g}%, they must sum to 100% (pool {:g}% + bank {:g}% + guarantee {:g}%)",
                                                  sum * 100, share[0] * 100, share[1] * 100, share[2] * 100));
  if (programme.contains("rate"))
    return problems.add(&node, prefix, "give either `rate` or `loss_shares`, not both (the pool share is the rate)");
  p.rate = share[0];
  p.guarantee_share = share[2];
}

void read_programmes(Scenario& s, const toml::table& root, Problems& problems) {
  for (const auto& [id, table] : ordered_tables(root.get("programmes"), "programmes", problems)) {
    ProgrammeSpec p;
    p.id = id;
    p.label = id;
    const std::string prefix = "programmes." + id + ".";
    read_table(p, *table, prefix, detail::programme_entries(), problems, {"changes", "loss_shares"});
    for (const auto& [name, kind] : detail::programme_kinds())
      if (name == p.kind_name) p.kind = kind;
    if (const auto* changes = table->get("changes")) read_changes(p, *changes, prefix + "changes", problems);
    if (const auto* shares = table->get("loss_shares")) {
      if (p.kind != ProgrammeKind::RiskPool)
        problems.add(shares, prefix + "loss_shares", "applies to risk_pool programmes only");
      else
        read_loss_shares(p, *table, *shares, prefix + "loss_shares", problems);
    }
    if (p.enabled) s.programmes.push_back(std::move(p));
  }
}

// Keys that only make sense for some event kinds; a key given for another kind is an error.
const std::vector<std::string>& event_keys_for(EventKind kind) {
  static const std::vector<std::string> shock = {"from", "to", "size", "sectors", "zones"};
  static const std::vector<std::string> anchor = {"at", "zone", "sector", "investment", "land", "jobs",
                                                  "output", "construction_months"};
  return kind == EventKind::AnchorProject ? anchor : shock;
}

void read_events(Scenario& s, const toml::table& root, Problems& problems) {
  for (const auto& [id, table] : ordered_tables(root.get("events"), "events", problems)) {
    EventSpec e;
    e.id = id;
    e.label = id;
    const std::string prefix = "events." + id + ".";
    const std::size_t before = problems.size();
    read_table(e, *table, prefix, detail::event_entries(), problems);
    if (problems.size() != before) continue;
    for (const auto& [name, kind] : detail::event_kinds())
      if (name == e.kind_name) e.kind = kind;
    const auto& own = event_keys_for(e.kind);
    const auto& other = event_keys_for(e.kind == EventKind::AnchorProject ? EventKind::DemandShock : EventKind::AnchorProject);
    for (const auto& [k, node] : *table) {
      const std::string key(k.str());
      if (std::find(other.begin(), other.end(), key) != other.end() && std::find(own.begin(), own.end(), key) == own.end())
        problems.add(&node, prefix + key, fmt::format("does not apply to an event of kind {}; its keys are: {}", e.kind_name, fmt::join(own, ", ")));
    }
    const std::vector<std::string> required = e.kind == EventKind::AnchorProject
        ? std::vector<std::string>{"at", "zone", "sector", "investment", "land", "jobs"}
        : std::vector<std::string>{"from", "to", "size"};
    for (const auto& key : required)
      if (!table->contains(key))
        problems.add(table, prefix + key, fmt::format("required key is missing for a {} event", e.kind_name));
    if (e.enabled) s.events.push_back(std::move(e));
  }
}

void read_targets(Scenario& s, const toml::table& root, Problems& problems) {
  const auto* node = root.get("targets");
  if (!node) return;
  if (!node->is_array_of_tables()) {
    problems.add(node, "targets", "must be an array of tables ([[targets]])");
    return;
  }
  int i = 0;
  for (const auto& item : *node->as_array()) {
    TargetSpec t;
    read_table(t, *item.as_table(), fmt::format("targets[{}].", i++), detail::target_entries(), problems);
    s.targets.push_back(std::move(t));
  }
}

template <class T>
void read_optional_section(T& obj, const toml::table& root, const char* name,
                           const std::vector<Entry<T>>& entries, Problems& problems) {
  if (const auto* node = root.get(name)) {
    if (!node->is_table()) return problems.add(node, name, "must be a table");
    read_table(obj, *node->as_table(), std::string(name) + ".", entries, problems);
  }
}

// ---------------------------------------------------------------- cross-field checks

void cross_check(const Scenario& s, const toml::table& root, Problems& problems) {
  auto where = [&](const std::string& path) -> const toml::node* {
    auto v = root.at_path(path);
    return v ? v.node() : &root;
  };
  if (s.info.end < s.info.start)
    problems.add(where("scenario.end"), "scenario.end", fmt::format("end {} is before start {}",
                 units::format_month(s.info.end), units::format_month(s.info.start)));
  if (s.model.centre_min_members > s.model.centre_max_members)
    problems.add(where("model.centre_min_members"), "model.centre_min_members",
                 fmt::format("centre_min_members ({}) exceeds centre_max_members ({})", s.model.centre_min_members,
                             s.model.centre_max_members));
  std::vector<std::string> zone_ids, sector_ids;
  for (const auto& z : s.zones) zone_ids.push_back(z.id);
  for (const auto& sec : s.sectors) sector_ids.push_back(sec.id);
  for (const auto& z : s.zones) {
    const std::string p = "zones." + z.id;
    if (z.land_used > z.area)
      problems.add(where(p + ".land_used"), p + ".land_used",
                   fmt::format("land used ({:g} km2) exceeds the zone's area ({:g} km2)", z.land_used / 1e6, z.area / 1e6));
    if (z.plot_ratio > z.plot_ratio_cap)
      problems.add(where(p + ".plot_ratio"), p + ".plot_ratio", "plot ratio exceeds plot_ratio_cap");
    for (const auto& sec : z.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where(p + ".sector_output." + sec), p + ".sector_output." + sec,
                     fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
  }
  for (const auto& pr : s.programmes) {
    const std::string p = "programmes." + pr.id;
    if (pr.to < pr.from)
      problems.add(where(p + ".to"), p + ".to", "programme ends before it starts");
    if (pr.from > s.info.end || pr.to < s.info.start)
      problems.add(where(p + ".from"), p + ".from", fmt::format("active period {}..{} lies outside the horizon {}..{}",
                   units::format_month(pr.from), units::format_month(pr.to),
                   units::format_month(s.info.start), units::format_month(s.info.end)));
    for (const auto& sec : pr.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where(p + ".sectors"), p + ".sectors", fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
    for (const auto& z : pr.zones)
      if (s.zone_index(z) < 0)
        problems.add(where(p + ".zones"), p + ".zones", fmt::format("unknown zone \"{}\"{}", z, suggestion(z, zone_ids)));
    const bool needs_fund = pr.kind == ProgrammeKind::CreditLine || pr.kind == ProgrammeKind::RiskPool ||
                            pr.kind == ProgrammeKind::GuidanceFund;
    if (needs_fund && pr.fund_size <= 0)
      problems.add(where(p + ".fund_size"), p + ".fund_size", fmt::format("a {} programme needs fund_size > 0", pr.kind_name));
    for (std::size_t c = 0; c < pr.changes.size(); ++c)
      if (pr.changes[c].at < pr.from || pr.changes[c].at > pr.to) {
        const std::string key = fmt::format("{}.changes[{}].at", p, c);
        problems.add(where(key), key, fmt::format("change at {} lies outside the programme's active period {}..{}",
                     units::format_month(pr.changes[c].at), units::format_month(pr.from), units::format_month(pr.to)));
      }
  }
  auto in_horizon = [&](int month, const std::string& key) {
    if (month < s.info.start || month > s.info.end)
      problems.add(where(key), key, fmt::format("{} lies outside the horizon {}..{}", units::format_month(month),
                   units::format_month(s.info.start), units::format_month(s.info.end)));
  };
  for (const auto& e : s.events) {
    const std::string p = "events." + e.id;
    if (e.kind == EventKind::AnchorProject) {
      in_horizon(e.at, p + ".at");
      if (s.zone_index(e.zone) < 0)
        problems.add(where(p + ".zone"), p + ".zone", fmt::format("unknown zone \"{}\"{}", e.zone, suggestion(e.zone, zone_ids)));
      if (s.sector_index(e.sector) < 0)
        problems.add(where(p + ".sector"), p + ".sector", fmt::format("unknown sector \"{}\"{}", e.sector, suggestion(e.sector, sector_ids)));
      if (e.investment <= 0) problems.add(where(p + ".investment"), p + ".investment", "an anchor project needs investment > 0");
      if (e.land <= 0) problems.add(where(p + ".land"), p + ".land", "an anchor project needs land > 0");
      if (const int z = s.zone_index(e.zone); z >= 0 && e.land > s.zones[z].area)
        problems.add(where(p + ".land"), p + ".land", fmt::format("land ({:g} km2) exceeds the zone's area ({:g} km2)",
                     e.land / 1e6, s.zones[z].area / 1e6));
      continue;
    }
    in_horizon(e.from, p + ".from");
    in_horizon(e.to, p + ".to");
    if (e.to < e.from) problems.add(where(p + ".to"), p + ".to", "the shock ends before it starts");
    if (e.kind == EventKind::CapacityShock && (e.size < 0 || e.size > 1))
      problems.add(where(p + ".size"), p + ".size", fmt::format("a capacity shock's size is the share of capacity lost; {:g} is outside 0 .. 1 (0% .. 100%)", e.size));
    for (const auto& sec : e.sectors)
      if (s.sector_index(sec) < 0)
        problems.add(where(p + ".sectors"), p + ".sectors", fmt::format("unknown sector \"{}\"{}", sec, suggestion(sec, sector_ids)));
    for (const auto& z : e.zones)
      if (s.zone_index(z) < 0)
        problems.add(where(p + ".zones"), p + ".zones", fmt::format("unknown zone \"{}\"{}", z, suggestion(z, zone_ids)));
  }
  int i = 0;
  for (const auto& t : s.targets) {
    const std::string p = fmt::format("targets[{}]", i++);
    if (t.zone != "all" && s.zone_index(t.zone) < 0)
      problems.add(where(p + ".zone"), p + ".zone", fmt::format("unknown zone \"{}\"{}", t.zone, suggestion(t.zone, zone_ids)));
    if (t.sector != "all" && s.sector_index(t.sector) < 0)
      problems.add(where(p + ".sector"), p + ".sector", fmt::format("unknown sector \"{}\"{}", t.sector, suggestion(t.sector, sector_ids)));
    const int first_year = s.info.start / 12, last_year = s.info.end / 12;
    if (t.year < first_year || t.year > last_year)
      problems.add(where(p + ".year"), p + ".year", fmt::format("year {} lies outside the horizon {}..{}", t.year, first_year, last_year));
    // A plan's annual flow target cannot be judged on a few months (docs/scenario_format.md, Partial years).
    const auto months = year_months(s.info.start, s.info.end, t.year);
    if (months.partial() && metric_time(t.metric) == MetricTime::Annual)
      problems.add(where(p + ".year"), p + ".year",
                   fmt::format("{} is a quantity of the whole year, but the horizon {}..{} has only {} of {}; "
                               "move the target to a full year or extend the horizon",
                               t.metric, units::format_month(s.info.start), units::format_month(s.info.end),
                               month_range(months), t.year));
  }
}

}  // namespace

const std::vector<std::string>& changeable_programme_keys() { return changeable_keys(); }

void apply_change(ProgrammeSpec& terms, const ProgrammeChange& change) {
  for (const auto& [key, value] : change.values) {
    const auto* entry = programme_entry(key);
    if (entry->kind == ValueKind::Integer)
      terms.*std::get<int ProgrammeSpec::*>(entry->member) = int(value);
    else
      terms.*std::get<double ProgrammeSpec::*>(entry->member) = value;
  }
}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides,
                       const std::vector<std::string>& overlays) {
  Problems problems;
  std::vector<std::string> chain;
  toml::table root = load_composed(path, chain, problems);
  for (const auto& overlay : overlays) {
    std::vector<std::string> overlay_chain;
    merge_into(root, load_composed(overlay, overlay_chain, problems));
  }
  for (const auto& o : overrides) apply_override(root, o, problems);

  static const std::set<std::string> sections = {"scenario", "model", "talent", "funds", "zones",
                                                 "sectors", "programmes", "events", "targets"};
  const std::vector<std::string> section_list(sections.begin(), sections.end());
  for (const auto& [k, node] : root)
    if (!sections.count(std::string(k.str())))
      problems.add(&node, std::string(k.str()), fmt::format("unknown section{}", suggestion(std::string(k.str()), section_list)));

  Scenario s;
  s.path = path;
  if (!root.get("scenario")) problems.add(&root, "scenario", "the [scenario] table is required");
  read_optional_section(s.info, root, "scenario", detail::info_entries(), problems);
  read_optional_section(s.model, root, "model", detail::model_entries(), problems);
  read_optional_section(s.talent, root, "talent", detail::talent_entries(), problems);
  read_optional_section(s.funds, root, "funds", detail::fund_entries(), problems);
  read_sectors(s, root, problems);
  read_zones(s, root, problems);
  read_programmes(s, root, problems);
  read_events(s, root, problems);
  read_targets(s, root, problems);
  if (problems.empty()) cross_check(s, root, problems);
  if (!problems.empty()) throw InputError(problems.take());

  std::ostringstream text;
  text << root;
  s.resolved_text = text.str();
  return s;
}

}  // namespace parksim::model
