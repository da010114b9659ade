// Whole-dataset reads with the HDF5 C API (the files are small: designs, sweeps, comparisons).
#include "parksim/engine/h5_reader.hpp"

#include <fmt/format.h>
#include <hdf5.h>

#include "parksim/engine/error.hpp"

namespace parksim::engine::h5 {

namespace {

// HDF5 prints its own error stack by default; errors are reported by the exceptions instead.
struct QuietErrors {
  QuietErrors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }
};

}  // namespace

Reader::Reader(const std::string& path) : path_(path) {
  static QuietErrors quiet;
  file_ = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file_ < 0) throw Error(fmt::format("{}: cannot open as HDF5 (missing, unfinished or not an HDF5 file)", path));
}

Reader::~Reader() {
  if (file_ >= 0) H5Fclose(hid_t(file_));
}

bool Reader::has(const std::string& dataset) const {
  return H5Lexists(hid_t(file_), dataset.c_str(), H5P_DEFAULT) > 0;
}

std::vector<std::size_t> Reader::shape(const std::string& dataset) const {
  const hid_t d = H5Dopen2(hid_t(file_), dataset.c_str(), H5P_DEFAULT);
  if (d < 0) throw Error(fmt::format("{}: no dataset \"{}\"", path_, dataset));
  const hid_t space = H5Dget_space(d);
  const int rank = space < 0 ? -1 : H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(std::size_t(std::max(rank, 0)));
  const bool ok = rank >= 0 && H5Sget_simple_extent_dims(space, dims.data(), nullptr) == rank;
  if (space >= 0) H5Sclose(space);
  H5Dclose(d);
  if (!ok) throw Error(fmt::format("{}: cannot read the dimensions of \"{}\"", path_, dataset));
  return std::vector<std::size_t>(dims.begin(), dims.end());
}

Array Reader::doubles(const std::string& dataset) const {
  Array a;
  a.shape = shape(dataset);
  std::size_t n = 1;
  for (auto v : a.shape) n *= v;
  const hid_t d = H5Dopen2(hid_t(file_), dataset.c_str(), H5P_DEFAULT);
  if (d < 0) throw Error(fmt::format("{}: no dataset \"{}\"", path_, dataset));
  a.data.resize(n);
  const herr_t status = n ? H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, a.data.data()) : 0;
  H5Dclose(d);
  if (status < 0) throw Error(fmt::format("{}: cannot read \"{}\" as numbers", path_, dataset));
  return a;
}

std::vector<std::string> Reader::strings(const std::string& dataset) const {
  const hid_t d = H5Dopen2(hid_t(file_), dataset.c_str(), H5P_DEFAULT);
  if (d < 0) throw Error(fmt::format("{}: no dataset \"{}\"", path_, dataset));
  const hid_t space = H5Dget_space(d);
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  std::vector<char*> raw(std::size_t(std::max<hssize_t>(n, 0)), nullptr);
  const herr_t status = n ? H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) : 0;
  std::vector<std::string> out;
  for (char* s : raw) out.emplace_back(s ? s : "");
  if (status >= 0 && n) H5Dvlen_reclaim(type, space, H5P_DEFAULT, raw.data());
  H5Tclose(type);
  H5Sclose(space);
  H5Dclose(d);
  if (status < 0) throw Error(fmt::format("{}: cannot read \"{}\" as text", path_, dataset));
  return out;
}

std::string Reader::attribute_string(const std::string& name) const {
  const hid_t a = H5Aopen(hid_t(file_), name.c_str(), H5P_DEFAULT);
  if (a < 0) throw Error(fmt::format("{}: no attribute \"{}\"", path_, name));
  const hid_t ftype = H5Aget_type(a);
  std::string out;
  herr_t status = -1;
  if (H5Tis_variable_str(ftype) > 0) {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    char* s = nullptr;
    status = H5Aread(a, type, &s);
    if (status >= 0 && s) { out = s; H5free_memory(s); }
    H5Tclose(type);
  } else {
    std::string buf(H5Tget_size(ftype), '\0');
    status = H5Aread(a, ftype, buf.data());
    out = buf.c_str();
  }
  H5Tclose(ftype);
  H5Aclose(a);
  if (status < 0) throw Error(fmt::format("{}: cannot read attribute \"{}\"", path_, name));
  return out;
}

double Reader::attribute_number(const std::string& name) const {
  const hid_t a = H5Aopen(hid_t(file_), name.c_str(), H5P_DEFAULT);
  if (a < 0) throw Error(fmt::format("{}: no attribute \"{}\"", path_, name));
  double v = 0;
  const herr_t status = H5Aread(a, H5T_NATIVE_DOUBLE, &v);
  H5Aclose(a);
  if (status < 0) throw Error(fmt::format("{}: cannot read attribute \"{}\" as a number", path_, name));
  return v;
}

}  // namespace parksim::engine::h5
