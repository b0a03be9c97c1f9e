#include "vmsweep/io/trial_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "file_format.hpp"
#include "h5_image.hpp"
#include "posix_file.hpp"
#include "trial_log_records.hpp"
#include "trial_record.hpp"
#include "vmsweep/common/error.hpp"
#include "vmsweep/common/pause_point.hpp"
#include "vmsweep/io/trial_store.hpp"

namespace vmsweep::io {

namespace {

constexpr const char* log_extension = ".trials";

h5::FileImage trial_image(const StoredTrial& trial, const std::filesystem::path& log) {
  h5::QuietErrors quiet;
  // The in-memory file needs a name no other open file of this process has.
  const std::string name = log.string() + "#" + trial.id;
  return h5::build_file_image(name, h5::Where(log.string() + " (trial " + trial.id + ")"), [&](hid_t file, const h5::Where& where) {
    write_format(file, trial_file_format, where);
    write_trial_record(file, trial, where);
  });
}

}  // namespace

struct TrialLog::Open {
  FileDescriptor fd;
};

TrialLog::TrialLog(std::filesystem::path trials_dir, const std::string& writer)
    : dir_(std::move(trials_dir)), writer_(writer) {}

TrialLog::~TrialLog() = default;
TrialLog::TrialLog(TrialLog&&) noexcept = default;
TrialLog& TrialLog::operator=(TrialLog&&) noexcept = default;

void TrialLog::append(const StoredTrial& trial) {
  if (!is_trial_id(trial.id)) throw Error("invalid trial id '" + trial.id + "' (a trial id is a number: 0, 1, 2, ...)");
  if (!open_) {
    path_ = dir_ / (writer_ + (generation_ > 0 ? "-" + std::to_string(generation_) : std::string()) + log_extension);
    ++generation_;
    // O_EXCL: a log is never appended to by a second writer, nor by a later run.
    FileDescriptor fd(::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0666));
    if (fd.get() < 0) fail_on_file(path_, "create the trial log", errno);
    sync_folder(dir_, path_);
    open_ = std::make_unique<Open>(Open{std::move(fd)});
  }
  const std::vector<unsigned char> record = framed_record(std::stoll(trial.id), trial_image(trial, path_));
  try {
    // The developer pause point between the two halves is where a kill leaves a torn record.
    const std::size_t half = record.size() / 2;
    write_all(open_->fd.get(), record.data(), half, path_);
    pause_point("trial_file_temp");
    write_all(open_->fd.get(), record.data() + half, record.size() - half, path_);
    if (::fdatasync(open_->fd.get()) != 0) fail_on_file(path_, "write the trial log to disk (fdatasync)", errno);
  } catch (...) {
    open_.reset();  // whatever half of the record reached the file stays its torn last record
    throw;
  }
  pause_point("trial_file");
}

bool is_trial_log(const std::filesystem::path& file) { return file.extension() == log_extension; }

}  // namespace vmsweep::io
