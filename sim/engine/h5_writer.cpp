// HDF5 writer with named dimensions (dimension scales), UTF-8 labels, chunked compressed
// variables and atomic commit. See h5_writer.hpp for the layout rules.
#include "parksim/engine/h5_writer.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <map>
#include <numeric>

#include "h5_chunks.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/output_file.hpp"

namespace parksim::engine::h5 {

namespace {

H5::StrType utf8_string() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

H5::DataType file_type(Type t) {
  switch (t) {
    case Type::Float64:
      return H5::PredType::IEEE_F64LE;
    case Type::Int32:
      return H5::PredType::STD_I32LE;
    case Type::Int64:
      return H5::PredType::STD_I64LE;
    case Type::UInt8:
      return H5::PredType::STD_U8LE;
    case Type::String:
      return utf8_string();
  }
  return H5::PredType::IEEE_F64LE;
}

std::size_t type_size(Type t) {
  switch (t) {
    case Type::Float64:
    case Type::Int64:
      return 8;
    case Type::Int32:
      return 4;
    case Type::UInt8:
      return 1;
    case Type::String:
      return 16;
  }
  return 8;
}

template <class T>
H5::PredType mem_type();
template <>
H5::PredType mem_type<double>() {
  return H5::PredType::NATIVE_DOUBLE;
}
template <>
H5::PredType mem_type<std::int32_t>() {
  return H5::PredType::NATIVE_INT32;
}
template <>
H5::PredType mem_type<std::int64_t>() {
  return H5::PredType::NATIVE_INT64;
}
template <>
H5::PredType mem_type<std::uint8_t>() {
  return H5::PredType::NATIVE_UINT8;
}

}  // namespace

namespace {
std::atomic<bool> damaged{false};
}  // namespace

bool library_state_damaged() { return damaged.load(); }

struct Writer::Impl {
  struct Dim {
    H5::DataSet scale;
    hsize_t length = 0;
    bool extendible = false;
    hsize_t expected_length = 0;  // Dimension::expected_length
  };
  struct Var {
    H5::DataSet set;
    std::vector<std::string> dims;
    Type type;
  };
  std::string path;
  std::unique_ptr<OutputFile> output;  // the unique temporary and the final rename
  std::unique_ptr<H5::H5File> file;
  bool open = false;
  mutable bool failed = false;  // an HDF5 call failed: the file is abandoned, not closed
  std::map<std::string, H5::Group> groups;
  std::map<std::string, Dim> dims;  // key: group + "/" + name
  std::map<std::string, Var> vars;

  std::string key(const std::string& group, const std::string& name) const {
    return group + "/" + name;
  }

  H5::Group& group(const std::string& name) {
    auto it = groups.find(name);
    if (it != groups.end()) return it->second;
    H5::Group g = name.empty() ? file->openGroup("/") : create_group("/" + name);
    return groups.emplace(name, g).first->second;
  }

  // Groups without creation times, so that equal contents give equal bytes.
  H5::Group create_group(const std::string& name) {
    H5::PropList gcpl(H5Pcreate(H5P_GROUP_CREATE));
    H5Pset_obj_track_times(gcpl.getId(), false);
    H5Pset_link_creation_order(gcpl.getId(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
    const hid_t id =
        H5Gcreate2(file->getId(), name.c_str(), H5P_DEFAULT, gcpl.getId(), H5P_DEFAULT);
    if (id < 0) fail(name, "", "cannot create the group");
    return H5::Group(id);
  }

  [[noreturn]] void fail(const std::string& group, const std::string& var,
                         const std::string& what) const {
    failed = true;
    const std::string reason = write_failure_reason(path, errno);
    throw OutputError(fmt::format("{}: group \"{}\", variable \"{}\": {}{}", path,
                                  group.empty() ? "/" : group, var, what,
                                  reason.empty() ? std::string() : ": " + reason));
  }

  // Closes the HDF5 file once. After a failed HDF5 call (a full disk, say) HDF5 1.10 keeps objects
  // whose state it has partly freed: closing them again crashes, and the C++ wrappers' destructors
  // would retry and print. So a failed file is abandoned instead: its handles are leaked on
  // purpose and library_state_damaged() tells the program to skip HDF5's clean-up at exit.
  void close_file() {
    if (failed) return abandon();
    vars.clear();
    dims.clear();
    groups.clear();
    try {
      file->close();
      file.reset();
    } catch (const H5::Exception&) {
      failed = true;
      abandon();
      throw;
    }
  }

  void abandon() {
    struct Handles {
      std::map<std::string, H5::Group> groups;
      std::map<std::string, Dim> dims;
      std::map<std::string, Var> vars;
      std::unique_ptr<H5::H5File> file;
    };
    (void)new Handles{std::move(groups), std::move(dims), std::move(vars),
                      std::move(file)};  // leaked on purpose
    groups.clear();
    dims.clear();
    vars.clear();
    damaged.store(true);
  }

  Dim& dim(const std::string& group, const std::string& name) {
    auto it = dims.find(key(group, name));
    if (it == dims.end()) fail(group, name, "no such dimension");
    return it->second;
  }

  Var& var(const std::string& group, const std::string& name) {
    auto it = vars.find(key(group, name));
    if (it == vars.end()) fail(group, name, "no such variable");
    return it->second;
  }

  std::vector<hsize_t> shape(const std::string& group, const std::vector<std::string>& names) {
    std::vector<hsize_t> s;
    for (const auto& n : names) s.push_back(dim(group, n).length);
    return s;
  }

  // The extent chunks are sized for: the current shape, except that an extendible first axis
  // counts the rows its dimension expects (or, unknown and empty, kUnknownRows).
  std::vector<hsize_t> chunk_extent(const std::string& group, const std::vector<std::string>& names,
                                    std::vector<hsize_t> shape) {
    if (names.empty()) return shape;
    const Dim& first = dim(group, names[0]);
    if (!first.extendible) return shape;
    if (first.expected_length > 0)
      shape[0] = first.expected_length;
    else if (shape[0] == 0)
      shape[0] = kUnknownRows;
    return shape;
  }
};

Writer::Writer(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  impl_->output = std::make_unique<OutputFile>(impl_->path);
  const std::string& temporary = impl_->output->temporary();
  try {
    H5::Exception::dontPrint();
    H5::FileCreatPropList fcpl;
    H5Pset_link_creation_order(fcpl.getId(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
    H5Pset_attr_creation_order(fcpl.getId(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
    H5Pset_obj_track_times(fcpl.getId(), false);  // the root group: no creation time either
    impl_->file = std::make_unique<H5::H5File>(temporary, H5F_ACC_TRUNC, fcpl);
    impl_->open = true;
  } catch (const H5::Exception& e) {
    const std::string reason = write_failure_reason(impl_->path, errno);
    throw OutputError(fmt::format("{}: cannot create {}: {}", impl_->path, temporary,
                                  reason.empty() ? e.getDetailMsg() : reason));
  }
}

// An unfinished writer closes its file (errors ignored: the file is being thrown away) and the
// OutputFile member removes the temporary.
Writer::~Writer() {
  if (!impl_ || !impl_->open) return;
  try {
    impl_->close_file();
  } catch (...) {}
}

const std::string& Writer::path() const { return impl_->path; }

void Writer::add_dimension(const std::string& group, const Dimension& d) {
  auto& g = impl_->group(group);
  try {
    const bool strings = !d.labels.empty() || (!d.extendible && d.values.empty() && !d.integer);
    const hsize_t n = strings ? d.labels.size() : d.values.size();
    hsize_t dims[1] = {n};
    hsize_t maxdims[1] = {d.extendible ? H5S_UNLIMITED : n};
    H5::DataSpace space(1, dims, maxdims);
    H5::DSetCreatPropList dcpl;
    H5Pset_obj_track_times(dcpl.getId(), false);
    if (d.extendible) {
      hsize_t chunk[1] = {4096};
      dcpl.setChunk(1, chunk);
    }
    H5::DataSet set;
    if (strings) {
      set = g.createDataSet(d.name, utf8_string(), space, dcpl);
      std::vector<const char*> ptrs;
      for (const auto& s : d.labels) ptrs.push_back(s.c_str());
      if (n > 0) set.write(ptrs.data(), utf8_string());
    } else {
      set = g.createDataSet(d.name, H5::PredType::STD_I64LE, space, dcpl);
      if (n > 0) set.write(d.values.data(), H5::PredType::NATIVE_INT64);
    }
    if (H5DSset_scale(set.getId(), d.name.c_str()) < 0)
      impl_->fail(group, d.name, "H5DSset_scale failed");
    impl_->dims[impl_->key(group, d.name)] = {set, n, d.extendible, d.expected_length};
    for (const auto& a : d.attrs) set_attribute(group, d.name, a);
  } catch (const H5::Exception& e) {
    impl_->fail(group, d.name, e.getDetailMsg());
  }
}

void Writer::create_variable(const std::string& group, const Variable& v) {
  auto& g = impl_->group(group);
  try {
    const auto shape = impl_->shape(group, v.dims);
    std::vector<hsize_t> maxdims = shape;
    for (std::size_t d = 0; d < v.dims.size(); ++d) {
      if (impl_->dim(group, v.dims[d]).extendible) {
        if (d != 0) impl_->fail(group, v.name, "an extendible dimension must be the first axis");
        maxdims[d] = H5S_UNLIMITED;
      }
    }
    H5::DataSpace space(int(shape.size()), shape.data(), maxdims.data());
    H5::DSetCreatPropList dcpl;
    H5Pset_obj_track_times(dcpl.getId(), false);
    const auto chunk = chunk_shape(impl_->chunk_extent(group, v.dims, shape), type_size(v.type));
    dcpl.setChunk(int(chunk.size()), chunk.data());
    if (v.type != Type::String) {
      // Every chunk is deflated, however small: reading a damaged copy of a file whose tiny
      // datasets were not deflated made HDF5 1.10 copy from a wild address (SEGV under
      // AddressSanitizer in [damaged]); a damaged deflate stream is refused.
      dcpl.setShuffle();
      dcpl.setDeflate(4);
      dcpl.setFletcher32();  // a damaged chunk is refused on reading, never read as other numbers
    }
    H5::DataSet set = g.createDataSet(v.name, file_type(v.type), space, dcpl);
    for (std::size_t d = 0; d < v.dims.size(); ++d)
      if (H5DSattach_scale(set.getId(), impl_->dim(group, v.dims[d]).scale.getId(), unsigned(d)) <
          0)
        impl_->fail(group, v.name, "H5DSattach_scale failed");
    impl_->vars[impl_->key(group, v.name)] = {set, v.dims, v.type};
    set_attribute(group, v.name, {"units", v.units.empty() ? std::string("1") : v.units});
    for (const auto& a : v.attrs) set_attribute(group, v.name, a);
  } catch (const H5::Exception& e) {
    impl_->fail(group, v.name, e.getDetailMsg());
  }
}

namespace {

template <class T>
void write_whole(Writer::Impl& impl, const std::string& group, const std::string& name,
                 const std::vector<T>& data) {
  auto& v = impl.var(group, name);
  const auto shape = impl.shape(group, v.dims);
  const hsize_t n = std::accumulate(shape.begin(), shape.end(), hsize_t{1}, std::multiplies<>());
  if (data.size() != n)
    impl.fail(group, name, fmt::format("expected {} values, got {}", n, data.size()));
  if (n == 0) return;
  try {
    v.set.write(data.data(), mem_type<T>());
  } catch (const H5::Exception& e) {
    impl.fail(group, name, e.getDetailMsg());
  }
}

template <class T>
void append_rows(Writer::Impl& impl, const std::string& group, const std::string& name,
                 const std::vector<T>& data) {
  auto& v = impl.var(group, name);
  if (v.dims.empty() || !impl.dim(group, v.dims[0]).extendible)
    impl.fail(group, name, "first axis is not extendible");
  auto shape = impl.shape(group, v.dims);
  hsize_t row = 1;
  for (std::size_t d = 1; d < shape.size(); ++d) row *= shape[d];
  if (row == 0 && data.empty()) {
    // Rows of zero values (an empty trailing dimension): just follow the first dimension's length.
    try {
      std::vector<hsize_t> grown = shape;
      v.set.extend(grown.data());
    } catch (const H5::Exception& e) {
      impl.fail(group, name, e.getDetailMsg());
    }
    return;
  }
  if (row == 0 || data.size() % row != 0)
    impl.fail(group, name,
              fmt::format("{} values are not a whole number of rows of {}", data.size(), row));
  const hsize_t rows = data.size() / row;
  try {
    H5::DataSpace current = v.set.getSpace();
    std::vector<hsize_t> now(shape.size());
    current.getSimpleExtentDims(now.data());
    std::vector<hsize_t> grown = now;
    grown[0] += rows;
    v.set.extend(grown.data());
    H5::DataSpace file_space = v.set.getSpace();
    std::vector<hsize_t> offset(shape.size(), 0), count = grown;
    offset[0] = now[0];
    count[0] = rows;
    file_space.selectHyperslab(H5S_SELECT_SET, count.data(), offset.data());
    H5::DataSpace mem(int(count.size()), count.data());
    v.set.write(data.data(), mem_type<T>(), mem, file_space);
  } catch (const H5::Exception& e) {
    impl.fail(group, name, e.getDetailMsg());
  }
}

}  // namespace

void Writer::write(const std::string& g, const std::string& v, const std::vector<double>& d) {
  write_whole(*impl_, g, v, d);
}
void Writer::write(const std::string& g, const std::string& v, const std::vector<std::int32_t>& d) {
  write_whole(*impl_, g, v, d);
}
void Writer::write(const std::string& g, const std::string& v, const std::vector<std::int64_t>& d) {
  write_whole(*impl_, g, v, d);
}
void Writer::write(const std::string& g, const std::string& v, const std::vector<std::uint8_t>& d) {
  write_whole(*impl_, g, v, d);
}

void Writer::write(const std::string& group, const std::string& name,
                   const std::vector<std::string>& data) {
  auto& v = impl_->var(group, name);
  const auto shape = impl_->shape(group, v.dims);
  const hsize_t n = std::accumulate(shape.begin(), shape.end(), hsize_t{1}, std::multiplies<>());
  if (data.size() != n)
    impl_->fail(group, name, fmt::format("expected {} strings, got {}", n, data.size()));
  std::vector<const char*> ptrs;
  for (const auto& s : data) ptrs.push_back(s.c_str());
  try {
    if (n > 0) v.set.write(ptrs.data(), utf8_string());
  } catch (const H5::Exception& e) {
    impl_->fail(group, name, e.getDetailMsg());
  }
}

void Writer::append_coordinate(const std::string& group, const std::string& name,
                               const std::vector<std::int64_t>& values) {
  auto& d = impl_->dim(group, name);
  if (!d.extendible) impl_->fail(group, name, "dimension is not extendible");
  if (values.empty()) return;
  try {
    hsize_t grown[1] = {d.length + values.size()};
    d.scale.extend(grown);
    H5::DataSpace file_space = d.scale.getSpace();
    hsize_t offset[1] = {d.length}, count[1] = {values.size()};
    file_space.selectHyperslab(H5S_SELECT_SET, count, offset);
    H5::DataSpace mem(1, count);
    d.scale.write(values.data(), H5::PredType::NATIVE_INT64, mem, file_space);
    d.length = grown[0];
  } catch (const H5::Exception& e) {
    impl_->fail(group, name, e.getDetailMsg());
  }
}

void Writer::append(const std::string& g, const std::string& v, const std::vector<double>& d) {
  append_rows(*impl_, g, v, d);
}
void Writer::append(const std::string& g, const std::string& v,
                    const std::vector<std::int32_t>& d) {
  append_rows(*impl_, g, v, d);
}
void Writer::append(const std::string& g, const std::string& v,
                    const std::vector<std::int64_t>& d) {
  append_rows(*impl_, g, v, d);
}
void Writer::append(const std::string& g, const std::string& v,
                    const std::vector<std::uint8_t>& d) {
  append_rows(*impl_, g, v, d);
}

void Writer::set_attribute(const std::string& group, const std::string& var, const Attr& attr) {
  try {
    H5::H5Object* target = nullptr;
    H5::DataSet set;
    if (var.empty()) {
      target = &impl_->group(group);
    } else {
      auto dit = impl_->dims.find(impl_->key(group, var));
      set = dit != impl_->dims.end() ? dit->second.scale : impl_->var(group, var).set;
      target = &set;
    }
    if (target->attrExists(attr.name)) target->removeAttr(attr.name);
    H5::DataSpace scalar(H5S_SCALAR);
    if (const auto* s = std::get_if<std::string>(&attr.value)) {
      const auto type = utf8_string();
      const char* p = s->c_str();
      target->createAttribute(attr.name, type, scalar).write(type, &p);
    } else if (const auto* d = std::get_if<double>(&attr.value)) {
      target->createAttribute(attr.name, H5::PredType::IEEE_F64LE, scalar)
          .write(H5::PredType::NATIVE_DOUBLE, d);
    } else {
      const auto& i = std::get<std::int64_t>(attr.value);
      target->createAttribute(attr.name, H5::PredType::STD_I64LE, scalar)
          .write(H5::PredType::NATIVE_INT64, &i);
    }
  } catch (const H5::Exception& e) {
    impl_->fail(group, var, fmt::format("attribute {}: {}", attr.name, e.getDetailMsg()));
  }
}

void Writer::commit() {
  if (!impl_->open) throw OutputError(impl_->path + ": already committed");
  try {
    impl_->file->flush(H5F_SCOPE_GLOBAL);
    impl_->open = false;
    impl_->close_file();
  } catch (const H5::Exception& e) {
    impl_->failed = true;  // a failed flush leaves objects HDF5 cannot close cleanly either
    impl_->open = false;
    impl_->abandon();
    const std::string reason = write_failure_reason(impl_->path, errno);
    throw OutputError(fmt::format("{}: cannot write the file: {}", impl_->path,
                                  reason.empty() ? e.getDetailMsg() : reason));
  }
  impl_->output->commit();
}

}  // namespace parksim::engine::h5
