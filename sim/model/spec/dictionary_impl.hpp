#pragma once
// Private: the dictionary entries bound to the typed scenario structs.
#include <variant>

#include "parksim/model/dictionary.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::model::detail {

template <class T>
struct Entry {
  using Member = std::variant<double T::*, int T::*, bool T::*, std::string T::*,
                              std::vector<std::string> T::*>;
  const char* key;
  ValueKind kind;
  Member member;
  double min;
  double max;
  const char* unit;
  const char* description;
  const char* source;
  bool required = false;
  std::vector<std::string> choices = {};
};

const std::vector<Entry<ScenarioInfo>>& info_entries();
const std::vector<Entry<ModelParams>>& model_entries();
const std::vector<Entry<TalentParams>>& talent_entries();
const std::vector<Entry<FundParams>>& fund_entries();
const std::vector<Entry<ZoneSpec>>& zone_entries();
const std::vector<Entry<SectorSpec>>& sector_entries();
const std::vector<Entry<ProgrammeSpec>>& programme_entries();
const std::vector<Entry<TargetSpec>>& target_entries();
const std::vector<Entry<EventSpec>>& event_entries();

// Programme kinds by their scenario name.
const std::vector<std::pair<std::string, ProgrammeKind>>& programme_kinds();
// Event kinds by their scenario name.
const std::vector<std::pair<std::string, EventKind>>& event_kinds();

}  // namespace parksim::model::detail
