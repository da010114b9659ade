// Reading programmes ([programmes.<id>]): the generic keys through the dictionary, then what the
// kind allows (its own keys from the registry), dated changes of terms and risk-pool loss shares.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "parksim/model/scenario.hpp"
#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"
#include "scenario_read.hpp"

namespace parksim::model {

namespace {

using detail::assign;
using detail::Entry;
using detail::numeric_value;
using detail::Problems;
using detail::read_month;
using detail::suggestion;

const std::vector<std::string>& changeable_keys() {
  static const std::vector<std::string> keys = {"rate",         "cap",
                                                "cap_per_year", "budget_per_year",
                                                "amount",       "premium_rate_cap",
                                                "effect",       "units_per_year",
                                                "years",        "super_deduction"};
  return keys;
}

const Entry<ProgrammeSpec>* programme_entry(const std::string& key) {
  for (const auto& e : detail::programme_entries())
    if (key == e.key) return &e;
  return nullptr;
}

// Two changes at one month would leave which terms apply to the order of the list: an error at
// the second, naming the first. `seen` holds (month, list index) of the changes read so far.
bool repeats_month(std::vector<std::pair<int, int>>& seen, int month, int index,
                   const toml::node* at, const std::string& prefix, Problems& problems) {
  for (const auto& [m, i] : seen)
    if (m == month) {
      problems.add(
          at, fmt::format("{}[{}].at", prefix, index),
          fmt::format(
              "{}[{}] already changes the terms at {}; give all new terms of a month in one change",
              prefix, i, units::format_month(month)));
      return true;
    }
  seen.emplace_back(month, index);
  return false;
}

// The registry line of the programme's kind, if its kind is one (a wrong kind is reported by the
// generic reader, with the allowed choices).
const ProgrammeKindInfo* known_kind(const ProgrammeSpec& p) {
  for (const auto& info : programme_registry())
    if (info.name == p.kind_name) return &info;
  return nullptr;
}

bool kind_reads(const ProgrammeKindInfo& info, std::string_view key) {
  return std::find(info.keys.begin(), info.keys.end(), key) != info.keys.end();
}

std::string unused_key_message(const ProgrammeKindInfo& info, std::string_view key) {
  return fmt::format("`{}` is not used by {} programmes; their own keys are: {}", key, info.name,
                     fmt::join(info.keys, ", "));
}

// A key that the programme's kind does not read is a mistake (a risk_pool with units_per_year
// would do nothing): refused, naming the keys the kind does read.
void check_kind_keys(const ProgrammeSpec& p, const toml::table& table, const std::string& prefix,
                     Problems& problems) {
  const auto* info = known_kind(p);
  if (!info) return;
  const auto& common = common_programme_keys();
  for (const auto& [k, node] : table) {
    const std::string_view key = k.str();
    if (std::find(common.begin(), common.end(), key) != common.end() || kind_reads(*info, key))
      continue;
    // Unknown keys are reported by the generic reader; loss_shares has its own message.
    if (key == "loss_shares" || !programme_entry(std::string(key))) continue;
    problems.add(&node, prefix + std::string(key), unused_key_message(*info, key));
  }
}

// changes = [{ at = "2018-01", rate = "20%" }, ...]: dated new terms, validated like the keys they
// set.
void read_changes(ProgrammeSpec& p, const toml::node& node, const std::string& prefix,
                  Problems& problems) {
  if (!node.is_array_of_tables() && !(node.is_array() && node.as_array()->empty()))
    return problems.add(&node, prefix,
                        "must be a list of tables, e.g. [{ at = \"2018-01\", rate = \"20%\" }]");
  std::vector<std::pair<int, int>> seen;
  int i = 0;
  for (const auto& item : *node.as_array()) {
    const std::string at_key = fmt::format("{}[{}]", prefix, i++);
    const auto& table = *item.as_table();
    ProgrammeChange change;
    bool ok = true;
    if (const auto* at = table.get("at")) {
      try {
        const auto* from =
            programme_entry("from");  // a change's month has the range of the period's
        change.at = read_month(*at, int(from->min), int(from->max));
      } catch (const units::UnitError& e) {
        problems.add(at, at_key + ".at", e.what());
        ok = false;
      }
    } else {
      problems.add(&table, at_key + ".at",
                   "required key is missing (the month the new terms apply from)");
      ok = false;
    }
    for (const auto& [k, value] : table) {
      const std::string key(k.str());
      if (key == "at") continue;
      const auto& allowed = changeable_keys();
      const auto* entry = programme_entry(key);
      if (!entry || std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        problems.add(&value, at_key + "." + key,
                     fmt::format("cannot be changed by date{}; allowed: at, {}",
                                 suggestion(key, allowed), fmt::join(allowed, ", ")));
        ok = false;
        continue;
      }
      if (const auto* info = known_kind(p); info && !kind_reads(*info, key)) {
        problems.add(&value, at_key + "." + key, unused_key_message(*info, key));
        ok = false;
        continue;
      }
      ProgrammeSpec scratch;
      const std::size_t before = problems.size();
      assign(scratch, *entry, value, at_key + "." + key, problems);
      if (problems.size() != before) {
        ok = false;
        continue;
      }
      const double v = entry->kind == ValueKind::Integer
                           ? double(scratch.*std::get<int ProgrammeSpec::*>(entry->member))
                           : scratch.*std::get<double ProgrammeSpec::*>(entry->member);
      change.values.emplace_back(key, v);
    }
    if (ok && !repeats_month(seen, change.at, i - 1, table.get("at"), prefix, problems))
      p.changes.push_back(std::move(change));
  }
  std::stable_sort(p.changes.begin(), p.changes.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
}

// loss_shares = { pool = "40%", bank = "40%", guarantee = "20%" } for risk pools; must sum to 100%.
void read_loss_shares(ProgrammeSpec& p, const toml::table& programme, const toml::node& node,
                      const std::string& prefix, Problems& problems) {
  if (!node.is_table())
    return problems.add(&node, prefix, "must be a table { pool = .., bank = .., guarantee = .. }");
  static const std::vector<std::string> parts = {"pool", "bank", "guarantee"};
  double share[3] = {0, 0, 0};
  bool ok = true;
  for (const auto& [k, value] : *node.as_table()) {
    const std::string key(k.str());
    const auto it = std::find(parts.begin(), parts.end(), key);
    if (it == parts.end()) {
      problems.add(
          &value, prefix + "." + key,
          fmt::format("unknown share{}; allowed: pool, bank, guarantee", suggestion(key, parts)));
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
    return problems.add(&node, prefix,
                        fmt::format("shares sum to {:g}%, they must sum to 100% (pool {:g}% + bank "
                                    "{:g}% + guarantee {:g}%)",
                                    sum * 100, share[0] * 100, share[1] * 100, share[2] * 100));
  if (programme.contains("rate"))
    return problems.add(
        &node, prefix,
        "give either `rate` or `loss_shares`, not both (the pool share is the rate)");
  p.rate = share[0];
  p.guarantee_share = share[2];
}

// A programme once its generic keys are read: its kind, the keys its kind does not read, its
// dated changes and loss shares.
void read_kind_terms(ProgrammeSpec& p, const toml::table& table, const std::string& prefix,
                     Problems& problems) {
  if (const auto* info = known_kind(p)) p.kind = info->kind;
  check_kind_keys(p, table, prefix, problems);
  if (const auto* changes = table.get("changes"))
    read_changes(p, *changes, prefix + "changes", problems);
  if (const auto* shares = table.get("loss_shares")) {
    if (p.kind != ProgrammeKind::RiskPool)
      problems.add(shares, prefix + "loss_shares", "applies to risk_pool programmes only");
    else
      read_loss_shares(p, table, *shares, prefix + "loss_shares", problems);
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

namespace detail {

std::vector<ProgrammeSpec> read_programmes(const toml::table& root,
                                           const std::vector<std::string>& files,
                                           Problems& problems) {
  return read_named(
      root, "programmes", files, programme_entries(), {"changes", "loss_shares"}, problems,
      [&](ProgrammeSpec& p, const toml::table& table, const std::string& prefix, bool) {
        read_kind_terms(p, table, prefix, problems);
        return p.enabled;
      });
}

}  // namespace detail

}  // namespace parksim::model
