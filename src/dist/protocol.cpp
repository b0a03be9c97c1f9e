#include "protocol.hpp"

#include "vmsweep/common/error.hpp"

namespace vmsweep::dist {

namespace {

template <class Decoded>
Decoded finish(ByteReader& reader, Decoded decoded) {
  if (!reader.at_end()) throw Error("malformed protocol message: bytes after its last field");
  return decoded;
}

Bytes outcome_body(const TrialOutcome& outcome) {
  ByteWriter writer;
  writer.put(outcome.trial_id).put(outcome.status).put_string(outcome.reason);
  writer.put(static_cast<std::uint64_t>(outcome.metrics.size()));
  for (const auto& [name, value] : outcome.metrics) writer.put_string(name).put(value);
  writer.put(outcome.epochs_run).put(outcome.seconds).put(outcome.rank).put_string(outcome.host);
  writer.put(outcome.interrupted);
  return std::move(writer).take();
}

}  // namespace

const double* TrialOutcome::metric(const std::string& name) const {
  for (const auto& [key, value] : metrics)
    if (key == name) return &value;
  return nullptr;
}

Message encode_assign(const sweep::TrialSpec& trial) {
  ByteWriter writer;
  writer.put(trial.id).put(trial.config_id).put(trial.repeat).put(trial.seed).put_value(trial.params).put_string(trial.trace);
  writer.put(static_cast<std::uint64_t>(trial.traces.size()));
  for (const std::string& trace : trial.traces) writer.put_string(trace);
  return {Tag::assign, std::move(writer).take()};
}

sweep::TrialSpec decode_assign(const Bytes& body) {
  ByteReader reader(body);
  sweep::TrialSpec trial;
  trial.id = reader.get<std::int64_t>();
  trial.config_id = reader.get<std::int64_t>();
  trial.repeat = reader.get<int>();
  trial.seed = reader.get<std::int64_t>();
  trial.params = reader.get_value();
  trial.trace = reader.get_string();
  trial.traces.resize(reader.get_count());
  for (std::string& trace : trial.traces) trace = reader.get_string();
  return finish(reader, std::move(trial));
}

Message encode_epoch(const EpochReport& report) {
  ByteWriter writer;
  writer.put(report.trial_id).put(report.record);
  return {Tag::epoch, std::move(writer).take()};
}

EpochReport decode_epoch(const Bytes& body) {
  ByteReader reader(body);
  EpochReport report;
  report.trial_id = reader.get<std::int64_t>();
  report.record = reader.get<EpochRecord>();
  return finish(reader, report);
}

Message encode_verdict(const Ruling& ruling) {
  ByteWriter writer;
  writer.put(ruling.verdict).put_string(ruling.reason);
  return {Tag::verdict, std::move(writer).take()};
}

Ruling decode_verdict(const Bytes& body) {
  ByteReader reader(body);
  Ruling ruling;
  ruling.verdict = reader.get<Verdict>();
  if (ruling.verdict > Verdict::abandon) throw Error("malformed protocol message: unknown verdict");
  ruling.reason = reader.get_string();
  return finish(reader, std::move(ruling));
}

Message encode_result(const TrialOutcome& outcome) { return {Tag::result, outcome_body(outcome)}; }

Message encode_ready(const TrialOutcome& outcome) { return {Tag::ready, outcome_body(outcome)}; }

TrialOutcome decode_result(const Bytes& body) {
  ByteReader reader(body);
  TrialOutcome outcome;
  outcome.trial_id = reader.get<std::int64_t>();
  outcome.status = reader.get<TrialStatus>();
  if (outcome.status < TrialStatus::ok || outcome.status > TrialStatus::stopped)
    throw Error("malformed protocol message: unknown trial status");
  outcome.reason = reader.get_string();
  outcome.metrics.resize(reader.get_count());
  for (auto& [name, value] : outcome.metrics) {
    name = reader.get_string();
    value = reader.get<double>();
  }
  outcome.epochs_run = reader.get<int>();
  outcome.seconds = reader.get<double>();
  outcome.rank = reader.get<int>();
  outcome.host = reader.get_string();
  outcome.interrupted = reader.get<bool>();
  return finish(reader, std::move(outcome));
}

Message encode_shutdown() { return {Tag::shutdown, {}}; }

Message encode_fatal(const FatalReport& report) {
  ByteWriter writer;
  writer.put_string(report.what).put(report.lost_trial);
  return {Tag::fatal, std::move(writer).take()};
}

FatalReport decode_fatal(const Bytes& body) {
  ByteReader reader(body);
  FatalReport report;
  report.what = reader.get_string();
  report.lost_trial = reader.get<std::int64_t>();
  return finish(reader, std::move(report));
}

Message encode_interrupted(int signal_number) {
  ByteWriter writer;
  writer.put(signal_number);
  return {Tag::interrupted, std::move(writer).take()};
}

int decode_interrupted(const Bytes& body) {
  ByteReader reader(body);
  return finish(reader, reader.get<int>());
}

}  // namespace vmsweep::dist
