#pragma once
// Reading back what h5::Writer wrote: whole datasets of numbers or strings and root attributes.
// Failures throw Error naming the file and the dataset.
#include <cstdint>
#include <string>
#include <vector>

namespace parksim::engine::h5 {

struct Array {
  std::vector<double> data;  // row-major
  std::vector<std::size_t> shape;
};

class Reader {
 public:
  explicit Reader(const std::string& path);
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool has(const std::string& dataset) const;  // "name" or "group/name"
  // The dataset's dimensions, without reading it: callers check them before a damaged file makes
  // them allocate terabytes.
  std::vector<std::size_t> shape(const std::string& dataset) const;
  Array doubles(const std::string& dataset) const;  // any numeric type, converted
  std::vector<std::string> strings(const std::string& dataset) const;
  std::string attribute_string(const std::string& name) const;  // root attribute
  double attribute_number(const std::string& name) const;       // root attribute
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  long long file_ = -1;  // hid_t
};

}  // namespace parksim::engine::h5
