#include "vmsweep/io/checkpoint_file.hpp"

#include "atomic_file.hpp"
#include "file_format.hpp"
#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "json_reader.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

// Tensor names contain '/' ("lstm0/weights_layer"), so missing groups are created on the way.
h5::PropList intermediate_groups() {
  h5::PropList lcpl(H5Pcreate(H5P_LINK_CREATE));
  H5Pset_create_intermediate_group(lcpl.get(), 1);
  return lcpl;
}

h5::Dataspace tensor_space(const NamedTensor& tensor) {
  if (tensor.shape.empty()) return h5::Dataspace(H5Screate(H5S_SCALAR));
  std::vector<hsize_t> dims(tensor.shape.begin(), tensor.shape.end());
  return h5::Dataspace(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
}

void write_tensor(hid_t weights, const NamedTensor& tensor, const h5::Where& where) {
  h5::PropList lcpl = intermediate_groups();
  h5::Dataspace space = tensor_space(tensor);
  std::string what = "tensor /weights/" + tensor.name;
  h5::Dataset dataset(H5Dcreate2(weights, tensor.name.c_str(), H5T_IEEE_F32LE, space.get(), lcpl.get(), H5P_DEFAULT,
                                 H5P_DEFAULT));
  where.check(dataset.get(), "create " + what);
  if (H5Sget_simple_extent_npoints(space.get()) != static_cast<hssize_t>(tensor.values.size()))
    where.fail("write " + what + " (its shape does not match its " + std::to_string(tensor.values.size()) + " values)");
  if (!tensor.values.empty())
    where.check_status(H5Dwrite(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, tensor.values.data()),
                       "write " + what);
}

NamedTensor read_tensor(hid_t weights, const std::string& name, const h5::Where& where) {
  std::string what = "tensor /weights/" + name;
  h5::Dataset dataset(where.check(H5Dopen2(weights, name.c_str(), H5P_DEFAULT), "open " + what));
  h5::Dataspace space(H5Dget_space(dataset.get()));
  int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  NamedTensor tensor{name, std::vector<std::int64_t>(dims.begin(), dims.end()), {}};
  tensor.values.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
  if (!tensor.values.empty())
    where.check_status(H5Dread(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, tensor.values.data()),
                       "read " + what);
  return tensor;
}

void write_header(hid_t file, const Checkpoint& checkpoint, const h5::Where& where) {
  using h5::write_attribute;
  write_format(file, checkpoint_file_format, where);
  write_attribute(file, "params_json", checkpoint.params.to_json(), where);
  write_attribute(file, "scaler_kind", checkpoint.scaler_kind, where);
  write_attribute(file, "scaler_offset", checkpoint.scaler_offset, where);
  write_attribute(file, "scaler_scale", checkpoint.scaler_scale, where);
  write_attribute(file, "best_epoch", std::int64_t{checkpoint.best_epoch}, where);
}

}  // namespace

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint) {
  h5::QuietErrors quiet;
  h5::write_atomically(path, "checkpoint_temp", [&](hid_t file, const h5::Where& where) {
    write_header(file, checkpoint, where);
    h5::Group weights = h5::create_group(file, "weights", where);
    std::vector<std::string> order;
    for (const auto& tensor : checkpoint.weights) {
      write_tensor(weights.get(), tensor, where);
      order.push_back(tensor.name);
    }
    // The model reads tensors back in its own order; HDF5 would list them by name.
    h5::write_attribute(weights.get(), "order", order, where);
  });
}

Checkpoint read_checkpoint(const std::filesystem::path& path) {
  h5::QuietErrors quiet;
  h5::Where where(path.string());
  h5::File file = h5::open_file(path.string());
  check_format(file.get(), checkpoint_file_format, where);
  Checkpoint checkpoint;
  checkpoint.params = parse_json(h5::read_string_attribute(file.get(), "params_json", where), path.string());
  checkpoint.scaler_kind = h5::read_string_attribute(file.get(), "scaler_kind", where);
  checkpoint.scaler_offset = h5::read_double_attribute(file.get(), "scaler_offset", where);
  checkpoint.scaler_scale = h5::read_double_attribute(file.get(), "scaler_scale", where);
  checkpoint.best_epoch = static_cast<int>(h5::read_int_attribute(file.get(), "best_epoch", where));
  h5::Group weights = h5::open_group(file.get(), "weights", where);
  for (const auto& name : h5::read_strings_attribute(weights.get(), "order", where))
    checkpoint.weights.push_back(read_tensor(weights.get(), name, where));
  return checkpoint;
}

}  // namespace vmsweep::io
