#include "sweep_meta_record.hpp"

#include "h5_attribute.hpp"
#include "h5_file.hpp"
#include "vmsweep/common/version.hpp"

namespace vmsweep::io {

namespace {

void write_time(hid_t group, const char* name, TimePoint time, const h5::Where& where) {
  h5::write_attribute(group, name, time == TimePoint{} ? std::string() : iso8601_utc(time), where);
}

TimePoint read_time(hid_t group, const char* name, const h5::Where& where) {
  std::string text = h5::read_string_attribute(group, name, where);
  return text.empty() ? TimePoint{} : parse_iso8601_utc(text);
}

}  // namespace

void write_sweep_meta(hid_t file, const FileFormat& format, const SweepMeta& meta, const h5::Where& where) {
  using h5::write_attribute;
  write_format(file, format, where);
  h5::Group sweep = h5::create_group(file, "sweep", where, true);
  hid_t g = sweep.get();
  write_attribute(g, "name", meta.name, where);
  write_attribute(g, "method", meta.method, where);
  write_attribute(g, "metric", meta.metric, where);
  write_attribute(g, "metric_goal", meta.metric_goal, where);
  write_attribute(g, "sweep_text", meta.sweep_text, where);
  write_attribute(g, "sweep_hash", meta.sweep_hash, where);
  write_attribute(g, "seed", meta.seed, where);
  write_attribute(g, "vmsweep_version", version_string, where);
  write_time(g, "started", meta.started, where);
  write_time(g, "finished", meta.finished, where);
  write_attribute(g, "ranks", std::int64_t{meta.ranks}, where);
  write_attribute(g, "hosts", meta.hosts, where);
  write_attribute(g, "skipped_traces", meta.skipped_traces, where);
}

SweepMeta read_sweep_meta(hid_t file, const FileFormat& format, const h5::Where& where) {
  check_format(file, format, where);
  h5::Group sweep = h5::open_group(file, "sweep", where);
  hid_t g = sweep.get();
  SweepMeta meta;
  meta.name = h5::read_string_attribute(g, "name", where);
  meta.method = h5::read_string_attribute(g, "method", where);
  meta.metric = h5::read_string_attribute(g, "metric", where);
  meta.metric_goal = h5::read_string_attribute(g, "metric_goal", where);
  meta.sweep_text = h5::read_string_attribute(g, "sweep_text", where);
  meta.sweep_hash = h5::read_string_attribute(g, "sweep_hash", where);
  meta.seed = h5::read_int_attribute(g, "seed", where);
  meta.vmsweep_version = h5::read_string_attribute(g, "vmsweep_version", where);
  meta.started = read_time(g, "started", where);
  meta.finished = read_time(g, "finished", where);
  meta.ranks = static_cast<int>(h5::read_int_attribute(g, "ranks", where));
  meta.hosts = h5::read_strings_attribute(g, "hosts", where);
  // Files written before fleets have none.
  if (h5::has_attribute(g, "skipped_traces")) meta.skipped_traces = h5::read_strings_attribute(g, "skipped_traces", where);
  return meta;
}

}  // namespace vmsweep::io
