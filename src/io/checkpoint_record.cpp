#include "checkpoint_record.hpp"

#include <algorithm>

#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "h5_table.hpp"
#include "json_reader.hpp"
#include "vmsweep/common/error.hpp"

namespace vmsweep::io {

namespace {

using h5::write_attribute;

constexpr const char* calibration_table = "calibration";

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

void write_scaler(hid_t group, const std::string& prefix, const std::string& kind, double offset, double scale,
                  const h5::Where& where) {
  write_attribute(group, prefix + "_kind", kind, where);
  write_attribute(group, prefix + "_offset", offset, where);
  write_attribute(group, prefix + "_scale", scale, where);
}

void write_header(hid_t group, const Checkpoint& checkpoint, const h5::Where& where) {
  write_attribute(group, "params_json", checkpoint.params.to_json(), where);
  write_scaler(group, "scaler", checkpoint.scaler_kind, checkpoint.scaler_offset, checkpoint.scaler_scale, where);
  write_scaler(group, "history_scaler", checkpoint.history_scaler_kind, checkpoint.history_scaler_offset,
               checkpoint.history_scaler_scale, where);
  write_attribute(group, "best_epoch", std::int64_t{checkpoint.best_epoch}, where);
  std::int64_t parameters = 0;
  for (const NamedTensor& tensor : checkpoint.weights) parameters += static_cast<std::int64_t>(tensor.values.size());
  write_attribute(group, "parameters", parameters, where);
}

void write_weights(hid_t group, const std::vector<NamedTensor>& tensors, const h5::Where& where) {
  h5::Group weights = h5::create_group(group, "weights", where);
  std::vector<std::string> order;
  for (const auto& tensor : tensors) {
    write_tensor(weights.get(), tensor, where);
    order.push_back(tensor.name);
  }
  // The model reads tensors back in its own order; HDF5 would list them by name.
  write_attribute(weights.get(), "order", order, where);
}

Table calibration_rows(const std::vector<std::vector<double>>& calibration) {
  std::vector<std::int32_t> steps;
  std::vector<double> errors;
  for (std::size_t k = 0; k < calibration.size(); ++k) {
    steps.insert(steps.end(), calibration[k].size(), static_cast<std::int32_t>(k + 1));
    errors.insert(errors.end(), calibration[k].begin(), calibration[k].end());
  }
  return Table{{{"horizon_step", std::move(steps), {}}, {"abs_error", std::move(errors), {}}}};
}

std::vector<std::vector<double>> calibration_from(const Table& rows) {
  const std::vector<std::int32_t>& steps = rows.values<std::int32_t>("horizon_step");
  const std::vector<double>& errors = rows.values<double>("abs_error");
  std::vector<std::vector<double>> calibration;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] < 1) throw Error("horizon_step " + std::to_string(steps[i]) + " is not a step ahead");
    calibration.resize(std::max(calibration.size(), static_cast<std::size_t>(steps[i])));
    calibration[static_cast<std::size_t>(steps[i] - 1)].push_back(errors[i]);
  }
  return calibration;
}

// A record written before the history scaler was stored has none: the identity.
void read_history_scaler(hid_t group, Checkpoint& checkpoint, const h5::Where& where) {
  if (!h5::has_attribute(group, "history_scaler_kind")) return;
  checkpoint.history_scaler_kind = h5::read_string_attribute(group, "history_scaler_kind", where);
  checkpoint.history_scaler_offset = h5::read_double_attribute(group, "history_scaler_offset", where);
  checkpoint.history_scaler_scale = h5::read_double_attribute(group, "history_scaler_scale", where);
}

}  // namespace

void write_checkpoint_record(hid_t group, const Checkpoint& checkpoint, const h5::Where& where) {
  write_header(group, checkpoint, where);
  write_weights(group, checkpoint.weights, where);
  h5::write_compound_table(group, calibration_table, calibration_rows(checkpoint.calibration), where);
}

Checkpoint read_checkpoint_record(hid_t group, const h5::Where& where) {
  Checkpoint checkpoint;
  const std::string origin = where.file() + ": " + h5::object_path(group) + " attribute params_json";
  checkpoint.params = parse_json(h5::read_string_attribute(group, "params_json", where), origin);
  checkpoint.scaler_kind = h5::read_string_attribute(group, "scaler_kind", where);
  checkpoint.scaler_offset = h5::read_double_attribute(group, "scaler_offset", where);
  checkpoint.scaler_scale = h5::read_double_attribute(group, "scaler_scale", where);
  read_history_scaler(group, checkpoint, where);
  checkpoint.best_epoch = static_cast<int>(h5::read_int_attribute(group, "best_epoch", where));
  h5::Group weights = h5::open_group(group, "weights", where);
  for (const auto& name : h5::read_strings_attribute(weights.get(), "order", where))
    checkpoint.weights.push_back(read_tensor(weights.get(), name, where));
  if (h5::has_link(group, calibration_table)) {
    try {
      checkpoint.calibration = calibration_from(h5::read_compound_table(group, calibration_table, where));
    } catch (const Error& error) {
      throw Error(where.file() + ": " + h5::object_path(group) + "/" + calibration_table + ": " + error.what());
    }
  }
  return checkpoint;
}

std::int64_t checkpoint_parameters(hid_t group, const h5::Where& where) {
  return h5::read_int_attribute(group, "parameters", where);
}

}  // namespace vmsweep::io
