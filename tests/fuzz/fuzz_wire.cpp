// Fuzz target: the MPI wire decoder (src/dist/protocol.*, wire.*). The first byte picks the message
// kind (assign, epoch, verdict, result, fatal), the rest is its body. A body decodes or throws
// vmsweep::Error; what decodes must encode back to the same bytes (epoch records: the same
// fields, their padding is not data), so nothing a worker sends is read as something else, and
// every decoded enumeration holds one of its values.
#include <bit>
#include <stdexcept>

#include "fuzz_target.hpp"
#include "protocol.hpp"
#include "vmsweep/common/error.hpp"

using namespace vmsweep::dist;

namespace {

void require(bool holds, const char* what) {
  if (!holds) throw std::logic_error(what);  // uncaught: libFuzzer reports it as a crash
}

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

void check_epoch(const Bytes& body) {
  const EpochReport report = decode_epoch(body);
  const EpochReport again = decode_epoch(encode_epoch(report).body);
  const auto& a = report.record;
  const auto& b = again.record;
  require(again.trial_id == report.trial_id && a.epoch == b.epoch && same_bits(a.train_loss, b.train_loss) &&
              same_bits(a.val_loss, b.val_loss) && same_bits(a.learning_rate, b.learning_rate) &&
              same_bits(a.seconds, b.seconds),
          "an epoch report does not survive a round trip");
}

void check_result(const Bytes& body) {
  const TrialOutcome outcome = decode_result(body);
  require(outcome.status >= vmsweep::TrialStatus::ok && outcome.status <= vmsweep::TrialStatus::stopped,
          "a result decodes with a status that is none of the four");
  require(encode_result(outcome).body == body, "a result re-encodes differently");
}

void check(std::uint8_t kind, const Bytes& body) {
  switch (kind % 6) {
    case 0: require(encode_assign(decode_assign(body)).body == body, "an assignment re-encodes differently"); break;
    case 1: check_epoch(body); break;
    case 2: require(encode_verdict(decode_verdict(body)).body == body, "a verdict re-encodes differently"); break;
    case 3: check_result(body); break;
    case 4: require(encode_fatal(decode_fatal(body)).body == body, "a fatal message re-encodes differently"); break;
    case 5: require(encode_ready(decode_result(body)).body == body, "a ready message re-encodes differently"); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Bytes body(data + 1, data + size);
  try {
    check(data[0], body);
  } catch (const vmsweep::Error&) {
  }
  return 0;
}
