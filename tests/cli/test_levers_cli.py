"""parksim levers end to end: LEVERS.h5 written and read back with h5py, and its arguments checked.

Run by CTest with the other CLI tests: PARKSIM=build/parksim SOURCE=<repo> pytest -q tests/cli
"""
import os
import subprocess

import h5py
import numpy as np

PARKSIM = os.path.abspath(os.environ.get("PARKSIM", "build/parksim"))
SOURCE = os.path.abspath(os.environ.get("SOURCE", "."))
MINI = os.path.join(SOURCE, "tests", "data", "mini.toml")
MINI_PROGRAMMES = ["grant", "retrofit", "line", "pool", "housing", "fund"]


def parksim(*args, timeout=120):
    return subprocess.run([PARKSIM, *args], capture_output=True, text=True, timeout=timeout)


def test_levers_writes_a_file_with_one_row_per_programme(tmp_path):
    out = str(tmp_path / "levers.h5")
    r = parksim("levers", MINI, "-R", "3", "-t", "1", "--year", "2016", "--seed", "11",
                "--set", "programmes.housing.units_per_year=0", "-o", out)
    assert r.returncode == 0, r.stderr
    assert f"wrote {out}" in r.stdout
    for p in MINI_PROGRAMMES:
        assert p in r.stdout
    with h5py.File(out, "r") as f:
        labels = [p.decode() if isinstance(p, bytes) else p for p in f["programme"][:]]
        assert labels == MINI_PROGRAMMES
        assert f.attrs["year"] == 2016 and f.attrs["seed"] == 11 and f.attrs["replications"] == 3
        assert "units_per_year = 0" in f.attrs["scenario"]  # the resolved base scenario
        assert "programmes.housing.units_per_year=0" in f.attrs["command_line"]
        assert list(f["switched_off_by"].asstr()[:]) == [f"programmes.{p}.enabled=false" for p in MINI_PROGRAMMES]
        assert f["cost"].attrs["units"] == "1e8 CNY"
        assert f["cost_by_replication"].shape == (3, 6)
        for name in ("sign_flag", "no_effect_flag", "cost_per_output_defined", "direction"):
            assert f[name].shape == (6,)
        outcomes = f.attrs["outcomes"].split(",")
        assert outcomes[0] == "output" and outcomes[-1] == "cumulative_output"
        assert f["output/effect"].attrs["units"] == "1e8 CNY/year"
        assert f["cumulative_output/effect"].attrs["units"] == "1e8 CNY"
        # Every target decision names a group of the file, with its effects per programme.
        targets = [t.decode() if isinstance(t, bytes) else t for t in f["target"][:]]
        assert targets[0] == "first_units" and targets[5] == "vc_invested"
        for t in targets:
            g = f[t]
            assert g["effect"].shape == (6,) and g["without"].shape == (3, 6) and g["with"].shape == (3,)
            assert g["effect"].attrs["units"] not in ("", "metric unit")
        # The effect is the mean paired difference of the stored runs, inside its interval.
        g = f["cumulative_output"]
        d = g["with"][:][:, None] - g["without"][:]
        assert np.allclose(g["effect"][:], d.mean(axis=0))
        assert np.all(g["effect_low"][:] <= g["effect"][:]) and np.all(g["effect"][:] <= g["effect_high"][:])
        # Undefined cost per output is NaN, never a number that could be read as a price.
        cpo, defined = f["cost_per_output"][:], f["cost_per_output_defined"][:]
        assert np.all(np.isnan(cpo[defined == 0])) and np.all(np.isfinite(cpo[defined == 1]))


def test_levers_refuses_a_year_outside_the_horizon_and_too_few_replications(tmp_path):
    out = str(tmp_path / "levers.h5")
    r = parksim("levers", MINI, "-R", "2", "--year", "2030", "-o", out)
    assert r.returncode == 2 and "2030" in r.stderr, r.stderr
    r = parksim("levers", MINI, "-R", "1", "-o", out)
    assert r.returncode == 2, r.stderr
    assert not os.path.exists(out)


def test_levers_output_naming_its_scenario_is_refused(tmp_path):
    scenario = tmp_path / "s.toml"
    scenario.write_bytes(open(MINI, "rb").read())
    before = scenario.read_bytes()
    r = parksim("levers", str(scenario), "-R", "2", "-o", str(scenario))
    assert r.returncode == 1 and "also an input" in r.stderr, r.stderr
    assert scenario.read_bytes() == before
