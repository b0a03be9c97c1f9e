#!/usr/bin/python3
"""vmsweep against the tool a user would pick instead: the same 8-configuration grid
(bench/sweeps/sweep_vs_optuna.yaml) run by vmsweep on 2 ranks and by Optuna's GridSampler driving
PyTorch with 2 parallel workers (n_jobs=2, one torch thread each), on the same data: aa.txt daily
means, 70/10/20 split in windows, min-max scaling fitted on the training part, Adam (eps 1e-7),
batch 32, 40 epochs with early stopping (patience 8, best weights restored). Prints wall time and
the best validation MSE (original units) of each; best of --repeats runs for the time.
Usage: bench/sweep_vs_optuna.py BUILD/vmsweep [--repeats 1]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import optuna
import pandas as pd
import torch

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from model_vs_pytorch import StackedLstm  # noqa: E402  the same stacked LSTM + head as bench_model

SPACE = {"look_back": [7, 14], "layers": ["32", "64,32"], "learning_rate": [1e-3, 3e-3]}
EPOCHS, PATIENCE, BATCH, DROPOUT = 40, 8, 32, 0.1


def daily_series():
    frame = pd.read_csv(HERE.parent / "data/aa.txt", sep="\t", parse_dates=["datetime"], index_col="datetime")
    return frame["data_hourly"].resample("D").mean().ffill().to_numpy(dtype=np.float32)


def windows(series, look_back):
    count = len(series) - look_back
    train, val = int(0.7 * len(series)), int(0.1 * len(series))
    test = count - train - val
    first_val, first_test = count - test - val, count - test
    low, high = series[: first_val + look_back].min(), series[: first_val + look_back].max()
    scaled = (series - low) / (high - low)
    x = np.stack([scaled[i:i + look_back] for i in range(count)])[:, :, None]
    y = scaled[look_back:look_back + count, None]
    to_tensor = lambda a: torch.from_numpy(np.ascontiguousarray(a))  # noqa: E731
    parts = {"train": slice(first_val - train, first_val), "val": slice(first_val, first_test)}
    return {name: (to_tensor(x[part]), to_tensor(y[part])) for name, part in parts.items()}, (high - low)


def train_trial(series, look_back, layers, learning_rate, seed):
    torch.manual_seed(seed)
    data, span = windows(series, look_back)
    model = StackedLstm(layers, DROPOUT)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, eps=1e-7)
    x_train, y_train = data["train"]
    x_val, y_val = data["val"]
    best, best_state, waited = float("inf"), None, 0
    for _ in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train))
        for first in range(0, len(order), BATCH):
            index = order[first:first + BATCH]
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x_train[index].transpose(0, 1)), y_train[index])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val = torch.nn.functional.mse_loss(model(x_val.transpose(0, 1)), y_val).item()
        if val < best:
            best, best_state, waited = val, {k: v.clone() for k, v in model.state_dict().items()}, 0
        else:
            waited += 1
            if waited >= PATIENCE:
                break
    return best * span * span  # scaled MSE back to original units (min-max is linear)


def run_optuna(series):
    torch.set_num_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(sampler=optuna.samplers.GridSampler(SPACE, seed=7), direction="minimize")

    def objective(trial):
        layers = [int(size) for size in trial.suggest_categorical("layers", SPACE["layers"]).split(",")]
        return train_trial(series, trial.suggest_categorical("look_back", SPACE["look_back"]), layers,
                           trial.suggest_categorical("learning_rate", SPACE["learning_rate"]), trial.number)

    start = time.perf_counter()
    study.optimize(objective, n_trials=8, n_jobs=2)
    return time.perf_counter() - start, study.best_value


def run_vmsweep(vmsweep, results):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    command = ["mpirun", "-n", "2", vmsweep, "run", str(HERE / "sweeps/sweep_vs_optuna.yaml"), "--results",
               str(results), "--threads", "1", "--log-format", "json", "--quiet"]
    start = time.perf_counter()
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    summary = next(json.loads(line) for line in output.splitlines() if '"summary"' in line)
    return wall, summary["best"]["val_mse"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vmsweep")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    series = daily_series()
    with tempfile.TemporaryDirectory(prefix="bench-optuna-") as temporary:
        runs = {"vmsweep (2 ranks)": [run_vmsweep(args.vmsweep, pathlib.Path(temporary) / str(k))
                                      for k in range(args.repeats)],
                "Optuna + PyTorch (n_jobs=2)": [run_optuna(series) for _ in range(args.repeats)]}
    print(f"\nSame 8-configuration grid, 2 workers on {os.cpu_count()} cores, best of {args.repeats}")
    print(f"{'tool':<28} {'wall s':>8} {'best val_mse':>13} {'time ratio':>11}")
    reference = min(wall for wall, _ in runs["Optuna + PyTorch (n_jobs=2)"])
    for tool, results in runs.items():
        wall = min(w for w, _ in results)
        print(f"{tool:<28} {wall:>8.1f} {min(b for _, b in results):>13.5g} {wall / reference:>11.2f}")


if __name__ == "__main__":
    main()
