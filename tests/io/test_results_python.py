"""Reads a results file written by vmsweep's C++ io module (tests/io/fixture/write_sample_sweep.cpp)
the way a user would, with h5py and pandas, and checks real values.

Usage: /usr/bin/python3 test_results_python.py DIR   (DIR holds sample.h5 and sample/)
"""
import io
import json
import math
import struct
import sys
import zlib
from pathlib import Path

import h5py
import numpy as np
import pandas as pd


def decoded(frame):
    """h5py returns fixed-length strings as bytes; this is the one line a user adds."""
    return frame.apply(lambda c: c.str.decode("utf-8") if c.dtype == object else c)


def check_trials_table(f):
    trials = decoded(pd.DataFrame(f["trials"][()]))
    assert list(trials["id"]) == ["1", "2", "10"], trials["id"]
    assert list(trials["status"]) == ["ok", "ok", "failed"]
    assert trials["look_back"].tolist() == [7.0, 14.0, 3.5]
    assert trials["layers"].tolist() == ["[256, 128, 64]", "[256, 128, 64]", "wide"]
    assert trials["learning_rate"].iloc[1] == 0.01
    assert trials["val_mse"].iloc[0] == 0.5 + 7 * 0.01
    assert trials["test_mse"].iloc[0] == 0.1 + 0.2  # bitwise: 0.30000000000000004
    assert math.isnan(trials["val_mse"].iloc[2])
    assert trials["epochs_run"].tolist() == [5, 3, 0]
    assert trials["seed"].tolist() == [7_000_000_049, 14_000_000_098, 0]
    assert trials["host"].tolist() == ["node-1", "node-0", "node-9"]
    assert "ünïcode" in trials["reason"].iloc[2]
    assert json.loads(trials["params_json"].iloc[0])["layers"] == [256, 128, 64]
    best = trials.loc[trials["val_mse"].idxmin()]
    assert best["id"] == "1"
    metric_columns = [c for c in f["trials"].attrs["metric_columns"]]
    assert metric_columns == ["val_mse", "test_mse", "val_mae"], metric_columns


def check_curves_and_predictions(f):
    curves = pd.DataFrame(f["trial/2/curves"][()])
    assert curves["epoch"].tolist() == [1, 2, 3]
    assert curves["train_loss"].tolist() == [1.0 + 14, 0.5 + 14, 1.0 / 3 + 14]
    assert curves["val_loss"].iloc[0] == np.finfo(float).smallest_subnormal
    assert curves["learning_rate"].iloc[2] == 0.01 * math.exp(-0.1 * 3)
    predictions = pd.DataFrame(f["trial/1/predictions"][()])
    assert len(predictions) == 12
    assert predictions["timestamp_ms"].iloc[1] - predictions["timestamp_ms"].iloc[0] == 86_400_000
    labels = h5py.check_enum_dtype(f["trial/1/predictions"].dtype["split"])
    assert labels == {"train": 0, "val": 1, "test": 2}, labels
    assert predictions["split"].tolist() == [0] * 4 + [1] * 4 + [2] * 4
    assert predictions["predicted"].iloc[1] == 10.0 + 0.1 * 1 + (0.1 + 0.2)


def check_attributes(f):
    sweep = f["sweep"].attrs
    assert sweep["name"] == "sample"
    assert sweep["seed"] == 42
    assert sweep["ranks"] == 3
    assert sweep["started"] == "2026-11-29T15:00:00.250Z"
    assert sweep["sweep_hash"].startswith("fnv1a64:")
    assert "look_back" in sweep["sweep_text"]
    assert list(sweep["hosts"]) == ["node-0", "node-1", "node-9"]
    assert dict(f["trial/1/metrics"].attrs) == {"val_mse": 0.5 + 7 * 0.01, "test_mse": 0.1 + 0.2, "val_mae": 0.7}
    params = f["trial/1/params"].attrs
    assert params["look_back"] == 7
    assert params["restore_best"].dtype == np.bool_ and params["restore_best"]  # FALSE/TRUE enum -> bool
    assert f["trial/10"].attrs["status"] == "failed"
    baselines = decoded(pd.DataFrame(f["tables/baselines"][()]))
    assert baselines["method"].tolist() == ["persistence", "ridge_ar"]
    assert baselines["test_mse"].tolist() == [1.4287, 1.08]


def check_trial_file(folder):
    with h5py.File(folder / "sample" / "trials" / "2.h5", "r") as trial:
        assert trial.attrs["format"] == "vmsweep-trial"
        assert trial.attrs["epochs_run"] == 3
        assert pd.DataFrame(trial["curves"][()])["epoch"].tolist() == [1, 2, 3]


def logged_trials(folder):
    """docs/results-schema.md's reader of trial logs, as written there: (trial id, val_mse) of every
    whole record."""
    found = []
    for log in Path(folder).glob("*.trials"):
        data = log.read_bytes()
        at = 0
        while at + 32 <= len(data) and data[at:at + 8] == b"VMSWTRL1":
            trial_id, n, crc = struct.unpack_from("<QQI", data, at + 8)
            payload = data[at + 32:at + 32 + n]
            if len(payload) < n or zlib.crc32(payload) != crc:
                break  # a torn or damaged record: that trial runs again on resume
            with h5py.File(io.BytesIO(payload), "r") as trial:
                found.append((trial_id, trial["metrics"].attrs.get("val_mse", math.nan)))
            at += 32 + n
    return found


def check_trial_log(folder):
    with h5py.File(folder / "sample.h5", "r") as f:
        table = decoded(pd.DataFrame(f["trials"][()]))
    logged = logged_trials(folder / "logged")
    assert [trial_id for trial_id, _ in logged] == [1, 2, 10], logged  # the torn trial 11 is not read
    for (trial_id, val_mse), expected in zip(logged, table["val_mse"]):
        assert val_mse == expected or (math.isnan(val_mse) and math.isnan(expected)), (trial_id, val_mse, expected)


def main():
    folder = Path(sys.argv[1])
    with h5py.File(folder / "sample.h5", "r") as f:
        check_trials_table(f)
        check_curves_and_predictions(f)
        check_attributes(f)
    check_trial_file(folder)
    check_trial_log(folder)
    print("results file read by h5py", h5py.__version__, "and pandas", pd.__version__, ": ok")


if __name__ == "__main__":
    main()
