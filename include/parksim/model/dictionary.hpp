#pragma once
// The one parameter dictionary: every key a scenario file may contain, with its kind, unit,
// default, valid range, description and source. It drives validation (scenario.cpp), the
// `parksim describe` output and docs/parameters.md.
#include <string>
#include <vector>

namespace parksim::model {

// Change: a signed relative change ("-30%", -0.3).
enum class ValueKind {
  Real,
  Integer,
  Money,
  Area,
  Rate,
  Change,
  Month,
  Bool,
  Text,
  TextList,
  Choice
};

struct ParamInfo {
  std::string section;  // "model", "zones.*", "programmes.*", ...
  std::string key;
  ValueKind kind;
  std::string unit;
  std::string default_text;  // the default, formatted in the unit a user writes
  double min = 0.0;
  double max = 0.0;
  bool required = false;
  std::string description;
  std::string source;
  std::vector<std::string> choices;
};

const char* kind_name(ValueKind kind);

// Every entry, in section order.
std::vector<ParamInfo> parameter_dictionary();

// Markdown and JSON renderings of the dictionary (for `parksim describe` and docs/parameters.md).
std::string dictionary_markdown();
std::string dictionary_json();

// Markdown lever cards, one per programme kind, generated from the programme registry, the
// programme entries of the dictionary and the series tables (`parksim describe --levers`,
// docs/levers.md). Throws std::logic_error when the registry names a key the dictionary does not
// document or a series no table declares.
std::string lever_cards_markdown();

// Generated blocks of the ODD model description (docs/ODD.md; `parksim describe --odd-schedule`,
// `--odd-kinds`, `--odd-parameters`), Markdown tables: the phases of make_schedule() with their
// descriptions and source files; the programme kinds of the registry with family file, document
// levers, decision changed and keys; every dictionary key with default, unit and source.
std::string odd_schedule_markdown();
std::string odd_kinds_markdown();
std::string odd_parameters_markdown();

// The target decision of a programme kind (its registry line): the scorecard metric or recorded
// series it is meant to move and the intended direction, +1 raise or -1 lower. Throws
// std::out_of_range for an unknown kind name.
struct LeverTarget {
  std::string name;
  int direction = +1;
};
LeverTarget lever_target(const std::string& kind_name);

}  // namespace parksim::model
