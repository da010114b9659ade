#pragma once
// A parameter space: the scenario parameters an experiment varies, each with its range or
// distribution, read from a SPACE.toml file:
//
//   [[parameter]]
//   path = "programmes.first_unit_grant.rate"   # any numeric scenario key (see docs/parameters.md)
//   low = "10%"                                  # written as in scenario files
//   high = "50%"
//   distribution = "uniform"                     # uniform (default) | log_uniform | normal |
//   levels # normal: mean, sd; levels: levels = [..]
//
// A normal distribution is unbounded but a scenario key is not: its 0.1% and 99.9% quantiles must
// lie within the key's allowed range (docs/parameters.md), and the rarer draws beyond the range
// take the value at its end, so that no point of a design is an invalid scenario.
//
// A design holds unit-cube coordinates u in [0,1); a parameter maps u to a value in the key's
// internal unit (CNY, m2, fraction, ...) and formats it as a --set override.
#include <limits>
#include <string>
#include <vector>

#include "parksim/model/dictionary.hpp"

namespace parksim::experiments {

enum class Distribution { Uniform, LogUniform, Normal, Levels };

struct Parameter {
  std::string path;  // scenario key, e.g. "model.innovation_rate"
  std::string name;  // short name for tables (default: the path)
  model::ValueKind kind = model::ValueKind::Real;
  Distribution distribution = Distribution::Uniform;
  double low = 0, high = 1;    // uniform, log_uniform (internal unit)
  double mean = 0, sd = 1;     // normal
  std::vector<double> levels;  // levels
  // The key's allowed range (the dictionary's); normal draws are clamped to it.
  double min = -std::numeric_limits<double>::infinity(),
         max = std::numeric_limits<double>::infinity();
  std::string unit = "1";  // the key's internal unit (the dictionary's; "1" for free names)

  double value_at(double u) const;               // u in [0,1) -> value
  std::string override_for(double value) const;  // "path=value" for --set
};

struct Space {
  std::string source;  // file it was read from
  std::string text;    // its text, stored in designs for provenance
  bool scenario_keys =
      true;  // false: free names (designs evaluated elsewhere, e.g. test functions)
  std::vector<Parameter> parameters;
};

// Reads and validates a space file; throws InputError listing every problem with file:line.
Space load_space(const std::string& path);
// The same from text already read (`path` names it in messages).
Space parse_space(const std::string& text, const std::string& path);

const char* distribution_name(Distribution d);

// The space as the text of a space file that parse_space reads back to the same parameters
// (numbers in internal units, with 17 digits). Calibration stores its narrowed spaces this way.
std::string format_space(const Space& space);

}  // namespace parksim::experiments
