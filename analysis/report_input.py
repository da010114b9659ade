"""What report.py needs from its input file, and one-line messages when the file does not have it.

A file the report cannot use (missing, not HDF5, truncated, another schema, a group or dataset
missing or of the wrong shape) becomes a ReportError naming the file and what is wrong; report.py
prints that as one line. Checking the schema first gives messages that name the missing piece;
`describe()` turns whatever h5py, xarray or numpy raise later into the same kind of line.
"""
import os
import re
import unicodedata

import h5py

# Datasets each kind of file must hold (paths inside the file) and root attributes it must carry.
RUN_DATASETS = ["output", "employment", "time", "zone", "sector", "replication"]
SCORECARD_DATASETS = [f"scorecard/{n}" for n in ("metric", "zone", "sector", "sense", "label", "year",
                                                  "target_value", "median", "q05", "q95", "probability")]
SNAPSHOT_DATASETS = [f"snapshots/{n}" for n in ("year", "replication", "id", "output", "alive")]
COMPARE_DATASETS = ["metric", "year", "replication", "effect", "effect_low", "effect_high", "variance_reduction"]
COMPARE_ATTRIBUTES = ["base_scenario", "variant_scenario"]
LEVERS_DATASETS = ["programme", "kind", "target", "direction", "cost", "cost_per_output", "cost_per_output_low",
                   "cost_per_output_high", "cost_per_output_defined", "sign_flag", "no_effect_flag"]
LEVERS_GROUP_DATASETS = ["with", "effect", "effect_low", "effect_high"]
SWEEP_DATASETS = ["parameter", "metric", "values", "status", "run_point", "unit",
                  "failures/point", "failures/replication", "failures/message"]

# Escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL/ST`) and single control characters.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]")


class ReportError(Exception):
    """A file the report cannot use; str() is the one line for the user."""

    def __init__(self, path, what):
        super().__init__(path, what)
        self.path, self.what = path, what

    def __str__(self):
        return f"{self.path}: {self.what}"


def terminal_safe(s):
    """Text for the terminal: escape sequences removed, other control characters (BEL, CR, bidi
    overrides...) shown as '?', so a name from a file cannot move the cursor, recolour or ring."""
    s = _ESCAPES.sub("", str(s))
    return "".join("?" if unicodedata.category(c) in ("Cc", "Cf") else c for c in s)


def describe(exc):
    """What an exception raised while reading a file says is wrong with it, in one short line."""
    msg = " ".join(str(exc).split()) or type(exc).__name__
    low = msg.lower()
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if "file signature not found" in low:
        return "not an HDF5 file"
    if "truncated file" in low:
        return "damaged HDF5 file (truncated)"
    missing = re.search(r"object '([^']+)' doesn't exist", msg)
    if isinstance(exc, KeyError) and missing:
        return f"missing group or dataset '{missing.group(1)}'"
    if isinstance(exc, KeyError):
        return f"missing {msg}"
    if isinstance(exc, OSError):
        return f"cannot read the file, damaged? ({msg[:160]})"
    return f"damaged or not in the expected form ({type(exc).__name__}: {msg[:160]})"


def kind_of(path):
    """'run', 'compare', 'sweep' or 'levers', from the datasets the file holds."""
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        raise ReportError(path, "empty file")
    with h5py.File(path, "r") as f:
        if "variance_reduction" in f:
            return "compare"
        if "run_point" in f:
            return "sweep"
        if "sign_flag" in f and "programme" in f:
            return "levers"
        if "output" in f and "time" in f:
            return "run"
    raise ReportError(path, "not a parksim run, comparison, sweep or levers file")


def _dataset(f, path, name):
    obj = f.get(name)
    if obj is None:
        raise ReportError(path, f"missing dataset '{name}'")
    if not isinstance(obj, h5py.Dataset):
        raise ReportError(path, f"'{name}' is a group, not a dataset")
    return obj


def _expect(path, condition, what):
    if not condition:
        raise ReportError(path, what)


def check_run(path):
    """A run file has its series and, when it has targets or snapshots, complete groups for them."""
    with h5py.File(path, "r") as f:
        for name in RUN_DATASETS:
            _dataset(f, path, name)
        for group, names in (("scorecard", SCORECARD_DATASETS), ("snapshots", SNAPSHOT_DATASETS)):
            if group in f:
                shapes = {n: _dataset(f, path, n).shape for n in names}
                _expect(path, len({s[:1] for s in shapes.values()}) == 1,
                        f"the datasets of '{group}' differ in length")


def check_compare(path):
    with h5py.File(path, "r") as f:
        for name in COMPARE_DATASETS:
            _dataset(f, path, name)
        for name in COMPARE_ATTRIBUTES:
            _expect(path, name in f.attrs, f"missing root attribute '{name}'")


def check_sweep(path):
    """A sweep file's runs, metrics, design and failures agree in size."""
    with h5py.File(path, "r") as f:
        d = {name: _dataset(f, path, name) for name in SWEEP_DATASETS}
        runs, metrics, params = d["status"].shape[:1], d["metric"].shape[:1], d["parameter"].shape[:1]
        _expect(path, d["values"].shape == runs + metrics,
                f"'values' is {d['values'].shape}, expected (runs, metrics) = {runs + metrics}")
        _expect(path, d["run_point"].shape == runs, "'run_point' and 'status' differ in length")
        _expect(path, d["unit"].ndim == 2 and d["unit"].shape[1:] == params,
                f"'unit' is {d['unit'].shape}, expected (points, parameters) with {params[0]} parameters")
        points = d["unit"].shape[0]
        point = d["run_point"][:]
        _expect(path, point.size == 0 or (point.min() >= 0 and point.max() < points),
                f"'run_point' refers to points outside the design's {points}")
        lengths = {d[f"failures/{n}"].shape for n in ("point", "replication", "message")}
        _expect(path, len(lengths) == 1, "the datasets of 'failures' differ in length")


def check_levers(path):
    """A levers file has its per-programme columns, and a group for output, cumulative output and
    every target decision, each as long as the programme list."""
    with h5py.File(path, "r") as f:
        d = {name: _dataset(f, path, name) for name in LEVERS_DATASETS}
        programmes = d["programme"].shape
        for name, ds in d.items():
            _expect(path, ds.shape == programmes, f"'{name}' is {ds.shape}, expected {programmes} (programmes)")
        groups = {"output", "cumulative_output"} | set(d["target"].asstr()[:])
        for g in sorted(groups):
            for name in LEVERS_GROUP_DATASETS:
                ds = _dataset(f, path, f"{g}/{name}")
                if name != "with":
                    _expect(path, ds.shape == programmes, f"'{g}/{name}' is {ds.shape}, expected {programmes}")


CHECKS = {"run": check_run, "compare": check_compare, "sweep": check_sweep, "levers": check_levers}
