#pragma once
// Experimental designs over a parameter space: full grids, Latin hypercubes, Saltelli's scheme on
// a Sobol sequence (first and total Sobol indices) and Morris trajectories (elementary effects).
// A design is a list of points in the unit cube plus their values; it is written to and read from
// DESIGN.h5 so that sample, sweep and analyze can run as separate steps (or on separate machines).
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/space.hpp"

namespace parksim::experiments {

enum class Method { Grid, Lhs, Sobol, Morris };

struct Design {
  Method method = Method::Lhs;
  Space space;
  int n = 0;       // grid: levels per parameter; lhs: points; sobol: base N; morris: trajectories
  int levels = 4;  // morris grid levels p
  std::uint64_t seed = 1;
  std::vector<std::vector<double>> unit;   // [point][parameter] in [0,1]
  std::vector<std::vector<double>> value;  // [point][parameter] in the keys' internal units

  std::size_t points() const { return unit.size(); }
  std::size_t dims() const { return space.parameters.size(); }
  // --set overrides of a point.
  std::vector<std::string> overrides(std::size_t point) const;
};

const char* method_name(Method m);
Method method_from_name(const std::string& name);  // throws Error listing the allowed names

// grid: n^k points; lhs: n points; sobol: n*(k+2) points, per base sample j the rows A_j,
// AB_1j..AB_kj, B_j (SALib's order); morris: n trajectories of k+1 points on a p-level grid.
Design make_design(const Space& space, Method method, int n, std::uint64_t seed, int levels = 4);

void write_design(const Design& design, const std::string& path);
// The design's dimensions (point, parameter), matrices and attributes, into a file being written
// (DESIGN.h5, and the design part of SWEEP.h5).
void write_design_part(engine::h5::Writer& writer, const Design& design);
// Reads a design from DESIGN.h5, or from the design part of a SWEEP.h5.
Design read_design(const std::string& path);

}  // namespace parksim::experiments
