"""`parksim run --uncertain SPACE.toml`: the draws are recorded, a replication equals a plain run
with its drawn values given by --set, the file is the same at 1 and 2 threads, the scorecard says
what its intervals include, and bad spaces or combinations are located errors that write nothing.

Run by CTest with the other CLI tests (tests/cli).
"""
import os
import subprocess

import h5py
import numpy as np
import pytest

PARKSIM = os.path.abspath(os.environ.get("PARKSIM", "build/parksim"))
SOURCE = os.path.abspath(os.environ.get("SOURCE", "."))
MINI = os.path.join(SOURCE, "tests", "data", "mini.toml")
SPACE = """[[parameter]]
path = "model.entry_rate_per_year"
low = "2%"
high = "30%"

[[parameter]]
path = "talent.reward_sensitivity"
distribution = "log_uniform"
low = 0.5
high = 2.0
"""


def parksim(*args):
    return subprocess.run([PARKSIM, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def space(tmp_path):
    path = tmp_path / "space.toml"
    path.write_text(SPACE)
    return str(path)


def run_uncertain(space, out, *extra):
    r = parksim("run", MINI, "-o", str(out), "--uncertain", space, *extra)
    assert r.returncode == 0, r.stderr
    return r


def replication_rows(f, rep):
    """Every dataset's values of one replication: series by their first axis, snapshots by rows."""
    rows = {}
    n = f["replication"].shape[0]
    for name, obj in f.items():
        if isinstance(obj, h5py.Dataset) and obj.ndim >= 2 and obj.shape[0] == n:
            rows[name] = obj[rep]
    mask = f["snapshots/replication"][()] == rep
    for name, obj in f["snapshots"].items():
        if obj.shape == mask.shape and name != "firm":
            rows["snapshots/" + name] = obj[()][mask]
    rows["scorecard/value"] = f["scorecard/value"][:, rep]
    return rows


def test_draws_are_recorded_with_names_units_and_the_space_text(space, tmp_path):
    out = tmp_path / "u.h5"
    r = run_uncertain(space, out, "-R", "4")
    assert "intervals and P(reach): stochastic and parameter uncertainty (2 parameters, LHS, 4 draws)" in r.stdout
    with h5py.File(out, "r") as f:
        g = f["uncertain"]
        assert g["value"].shape == (4, 2)
        assert [p.decode() for p in g["parameter"][()]] == ["model.entry_rate_per_year", "talent.reward_sensitivity"]
        assert [u.decode() for u in g["parameter_units"][()]] == ["1/year", "1"]
        assert g.attrs["space"] == SPACE
        entry, reward = g["value"][:, 0], g["value"][:, 1]
        assert ((entry >= 0.02) & (entry <= 0.30)).all() and ((reward >= 0.5) & (reward <= 2.0)).all()
        # One draw in each quarter of each range (LHS strata).
        assert sorted(np.floor(g["unit"][:, 0] * 4)) == [0, 1, 2, 3]
        assert f["scorecard"].attrs["uncertainty"] == "stochastic and parameter uncertainty (2 parameters, LHS, 4 draws)"


def test_a_replication_equals_a_plain_run_with_its_values_set(space, tmp_path):
    out, plain = tmp_path / "u.h5", tmp_path / "plain.h5"
    run_uncertain(space, out, "-R", "3")
    with h5py.File(out, "r") as f:
        values = f["uncertain/value"][1]
        drawn = replication_rows(f, 1)
        other = replication_rows(f, 0)
    sets = ["--set", f"model.entry_rate_per_year={values[0]!r}", "--set", f"talent.reward_sensitivity={values[1]!r}"]
    r = parksim("run", MINI, "-o", str(plain), "-R", "2", *sets)
    assert r.returncode == 0, r.stderr
    with h5py.File(plain, "r") as f:
        assert f["scorecard"].attrs["uncertainty"] == "stochastic only"
        fixed = replication_rows(f, 1)
    assert len(drawn) > 40 and drawn.keys() == fixed.keys()
    for name in drawn:
        assert np.array_equal(drawn[name], fixed[name], equal_nan=True), name
    assert not np.array_equal(other["firms"], fixed["firms"])  # the check can tell runs apart


def test_the_file_is_identical_at_one_and_two_threads(space, tmp_path):
    files = []
    for threads in ("1", "2"):
        out = tmp_path / f"t{threads}.h5"
        run_uncertain(space, out, "-R", "3", "-t", threads)
        files.append(h5py.File(out, "r"))
    names = []
    files[0].visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
    assert "uncertain/value" in names
    for name in names:
        a, b = files[0][name][()], files[1][name][()]
        if a.dtype.kind == "O":
            assert a.tolist() == b.tolist(), name
        else:
            assert a.tobytes() == b.tobytes(), name
    for group in ("uncertain", "scorecard"):
        assert dict(files[0][group].attrs) == dict(files[1][group].attrs)


def test_the_uncertain_seed_changes_the_draws_and_not_the_layout(space, tmp_path):
    run_uncertain(space, tmp_path / "a.h5", "-R", "2", "--uncertain-seed", "5")
    run_uncertain(space, tmp_path / "b.h5", "-R", "2", "--uncertain-seed", "6")
    with h5py.File(tmp_path / "a.h5", "r") as a, h5py.File(tmp_path / "b.h5", "r") as b:
        assert a["uncertain"].attrs["seed"] == 5 and b["uncertain"].attrs["seed"] == 6
        assert not np.array_equal(a["uncertain/value"][()], b["uncertain/value"][()])


def test_bad_spaces_are_located_errors_and_nothing_is_written(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n\n'
                   '[[parameter]]\npath = "model.demand_elasticity"\nlow = 3\nhigh = 30\n')
    out = tmp_path / "u.h5"
    r = parksim("run", MINI, "-o", str(out), "-R", "1", "--uncertain", str(bad))
    assert r.returncode == 2, r.stderr
    assert f"{bad}:2:" in r.stderr and "parameter[0].path" in r.stderr and "behavioural" in r.stderr
    assert f"{bad}:9:" in r.stderr and "parameter[1].high" in r.stderr and "1.5..20" in r.stderr
    assert "-R: an uncertain run needs at least 2 replications" in r.stderr
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_checkpoints_are_refused_with_uncertain(space, tmp_path):
    out = tmp_path / "u.h5"
    r = parksim("run", MINI, "-o", str(out), "-R", "2", "--uncertain", space,
                "--checkpoint-at", "2016-01", "--checkpoint", str(tmp_path / "c.ckpt"))
    assert r.returncode == 2 and "a checkpoint holds no per-replication parameters" in r.stderr, r.stderr
    assert not out.exists() and not (tmp_path / "c.ckpt").exists()


def test_a_drawn_key_also_set_is_refused(space, tmp_path):
    r = parksim("run", MINI, "-o", str(tmp_path / "u.h5"), "-R", "2", "--uncertain", space,
                "--set", "model.entry_rate_per_year=0.1")
    assert r.returncode == 2 and "also fixed by --set model.entry_rate_per_year=0.1" in r.stderr, r.stderr


def test_compare_uncertain_pairs_the_same_draws_in_both_arms(space, tmp_path):
    cmp, same, plain, run = (tmp_path / n for n in ("cmp.h5", "same.h5", "plain.h5", "run.h5"))
    # A variant that changes nothing: with the same draws and streams in both arms, every effect is 0.
    r = parksim("compare", MINI, "--variant-set", "model.floor_area_per_worker=300", "-R", "3",
                "--uncertain", space, "-o", str(same))
    assert r.returncode == 0, r.stderr
    assert "stochastic and parameter uncertainty (2 parameters, LHS, 3 draws), the same draws in both arms" in r.stdout
    with h5py.File(same, "r") as f:
        assert np.array_equal(f["base"][()], f["variant"][()])
    assert parksim("compare", MINI, "--variant-set", "programmes.grant.rate=60%", "-R", "3",
                   "--uncertain", space, "-o", str(cmp)).returncode == 0
    assert parksim("compare", MINI, "--variant-set", "programmes.grant.rate=60%", "-R", "3",
                   "-o", str(plain)).returncode == 0
    run_uncertain(space, run, "-R", "3")
    with h5py.File(cmp, "r") as c, h5py.File(plain, "r") as p, h5py.File(run, "r") as u:
        assert c.attrs["uncertainty"] == "stochastic and parameter uncertainty (2 parameters, LHS, 3 draws)"
        assert p.attrs["uncertainty"] == "stochastic only" and "uncertain" not in p
        # The draws are the run's (same space, seed and replications), and they change the base arm.
        assert np.array_equal(c["uncertain/value"][()], u["uncertain/value"][()])
        assert not np.array_equal(c["base"][()], p["base"][()])
        assert not np.array_equal(c["base"][()], c["variant"][()])


def test_an_output_naming_the_space_is_refused_and_the_space_kept(space, tmp_path):
    r = parksim("run", MINI, "-o", space, "-R", "2", "--uncertain", space)
    assert r.returncode == 1 and "is also an input" in r.stderr, r.stderr
    assert open(space).read() == SPACE
    r = parksim("compare", MINI, "--variant-set", "programmes.grant.rate=60%", "-R", "2",
                "--uncertain", space, "-o", space)
    assert r.returncode == 1 and "is also an input" in r.stderr, r.stderr
    assert open(space).read() == SPACE
