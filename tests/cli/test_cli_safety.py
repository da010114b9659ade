"""The command line never loses a user's files and never ends on a signal: outputs that name an
input are refused, output paths are checked before any work, two writers to one path leave one
whole file, a full disk is a one-line error, Ctrl-C keeps what was saved, and bad arguments are
errors (exit 2) rather than guesses.

Run by CTest: PARKSIM=build/parksim SOURCE=<repo> /usr/bin/python3 -m pytest -q tests/cli
"""
import glob
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import h5py
import pytest

PARKSIM = os.path.abspath(os.environ.get("PARKSIM", "build/parksim"))
SOURCE = os.path.abspath(os.environ.get("SOURCE", "."))
MINI = os.path.join(SOURCE, "tests", "data", "mini.toml")
LINGANG = os.path.join(SOURCE, "scenarios", "lingang_2015.toml")


def parksim(*args, timeout=120, env=None, cwd=None):
    return subprocess.run([PARKSIM, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def leftovers(folder):
    return glob.glob(os.path.join(folder, "*.partial"))


@pytest.fixture
def scenario(tmp_path):
    path = tmp_path / "s.toml"
    shutil.copy(MINI, path)
    return str(path)


def test_output_naming_the_scenario_is_refused_and_the_scenario_kept(scenario, tmp_path):
    before = digest(scenario)
    r = parksim("run", scenario, "-o", scenario, "-R", "1", "-t", "1")
    assert r.returncode == 1 and "also an input" in r.stderr, r.stderr
    assert digest(scenario) == before and not leftovers(tmp_path)


def test_output_naming_an_input_through_another_spelling_is_refused(scenario, tmp_path):
    overlay = tmp_path / "o.toml"
    overlay.write_text("[scenario]\ntitle = \"overlay\"\n")
    before = digest(overlay)
    os.symlink(overlay, tmp_path / "link.h5")
    for out in (str(tmp_path / "." / "o.toml"), str(tmp_path / "link.h5")):
        r = parksim("run", scenario, "--with", str(overlay), "-o", out, "-R", "1", "-t", "1")
        assert r.returncode == 1 and "also an input" in r.stderr, (out, r.stderr)
    assert digest(overlay) == before


def test_compare_output_naming_its_base_is_refused(scenario):
    before = digest(scenario)
    r = parksim("compare", scenario, "--variant-set", "programmes.grant.rate=10%", "-R", "2", "-o", scenario)
    assert r.returncode == 1 and "also an input" in r.stderr, r.stderr
    assert digest(scenario) == before


def test_validate_output_naming_its_figures_is_refused_and_a_table_is_written(scenario, tmp_path):
    figures = tmp_path / "f.csv"
    figures.write_text("metric,zone,sector,year,value,tolerance,tolerance_kind\n"
                       "output,all,all,2016,100,0.1,relative\noutput,all,all,2017,100,0.1,relative\n")
    before = digest(figures)
    r = parksim("validate", scenario, "--figures", str(figures), "-R", "2", "-o", str(figures))
    assert r.returncode == 1 and "also an input" in r.stderr, r.stderr
    assert digest(figures) == before and not leftovers(tmp_path)
    table = tmp_path / "v.csv"
    r = parksim("validate", scenario, "--figures", str(figures), "-R", "3", "--fitted-through", "2016",
                "-o", str(table), "-t", "1")
    assert r.returncode == 0, r.stderr
    rows = table.read_text().splitlines()
    assert rows[0].startswith("metric,zone,sector,year,role,published,median,low_5,high_95")
    assert [row.split(",")[4] for row in rows[1:]] == ["fitted", "hold-out"]
    assert "held out: " in r.stdout and not leftovers(tmp_path)


def test_checkpoint_and_output_cannot_be_one_file(scenario, tmp_path):
    out = str(tmp_path / "x.h5")
    r = parksim("run", scenario, "-o", out, "--checkpoint-at", "2016-01", "--checkpoint", out, "-R", "1")
    assert r.returncode == 2 and "same file" in r.stderr, r.stderr
    r = parksim("run", scenario, "-o", out, "--checkpoint", str(tmp_path / "c.bin"), "-R", "1")
    assert r.returncode == 2 and "--checkpoint-at" in r.stderr, r.stderr
    assert not os.path.exists(out)


@pytest.mark.parametrize("command", ["run", "compare"])
def test_unwritable_output_fails_before_any_run(scenario, tmp_path, command):
    extra = ["--variant-set", "programmes.grant.rate=10%", "-R", "2"] if command == "compare" else ["-R", "1"]
    for out, why in ((str(tmp_path / "no" / "such" / "x.h5"), "does not exist"), (str(tmp_path), "is a directory")):
        t0 = time.monotonic()
        r = parksim(command, scenario, *extra, "-o", out)
        assert r.returncode == 1 and why in r.stderr, r.stderr
        assert "wrote" not in r.stdout and "paired replications" not in r.stdout
        assert time.monotonic() - t0 < 5, "the path should be refused before the runs"
    assert not leftovers(tmp_path)


def test_calibrate_into_a_directory_is_refused_up_front(scenario, tmp_path):
    space = tmp_path / "space.toml"
    space.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n')
    figures = tmp_path / "f.csv"
    figures.write_text("metric,zone,sector,year,value,tolerance,tolerance_kind\noutput,all,all,2016,100,10%,relative\n")
    r = parksim("calibrate", scenario, "--targets", str(figures), "--space", str(space), "-o", str(tmp_path))
    assert r.returncode == 1 and "is a directory" in r.stderr, r.stderr


def test_two_writers_to_one_output_leave_one_whole_file(scenario, tmp_path):
    """The slower writer finds the file replaced, reports, and leaves the faster one's file whole."""
    env = dict(os.environ, HDF5_USE_FILE_LOCKING="FALSE")
    out = str(tmp_path / "same.h5")
    slow = subprocess.Popen([PARKSIM, "run", LINGANG, "-o", out, "-R", "1", "-t", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # The slow run notes what is at `out` when it opens its temporary; wait for that temporary
    # rather than a fixed time (under load a fixed 0.5 s let the fast run finish first).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not glob.glob(out + ".*.partial"):
        time.sleep(0.01)
    assert glob.glob(out + ".*.partial"), "the slow run never opened its output"
    fast = parksim("run", scenario, "-o", out, "-R", "1", "-t", "1", env=env)
    _, slow_err = slow.communicate(timeout=300)
    assert fast.returncode == 0, fast.stderr
    assert slow.returncode == 1 and "another process" in slow_err, slow_err
    with h5py.File(out, "r") as f:
        assert f.attrs["scenario_name"] == "mini"
        assert f["output"].shape[0] == 1
    assert not leftovers(tmp_path)
    kept = glob.glob(out + ".*.conflict")
    assert len(kept) == 1, "the slower run's result is kept under a name it printed"
    assert kept[0] in slow_err


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="mounting a tmpfs needs root")
def test_full_disk_is_a_one_line_error_and_keeps_the_existing_output(scenario, tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(full)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        existing = full / "x.h5"
        existing.write_bytes(os.urandom(100_000))
        before = digest(existing)
        r = parksim("run", scenario, "-o", str(existing), "-R", "2", "-t", "1")
        assert r.returncode == 1, (r.returncode, r.stderr)
        assert "no space left" in r.stderr and str(existing) in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert digest(existing) == before
        assert os.listdir(full) == ["x.h5"], os.listdir(full)
    finally:
        subprocess.run(["umount", str(full)])


def test_interrupted_run_exits_130_and_keeps_the_old_output(tmp_path):
    out = tmp_path / "l.h5"
    out.write_bytes(b"an earlier result")
    # Enough replications that the run is far from done when its first progress line says it is
    # under way (a fixed sleep raced a fast machine: the run finished before the signal).
    run = subprocess.Popen([PARKSIM, "run", LINGANG, "-o", str(out), "-R", "32", "-t", "1"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = run.stderr.readline()
    run.send_signal(signal.SIGINT)
    rest = run.communicate(timeout=60)[1]
    err = first + rest
    assert run.returncode == 130, (run.returncode, err)
    assert "interrupted: run stopped after" in err and "nothing was written" in err, err
    assert "progress:" in err, "a run that is not on a terminal still logs its progress"
    assert out.read_bytes() == b"an earlier result" and not leftovers(tmp_path)


def test_interrupted_sweep_says_what_was_saved_and_resumes(tmp_path):
    space = tmp_path / "space.toml"
    space.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n')
    design = str(tmp_path / "d.h5")
    assert parksim("sample", "--method", "lhs", "--space", str(space), "-n", "400", "-o", design).returncode == 0
    sweep = [PARKSIM, "sweep", MINI, design, "-o", "s.h5", "--metric", "output:2016", "-t", "1"]
    run = subprocess.Popen(sweep, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    journal = tmp_path / "s.h5.journal.0"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not journal.exists() or journal.read_text().count("\n") < 3):
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    if run.returncode == 0:
        pytest.skip("the sweep finished before the signal")
    assert run.returncode == 130 and "runs saved" in err and "--resume" in err, err
    done = subprocess.run(sweep + ["--resume"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "resumed from journals" in done.stdout, done.stdout + done.stderr
    with h5py.File(tmp_path / "s.h5", "r") as f:
        assert len(f["status"]) == 400 and (f["status"][()] == 0).all(), "0: every run ok"


@pytest.mark.parametrize("args", [
    ["run", MINI, "-o", "x.h5", "--seed", "99999999999999999999"],
    ["run", MINI, "-o", "x.h5", "--seed", "9223372036854775808"],
    ["run", MINI, "-o", "x.h5", "--seed", "-1"],
    ["run", MINI, "-o", "x.h5", "--seed", "12abc"],
    ["sample", "--method", "lhs", "--space", MINI, "-n", "4", "--seed", "-1", "-o", "d.h5"],
])
def test_seed_out_of_range_is_an_error_not_a_clamp(args, tmp_path):
    r = parksim(*args, cwd=tmp_path)
    assert r.returncode == 2 and "a seed is a whole number from 0 to 9223372036854775807" in r.stderr, r.stderr
    assert not os.listdir(tmp_path)


def test_special_files_as_inputs_are_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    for args, why in ((["check", str(fifo)], "FIFO"), (["run", str(fifo), "-o", "x.h5"], "FIFO"),
                      (["check", str(tmp_path)], "directory"), (["run", MINI, "--with", "/dev/zero", "-o", "x.h5"], "device")):
        r = parksim(*args, timeout=20, cwd=tmp_path)
        assert r.returncode == 2 and why in r.stderr, (args, r.stderr)


def test_unknown_command_is_named(tmp_path):
    r = parksim("rn", MINI)
    assert r.returncode == 2 and 'unknown command "rn"' in r.stderr and "run" in r.stderr, r.stderr


def test_control_characters_never_reach_the_terminal(tmp_path):
    r = parksim("check", str(tmp_path / "a\x1b[2Jb\x07.toml"))
    assert r.returncode == 2 and "\x1b" not in r.stderr and "\x07" not in r.stderr, repr(r.stderr)
    assert "\\x1b" in r.stderr


def test_output_naming_a_file_the_scenario_extends_is_refused(tmp_path):
    base = tmp_path / "base.toml"
    shutil.copy(MINI, base)
    child = tmp_path / "child.toml"
    child.write_text('extends = "base.toml"\n[scenario]\ntitle = "child"\n')
    before = digest(base)
    r = parksim("run", str(child), "-o", str(base), "-R", "1", "-t", "1")
    assert r.returncode == 1 and "also an input" in r.stderr and "base.toml" in r.stderr, r.stderr
    assert digest(base) == before
