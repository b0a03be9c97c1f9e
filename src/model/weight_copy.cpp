#include "weight_copy.hpp"

namespace vmsweep::model {

WeightCopy::WeightCopy(const dnnl::engine& engine, const dnnl::memory& plain, const dnnl::memory::desc& wanted)
    : plain_(plain), needs_reorder_(plain.get_desc() != wanted) {
  if (!needs_reorder_) {
    copy_ = plain_;
    return;
  }
  copy_ = dnnl::memory(wanted, engine);
  reorder_ = dnnl::reorder(plain_, copy_);
}

void WeightCopy::refresh(dnnl::stream& stream) {
  if (needs_reorder_) reorder_.execute(stream, plain_, copy_);
}

}  // namespace vmsweep::model
