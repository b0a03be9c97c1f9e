#include "progress.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "vmsweep/common/short_number.hpp"

namespace vmsweep::dist {

namespace {

std::string json_string(const std::string& text) { return Value(text).to_json(); }

}  // namespace

std::string format_duration(double seconds) {
  char buffer[32];
  auto whole = static_cast<long>(std::round(seconds));
  if (seconds < 60) std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
  else if (whole < 3600) std::snprintf(buffer, sizeof buffer, "%ldm%02lds", whole / 60, whole % 60);
  else std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", whole / 3600, whole / 60 % 60);
  return buffer;
}

Progress::Progress(ProgressSetup setup) : setup_(std::move(setup)) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::swept_params(const Value& params) const {
  Value::Map shown;
  for (const std::string& name : setup_.swept)
    if (const Value* value = params.find(name)) shown.emplace_back(name, *value);
  return Value(std::move(shown)).to_string();
}

void Progress::trial_started(const sweep::TrialSpec& trial) { running_[trial.id] = trial.params; }

void Progress::trial_finished(const TrialOutcome& outcome) {
  auto entry = running_.find(outcome.trial_id);
  std::string params = entry == running_.end() ? "{}" : swept_params(entry->second);
  if (entry != running_.end()) running_.erase(entry);
  if (outcome.interrupted) return;
  ++done_;
  if (outcome.status == TrialStatus::failed || outcome.status == TrialStatus::diverged) ++failed_;
  if (outcome.status == TrialStatus::stopped) ++pruned_;
  update_best(outcome, params);
  if (!setup_.quiet) print_trial(outcome, params);
}

void Progress::update_best(const TrialOutcome& outcome, const std::string& params) {
  const double* value = outcome.metric(setup_.metric.name);
  if (outcome.status != TrialStatus::ok || !value || !std::isfinite(*value)) return;
  if (!best_ || setup_.metric.to_loss(*value) < setup_.metric.to_loss(best_->value))
    best_ = Best{outcome.trial_id, *value, params};
}

void Progress::print_trial(const TrialOutcome& outcome, const std::string& params) {
  const double* value = outcome.metric(setup_.metric.name);
  std::ostream& out = *setup_.out;
  if (setup_.format == LogFormat::json) {
    out << "{\"event\":\"trial\",\"id\":" << outcome.trial_id << ",\"status\":\""
        << to_string(outcome.status) << "\",\"" << setup_.metric.name
        << "\":" << (value && std::isfinite(*value) ? short_number(*value) : "null") << ",\"epochs\":" << outcome.epochs_run
        << ",\"seconds\":" << short_number(outcome.seconds) << ",\"rank\":" << outcome.rank
        << ",\"host\":" << json_string(outcome.host) << ",\"reason\":" << json_string(outcome.reason)
        << ",\"params\":" << json_string(params) << "}\n";
  } else {
    out << "trial " << outcome.trial_id << " " << to_string(outcome.status) << "  " << setup_.metric.name
        << "=" << (value ? short_number(*value) : "-") << "  " << outcome.epochs_run << " epochs  "
        << format_duration(outcome.seconds) << "  rank " << outcome.rank << "  " << params;
    if (!outcome.reason.empty()) out << "  (" << outcome.reason << ")";
    out << "\n";
  }
  out.flush();
}

void Progress::note(const std::string& message) {
  if (setup_.quiet) return;
  if (setup_.format == LogFormat::json)
    *setup_.out << "{\"event\":\"note\",\"message\":" << json_string(message) << "}\n";
  else
    *setup_.out << message << "\n";
  setup_.out->flush();
}

void Progress::tick() {
  auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_status_).count() < setup_.status_every_seconds) return;
  last_status_ = now;
  if (!setup_.quiet) print_status("status");
}

void Progress::summary() { print_status("summary"); }

void Progress::print_status(const char* event) {
  double elapsed = elapsed_seconds();
  double per_minute = elapsed > 0 ? 60.0 * static_cast<double>(done_) / elapsed : 0.0;
  std::int64_t finished = setup_.already_done + done_;
  std::int64_t left = std::max<std::int64_t>(0, setup_.total - finished);
  std::optional<double> eta;
  if (done_ > 0) eta = static_cast<double>(left) * elapsed / static_cast<double>(done_);
  std::ostream& out = *setup_.out;
  if (setup_.format == LogFormat::json) {
    out << "{\"event\":\"" << event << "\",\"done\":" << finished << ",\"total\":" << setup_.total
        << ",\"running\":" << running_.size() << ",\"failed\":" << failed_ << ",\"pruned\":" << pruned_
        << ",\"trials_per_minute\":" << short_number(per_minute) << ",\"elapsed\":" << short_number(elapsed)
        << ",\"eta\":" << (eta ? short_number(*eta) : "null");
    if (best_)
      out << ",\"best\":{\"id\":" << best_->trial_id << ",\"" << setup_.metric.name << "\":" << short_number(best_->value)
          << ",\"params\":" << json_string(best_->params) << "}";
    out << "}\n";
  } else {
    out << "[" << event << "] " << finished << "/" << setup_.total << " done, " << running_.size() << " running, "
        << failed_ << " failed, " << pruned_ << " pruned, " << short_number(per_minute) << " trials/min, elapsed " << format_duration(elapsed)
        << ", ETA " << (eta ? format_duration(*eta) : "?");
    if (best_)
      out << ", best " << setup_.metric.name << "=" << short_number(best_->value) << " (trial " << best_->trial_id << ": "
          << best_->params << ")";
    out << "\n";
  }
  out.flush();
}

}  // namespace vmsweep::dist
