#!/usr/bin/python3
"""vmsweep against the tool a user would pick instead: the same 8-configuration grid
(bench/sweeps/sweep_vs_optuna.yaml) run by vmsweep on 2 ranks and by Optuna's GridSampler driving
PyTorch with 2 parallel workers (n_jobs=2, one torch thread each), on the same data: aa.txt daily
means, 70/10/20 split in windows, min-max scaling fitted on the training part, Adam (eps 1e-7),
batch 32, 40 epochs with early stopping (patience 8, best weights restored), PyTorch's default
initialisation in both. The best validation MSE of 8 trials is the minimum of noisy numbers, so the
whole comparison is replicated --replicates times with different seeds (sweep seed 7 + r for
vmsweep, torch seeds 1000 r + trial number for Optuna): the table gives the median wall time and the
mean and spread of the best validation MSE (original units) over the replicates. Both tools are
timed the way a user waits for them: from starting the command (mpirun vmsweep ..., python3 with
an Optuna script) to its exit, so process start, imports, MPI start-up, data loading and result
files count on both sides; Optuna's optimize() alone is printed too.
Usage: bench/sweep_vs_optuna.py BUILD/vmsweep [--replicates 10]
"""
import argparse
import json
import os
import statistics
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


def optuna_sweep(replicate):
    """One Optuna sweep in this process (the --optuna-replicate mode): prints its result as JSON."""
    series = daily_series()
    torch.set_num_threads(1)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(sampler=optuna.samplers.GridSampler(SPACE, seed=7), direction="minimize")

    def objective(trial):
        layers = [int(size) for size in trial.suggest_categorical("layers", SPACE["layers"]).split(",")]
        return train_trial(series, trial.suggest_categorical("look_back", SPACE["look_back"]), layers,
                           trial.suggest_categorical("learning_rate", SPACE["learning_rate"]), 1000 * replicate + trial.number)

    start = time.perf_counter()
    study.optimize(objective, n_trials=8, n_jobs=2)
    print(json.dumps({"best": study.best_value, "optimize_seconds": time.perf_counter() - start}))


def run_optuna(replicate):
    command = [sys.executable, str(pathlib.Path(__file__).resolve()), "--optuna-replicate", str(replicate)]
    start = time.perf_counter()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    result = json.loads(output.splitlines()[-1])
    return wall, result["best"], result["optimize_seconds"]


def replicate_sweep(folder, replicate):
    """The sweep file with seed 7 + replicate, written where its relative data path still resolves."""
    text = (HERE / "sweeps/sweep_vs_optuna.yaml").read_text().replace("seed: 7\n", f"seed: {7 + replicate}\n")
    text = text.replace("path: ../../data/aa.txt", f"path: {HERE.parent / 'data/aa.txt'}")
    path = folder / f"sweep_vs_optuna_{replicate}.yaml"
    path.write_text(text)
    return path


def run_vmsweep(vmsweep, folder, replicate):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    command = ["mpirun", "-n", "2", vmsweep, "run", str(replicate_sweep(folder, replicate)), "--results",
               str(folder / f"results_{replicate}"), "--threads", "1", "--log-format", "json", "--quiet"]
    start = time.perf_counter()
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    summary = next(json.loads(line) for line in output.splitlines() if '"summary"' in line)
    return wall, summary["best"]["val_mse"], None


def print_table(runs, replicates):
    print(f"\nSame 8-configuration grid, 2 workers on {os.cpu_count()} cores, {replicates} replicates")
    print(f"{'tool':<28} {'median wall s':>13} {'time ratio':>10} {'best val_mse: mean':>19} {'min':>7} {'max':>7}")
    reference = statistics.median(wall for wall, _, _ in runs["Optuna + PyTorch (n_jobs=2)"])
    for tool, results in runs.items():
        wall = statistics.median(w for w, _, _ in results)
        best = [b for _, b, _ in results]
        print(f"{tool:<28} {wall:>13.1f} {wall / reference:>10.2f} {statistics.mean(best):>19.4f} "
              f"{min(best):>7.4f} {max(best):>7.4f}")
    optimize = statistics.median(o for _, _, o in runs["Optuna + PyTorch (n_jobs=2)"])
    print(f"Optuna's study.optimize() alone (no interpreter start, imports or data loading): median {optimize:.1f} s")
    ours, theirs = ([b for _, b, _ in results] for results in runs.values())
    if replicates > 1:
        error = (statistics.variance(ours) / len(ours) + statistics.variance(theirs) / len(theirs)) ** 0.5
        difference = statistics.mean(ours) - statistics.mean(theirs)
        print(f"best val_mse, vmsweep - Optuna: {difference:+.4f} +- {error:.4f} (one standard error; "
              f"t = {difference / error:+.2f}, |t| < 2 is no detectable difference)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("vmsweep", nargs="?")
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--optuna-replicate", type=int, help=argparse.SUPPRESS)  # the Optuna side's process
    args = parser.parse_args()
    if args.optuna_replicate is not None:
        return optuna_sweep(args.optuna_replicate)
    if not args.vmsweep:
        parser.error("the vmsweep binary is required")
    with tempfile.TemporaryDirectory(prefix="bench-optuna-") as temporary:
        folder = pathlib.Path(temporary)
        runs = {"vmsweep (2 ranks)": [run_vmsweep(args.vmsweep, folder, r) for r in range(args.replicates)],
                "Optuna + PyTorch (n_jobs=2)": [run_optuna(r) for r in range(args.replicates)]}
    print_table(runs, args.replicates)


if __name__ == "__main__":
    main()
