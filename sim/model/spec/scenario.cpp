// Loading a scenario: compose the TOML (scenario_compose.cpp), validate every key against the
// dictionary and every id, run the cross-field checks (scenario_checks.cpp), and report all
// problems at once. Reading files and parsing safely is in scenario_text.cpp.
#include "parksim/model/scenario.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cmath>
#include <set>

#include "parksim/model/units.hpp"
#include "scenario_read.hpp"

namespace parksim::model {

const std::vector<MetricInfo>& scorecard_metrics() {
  static const std::vector<MetricInfo> m = {
      {"output", "1e8 CNY/year", "Industrial output in the calendar year"},
      {"value_added", "1e8 CNY/year", "Industrial value added in the calendar year"},
      {"output_density", "1e8 CNY/km2/year", "Output over industrial land used (December)"},
      {"value_added_density", "1e8 CNY/km2/year",
       "Value added over industrial land used (December)"},
      {"sei_share", "1", "Strategic-emerging-industry share of output"},
      {"firms", "firms", "Firms alive in December"},
      {"employment", "persons", "Employees in December"},
      {"land_used", "km2", "Industrial land used in December"},
      {"high_tech_firms", "firms", "Certified high-tech enterprises in December"},
      {"rd_intensity", "1", "R&D spending / output in the calendar year"},
      {"talent", "persons",
       "Skilled and leading talent present in December (industrial zones, or the zone named)"},
      {"leading_talent", "persons",
       "Leading talents present in December (industrial zones, or the zone named)"},
      {"platforms", "platforms", "Platforms (labs, test and engineering centres) in operation"},
      {"patents", "patents/year",
       "Invention patents granted to above-size firms in the calendar year"},
      {"innovation_centres", "centres",
       "Manufacturing innovation centres selected and not revoked (December)"},
      {"incubators", "incubators", "Incubators and accelerators in December"},
      {"smart_retrofits", "projects", "Smart-retrofit projects completed since the start"},
      {"first_units", "products", "First-unit products sold since the start"},
      {"unicorns", "firms", "Unicorns in December"},
      {"hidden_champions", "firms", "Hidden champions in December"},
      {"listed_firms", "firms", "Listed firms in December"},
      {"loans_outstanding", "1e8 CNY", "Bank loans outstanding in December"},
      {"policy_cost", "1e8 CNY",
       "Money paid by all programmes since the start, national tax incentives apart"},
      {"tax_expenditure", "1e8 CNY",
       "Income tax forgone under the national incentives (tax_incentives) since the start"},
  };
  return m;
}

bool is_cumulative_metric(const std::string& metric) {
  return metric == "smart_retrofits" || metric == "first_units" || metric == "policy_cost" ||
         metric == "tax_expenditure";
}

bool is_talent_stock_metric(const std::string& metric) {
  return metric == "talent" || metric == "leading_talent";
}

bool counts_since(const std::string& metric) {
  return is_cumulative_metric(metric) || is_talent_stock_metric(metric);
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

namespace detail {

// ---------------------------------------------------------------- values

template <class T>
void assign(T& obj, const Entry<T>& entry, const toml::node& node, const std::string& key,
            Problems& problems) {
  auto bad = [&](const std::string& msg) { problems.add(&node, key, msg); };
  auto check_range = [&](double v) {
    if (!std::isfinite(v)) {  // "1e308 km2": show what was written, not "inf"
      bad(fmt::format("{} is out of range ({})",
                      node.is_string() ? "\"" + printable(node.as_string()->get()) + "\""
                                       : "value " + type_name(node),
                      describe_range(entry.min, entry.max, entry.unit)));
      return false;
    }
    if (!(v >= entry.min && v <= entry.max)) {
      bad(fmt::format("value {} is out of range ({})", plain_number(v),
                      describe_range(entry.min, entry.max, entry.unit)));
      return false;
    }
    return true;
  };
  try {
    switch (entry.kind) {
      case ValueKind::Real:
      case ValueKind::Money:
      case ValueKind::Area:
      case ValueKind::Rate:
      case ValueKind::Change: {
        const double v = numeric_value(entry.kind, node);
        if (check_range(v)) obj.*std::get<double T::*>(entry.member) = v;
        return;
      }
      case ValueKind::Integer: {
        auto n = node.value<std::int64_t>();
        if (!n || !node.is_integer())
          return bad(fmt::format("expected a whole number, got {}", type_name(node)));
        if (check_range(double(*n))) obj.*std::get<int T::*>(entry.member) = int(*n);
        return;
      }
      case ValueKind::Month:
        obj.*std::get<int T::*>(entry.member) = read_month(node, int(entry.min), int(entry.max));
        return;
      case ValueKind::Bool:
        if (!node.is_boolean())
          return bad(fmt::format("expected true or false, got {}", type_name(node)));
        obj.*std::get<bool T::*>(entry.member) = *node.value<bool>();
        return;
      case ValueKind::Text: {
        if (!node.is_string()) return bad(fmt::format("expected text, got {}", type_name(node)));
        const auto& s = node.as_string()->get();
        if (const auto problem = text_problem(s, std::string_view(entry.key) == "description");
            !problem.empty())
          return bad(problem);
        if (entry.required && s.empty()) return bad("must not be empty");
        obj.*std::get<std::string T::*>(entry.member) = s;
        return;
      }
      case ValueKind::Choice: {
        if (!node.is_string()) return bad(fmt::format("expected text, got {}", type_name(node)));
        const auto& s = node.as_string()->get();
        if (std::find(entry.choices.begin(), entry.choices.end(), s) == entry.choices.end())
          return bad(fmt::format("\"{}\" is not allowed{}; allowed: {}", printable(s),
                                 suggestion(s, entry.choices), fmt::join(entry.choices, ", ")));
        obj.*std::get<std::string T::*>(entry.member) = s;
        return;
      }
      case ValueKind::TextList: {
        if (!node.is_array())
          return bad(fmt::format("expected a list of text, got {}", type_name(node)));
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
                const std::set<std::string>& handled_elsewhere) {
  std::vector<std::string> keys;
  for (const auto& e : entries) keys.push_back(e.key);
  for (const auto& [k, node] : table) {
    const std::string key(k.str());
    if (handled_elsewhere.count(key)) continue;
    auto it =
        std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return key == e.key; });
    if (it == entries.end()) {
      problems.add(&node, prefix + printable(key),
                   fmt::format("unknown key{}", suggestion(key, keys)));
      continue;
    }
    assign(obj, *it, node, prefix + key, problems);
  }
  for (const auto& e : entries)
    if (e.required && !table.contains(e.key))
      problems.add(&table, prefix + e.key,
                   fmt::format("required key is missing ({})", e.description));
}

std::vector<std::pair<std::string, const toml::table*>> ordered_tables(
    const toml::node* node, const std::string& section, const std::vector<std::string>& files,
    Problems& problems) {
  std::vector<std::pair<std::string, const toml::table*>> out;
  if (!node) return out;
  if (!node->is_table()) {
    problems.add(node, section, "must be a table of named entries");
    return out;
  }
  for (const auto& [k, v] : *node->as_table()) {
    const std::string id(k.str());
    if (const auto problem = id_problem(id); !problem.empty()) {
      problems.add(&v, section + ".\"" + id + "\"", problem);  // quoted: the id may hold a dot
      continue;
    }
    if (!v.is_table()) {
      problems.add(&v, section + "." + id, "must be a table");
      continue;
    }
    out.emplace_back(id, v.as_table());
  }
  auto file_rank = [&](const toml::table* t) {
    const auto& path = t->source().path;
    const auto it = path ? std::find(files.begin(), files.end(), *path) : files.end();
    return std::size_t(it - files.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    const auto ra = file_rank(a.second), rb = file_rank(b.second);
    if (ra != rb) return ra < rb;
    return a.second->source().begin < b.second->source().begin;
  });
  return out;
}

// scenario_programmes.cpp reads programmes with these.
template void assign<ProgrammeSpec>(ProgrammeSpec&, const Entry<ProgrammeSpec>&, const toml::node&,
                                    const std::string&, Problems&);
template void read_table<ProgrammeSpec>(ProgrammeSpec&, const toml::table&, const std::string&,
                                        const std::vector<Entry<ProgrammeSpec>>&, Problems&,
                                        const std::set<std::string>&);

}  // namespace detail

namespace {

using detail::Entry;
using detail::printable;
using detail::Problems;
using detail::read_named;
using detail::read_table;
using detail::suggestion;

// ---------------------------------------------------------------- sections

// sector_output = { robots = "120亿", ... }: a zone's annual output by sector.
void read_sector_output(ZoneSpec& z, const toml::table& table, const std::string& prefix,
                        Problems& problems) {
  const auto* so = table.get("sector_output");
  if (!so)
    return problems.add(&table, prefix + "sector_output",
                        "required table is missing (annual output by sector)");
  if (!so->is_table())
    return problems.add(so, prefix + "sector_output", "must be a table of sector = money");
  for (const auto& [sk, node] : *so->as_table()) {
    const std::string key = prefix + "sector_output." + std::string(sk.str());
    try {
      double v = node.is_string()   ? units::parse_money(node.as_string()->get())
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

void read_zones(Scenario& s, const toml::table& root, Problems& problems) {
  s.zones =
      read_named(root, "zones", s.input_files, detail::zone_entries(), {"sector_output"}, problems,
                 [&](ZoneSpec& z, const toml::table& table, const std::string& prefix, bool) {
                   read_sector_output(z, table, prefix, problems);
                   return true;
                 });
  if (s.zones.empty()) problems.add(&root, "zones", "at least one zone is required ([zones.<id>])");
}

void read_sectors(Scenario& s, const toml::table& root, Problems& problems) {
  s.sectors =
      read_named(root, "sectors", s.input_files, detail::sector_entries(), {}, problems,
                 [](SectorSpec&, const toml::table&, const std::string&, bool) { return true; });
  if (s.sectors.empty())
    problems.add(&root, "sectors", "at least one sector is required ([sectors.<id>])");
}

// Keys that only make sense for some event kinds; a key given for another kind is an error.
const std::vector<std::string>& event_keys_for(EventKind kind) {
  static const std::vector<std::string> shock = {"from", "to", "size", "sectors", "zones"};
  static const std::vector<std::string> anchor = {"at",   "zone", "sector", "investment",
                                                  "land", "jobs", "output", "construction_months"};
  return kind == EventKind::AnchorProject ? anchor : shock;
}

// An event once its keys are read: its kind, keys of the other kind refused, the keys its kind
// requires.
void read_event_kind(EventSpec& e, const toml::table& table, const std::string& prefix,
                     Problems& problems) {
  for (const auto& [name, kind] : detail::event_kinds())
    if (name == e.kind_name) e.kind = kind;
  const auto& own = event_keys_for(e.kind);
  const auto& other = event_keys_for(e.kind == EventKind::AnchorProject ? EventKind::DemandShock
                                                                        : EventKind::AnchorProject);
  for (const auto& [k, node] : table) {
    const std::string key(k.str());
    if (std::find(other.begin(), other.end(), key) != other.end() &&
        std::find(own.begin(), own.end(), key) == own.end())
      problems.add(&node, prefix + key,
                   fmt::format("does not apply to an event of kind {}; its keys are: {}",
                               e.kind_name, fmt::join(own, ", ")));
  }
  const std::vector<std::string> required =
      e.kind == EventKind::AnchorProject
          ? std::vector<std::string>{"at", "zone", "sector", "investment", "land", "jobs"}
          : std::vector<std::string>{"from", "to", "size"};
  for (const auto& key : required)
    if (!table.contains(key))
      problems.add(&table, prefix + key,
                   fmt::format("required key is missing for a {} event", e.kind_name));
}

void read_events(Scenario& s, const toml::table& root, Problems& problems) {
  s.events = read_named(
      root, "events", s.input_files, detail::event_entries(), {}, problems,
      [&](EventSpec& e, const toml::table& table, const std::string& prefix, bool clean) {
        if (!clean) return false;  // the kind is unknown or its keys are wrong: nothing to add
        read_event_kind(e, table, prefix, problems);
        return e.enabled;
      });
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
    read_table(t, *item.as_table(), fmt::format("targets[{}].", i++), detail::target_entries(),
               problems);
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

}  // namespace

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides,
                       const std::vector<std::string>& overlays) {
  Problems problems;
  std::vector<std::string> files;
  toml::table root = detail::compose_scenario(path, overlays, overrides, problems, files);

  static const std::set<std::string> sections = {"scenario",   "model",  "talent",
                                                 "funds",      "zones",  "sectors",
                                                 "programmes", "events", "targets"};
  std::vector<std::string> top_level(sections.begin(), sections.end());
  top_level.push_back("extends");  // read by composition; "extend = ..." should hear of it
  for (const auto& [k, node] : root)
    if (!sections.count(std::string(k.str())))
      problems.add(&node, printable(k.str()),
                   fmt::format("unknown section{}", suggestion(std::string(k.str()), top_level)));

  Scenario s;
  s.path = path;
  s.input_files = std::move(files);
  if (!root.get("scenario")) problems.add(&root, "scenario", "the [scenario] table is required");
  read_optional_section(s.info, root, "scenario", detail::info_entries(), problems);
  read_optional_section(s.model, root, "model", detail::model_entries(), problems);
  read_optional_section(s.talent, root, "talent", detail::talent_entries(), problems);
  read_optional_section(s.funds, root, "funds", detail::fund_entries(), problems);
  read_sectors(s, root, problems);
  read_zones(s, root, problems);
  s.programmes = detail::read_programmes(root, s.input_files, problems);
  read_events(s, root, problems);
  read_targets(s, root, problems);
  if (problems.empty()) detail::cross_check(s, root, problems);
  if (!problems.empty()) throw InputError(problems.take());

  s.resolved_text = detail::resolved_text(root, s.input_files);
  return s;
}

}  // namespace parksim::model
