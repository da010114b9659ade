"""The estimators recover known properties of synthetic firm populations."""

import h5py
import numpy as np
import pytest

from analysis import stylized_facts as sf


def write_snapshots(path, cols):
    with h5py.File(path, "w") as f:
        g = f.create_group("snapshots")
        for k, v in cols.items():
            g[k] = v


def panel(sizes_by_year, productivity=None, alive=None, age=None):
    """Columns for one replication: sizes_by_year[t][i] is firm i's size in year 2015+t."""
    T, n = sizes_by_year.shape
    cols = {
        "replication": np.zeros(T * n, np.int32),
        "year": np.repeat(np.arange(2015, 2015 + T), n).astype(np.int32),
        "id": np.tile(np.arange(n), T).astype(np.int64),
        "output": sizes_by_year.ravel(),
        "employees": np.ones(T * n, np.int32),
        "productivity": (productivity if productivity is not None else np.ones((T, n))).ravel(),
        "alive": (alive if alive is not None else np.ones((T, n), np.uint8)).ravel(),
        "age": (age if age is not None else np.tile(np.arange(T)[:, None] + 3.0, (1, n))).ravel(),
    }
    return cols


def test_hill_recovers_pareto_exponent():
    rng = np.random.default_rng(1)
    s = rng.pareto(1.2, 200000) + 1.0
    zeta, k = sf.hill_exponent(s, 0.05)
    assert abs(zeta - 1.2) < 0.15
    assert abs(sf.ccdf_slope(s, 0.05) - 1.2) < 0.2


def test_laplace_growth_is_tent_shaped_and_gaussian_is_not():
    rng = np.random.default_rng(2)
    n, T = 4000, 4
    for draw, lo, hi, kurt in [(lambda size: rng.laplace(0, 0.2, size), 0.7, 1.3, 1.5),
                               (lambda size: rng.normal(0, 0.2, size), 1.6, 2.4, None)]:
        logs = np.cumsum(np.vstack([np.zeros(n), draw((T - 1, n))]), axis=0) + 3.0
        g, s0 = sf.growth_rates(panel(np.exp(logs)))
        assert lo <= sf.subbotin_shape(g) <= hi
        if kurt:
            assert sf.stats.kurtosis(g) > kurt


def test_size_variance_slope_is_recovered():
    rng = np.random.default_rng(3)
    n = 30000
    s0 = np.exp(rng.uniform(0, 8, n))
    g = rng.normal(0, 1, n) * 0.5 * s0 ** -0.2
    assert abs(sf.size_variance_slope(g, s0) - 0.2) < 0.07


def test_productivity_90_10_of_a_lognormal():
    rng = np.random.default_rng(4)
    sd = 0.6
    p = np.exp(rng.normal(0, sd, (1, 100000)))
    cols = panel(np.ones((1, 100000)), productivity=p)
    expected = np.exp(2 * 1.2815515655 * sd)
    assert abs(sf.productivity_dispersion(cols) - expected) / expected < 0.03


def test_productivity_facts_are_within_sectors():
    # Two sectors whose levels differ tenfold, the same lognormal spread inside each: pooled, the
    # 90/10 ratio would be about 10 and the top quintile would be sector 1 for ever; within
    # sectors the ratio is the lognormal's and ranks reshuffled every year do not persist.
    rng = np.random.default_rng(6)
    sd, n, T = 0.4, 20000, 6
    p = np.exp(rng.normal(0, sd, (T, n)))
    sector = np.tile((np.arange(n) % 2).astype(np.int32), T)
    p = p * np.where(np.arange(n) % 2 == 1, 10.0, 1.0)
    cols = panel(np.ones((T, n)), productivity=p)
    cols["sector"] = sector
    expected = np.exp(2 * 1.2815515655 * sd)
    assert abs(sf.productivity_dispersion(cols) - expected) / expected < 0.03
    assert sf.top_quintile_persistence(cols) == pytest.approx(0.2, abs=0.02)


def test_exit_hazard_by_age_on_a_deterministic_panel():
    # 100 firms aged 2 at the end of 2015; 10 exit in 2016, 20 of the remaining 90 in 2017.
    n, T = 100, 3
    alive = np.ones((T, n), np.uint8)
    alive[1, :10] = 0
    alive[2, 10:30] = 0
    age = np.tile(np.arange(T)[:, None] + 2.0, (1, n))
    cols = panel(np.ones((T, n)), alive=alive, age=age)
    # Rows after an exit must not appear: drop them as the simulator does.
    keep = np.ones(T * n, bool)
    keep[2 * n:2 * n + 10] = False
    cols = {k: v[keep] for k, v in cols.items()}
    h = sf.exit_hazard_by_age(cols)
    assert h[2] == pytest.approx(0.10)
    assert h[3] == pytest.approx(20 / 90)


def test_command_line_on_a_file(tmp_path, capsys):
    rng = np.random.default_rng(5)
    n, T = 3000, 7
    logs = np.cumsum(np.vstack([np.log(rng.pareto(1.1, n) + 1), rng.laplace(0, 0.15, (T - 1, n))]), axis=0)
    prod = np.exp(rng.normal(0, 0.5, (T, n)))
    path = tmp_path / "run.h5"
    write_snapshots(path, panel(np.exp(logs), productivity=prod))
    out = tmp_path / "facts.json"
    assert sf.main([str(path), "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "size tail exponent" in text
    assert out.exists()


def test_saic_band_needs_every_age_inside():
    base = {"tail_exponent": 1.0, "subbotin_b": 1.0, "excess_kurtosis": 3.0, "size_variance_slope": 0.2,
            "productivity_90_10": 3.0, "top_quintile_persistence": 0.3, "exit_hazard_age_2_5": 0.05}
    inside = dict(base, exit_hazard_by_age={1: 0.02, 2: 0.06, 3: 0.09})
    assert sf.judge(inside)["exit_hazard_saic_band"]
    too_low = dict(base, exit_hazard_by_age={1: 0.002, 2: 0.06, 3: 0.09})
    assert not sf.judge(too_low)["exit_hazard_saic_band"]
    assert not sf.judge(dict(base, exit_hazard_by_age={}))["exit_hazard_saic_band"]
