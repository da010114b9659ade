// The programme registry: one line per kind (programme.hpp says what a line holds), kept in
// registry_<group>.cpp next to its family. Adding a lever: its dictionary keys, one line in its
// group's registry file, its behaviour in its family file, and a test.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "programmes/programme.hpp"
#include "programmes/registry_parts.hpp"

namespace parksim::model {

// Every group's lines, sorted into ProgrammeKind order; a kind without a line or with two is a
// programming error caught the first time the registry is built.
static std::vector<ProgrammeKindInfo> gather_kinds() {
  std::vector<ProgrammeKindInfo> kinds;
  add_investment_kinds(kinds);
  add_finance_kinds(kinds);
  add_talent_kinds(kinds);
  add_land_kinds(kinds);
  add_innovation_kinds(kinds);
  std::sort(kinds.begin(), kinds.end(),
            [](const auto& a, const auto& b) { return a.kind < b.kind; });
  for (std::size_t k = 0; k < kinds.size(); ++k)
    if (std::size_t(kinds[k].kind) != k)
      throw std::logic_error("programme registry: no single line for ProgrammeKind " +
                             std::to_string(k));
  return kinds;
}

const std::vector<ProgrammeKindInfo>& programme_registry() {
  static const std::vector<ProgrammeKindInfo> kinds = gather_kinds();
  return kinds;
}

const ProgrammeKindInfo& kind_info(ProgrammeKind kind) {
  const auto& kinds = programme_registry();
  const auto k = std::size_t(kind);
  if (k >= kinds.size() || kinds[k].kind != kind)
    throw std::logic_error("programme registry out of ProgrammeKind order");
  return kinds[k];
}

const std::vector<std::string_view>& common_programme_keys() {
  static const std::vector<std::string_view> keys = {
      "kind", "label", "lever", "from", "to", "enabled", "sectors", "zones", "source", "changes"};
  return keys;
}

}  // namespace parksim::model
