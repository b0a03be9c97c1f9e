#pragma once
// A primitive's own copy of a plain (ldigo) weight tensor in the layout the primitive chose
// (padded ldigo forward, ldgoi backward). Filled by a reorder; when the layouts agree the plain
// memory is used directly and refresh() does nothing.
#include <dnnl.hpp>

namespace vmsweep::model {

class WeightCopy {
public:
  WeightCopy(const dnnl::engine& engine, const dnnl::memory& plain, const dnnl::memory::desc& wanted);

  const dnnl::memory& memory() const { return copy_; }
  void refresh(dnnl::stream& stream);

private:
  dnnl::memory plain_;
  dnnl::memory copy_;
  dnnl::reorder reorder_;
  bool needs_reorder_;
};

}  // namespace vmsweep::model
