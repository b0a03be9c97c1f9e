#pragma once
// What the aggregate records about its forecasts:
//   /ensembles   attributes best (string), seed_mean, top_k (string arrays: trial ids, best first),
//                k (int64), models (string array: the ids whose /trial/<id>/model is kept),
//                models_policy ("all" or "chosen"), model_bytes (int64: the weights of every trial)
#include <optional>

#include "h5_error.hpp"
#include "vmsweep/io/kept_models.hpp"

namespace vmsweep::io {

void write_ensembles_group(hid_t file, const KeptModels& kept, const h5::Where& where);
// nullopt for results written before the group existed.
std::optional<KeptModels> read_ensembles_group(hid_t file, const h5::Where& where);

}  // namespace vmsweep::io
