// One trial in full (`vmsweep report --trial ID`).
#include "report_params.hpp"
#include "report_sections.hpp"

namespace vmsweep::cli {

namespace {

Section trial_fields(const io::StoredTrial& trial) {
  const TrialResult& r = trial.result;
  Section section{"trial", "trial " + trial.id, {"field", "value"}, {}};
  const std::vector<std::pair<std::string, Value>> fields{
      {"id", trial.id},          {"status", to_string(r.status)}, {"reason", r.reason},
      {"seed", r.seed},          {"epochs", r.epochs_run},               {"best_epoch", r.best_epoch},
      {"diverged_epoch", r.diverged_epoch}, {"seconds", r.seconds},      {"threads", r.threads},
      {"rank", trial.rank},      {"host", trial.host}};
  for (const auto& [field, value] : fields) section.add_row({field, value});
  for (const auto& [name, value] : flatten_params(r.params)) section.add_row({"param." + name, value});
  for (const auto& [name, value] : r.metrics) section.add_row({name, value});
  return section;
}

Section trial_curve(const io::StoredTrial& trial) {
  Section section{"curve", "loss per epoch (scaled units; * = restored)",
                  {"epoch", "train_loss", "val_loss", "learning_rate", "seconds", "restored"}, {}};
  for (const EpochRecord& e : trial.result.curve)
    section.add_row({e.epoch, e.train_loss, e.val_loss, e.learning_rate, e.seconds,
                     e.epoch == trial.result.best_epoch ? Value("*") : Value(nullptr)});
  return section;
}

}  // namespace

std::vector<Section> trial_sections(const io::StoredTrial& trial) { return {trial_fields(trial), trial_curve(trial)}; }

}  // namespace vmsweep::cli
