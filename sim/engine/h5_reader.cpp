// Whole-dataset reads with the HDF5 C API (the files are small: designs, sweeps, comparisons).
#include "parksim/engine/h5_reader.hpp"

#include <fmt/format.h>
#include <hdf5.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "parksim/engine/error.hpp"

namespace parksim::engine::h5 {

namespace {

// HDF5 prints its own error stack by default; errors are reported by the exceptions instead.
struct QuietErrors {
  QuietErrors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }
};

std::uint64_t little_endian(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// (collection address, object index) -> object size, of every global heap object.
using HeapObjects = std::map<std::pair<std::uint64_t, std::uint64_t>, std::uint64_t>;

// HDF5 1.10 trusts the object sizes in a global heap collection (where variable-length strings
// live): a damaged size makes H5Aread/H5Dread loop forever or copy past the heap. Every collection
// ("GCOL", version 1) must therefore be a chain of objects that ends exactly at its stated size,
// as HDF5's own decoder walks it (8-byte lengths, the only size parksim's writer uses).
HeapObjects global_heaps(const std::string& path, const std::string& bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  auto damaged = [&](std::size_t at) {
    return Error(
        fmt::format("{}: is damaged (the string heap at byte {} is inconsistent)", path, at));
  };
  HeapObjects objects;
  for (std::size_t at = bytes.find("GCOL\x01\0\0\0", 0, 8); at != std::string::npos;
       at = bytes.find("GCOL\x01\0\0\0", at + 1, 8)) {
    if (at + 16 > bytes.size()) throw damaged(at);
    const std::uint64_t size = little_endian(data + at + 8, 8);
    if (size < 16 || size > bytes.size() - at) throw damaged(at);
    const unsigned char* heap = data + at;
    for (std::uint64_t p = 16; p < size;) {
      if (p + 16 > size) break;  // a tail too small for an object header is free space
      const std::uint64_t index = little_endian(heap + p, 2),
                          object = little_endian(heap + p + 8, 8);
      if (object > size) throw damaged(at);
      const std::uint64_t need = index > 0 ? 16 + (object + 7) / 8 * 8 : object;
      if (need < 16 || need > size - p) throw damaged(at);
      if (index > 0) objects[{at, index}] = object;
      p += need;
    }
  }
  return objects;
}

// The references of a contiguous dataset of variable-length strings (length, collection address,
// object index: 16 bytes each) must name heap objects of exactly their length: HDF5 allocates by
// the length and copies by the object's size, so a damaged length is a huge allocation or an
// overrun.
bool string_references_intact(const std::string& path, hid_t d, std::size_t count) {
  const haddr_t offset = H5Dget_offset(d);
  if (offset == HADDR_UNDEF) return true;  // nothing stored: HDF5 reads empty strings
  const std::string bytes = file_bytes(path);
  const auto objects = global_heaps(path, bytes);
  if (offset > bytes.size() || count > (bytes.size() - offset) / 16) return false;
  const auto* refs = reinterpret_cast<const unsigned char*>(bytes.data()) + offset;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t length = little_endian(refs + 16 * i, 4),
                        collection = little_endian(refs + 16 * i + 4, 8),
                        index = little_endian(refs + 16 * i + 12, 4);
    if (length == 0 && collection == 0) continue;
    const auto it = objects.find({collection, index});
    if (it == objects.end() || it->second != length) return false;
  }
  return true;
}

// A chunked dataset whose chunk index lost a chunk reads that chunk as fill values (zeros) without
// an error. The writer writes every chunk of a dataset, so any missing chunk is damage.
bool all_chunks_present(hid_t d, const std::vector<std::size_t>& shape) {
  const hid_t dcpl = H5Dget_create_plist(d);
  if (dcpl < 0) return false;
  bool ok = true;
  if (H5Pget_layout(dcpl) == H5D_CHUNKED) {
    std::vector<hsize_t> chunk(shape.size());
    ok = H5Pget_chunk(dcpl, int(chunk.size()), chunk.data()) == int(shape.size());
    hsize_t expected = 1, present = 0;
    for (std::size_t i = 0; ok && i < shape.size(); ++i)
      expected *= chunk[i] ? (shape[i] + chunk[i] - 1) / chunk[i] : 0;
    const hid_t space = H5Dget_space(d);
    ok = ok && space >= 0 && H5Dget_num_chunks(d, space, &present) >= 0 && present == expected;
    // A damaged index key puts a chunk at coordinates no read asks for: each chunk must sit on the
    // chunk grid, inside the dataset, once, with all its filters applied.
    std::set<std::vector<hsize_t>> seen;
    for (hsize_t i = 0; ok && i < present; ++i) {
      std::vector<hsize_t> offset(shape.size());
      unsigned mask = 0;
      haddr_t addr = 0;
      hsize_t bytes = 0;
      ok = H5Dget_chunk_info(d, space, i, offset.data(), &mask, &addr, &bytes) >= 0 && mask == 0;
      for (std::size_t j = 0; ok && j < shape.size(); ++j)
        ok = offset[j] % chunk[j] == 0 && offset[j] < shape[j];
      ok = ok && seen.insert(offset).second;
    }
    // and a lookup by coordinates, the path H5Dread takes, must find each one.
    std::vector<hsize_t> at(shape.size(), 0);
    for (hsize_t i = 0; ok && i < expected; ++i) {
      unsigned mask = 0;
      haddr_t addr = HADDR_UNDEF;
      hsize_t bytes = 0;
      ok = H5Dget_chunk_info_by_coord(d, at.data(), &mask, &addr, &bytes) >= 0 &&
           addr != HADDR_UNDEF && mask == 0;
      for (std::size_t j = shape.size(); j-- > 0;) {  // next grid position, last axis fastest
        at[j] += chunk[j];
        if (at[j] < shape[j]) break;
        at[j] = 0;
      }
    }
    if (space >= 0) H5Sclose(space);
  }
  H5Pclose(dcpl);
  return ok;
}

// Only the number types h5::Writer stores: HDF5 1.10 converts a damaged (odd-sized) type with
// out-of-bounds copies.
bool writer_number_type(hid_t d) {
  const hid_t type = H5Dget_type(d);
  if (type < 0) return false;
  bool known = false;
  for (hid_t t : {H5T_IEEE_F64LE, H5T_STD_I64LE, H5T_STD_I32LE, H5T_STD_U8LE})
    known = known || H5Tequal(type, t) > 0;
  H5Tclose(type);
  return known;
}

// Attributes are read into one value: one with more elements (a damaged dataspace) would overrun
// it.
bool single_value(hid_t attribute) {
  const hid_t space = H5Aget_space(attribute);
  const bool one = space >= 0 && H5Sget_simple_extent_npoints(space) == 1;
  if (space >= 0) H5Sclose(space);
  return one;
}

}  // namespace

Reader::Reader(const std::string& path) : path_(path) {
  static QuietErrors quiet;
  global_heaps(path, file_bytes(path));
  file_ = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file_ < 0)
    throw Error(
        fmt::format("{}: cannot open as HDF5 (missing, unfinished or not an HDF5 file)", path));
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
  if (!writer_number_type(d) || !all_chunks_present(d, a.shape)) {
    H5Dclose(d);
    throw Error(fmt::format("{}: is damaged (\"{}\" is missing stored chunks)", path_, dataset));
  }
  a.data.resize(n);
  const herr_t status =
      n ? H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, a.data.data()) : 0;
  H5Dclose(d);
  if (status < 0) throw Error(fmt::format("{}: cannot read \"{}\" as numbers", path_, dataset));
  return a;
}

std::vector<std::string> Reader::strings(const std::string& dataset) const {
  const hid_t d = H5Dopen2(hid_t(file_), dataset.c_str(), H5P_DEFAULT);
  if (d < 0) throw Error(fmt::format("{}: no dataset \"{}\"", path_, dataset));
  const hid_t space = H5Dget_space(d);
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  const hid_t ftype = H5Dget_type(d), dcpl = H5Dget_create_plist(d);
  const bool checkable = H5Tis_variable_str(ftype) > 0 && H5Pget_layout(dcpl) == H5D_CONTIGUOUS;
  H5Tclose(ftype);
  H5Pclose(dcpl);
  if (checkable && n > 0 && !string_references_intact(path_, d, std::size_t(n))) {
    H5Sclose(space);
    H5Dclose(d);
    throw Error(fmt::format("{}: is damaged (the strings of \"{}\" do not match the string heap)",
                            path_, dataset));
  }
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
  if (!single_value(a)) {
    // status stays -1: refused below
  } else if (H5Tis_variable_str(ftype) > 0) {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    char* s = nullptr;
    status = H5Aread(a, type, &s);
    if (status >= 0 && s) {
      out = s;
      H5free_memory(s);
    }
    H5Tclose(type);
  } else if (H5Tget_class(ftype) == H5T_STRING && H5Tget_size(ftype) <= std::size_t(1) << 26) {
    // The size comes from the file: a damaged one must not become a gigabyte buffer.
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
  const herr_t status = single_value(a) ? H5Aread(a, H5T_NATIVE_DOUBLE, &v) : -1;
  H5Aclose(a);
  if (status < 0)
    throw Error(fmt::format("{}: cannot read attribute \"{}\" as a number", path_, name));
  return v;
}

}  // namespace parksim::engine::h5
