#!/usr/bin/python3
"""Figures of a vmsweep results file, drawn with matplotlib from the HDF5 file read with h5py.

    plot_results.py RESULTS --trial ID [-o DIR]
    plot_results.py --forecast DATA.json -o FORECAST.png

RESULTS is results/<name>.h5 (the aggregate, trials under /trial/<id>) or, for a sweep still
running, the folder results/<name> (one file per trial under trials/<id>.h5). `vmsweep plot`
checks its arguments and picks the trial (the best by default) before calling this script.

Writes, each at a fixed size in pixels (stated below, so tests can check it):
  loss_trial<ID>.png         1000 x 500   training and validation loss per epoch, restored epoch marked
  predictions_trial<ID>.png  1400 x 550   the series with the trial's predictions per split and
                                          persistence dotted over the test part
  sweep_metric.png           1200 x 800   the sweep's metric against each parameter that varies
  sweep_parallel.png         1400 x 600   parallel coordinates: one line per trial, coloured by the metric
  error_by_step.png          1000 x 500   with a horizon over 1: the trial's test MSE per step ahead and
                                          the baselines' (given with --baseline-steps)
  fleet.png                  1600 x 1000  with --fleet FLEET.json (a fleet: `vmsweep report`'s fleet section as
                                          JSON): the ECDF of the ratio LSTM / ridge AR over the traces (best
                                          trial and guarded), LSTM vs ridge AR test MSE per trace (log-log,
                                          with the diagonal), and the test predictions of the trace with the
                                          lowest and the highest ratio against the real series

With --forecast (what `vmsweep predict --plot` runs), the fan chart of a forecast, 1200 x 500: the
trace's last steps, the point forecast and its intervals shaded per level. DATA.json holds
history_ms, history, forecast (rows with timestamp_ms, forecast, lower_<L>, upper_<L>) and title.
"""
import argparse
import itertools
import json
import math
import os
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.ticker  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

DPI = 100
SPLIT_COLOURS = {"train": "tab:blue", "val": "tab:orange", "test": "tab:green"}
# One line style per baseline (persistence, seasonal naive, ridge AR, SES), repeated if there are more.
BASELINE_STYLES = ("--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)))


# ---------------------------------------------------------------- reading

class Results:
    """The trials of an aggregated results file or of a running sweep's folder, alike."""

    def __init__(self, path):
        self.path = path
        self.folder = os.path.isdir(path)
        if self.folder:
            self.sweep_attrs = self._stamp_attrs(os.path.join(path, "sweep.h5"))
        else:
            with h5py.File(path, "r") as f:
                self.sweep_attrs = dict(f["sweep"].attrs)

    @staticmethod
    def _stamp_attrs(stamp):
        if not os.path.exists(stamp):
            return {}
        with h5py.File(stamp, "r") as f:
            return dict(f["sweep"].attrs) if "sweep" in f else {}

    @property
    def metric(self):
        return text(self.sweep_attrs.get("metric", "val_mse"))

    @property
    def maximize(self):
        return text(self.sweep_attrs.get("metric_goal", "minimize")) == "maximize"

    def trial_ids(self):
        if self.folder:
            trials = os.path.join(self.path, "trials")
            return sorted((f[:-3] for f in os.listdir(trials) if f.endswith(".h5")), key=natural_key)
        with h5py.File(self.path, "r") as f:
            return sorted(f["trial"].keys(), key=natural_key) if "trial" in f else []

    def open_trial(self, trial_id):
        """(h5py.File, group) of one trial; the caller closes the file."""
        if self.folder:
            f = h5py.File(os.path.join(self.path, "trials", trial_id + ".h5"), "r")
            return f, f["/"]
        f = h5py.File(self.path, "r")
        return f, f["trial"][trial_id]

    def summaries(self):
        """One dict per trial: id, status, params (flattened), metrics."""
        out = []
        for trial_id in self.trial_ids():
            f, group = self.open_trial(trial_id)
            with f:
                metrics = {k: float(v) for k, v in group["metrics"].attrs.items()} if "metrics" in group else {}
                out.append({"id": trial_id, "status": text(group.attrs["status"]),
                            "params": flatten(json.loads(text(group.attrs["params_json"]))),
                            "metrics": metrics})
        return out


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def natural_key(trial_id):
    return (0, int(trial_id), "") if trial_id.isdigit() else (1, 0, trial_id)


def flatten(params, prefix=""):
    flat = {}
    for key, value in params.items():
        if isinstance(value, dict):
            flat.update(flatten(value, prefix + key + "."))
        else:
            flat[prefix + key] = json.dumps(value) if isinstance(value, list) else value
    return flat


# ---------------------------------------------------------------- figure 1: loss curves

def plot_loss(results, trial_id, out_dir):
    f, group = results.open_trial(trial_id)
    with f:
        curve = group["curves"][()]
        best_epoch = int(group.attrs["best_epoch"])
        loss_name = json.loads(text(group.attrs["params_json"])).get("loss", "mse")
    fig, ax = plt.subplots(figsize=(10, 5), dpi=DPI)
    ax.plot(curve["epoch"], curve["train_loss"], "-o", ms=3, label="training loss", color="tab:blue")
    ax.plot(curve["epoch"], curve["val_loss"], "-o", ms=3, label="validation loss", color="tab:orange")
    if best_epoch > 0:
        ax.axvline(best_epoch, color="grey", ls="--", lw=1)
        row = curve[curve["epoch"] == best_epoch]
        if len(row):
            ax.plot([best_epoch], row["val_loss"], "*", ms=14, color="tab:red",
                    label=f"restored weights (epoch {best_epoch})")
    ax.set_xlabel("epoch")
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_ylabel(f"{loss_name} loss (scaled units)")
    ax.set_title(f"trial {trial_id}: training and validation loss per epoch")
    ax.grid(alpha=0.3)
    ax.legend()
    return save(fig, out_dir, f"loss_trial{trial_id}.png")


# ---------------------------------------------------------------- figure 2: predictions over the series

def persistence(series_times, series_values, times, steps_ahead, step_ms):
    """The value at the window's last step for each predicted point; NaN where it is not in the series."""
    index = {t: v for t, v in zip(series_times, series_values)}
    return np.array([index.get(t - k * step_ms, np.nan) for t, k in zip(times, steps_ahead)])


def plot_predictions(results, trial_id, out_dir):
    f, group = results.open_trial(trial_id)
    with f:
        table = group["predictions"][()]
        metrics = {k: float(v) for k, v in group["metrics"].attrs.items()}
    first = table[table["horizon_step"] == 1]
    order = np.argsort(first["timestamp_ms"], kind="stable")
    times, actual = first["timestamp_ms"][order], first["actual"][order]
    step_ms = int(np.median(np.diff(times))) if len(times) > 1 else 1
    fig, ax = plt.subplots(figsize=(14, 5.5), dpi=DPI)
    ax.plot(to_dates(times), actual, color="black", lw=1, label="series (actual)")
    for code, name in enumerate(("train", "val", "test")):
        part = table[table["split"] == code]
        if len(part) == 0:
            continue
        label = f"predicted, {name}"
        if f"{name}_mse" in metrics:
            label += f" (MSE {metrics[name + '_mse']:.4g})"
        ax.plot(to_dates(part["timestamp_ms"]), part["predicted"], ".", ms=4, color=SPLIT_COLOURS[name], label=label)
    for code, name in ((1, "val"), (2, "test")):  # shade the held-out parts
        part = table[table["split"] == code]["timestamp_ms"]
        if len(part):
            ax.axvspan(to_dates(part[:1])[0], to_dates(part[-1:])[0], color=SPLIT_COLOURS[name], alpha=0.07)
    test = table[table["split"] == 2]
    if len(test):
        naive = persistence(times, actual, test["timestamp_ms"], test["horizon_step"], step_ms)
        mse = np.nanmean((naive - test["actual"]) ** 2)
        ax.plot(to_dates(test["timestamp_ms"]), naive, ":", lw=1.5, color="tab:red",
                label=f"persistence, test (MSE {mse:.4g})")
    ax.set_xlabel("time")
    ax.set_ylabel("value (original units)")
    ax.set_title(f"trial {trial_id}: predictions over the series")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    fig.autofmt_xdate()
    return save(fig, out_dir, f"predictions_trial{trial_id}.png")


def to_dates(ms):
    return np.asarray(ms, dtype="int64").astype("datetime64[ms]")


# ---------------------------------------------------------------- figure 3: the sweep overview

def varying_parameters(trials):
    keys = sorted({k for t in trials for k in t["params"]} - {"seed"})
    return [k for k in keys if len({json.dumps(t["params"].get(k)) for t in trials}) > 1]


def axis_values(values):
    """Positions on an axis for a parameter's values, the tick labels, and whether the axis is log."""
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        numbers = np.array(values, dtype=float)
        log = bool(np.all(numbers > 0) and numbers.max() / numbers.min() >= 20)
        return numbers, None, log
    labels = sorted({str(v) for v in values}, key=category_key)
    return np.array([labels.index(str(v)) for v in values], dtype=float), labels, False


def category_key(label):
    """Layer lists by depth then widths ([8] < [16] < [64, 32]); other labels alphabetically."""
    try:
        value = json.loads(label)
    except ValueError:
        return (2, 0, [], label)
    if isinstance(value, list):
        return (0, len(value), value, label)
    return (1, 0, [], label)


def score_limits(scores, baselines, maximize):
    """The trials' range plus the strongest baseline; weaker baselines stay off the chart (their
    values are in the legend) so they do not flatten the trials into a line."""
    values = list(scores)
    if baselines:
        values.append(max(baselines) if maximize else min(baselines))
    low, high = min(values), max(values)
    pad = 0.08 * (high - low) if high > low else 0.05 * abs(high) + 1e-9
    return low - pad, high + pad


def plot_metric_vs_parameters(results, trials, names, out_dir, baselines):
    metric = results.metric
    cols = max(1, min(3, len(names)))
    rows = max(1, math.ceil(len(names) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(12, 8), dpi=DPI, squeeze=False)
    scores = np.array([t["metrics"][metric] for t in trials])
    best = int(np.argmax(scores) if results.maximize else np.argmin(scores))
    for ax, name in zip(axes.flat, names):
        x, labels, log = axis_values([t["params"].get(name) for t in trials])
        jitter = 0.0 if labels is None else 0.08
        spread = x + np.random.default_rng(0).uniform(-jitter, jitter, len(x))
        ax.scatter(spread, scores, s=18, alpha=0.7, color="tab:blue")
        ax.scatter([spread[best]], [scores[best]], s=90, marker="*", color="tab:red", label="best trial")
        for (baseline, value), style in zip(baselines, itertools.cycle(BASELINE_STYLES)):
            ax.axhline(value, ls=style, lw=1, color="grey", label=f"{baseline} {value:.4g}")
        ax.set_ylim(*score_limits(scores, [v for _, v in baselines], results.maximize))
        if labels is not None:
            ax.set_xticks(range(len(labels)), labels, rotation=20, fontsize=8)
            ax.set_xlim(-0.5, len(labels) - 0.5)
        if log:
            ax.set_xscale("log")
        ax.set_xlabel(name)
        ax.set_ylabel(metric)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(names):]:
        ax.axis("off")
    if not names:
        axes[0][0].text(0.5, 0.5, "no parameter varies", ha="center", transform=axes[0][0].transAxes)
    if names:
        axes[0][0].legend(fontsize=8)
    fig.suptitle(f"{metric} of {len(trials)} finished trials against each parameter (lines: baselines)")
    fig.tight_layout()
    return save(fig, out_dir, "sweep_metric.png")


def plot_parallel(results, trials, names, out_dir):
    metric = results.metric
    columns = names + [metric]
    fig, ax = plt.subplots(figsize=(14, 6), dpi=DPI)
    scores = np.array([t["metrics"][metric] for t in trials])
    normalised, ticks = [], []
    for name in columns:
        values = list(scores) if name == metric else [t["params"].get(name) for t in trials]
        x, labels, log = axis_values(values)
        x = np.log10(x) if log else x
        low, high = float(np.min(x)), float(np.max(x))
        normalised.append((x - low) / (high - low) if high > low else np.full(len(x), 0.5))
        ticks.append(labels if labels is not None else [f"{v:.3g}" for v in (np.power(10, [low, high]) if log else [low, high])])
    lines = np.array(normalised).T
    colour = plt.get_cmap("viridis" if not results.maximize else "viridis_r")  # best = darkest
    norm = matplotlib.colors.Normalize(scores.min(), scores.max() if scores.max() > scores.min() else scores.min() + 1)
    for row, score in sorted(zip(lines, scores), key=lambda p: -p[1] if not results.maximize else p[1]):
        ax.plot(range(len(columns)), row, color=colour(norm(score)), alpha=0.8, lw=1.2)
    for i, labels in enumerate(ticks):
        ax.axvline(i, color="black", lw=0.8)
        for j, label in enumerate(labels):  # categories at their places, numbers at both ends
            ax.text(i + 0.02, j / (len(labels) - 1) if len(labels) > 1 else 0.5, label, fontsize=8, va="center",
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
    ax.set_xticks(range(len(columns)), columns, fontsize=9)
    ax.set_yticks([])
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlim(-0.3, len(columns) - 0.7)
    fig.colorbar(matplotlib.cm.ScalarMappable(norm=norm, cmap=colour), ax=ax, label=metric)
    ax.set_title(f"parallel coordinates of {len(trials)} finished trials (darker = better {metric})")
    return save(fig, out_dir, "sweep_parallel.png")


def plot_overview(results, out_dir, baselines):
    trials = [t for t in results.summaries() if t["status"] == "ok" and results.metric in t["metrics"]]
    if not trials:
        return []
    names = varying_parameters(trials)
    return [plot_metric_vs_parameters(results, trials, names, out_dir, baselines),
            plot_parallel(results, trials, names, out_dir)]


# ---------------------------------------------------------------- error per step ahead

def step_metric(metrics, part, kind, horizon):
    return [metrics.get(f"{part}_{kind}_h{k}", math.nan) for k in range(1, horizon + 1)]


def plot_error_by_step(results, trial_id, out_dir, baseline_steps):
    f, group = results.open_trial(trial_id)
    with f:
        metrics = {k: float(v) for k, v in group["metrics"].attrs.items()}
        horizon = int(json.loads(text(group.attrs["params_json"])).get("horizon", 1))
    if horizon < 2:
        return []
    steps = np.arange(1, horizon + 1)
    fig, ax = plt.subplots(figsize=(10, 5), dpi=DPI)
    ax.plot(steps, step_metric(metrics, "test", "mse", horizon), "-o", color="tab:red", lw=2, label=f"trial {trial_id}, test")
    ax.plot(steps, step_metric(metrics, "val", "mse", horizon), "--o", color="tab:red", alpha=0.5, label=f"trial {trial_id}, validation")
    for (name, values), style in zip(baseline_steps, itertools.cycle(BASELINE_STYLES)):
        ax.plot(steps[:len(values)], values, ls=style, marker=".", color="grey", label=f"{name}, test")
    ax.set_xticks(steps)
    ax.set_xlabel("steps ahead (h)")
    ax.set_ylabel("MSE (original units)")
    ax.set_title(f"trial {trial_id}: test error per step ahead against the baselines on the same windows")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9)
    return [save(fig, out_dir, "error_by_step.png")]


# ---------------------------------------------------------------- the fleet page

def known(values):
    """The values present (JSON null is a missing forecast); an infinite ratio (a baseline exact on the
    test part) stays: it counts in the shares, though it cannot be drawn."""
    return np.array([v for v in values if v is not None and not math.isnan(v)], dtype=float)


def plot_ratio_ecdf(ax, rows):
    for column, label, colour in (("ratio_ridge_ar", "best trial on validation", "tab:blue"),
                                  ("guarded_ratio_ridge_ar", "guarded forecast", "tab:red")):
        ratios = np.sort(known(r[column] for r in rows))
        if len(ratios) == 0:
            continue
        shares = np.arange(1, len(ratios) + 1) / len(ratios)
        drawn = np.isfinite(ratios)
        wins = int(np.sum(ratios < 1))
        ax.step(ratios[drawn], shares[drawn], where="post", color=colour, lw=2,
                label=f"{label}: median {np.median(ratios):.3g}, wins on {wins} of {len(ratios)}")
    ax.axvline(1, color="grey", ls="--", lw=1)
    ax.set_xscale("log")
    plain = matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:.3g}")  # 0.9, not 9 x 10^-1
    some = matplotlib.ticker.FuncFormatter(  # minor ticks: only 2x and 5x, or they overlap
        lambda value, _: f"{value:.3g}" if value > 0 and round(value / 10 ** math.floor(math.log10(value))) in (2, 5) else "")
    ax.xaxis.set_major_formatter(plain)
    ax.xaxis.set_minor_formatter(some)
    ax.tick_params(axis="x", which="minor", labelsize=7)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("LSTM test MSE / ridge AR test MSE (< 1: the LSTM wins)")
    ax.set_ylabel("share of traces")
    ax.set_title("distribution of the ratio over the traces (ECDF)")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=9, loc="lower right")


def plot_mse_scatter(ax, rows):
    points = [(r["ridge_ar_test_mse"], r["test_mse"], r["guarded_test_mse"], r["trace"]) for r in rows
              if all(v is not None and v > 0 and math.isfinite(v) for v in (r["ridge_ar_test_mse"], r["test_mse"]))]
    if not points:
        ax.text(0.5, 0.5, "no trace with positive test MSEs", ha="center", transform=ax.transAxes)
        return
    ridge, best, guarded, names = zip(*points)
    ax.scatter(ridge, best, s=30, color="tab:blue", label="best trial on validation", zorder=3)
    shown = [(x, g) for x, g in zip(ridge, guarded) if g is not None and g > 0]
    if shown:
        ax.scatter(*zip(*shown), s=40, marker="x", color="tab:red", label="guarded forecast", zorder=3)
    if len(points) <= 40:  # names stay readable on a sample; a large fleet is a cloud
        for x, y, name in zip(ridge, best, names):
            ax.annotate(name, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    values = [v for v in ridge + best if v > 0]
    low, high = min(values) / 1.5, max(values) * 1.5
    ax.plot([low, high], [low, high], color="grey", ls="--", lw=1, label="equal (y = x)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xlabel("ridge AR test MSE (chosen on validation)")
    ax.set_ylabel("LSTM test MSE")
    ax.set_title(f"per trace ({len(points)}): below the diagonal the LSTM wins")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=9, loc="upper left")


def plot_trace_test(ax, results, row, which):
    f, group = results.open_trial(row["trial"])
    with f:
        table = group["predictions"][()]
    test = table[(table["split"] == 2) & (table["horizon_step"] == 1)]
    test = test[np.argsort(test["timestamp_ms"], kind="stable")]
    ax.plot(to_dates(test["timestamp_ms"]), test["actual"], color="black", lw=1, label="series (actual)")
    ax.plot(to_dates(test["timestamp_ms"]), test["predicted"], color="tab:green", lw=1,
            label=f"trial {row['trial']} (test MSE {row['test_mse']:.4g})")
    ax.set_title(f"{which} ratio: trace {row['trace']}, LSTM / ridge AR {row['ratio_ridge_ar']:.3g} "
                 f"(ridge AR test MSE {row['ridge_ar_test_mse']:.4g})", fontsize=10)
    ax.set_xlabel("time (test part, one step ahead)")
    ax.set_ylabel("value (original units)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9, loc="upper left")
    for label in ax.get_xticklabels():
        label.set_rotation(20)
        label.set_ha("right")


def plot_fleet(results, fleet_json, out_dir):
    with open(fleet_json) as f:
        rows = json.load(f)["fleet"]
    fig, axes = plt.subplots(2, 2, figsize=(16, 10), dpi=DPI)
    plot_ratio_ecdf(axes[0][0], rows)
    plot_mse_scatter(axes[0][1], rows)
    ranked = sorted((r for r in rows if r["trial"] is not None and r["ratio_ridge_ar"] is not None),
                    key=lambda r: r["ratio_ridge_ar"])
    for ax, row, which in ((axes[1][0], ranked[0] if ranked else None, "lowest"),
                           (axes[1][1], ranked[-1] if ranked else None, "highest")):
        if row is None:
            ax.axis("off")
        else:
            plot_trace_test(ax, results, row, which)
    fig.suptitle(f"fleet of {len(rows)} traces: the LSTM (each trace's own search, chosen on validation) against ridge AR")
    fig.tight_layout()
    return [save(fig, out_dir, "fleet.png")]


# ---------------------------------------------------------------- the forecast fan chart

FAN_COLOUR = "tab:blue"


def interval_levels(rows):
    names = [c[len("lower_"):] for c in rows[0] if c.startswith("lower_")] if rows else []
    return sorted(names, key=float, reverse=True)  # widest first, so narrower bands sit on top


def plot_forecast(data_path, png):
    with open(data_path) as f:
        data = json.load(f)
    rows = data["forecast"]
    times = to_dates([r["timestamp_ms"] for r in rows])
    fig, ax = plt.subplots(figsize=(12, 5), dpi=DPI)
    ax.plot(to_dates(data["history_ms"]), data["history"], color="black", lw=1.2, label="trace (actual)")
    levels = interval_levels(rows)
    for i, name in enumerate(levels):
        low = [math.nan if r[f"lower_{name}"] is None else r[f"lower_{name}"] for r in rows]
        high = [math.nan if r[f"upper_{name}"] is None else r[f"upper_{name}"] for r in rows]
        ax.fill_between(times, low, high, color=FAN_COLOUR, alpha=0.15 + 0.2 * i, lw=0,
                        label=f"{name}% interval (split conformal)")
    last = (data["history_ms"][-1], data["history"][-1]) if data["history"] else None
    forecast_ms = ([last[0]] if last else []) + [r["timestamp_ms"] for r in rows]
    forecast = ([last[1]] if last else []) + [r["forecast"] for r in rows]
    ax.plot(to_dates(forecast_ms), forecast, "-o", ms=4, color=FAN_COLOUR, lw=2, label="forecast")
    ax.axvline(to_dates(forecast_ms[:1])[0], color="grey", ls=":", lw=1)
    ax.set_xlabel("time")
    ax.set_ylabel("value (original units)")
    ax.set_title(data.get("title", "forecast"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    fig.autofmt_xdate()
    fig.savefig(png, dpi=DPI)
    plt.close(fig)
    return png


# ---------------------------------------------------------------- main

def save(fig, out_dir, name):
    path = os.path.join(out_dir, name)
    fig.savefig(path, dpi=DPI)  # no bbox_inches="tight": the sizes above are part of the contract
    plt.close(fig)
    return path


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="?", help="results/<name>.h5, or results/<name> while the sweep runs")
    parser.add_argument("--trial", help="the trial whose curves and predictions are drawn")
    parser.add_argument("-o", "--output", default=".", help="folder for the PNG files (with --forecast: the PNG)")
    parser.add_argument("--baseline", action="append", default=[], metavar="NAME=VALUE",
                        help="a baseline's score on the sweep's metric, drawn as a reference line in the overview")
    parser.add_argument("--baseline-steps", action="append", default=[], metavar="NAME=V1,V2,...",
                        help="a baseline's test MSE per step ahead, drawn in error_by_step.png")
    parser.add_argument("--fleet", metavar="FLEET.json", help="a fleet's rows per trace (`vmsweep report`'s fleet "
                        "section as JSON): also draw fleet.png")
    parser.add_argument("--forecast", metavar="DATA.json", help="draw the fan chart of `vmsweep predict` instead")
    args = parser.parse_args(argv)
    if args.forecast:  # quiet: `vmsweep predict` may be writing the forecast itself to standard output
        plot_forecast(args.forecast, args.output)
        return 0
    if not args.results or not args.trial:
        parser.error("RESULTS and --trial are required (or --forecast)")
    os.makedirs(args.output, exist_ok=True)
    results = Results(args.results)
    written = [plot_loss(results, args.trial, args.output), plot_predictions(results, args.trial, args.output)]
    baselines = [(name, float(value)) for name, value in (b.split("=", 1) for b in args.baseline)]
    written += plot_overview(results, args.output, baselines)
    steps = [(name, [float(v) for v in values.split(",")]) for name, values in (b.split("=", 1) for b in args.baseline_steps)]
    written += plot_error_by_step(results, args.trial, args.output, steps)
    if args.fleet:
        written += plot_fleet(results, args.fleet, args.output)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
