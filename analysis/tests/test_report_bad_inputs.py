"""The report on files it cannot use, and on valid files at the edges: a metric that does not vary
over a sweep, a run without targets.

A file the report cannot use gives exit status 1 and exactly one line `error: PATH: ...` on stderr;
a wrong command line gives 2; PARKSIM_DEBUG=1 shows the traceback instead.
"""
import os
import shutil
import subprocess

import h5py
import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
from analysis import figures, report
from analysis.report_input import terminal_safe

PARKSIM = os.environ.get("PARKSIM_BIN", os.path.join(ROOT, "build", "parksim"))
BASE = os.path.join(ROOT, "tests", "malformed", "bases", "valid.toml")
SCRIPT = os.path.join(ROOT, "analysis", "report.py")


def parksim(*args):
    subprocess.run([PARKSIM, *args], check=True, stdout=subprocess.DEVNULL)


def run_report(path, output=None, debug=False):
    """report.py as `parksim report` runs it: (exit status, stdout, stderr)."""
    env = {k: v for k, v in os.environ.items() if k != "PARKSIM_DEBUG"}
    env["MPLBACKEND"] = "Agg"
    if debug:
        env["PARKSIM_DEBUG"] = "1"
    output = output or os.path.join(os.path.dirname(path), "out.html")
    return subprocess.run(["/usr/bin/python3", SCRIPT, path, "-o", output], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A sweep with a constant metric (no centre programme: innovation_centres stays 0) and a run."""
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the report tests need the binary")
    d = tmp_path_factory.mktemp("bad-inputs")
    space = d / "space.toml"
    space.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n'
                     '[[parameter]]\npath = "model.innovation_rate"\nlow = 0.4\nhigh = 1.2\n')
    design, sweep = str(d / "design.h5"), str(d / "sweep.h5")
    parksim("sample", "--method", "sobol", "--space", str(space), "-n", "8", "-o", design)
    parksim("sweep", BASE, design, "-o", sweep, "--metric", "output:2017", "--metric", "innovation_centres:2017")
    untargeted = d / "untargeted.toml"
    text = open(BASE, encoding="utf-8").read()
    untargeted.write_text(text[: text.index("[[targets]]")], encoding="utf-8")
    run = str(d / "run.h5")
    parksim("run", str(untargeted), "-o", run, "-R", "1", "-t", "1")
    return {"dir": d, "sweep": sweep, "run": run}


def test_constant_metric_gets_a_sentence_instead_of_sobol_bars(made):
    out = str(made["dir"] / "constant.html")
    assert report.main([made["sweep"], "-o", out]) == 0
    page = open(out, encoding="utf-8").read()
    assert "innovation_centres:2017 = 0 at every point, constant over the design: no indices" in page
    assert 'alt="Sobol indices of output:2017' in page  # the varying metric keeps its chart


def test_sweep_with_a_failed_point_says_why_it_has_no_indices(made):
    path, out = str(made["dir"] / "failed-point.h5"), str(made["dir"] / "failed-point.html")
    shutil.copy(made["sweep"], path)
    with h5py.File(path, "r+") as f:
        status = f["status"][:]
        status[f["run_point"][:] == 3] = 1
        f["status"][:] = status
    assert report.main([path, "-o", out]) == 0
    assert "1 of 32 points have no successful run: no sobol indices" in open(out, encoding="utf-8").read()


def test_run_without_targets_is_reported_without_a_scorecard(made):
    out = str(made["dir"] / "untargeted.html")
    assert report.main([made["run"], "-o", out]) == 0
    page = open(out, encoding="utf-8").read()
    assert "Trajectories" in page and "Scorecard" not in page


def test_metric_constant_on_the_base_points_gets_a_sentence(made):
    """V (the variance over rows A and B) is 0: parksim analyze would write 0 for every index, which
    would read as "no effect"; the page says the indices are undefined instead."""
    path, out = str(made["dir"] / "flat-ab.h5"), str(made["dir"] / "flat-ab.html")
    shutil.copy(made["sweep"], path)
    with h5py.File(path, "r+") as f:
        values, point = f["values"][:], f["run_point"][:]
        ab = np.isin(point % 4, [0, 3])  # rows A and B of each base sample (k = 2)
        values[ab, 0] = 7.0
        f["values"][:] = values
    assert report.main([path, "-o", out]) == 0
    assert "output:2017 does not vary over the base points A and B: no indices" in open(out, encoding="utf-8").read()


def test_sobol_chart_draws_with_undefined_intervals():
    import io
    fig = figures.fig_sobol(["a.b"], np.array([0.5]), np.array([0.6]), np.array([np.nan]), np.array([np.nan]))
    fig.savefig(io.BytesIO(), format="png")  # NaN error bars made bar() raise StopIteration


def test_names_with_dollar_signs_are_drawn_literally():
    import io
    fig = figures.fig_sobol([r"$\foo$ zone"], np.array([0.5]), np.array([0.6]), title=r"metric $\bar$")
    fig.savefig(io.BytesIO(), format="png")  # mathtext would raise on \foo


def truncated(made, d):
    path = str(d / "truncated.h5")
    data = open(made["run"], "rb").read()
    open(path, "wb").write(data[: len(data) // 2])
    return path


def sweep_without(name):
    def make(made, d):
        path = str(d / f"no-{name.replace('/', '-')}.h5")
        shutil.copy(made["sweep"], path)
        with h5py.File(path, "r+") as f:
            del f[name]
        return path
    return make


def run_without(name):
    def make(made, d):
        path = str(d / f"run-no-{name.replace('/', '-')}.h5")
        shutil.copy(made["run"], path)
        with h5py.File(path, "r+") as f:
            del f[name]
        return path
    return make


def sweep_with_wrong_values_shape(made, d):
    path = str(d / "wrong-shape.h5")
    shutil.copy(made["sweep"], path)
    with h5py.File(path, "r+") as f:
        values = f["values"][:]
        del f["values"]
        f["values"] = values[:, :1]
    return path


def written(name, data):
    def make(made, d):
        path = str(d / name)
        open(path, "wb").write(data)
        return path
    return make


def other_hdf5(made, d):
    path = str(d / "other.h5")
    with h5py.File(path, "w") as f:
        f["temperature"] = np.arange(3.0)
    return path


BAD_FILES = {
    "truncated": (truncated, "damaged HDF5 file"),
    "sweep missing the failures group": (sweep_without("failures"), "failures/point"),
    "sweep missing a dataset": (sweep_without("unit"), "'unit'"),
    "sweep values of the wrong shape": (sweep_with_wrong_values_shape, "'values'"),
    "run missing a series": (run_without("employment"), "'employment'"),
    "not HDF5": (written("notes.h5", b"this is not HDF5\n" * 10), "not an HDF5 file"),
    "empty": (written("empty.h5", b""), "empty file"),
    "HDF5 of another schema": (other_hdf5, "not a parksim run, comparison, sweep or levers file"),
    "missing": (lambda made, d: str(d / "absent.h5"), "no such file"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_unusable_file_gives_one_error_line_and_exit_1(made, tmp_path, case):
    make, fragment = BAD_FILES[case]
    path = make(made, tmp_path)
    r = run_report(path)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {path}: ") and fragment in lines[0], lines[0]
    assert r.stdout == ""


def test_debug_switch_shows_the_traceback(tmp_path):
    path = str(tmp_path / "notes.h5")
    open(path, "w").write("not HDF5")
    r = run_report(path, debug=True)
    assert r.returncode == 1 and "Traceback" in r.stderr


def test_wrong_command_line_gives_exit_2(tmp_path):
    r = subprocess.run(["/usr/bin/python3", SCRIPT, str(tmp_path / "x.h5")], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_unwritable_output_names_the_output(made, tmp_path):
    out = str(tmp_path / "no-such-dir" / "page.html")
    r = run_report(made["sweep"], out)
    assert r.returncode == 1 and r.stderr.splitlines() == [f"error: {out}: cannot write the page (No such file or directory)"]


def test_control_characters_in_names_do_not_reach_the_terminal(tmp_path):
    path = str(tmp_path / "bad\x1b[31mred\x07\x1b]0;title\x07.h5")
    open(path, "w").write("not HDF5")
    r = run_report(path)
    assert r.returncode == 1
    assert not any(c in r.stderr for c in "\x1b\x07\x9b"), repr(r.stderr)
    assert "badred" in r.stderr
    assert terminal_safe("a\u202eb\rc") == "a?b?c"
