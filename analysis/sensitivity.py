"""Sobol and Morris indices of a sweep, as `parksim analyze` computes them.

The estimators exist once, in C++ (sim/experiments/sensitivity.cpp). Python does not re-implement
them: `analyze()` runs `parksim analyze METHOD SWEEP.h5 --metric NAME -o INDICES.h5` and
`read_indices()` reads the file it writes (root dimension `parameter` with the parameter names;
datasets S1, S1_conf, ST, ST_conf for sobol, mu, mu_star, sigma, mu_star_conf for morris; root
attributes method, input, metric). A sweep file holds no indices, so a report given only the
sweep has to ask the binary; running it keeps one implementation and the numbers the command line
prints, at the cost of one short subprocess per metric.

The binary is $PARKSIM_BIN (`parksim report` sets it to itself), else build/parksim of this
source tree, else `parksim` on PATH.
"""
import os
import shutil
import subprocess
import tempfile

import h5py
import numpy as np

COLUMNS = {"sobol": ("S1", "S1_conf", "ST", "ST_conf"), "morris": ("mu", "mu_star", "sigma", "mu_star_conf")}
BOOTSTRAP = 100  # resamples for the intervals (parksim analyze's default)


class AnalyzeError(Exception):
    """`parksim analyze` could not compute the indices; str() is its message, one line."""


def _text(v):
    return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)


def find_parksim():
    """Path of the parksim binary, or None when there is none."""
    env = os.environ.get("PARKSIM_BIN")
    if env:
        return env
    here = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "parksim")
    if os.access(here, os.X_OK):
        return here
    return shutil.which("parksim")


def read_indices(path):
    """The indices of a `parksim analyze -o` file: {'method', 'metric', 'input', 'parameter': [names],
    and one float array per column of the method}."""
    with h5py.File(path, "r") as f:
        method = _text(f.attrs["method"])
        if method not in COLUMNS:
            raise ValueError(f"{path}: method {method!r} is neither sobol nor morris")
        out = {"method": method, "metric": _text(f.attrs["metric"]), "input": _text(f.attrs["input"]),
               "parameter": [_text(p) for p in f["parameter"][:]]}
        for name in COLUMNS[method]:
            out[name] = np.asarray(f[name][:], float)
    return out


def _last_line(stderr):
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def analyze(path, method, metric, outputs=None, bootstrap=BOOTSTRAP, parksim=None):
    """Run `parksim analyze` on a sweep (or a design with an outputs CSV) and return read_indices()
    of its result. Raises AnalyzeError with parksim's message when it refuses the input."""
    exe = parksim or find_parksim()
    if not exe:
        raise AnalyzeError("the parksim binary was not found (set PARKSIM_BIN)")
    with tempfile.TemporaryDirectory(prefix="parksim-analyze-") as tmp:
        out = os.path.join(tmp, "indices.h5")
        cmd = [exe, "analyze", method, path, "--bootstrap", str(bootstrap), "-o", out]
        if metric is not None:
            cmd += ["--metric", metric]
        if outputs is not None:
            cmd += ["--outputs", outputs]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=600)
        except OSError as e:
            raise AnalyzeError(f"cannot run {exe} ({e.strerror or e})") from e
        except subprocess.TimeoutExpired as e:
            raise AnalyzeError(f"{exe} analyze took longer than {e.timeout:g} s") from e
        if r.returncode != 0 or not os.path.exists(out):
            raise AnalyzeError(_last_line(r.stderr))
        return read_indices(out)
