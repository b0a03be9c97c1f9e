#pragma once
// Turning HDF5 failures into vmsweep errors that name the file and the object:
//   "results/x.h5: cannot open dataset /trials: file signature not found"
#include <hdf5.h>

#include <string>
#include <utility>

namespace vmsweep::io::h5 {

// Silences HDF5's automatic error printing for the current thread while alive (the error stack
// and its printer are per thread in the thread-safe build) and restores the previous printer.
// Every public io entry point holds one, so nothing is printed to stderr behind the user's back.
class QuietErrors {
public:
  QuietErrors();
  ~QuietErrors();
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

private:
  H5E_auto2_t saved_printer_ = nullptr;
  void* saved_data_ = nullptr;
};

// The file an operation works on, so every failure can say where it happened.
class Where {
public:
  explicit Where(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  // Throw Error("<file>: cannot <action>: <innermost HDF5 message>") if the call failed.
  hid_t check(hid_t id, const std::string& action) const;
  void check_status(herr_t status, const std::string& action) const;
  [[noreturn]] void fail(const std::string& action) const;
  // A failure caused by what the user pointed at (a bad path): the same message as InputError.
  [[noreturn]] void fail_input(const std::string& action) const;

private:
  std::string message(const std::string& action) const;
  std::string file_;
};

}  // namespace vmsweep::io::h5
