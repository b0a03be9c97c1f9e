#include "vmsweep/io/sweep_stamp.hpp"

#include "atomic_file.hpp"
#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "sweep_meta_record.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

std::optional<SweepMeta> read_meta_if_present(const std::filesystem::path& path, const FileFormat& format) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  h5::QuietErrors quiet;
  h5::File file = h5::open_file(path.string());
  return read_sweep_meta(file.get(), format, h5::Where(path.string()));
}

}  // namespace

void write_sweep_stamp(const ResultsLayout& layout, const SweepMeta& meta) {
  TrialStore(layout.trials_dir()).prepare();
  h5::QuietErrors quiet;
  h5::write_atomically(layout.stamp_file(), "stamp_temp", [&](hid_t file, const h5::Where& where) {
    write_sweep_meta(file, stamp_file_format, meta, where);
  });
}

std::optional<SweepMeta> read_sweep_stamp(const ResultsLayout& layout) {
  return read_meta_if_present(layout.stamp_file(), stamp_file_format);
}

std::optional<std::string> stored_sweep_hash(const ResultsLayout& layout) {
  std::optional<SweepMeta> meta = read_sweep_stamp(layout);
  if (!meta) meta = read_meta_if_present(layout.results_file(), results_file_format);
  if (!meta) return std::nullopt;
  return meta->sweep_hash;
}

}  // namespace vmsweep::io
