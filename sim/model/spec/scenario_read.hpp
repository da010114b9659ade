#pragma once
// Private to the scenario loader (scenario.cpp, scenario_programmes.cpp): reading TOML tables into
// the typed scenario structs through their dictionary entries.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "dictionary_impl.hpp"
#include "scenario_impl.hpp"

namespace parksim::model::detail {

// assign and read_table are defined in scenario.cpp, which instantiates them for ProgrammeSpec
// (scenario_programmes.cpp); another file reading another struct adds its instantiation there.

// One value into its member of `obj`, checked against the entry's kind and range; a problem is
// added at `key` when it does not fit.
template <class T>
void assign(T& obj, const Entry<T>& entry, const toml::node& node, const std::string& key,
            Problems& problems);

// Every key of `table` into `obj` (unknown keys and missing required keys are problems), except
// the keys in `handled_elsewhere`, which the caller reads.
template <class T>
void read_table(T& obj, const toml::table& table, const std::string& prefix,
                const std::vector<Entry<T>>& entries, Problems& problems,
                const std::set<std::string>& handled_elsewhere = {});

// Named sub-tables ([zones.lingang], [sectors.robots]) in composition order: file by file as
// composed (a base file before the files that extend it, then overlays; `--set` last), and in each
// file in the order they appear. Never line numbers across files.
std::vector<std::pair<std::string, const toml::table*>> ordered_tables(
    const toml::node* node, const std::string& section, const std::vector<std::string>& files,
    Problems& problems);

// The composed TOML as text that reloads to the same scenario (scenario_compose.cpp). toml++ writes
// a table's keys sorted, but named entries are read in composition order (`ordered_tables`), and
// that order matters (programmes are asked in it, zones and sectors are indexed by it): so each
// entry is written as its own [section.id] table, in composition order; the rest as toml++ writes
// it, under headers.
std::string resolved_text(const toml::table& root, const std::vector<std::string>& files);

// The named entries of `section` ([zones.<id>], [programmes.<id>], ...) in composition order. Each
// starts with its id, its label (the id unless the table gives one) and the keys of `entries`
// other than `extra_keys`; then `finish(spec, table, prefix, clean)` reads the rest (`prefix` is
// "section.id.", `clean` says no problem was found so far in the entry) and returns whether the
// entry is kept.
template <class T, class Finish>
std::vector<T> read_named(const toml::table& root, const std::string& section,
                          const std::vector<std::string>& files,
                          const std::vector<Entry<T>>& entries,
                          const std::set<std::string>& extra_keys, Problems& problems,
                          Finish&& finish) {
  std::vector<T> out;
  for (const auto& [id, table] : ordered_tables(root.get(section), section, files, problems)) {
    T spec;
    spec.id = id;
    spec.label = id;
    const std::string prefix = section + "." + id + ".";
    const std::size_t before = problems.size();
    read_table(spec, *table, prefix, entries, problems, extra_keys);
    if (finish(spec, *table, prefix, problems.size() == before)) out.push_back(std::move(spec));
  }
  return out;
}

// [programmes.<id>] in composition order, enabled ones only (scenario_programmes.cpp).
std::vector<ProgrammeSpec> read_programmes(const toml::table& root,
                                           const std::vector<std::string>& files,
                                           Problems& problems);

}  // namespace parksim::model::detail
