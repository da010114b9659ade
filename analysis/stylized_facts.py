#!/usr/bin/python3
"""Stylized facts of industrial dynamics measured on parksim's yearly firm snapshots.

Run:  /usr/bin/python3 analysis/stylized_facts.py RUN.h5 [--json OUT.json] [--markdown OUT.md]
                                                    [--size output|employees] [--first-year Y]

Facts and pass rules (references: ../shared/REFERENCES.md §1):
| fact | measure | pass when | source |
|---|---|---|---|
| power-law size tail | Hill estimator of the CCDF exponent zeta on the top 10% of alive firms | 0.8 <= zeta <= 1.6 | Axtell 2001 (zeta ~ 1); Heinrich & Dai 2016 (China 1.0-1.5) |
| tent-shaped growth | Subbotin shape b of annual log growth (gennorm fit), excess kurtosis | 0.5 <= b <= 1.5 and kurtosis > 1 | Stanley et al. 1996; Bottazzi & Secchi 2006 |
| volatility falls with size | slope beta of log sd(growth) on log size over size bins | 0 <= beta <= 0.35 | Amaral et al. 1997 (0.2); Duschl & Peng 2015 (China 0-0.2) |
| productivity dispersion | 90/10 ratio of alive firms' productivity relative to their sector-year mean | 2 <= ratio <= 9 | Hsieh & Klenow 2009 (China ~5); Syverson 2004 (US ~2) |
| productivity persistence | share of a sector's top quintile (relative productivity) still top quintile 5 years later; exits count as leaving | 0.15 <= share <= 0.6 | Syverson 2011 (~1/3) |
| young firms exit often | yearly exit hazard by age 1..8 | hazard at ages 2-5 within 2%-20%; every age 1-8 within SAIC's 1.6%-9.5% | SAIC 2013 survival report |

Snapshot layout (group `snapshots`, one row per firm per December): replication, year, id, zone,
sector, age (years), employees, output (1e8 CNY in the year), productivity, alive (0 = exited that
year, listed once).
"""
import argparse
import json
import sys

import h5py
import numpy as np
from scipy import stats

PASS_RULES = {
    "tail_exponent": (0.8, 1.6),
    "subbotin_b": (0.5, 1.5),
    "excess_kurtosis_min": 1.0,
    "size_variance_slope": (0.0, 0.35),
    "productivity_90_10": (2.0, 9.0),
    "top_quintile_persistence": (0.15, 0.6),
    "exit_hazard_age_2_5": (0.02, 0.20),
    # SAIC 2013: 1.6% at age 1, 6.3% at 2, 9.5% at 3, above 8% to age 7; every age 1-8 must lie
    # within the span of those figures.
    "exit_hazard_saic_band": (0.016, 0.095),
}


def load_snapshots(path):
    """Snapshot columns as numpy arrays (h5py is faster than xarray for flat tables)."""
    with h5py.File(path, "r") as f:
        g = f["snapshots"]
        return {name: g[name][:] for name in g.keys() if name != "firm"}


def hill_exponent(sizes, top_share=0.10):
    """Hill estimator of the CCDF tail exponent on the largest `top_share` of positive sizes."""
    s = np.sort(np.asarray(sizes, float)[np.asarray(sizes) > 0])[::-1]
    k = max(int(len(s) * top_share), 10)
    if len(s) <= k:
        return float("nan"), k
    logs = np.log(s[:k]) - np.log(s[k])
    return float(1.0 / logs.mean()), k


def ccdf_slope(sizes, top_share=0.10):
    """Least-squares slope of log CCDF on log size over the tail (a cross-check of Hill)."""
    s = np.sort(np.asarray(sizes, float)[np.asarray(sizes) > 0])[::-1]
    k = max(int(len(s) * top_share), 10)
    rank = np.arange(1, k + 1) / len(s)
    slope, _ = np.polyfit(np.log(s[:k]), np.log(rank), 1)
    return float(-slope)


def growth_rates(snap, size="output"):
    """Annual log growth of firms alive in consecutive snapshots, demeaned by year, with start size."""
    alive = snap["alive"] == 1
    key = snap["replication"].astype(np.int64) * 10**12 + snap["id"].astype(np.int64)
    rows = {}
    for k, y, s, a in zip(key, snap["year"], snap[size], alive):
        if a and s > 0:
            rows[(k, int(y))] = float(s)
    g, s0, years = [], [], []
    for (k, y), s in rows.items():
        nxt = rows.get((k, y + 1))
        if nxt is not None:
            g.append(np.log(nxt / s))
            s0.append(s)
            years.append(y)
    g, s0, years = np.array(g), np.array(s0), np.array(years)
    for y in np.unique(years):
        g[years == y] -= g[years == y].mean()
    return g, s0


def subbotin_shape(g):
    """Maximum-likelihood Subbotin (generalised normal) shape b: 1 = Laplace, 2 = Gaussian."""
    b, _, _ = stats.gennorm.fit(g)
    return float(b)


def size_variance_slope(g, s0, bins=8):
    """beta in sd(g) ~ size^-beta, from quantile bins of starting size."""
    edges = np.quantile(s0, np.linspace(0, 1, bins + 1))
    xs, ys = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (s0 >= lo) & (s0 <= hi)
        if m.sum() >= 10:
            xs.append(np.log(s0[m].mean()))
            ys.append(np.log(g[m].std()))
    slope, _ = np.polyfit(xs, ys, 1)
    return float(-slope)


def relative_productivity(snap):
    """Productivity over its sector-year mean: Syverson's dispersion and persistence figures are
    within industries, and pooling sectors whose levels differ would count sector identity as
    persistent productivity."""
    p = snap["productivity"].astype(float)
    sector = snap["sector"].astype(np.int64) if "sector" in snap else np.zeros(p.size, np.int64)
    key = snap["replication"].astype(np.int64) * 10**7 + snap["year"].astype(np.int64) * 10**3 + sector
    alive = snap["alive"] == 1
    _, inverse = np.unique(key, return_inverse=True)
    sums = np.bincount(inverse, weights=np.where(alive, p, 0.0))
    counts = np.bincount(inverse, weights=alive.astype(float))
    mean = sums / np.maximum(counts, 1.0)
    return p / np.where(mean[inverse] > 0, mean[inverse], 1.0)


def productivity_dispersion(snap):
    """90/10 ratio of productivity relative to its sector-year mean among alive firms."""
    p = relative_productivity(snap)[snap["alive"] == 1]
    q90, q10 = np.quantile(p, [0.9, 0.1])
    return float(q90 / q10)


def top_quintile_persistence(snap, horizon=5):
    """Share of firms in the top quintile of productivity within their sector (relative to the
    sector-year mean) in year y still there in year y+horizon; exits count as leaving."""
    years = np.unique(snap["year"])
    rel = relative_productivity(snap)
    shares = []
    for rep in np.unique(snap["replication"]):
        for y in years:
            if y + horizon not in years:
                continue
            a = (snap["replication"] == rep) & (snap["year"] == y) & (snap["alive"] == 1)
            b = (snap["replication"] == rep) & (snap["year"] == y + horizon) & (snap["alive"] == 1)
            if a.sum() < 20 or b.sum() < 20:
                continue
            top_a = set(snap["id"][a][rel[a] >= np.quantile(rel[a], 0.8)])
            top_b = set(snap["id"][b][rel[b] >= np.quantile(rel[b], 0.8)])
            survivors = top_a & set(snap["id"][b])
            if survivors:
                shares.append(len(survivors & top_b) / len(top_a))
    return float(np.mean(shares)) if shares else float("nan")


def exit_hazard_by_age(snap, max_age=8):
    """Exits during a year over firms alive at its start, by whole years of age at the start."""
    out = {}
    rep, year, fid, age, alive = snap["replication"], snap["year"], snap["id"], snap["age"], snap["alive"]
    start = {}
    for r, y, i, a, al in zip(rep, year, fid, age, alive):
        if al:
            start[(int(r), int(y) + 1, int(i))] = int(np.floor(a))
    exited = {(int(r), int(y), int(i)) for r, y, i, al in zip(rep, year, fid, alive) if not al}
    for a in range(1, max_age + 1):
        at_risk = [k for k, v in start.items() if v == a]
        if at_risk:
            out[a] = sum(1 for k in at_risk if k in exited) / len(at_risk)
    return out


def measure(snap, size="output", first_year=None):
    if first_year is not None:
        keep = snap["year"] >= first_year
        snap = {k: v[keep] for k, v in snap.items()}
    alive = snap["alive"] == 1
    last = snap["year"].max()
    final = alive & (snap["year"] == last)
    zeta, k = hill_exponent(snap[size][final])
    g, s0 = growth_rates(snap, size)
    hazards = exit_hazard_by_age(snap)
    mid = [hazards[a] for a in range(2, 6) if a in hazards]
    r = {
        "tail_exponent": zeta,
        "tail_k": k,
        "tail_exponent_ccdf_fit": ccdf_slope(snap[size][final]),
        "subbotin_b": subbotin_shape(g) if len(g) > 50 else float("nan"),
        "excess_kurtosis": float(stats.kurtosis(g)) if len(g) > 50 else float("nan"),
        "growth_observations": int(len(g)),
        "size_variance_slope": size_variance_slope(g, s0) if len(g) > 100 else float("nan"),
        "productivity_90_10": productivity_dispersion(snap),
        "top_quintile_persistence": top_quintile_persistence(snap),
        "exit_hazard_by_age": hazards,
        "exit_hazard_age_2_5": float(np.mean(mid)) if mid else float("nan"),
    }
    r["pass"] = judge(r)
    return r


def within(x, lo_hi):
    return bool(np.isfinite(x) and lo_hi[0] <= x <= lo_hi[1])


def judge(r):
    return {
        "tail_exponent": within(r["tail_exponent"], PASS_RULES["tail_exponent"]),
        "growth_shape": within(r["subbotin_b"], PASS_RULES["subbotin_b"])
        and r["excess_kurtosis"] > PASS_RULES["excess_kurtosis_min"],
        "size_variance_slope": within(r["size_variance_slope"], PASS_RULES["size_variance_slope"]),
        "productivity_90_10": within(r["productivity_90_10"], PASS_RULES["productivity_90_10"]),
        "top_quintile_persistence": within(r["top_quintile_persistence"], PASS_RULES["top_quintile_persistence"]),
        "exit_hazard": within(r["exit_hazard_age_2_5"], PASS_RULES["exit_hazard_age_2_5"]),
        "exit_hazard_saic_band": bool(r["exit_hazard_by_age"])
        and all(within(h, PASS_RULES["exit_hazard_saic_band"]) for h in r["exit_hazard_by_age"].values()),
    }


def markdown(r):
    p = r["pass"]
    yes = lambda b: "pass" if b else "FAIL"
    lines = [
        "| fact | measured | reference | result |",
        "|---|---|---|---|",
        f"| size tail exponent zeta (Hill, top {r['tail_k']}) | {r['tail_exponent']:.2f} (CCDF fit {r['tail_exponent_ccdf_fit']:.2f}) | 0.8-1.6 | {yes(p['tail_exponent'])} |",
        f"| growth shape: Subbotin b / excess kurtosis (n={r['growth_observations']}) | {r['subbotin_b']:.2f} / {r['excess_kurtosis']:.1f} | b 0.5-1.5, kurtosis > 1 | {yes(p['growth_shape'])} |",
        f"| size-variance slope beta | {r['size_variance_slope']:.2f} | 0-0.35 | {yes(p['size_variance_slope'])} |",
        f"| productivity 90/10 | {r['productivity_90_10']:.2f} | 2-9 (China ~5) | {yes(p['productivity_90_10'])} |",
        f"| top-quintile persistence (5 y) | {r['top_quintile_persistence']:.2f} | 0.15-0.6 (~1/3) | {yes(p['top_quintile_persistence'])} |",
        f"| exit hazard, ages 2-5 | {100 * r['exit_hazard_age_2_5']:.1f}% | 2%-20% (China 6-10%) | {yes(p['exit_hazard'])} |",
        f"| exit hazard at every age 1-8 | {100 * min(r['exit_hazard_by_age'].values(), default=float('nan')):.1f}%-{100 * max(r['exit_hazard_by_age'].values(), default=float('nan')):.1f}% | 1.6%-9.5% (SAIC) | {yes(p['exit_hazard_saic_band'])} |",
        "",
        "Exit hazard by age: " + ", ".join(f"{a}: {100 * h:.1f}%" for a, h in r["exit_hazard_by_age"].items()),
    ]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("run")
    ap.add_argument("--json")
    ap.add_argument("--markdown")
    ap.add_argument("--size", choices=["output", "employees"], default="output")
    ap.add_argument("--first-year", type=int, help="ignore snapshots before this year (burn-in)")
    a = ap.parse_args(argv)
    r = measure(load_snapshots(a.run), a.size, a.first_year)
    md = markdown(r)
    print(md)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=2, default=float)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(md + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
