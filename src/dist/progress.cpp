#include "progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "vmsweep/common/duration_text.hpp"
#include "vmsweep/common/short_number.hpp"

namespace vmsweep::dist {

namespace {

std::string json_string(const std::string& text) { return Value(text).to_json(); }

}  // namespace

Progress::Progress(ProgressSetup setup) : setup_(std::move(setup)), unstarted_seconds_(setup_.unstarted_seconds) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::swept_params(const Value& params) const {
  Value::Map shown;
  for (const std::string& name : setup_.swept)
    if (const Value* value = params.find(name)) shown.emplace_back(name, *value);
  return Value(std::move(shown)).to_string();
}

void Progress::trial_started(const sweep::TrialSpec& trial) {
  const TrialEstimate estimate = setup_.estimate ? setup_.estimate(trial.params) : TrialEstimate{};
  unstarted_seconds_ -= estimate.seconds;
  running_[trial.id] = {trial.params, estimate, std::chrono::steady_clock::now()};
}

void Progress::trial_ended(std::int64_t trial_id) {
  if (auto entry = running_.find(trial_id); entry != running_.end()) recording_.insert(running_.extract(entry));
}

void Progress::trial_finished(const TrialOutcome& outcome) {
  std::map<std::int64_t, Running>& held = running_.contains(outcome.trial_id) ? running_ : recording_;
  auto entry = held.find(outcome.trial_id);
  std::string params = entry == held.end() ? "{}" : swept_params(entry->second.params);
  const TrialEstimate estimate = entry == held.end() ? TrialEstimate{} : entry->second.estimate;
  if (entry != held.end()) held.erase(entry);
  if (outcome.interrupted) return;
  actual_seconds_ += outcome.seconds;
  predicted_seconds_ += estimate.seconds * outcome.epochs_run / std::max(1, estimate.epochs);
  epochs_run_ += outcome.epochs_run;
  epochs_planned_ += std::max(1, estimate.epochs);
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

std::optional<double> Progress::eta() const {
  if (setup_.already_done + done_ >= setup_.total && running_.empty()) return 0.0;
  if (setup_.estimate) return eta_by_cost();
  const std::int64_t left = std::max<std::int64_t>(0, setup_.total - setup_.already_done - done_);
  if (done_ == 0) return std::nullopt;
  return static_cast<double>(left) * elapsed_seconds() / static_cast<double>(done_);
}

// What is left at the model's estimate, times how the finished trials compared with theirs (speed:
// seconds taken / estimated for the epochs they ran; share: epochs run / planned), over the workers;
// never less than the longest running trial still needs.
std::optional<double> Progress::eta_by_cost() const {
  const double speed = predicted_seconds_ > 0 ? actual_seconds_ / predicted_seconds_ : 1.0;
  const double share = epochs_planned_ > 0 ? epochs_run_ / epochs_planned_ : 1.0;
  const auto now = std::chrono::steady_clock::now();
  double left = std::max(0.0, unstarted_seconds_) * share * speed, longest = 0;
  for (const auto& [id, trial] : running_) {
    const double ran = std::chrono::duration<double>(now - trial.start).count();
    const double rest = std::max(0.0, trial.estimate.seconds * share * speed - ran);
    left += rest;
    longest = std::max(longest, rest);
  }
  return std::max(left / std::max(1, setup_.workers), longest);
}

void Progress::print_status(const char* event) {
  double elapsed = elapsed_seconds();
  double per_minute = elapsed > 0 ? 60.0 * static_cast<double>(done_) / elapsed : 0.0;
  std::int64_t finished = setup_.already_done + done_;
  std::optional<double> eta = this->eta();
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
