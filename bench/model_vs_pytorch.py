#!/usr/bin/python3
"""Trains the model of bench_model.cpp the same way in PyTorch and prints one line in its format.

Same layers (stacked LSTMs, inverted dropout between them, last step into a Linear head), MSE,
Adam(lr 1e-3, eps 1e-7), mini-batches in order over the same synthetic windows; minimum over
epochs after one warm-up epoch, wall and process-CPU seconds.
Usage: model_vs_pytorch.py [--threads N] [--time-steps T] [--hidden 256,128,64] [--windows 440]
                           [--batch 32] [--epochs 5]
"""
import argparse
import math
import time

import torch


class StackedLstm(torch.nn.Module):
    def __init__(self, hidden, dropout=0.2):
        super().__init__()
        sizes = [1] + hidden
        self.layers = torch.nn.ModuleList(
            torch.nn.LSTM(sizes[k], sizes[k + 1]) for k in range(len(hidden)))  # time-major
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(hidden[-1], 1)

    def forward(self, x):
        for k, layer in enumerate(self.layers):
            x, _ = layer(x)
            if k + 1 < len(self.layers):
                x = self.dropout(x)
        return self.head(x[-1])


def series(i):
    return math.sin(0.9 * i) + 0.1 * math.cos(7.3 * i * i)


def make_batches(time_steps, windows, batch):
    batches = []
    for first in range(0, windows, batch):
        n = min(batch, windows - first)
        x = torch.tensor([[[series(first + i + t)] for i in range(n)] for t in range(time_steps)])
        y = torch.tensor([[series(first + i + time_steps)] for i in range(n)])
        batches.append((x, y))
    return batches


def time_epoch(model, optimizer, batches):
    loss_fn = torch.nn.MSELoss()
    wall, cpu = time.perf_counter(), time.process_time()
    for x, y in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--time-steps", type=int, default=14)
    parser.add_argument("--hidden", default="256,128,64")
    parser.add_argument("--windows", type=int, default=440)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    hidden = [int(h) for h in args.hidden.split(",")]
    model = StackedLstm(hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    batches = make_batches(args.time_steps, args.windows, args.batch)
    time_epoch(model, optimizer, batches)  # warm-up
    times = [time_epoch(model, optimizer, batches) for _ in range(args.epochs)]
    print(f"pytorch T={args.time_steps} hidden={args.hidden} threads={args.threads} windows={args.windows} "
          f"seconds_per_epoch={min(t[0] for t in times):.4f} cpu_seconds_per_epoch={min(t[1] for t in times):.4f}")


if __name__ == "__main__":
    main()
