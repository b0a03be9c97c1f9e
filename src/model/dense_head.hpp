#pragma once
// The dense head on the last LSTM step, in plain C++ (a few thousand FLOPs per batch):
//   (1) y[n][o] = b[o] + sum_j h[n][j] W[j][o]          W is [inputs, outputs] (Keras kernel)
//   (2) dW[j][o] += sum_n h[n][j] dy[n][o]
//   (3) db[o]    += sum_n dy[n][o]
//   (4) dh[n][j]  = sum_o dy[n][o] W[j][o]
namespace vmsweep::model {

struct DenseParams {
  const float* weights;
  const float* bias;
};

struct DenseGradients {
  float* weights;
  float* bias;
};

class DenseHead {
public:
  DenseHead(int inputs, int outputs) : inputs_(inputs), outputs_(outputs) {}

  void forward(const float* h, int n, DenseParams params, float* y) const;
  void backward(const float* h, const float* dy, int n, DenseParams params, DenseGradients gradients,
                float* dh) const;

private:
  int inputs_;
  int outputs_;
};

}  // namespace vmsweep::model
