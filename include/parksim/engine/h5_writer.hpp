#pragma once
// HDF5 output readable by xarray.open_dataset(path, engine="h5netcdf") with named dimensions.
//
// Crash safety: everything is written to `<path>.partial`; commit() closes it and renames it onto
// `<path>` atomically. A run that is killed leaves only a `.partial` file, never a file that
// looks complete, and an existing `<path>` stays untouched until the new one is complete.
//
// Layout rules (what h5netcdf needs): every dimension is a coordinate dataset made an HDF5
// dimension scale (H5DSset_scale) whose dataset name is the dimension name; every variable has
// each axis attached to its scale. Labels are variable-length UTF-8 strings. Variables are chunked
// (at most 64 KiB a chunk), Fletcher32-checksummed, shuffled and deflated, and carry a "units"
// attribute. A dimension may
// be extendible (unlimited), in which case variables using it as their FIRST axis can be appended
// to in slabs, so long runs stream to disk instead of growing in memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace parksim::engine::h5 {

using AttrValue = std::variant<std::string, double, std::int64_t>;
struct Attr {
  std::string name;
  AttrValue value;
};

// A dimension and its coordinate values: integer values, or string labels (exactly one non-empty,
// unless the dimension is extendible and starts empty, in which case `integer` decides the type).
struct Dimension {
  std::string name;
  std::vector<std::int64_t> values;  // integer coordinate (years, ids, replication numbers)
  std::vector<std::string> labels;   // string coordinate (zones, sectors, programmes)
  bool extendible = false;           // unlimited length; grows with append_coordinate()
  bool integer = true;               // for an extendible dimension created empty
  std::vector<Attr> attrs;           // e.g. {"long_name", "..."}; "units" for integer coords
  // For an extendible dimension: the length the writer expects it to reach (the replications of a
  // run), 0 if unknown. Variables on it get chunks of that many rows (within the chunk cap), so a
  // short file does not carry, and deflate, chunks of fill values. It never limits the length.
  std::size_t expected_length = 0;
};

enum class Type { Float64, Int32, Int64, UInt8, String };

struct Variable {
  std::string name;
  std::vector<std::string> dims;  // names of dimensions already added to the same group
  Type type = Type::Float64;
  std::string units;        // required: written as attribute "units" ("1" if dimensionless)
  std::vector<Attr> attrs;  // more attributes: long_name, description, ...
};

// True after a file could not be closed (a full disk, say): HDF5 1.10 then keeps objects of that
// file whose state it has freed, and its own clean-up at process exit would crash on them. A
// program that sees this should end with std::_Exit after reporting (the CLI does).
bool library_state_damaged();

class Writer {
 public:
  // Creates `<path>.partial` (truncating any stale one). Throws OutputError on failure.
  explicit Writer(std::string path);
  // If commit() was not called, closes and removes `<path>.partial`.
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Groups are "" (root) or a name like "snapshots" or "scorecard"; created on first use.
  void add_dimension(const std::string& group, const Dimension& dim);
  void create_variable(const std::string& group, const Variable& var);

  // Whole-variable writes (row-major, size = product of the dims' current lengths).
  void write(const std::string& group, const std::string& var, const std::vector<double>& data);
  void write(const std::string& group, const std::string& var,
             const std::vector<std::int32_t>& data);
  void write(const std::string& group, const std::string& var,
             const std::vector<std::int64_t>& data);
  void write(const std::string& group, const std::string& var,
             const std::vector<std::uint8_t>& data);
  void write(const std::string& group, const std::string& var,
             const std::vector<std::string>& data);

  // Appends to an extendible dimension's coordinate, then slabs to variables whose first axis is
  // that dimension. `data` holds whole rows (a multiple of the product of the other dims).
  void append_coordinate(const std::string& group, const std::string& dim,
                         const std::vector<std::int64_t>& values);
  void append(const std::string& group, const std::string& var, const std::vector<double>& data);
  void append(const std::string& group, const std::string& var,
              const std::vector<std::int32_t>& data);
  void append(const std::string& group, const std::string& var,
              const std::vector<std::int64_t>& data);
  void append(const std::string& group, const std::string& var,
              const std::vector<std::uint8_t>& data);

  // Attribute on the group itself (var empty) or on a variable.
  void set_attribute(const std::string& group, const std::string& var, const Attr& attr);

  // Flushes, closes and renames `<path>.partial` onto `<path>`. After this the writer is closed.
  void commit();

  const std::string& path() const;

  struct Impl;  // implementation detail, defined in h5_writer.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parksim::engine::h5
