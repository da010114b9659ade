"""The sweep page of the report: metric ranges, Sobol indices or Morris screening, scatter plots,
failed runs, provenance."""
import h5py
import numpy as np

import figures
from html_parts import png, provenance, table, tag, text

BOOTSTRAP = 100  # resamples of the base points for the Sobol intervals


def read_sweep(path):
    """Names, design and per-point means (point x metric; NaN where no run of the point succeeded)."""
    with h5py.File(path, "r") as f:
        s = {"attrs": dict(f.attrs),
             "params": [text(p) for p in f["parameter"][:]],
             "metrics": [text(m) for m in f["metric"][:]],
             "values": f["values"][:], "status": f["status"][:], "run_point": f["run_point"][:],
             "unit": f["unit"][:],
             "failures": [(int(p), int(r), text(m)) for p, r, m in
                          zip(f["failures/point"][:], f["failures/replication"][:], f["failures/message"][:])]}
    points = s["unit"].shape[0]
    per_point = np.full((points, len(s["metrics"])), np.nan)
    for p in range(points):
        rows = (s["run_point"] == p) & (s["status"] == 0)
        if rows.any():
            per_point[p] = s["values"][rows].mean(axis=0)
    s["per_point"] = per_point
    return s


def _range(column):
    """min, median and max of a metric over the points that ran ('n/a' when none did)."""
    finite = column[np.isfinite(column)]
    if finite.size == 0:
        return ("n/a",) * 3
    return tuple(f"{v:.4g}" for v in (finite.min(), np.median(finite), finite.max()))


def is_constant(column):
    """The metric takes one value at every point (a Sobol index would divide by a zero variance)."""
    return bool(np.all(column == column[0]))


def sobol_section(params, metric, unit, column):
    """Sobol bars and table of one metric, or a sentence when the indices are not defined."""
    k = len(params)
    heading = tag("h2", f"Sobol indices: {metric}")
    if unit.shape[0] % (k + 2):
        return [heading, tag("p", f"{unit.shape[0]} points are not a Saltelli design of {k} parameters: no indices")]
    if is_constant(column):
        return [heading, tag("p", f"{metric} = {column[0]:.4g} at every point, constant over the design: no indices")]
    s1, st, s1c, stc = figures.sobol_from_sweep(unit, column, k, bootstrap=BOOTSTRAP)
    if not np.isfinite(s1).any():
        return [heading, tag("p", f"{metric} does not vary over the base points A and B: no indices")]
    title = f"Sobol indices of {metric} (95% bootstrap intervals)"

    def number(v):
        return f"{v:.3f}" if np.isfinite(v) else "n/a"
    return [heading, png(figures.fig_sobol(params, s1, st, s1c, stc, title=title), title),
            table(["parameter", "S1", "±", "ST", "±"],
                  [(p, number(a), number(c), number(b), number(d)) for p, a, b, c, d in zip(params, s1, st, s1c, stc)],
                  numeric=(1, 2, 3, 4))]


def morris_section(params, metric, unit, column):
    """Morris μ*–σ of one metric from the trajectories' elementary effects."""
    k = len(params)
    ee = [[] for _ in range(k)]
    for t in range(unit.shape[0] // (k + 1)):
        for s in range(k):
            p0, p1 = t * (k + 1) + s, t * (k + 1) + s + 1
            moved = int(np.argmax(unit[p1] != unit[p0]))
            step = unit[p1, moved] - unit[p0, moved]
            if step != 0:  # a step that moves nothing has no elementary effect
                ee[moved].append((column[p1] - column[p0]) / step)
    mu_star = [float(np.mean(np.abs(e))) if e else float("nan") for e in ee]
    sigma = [float(np.std(e, ddof=1)) if len(e) > 1 else 0.0 for e in ee]
    title = f"Morris μ*–σ of {metric}"
    return [tag("h2", f"Morris screening: {metric}"), png(figures.fig_morris(params, mu_star, sigma, title=title), title)]


def sweep_page(path):
    s = read_sweep(path)
    attrs, params, metrics, unit, per_point = s["attrs"], s["params"], s["metrics"], s["unit"], s["per_point"]
    method, status = text(attrs.get("method", "")), s["status"]
    title = f"Sweep 参数扫描: {method} design, {unit.shape[0]} points"
    body = [tag("h1", title),
            tag("p", f"{len(status)} runs ({text(attrs.get('replications', 1))} replications per point), "
                     f"{int((status != 0).sum())} failed", "small"),
            tag("h2", "Parameters 参数"), table(["parameter"], [(p,) for p in params]),
            tag("h2", "Metrics 指标"),
            table(["metric", "min", "median", "max"], [(m, *_range(per_point[:, j])) for j, m in enumerate(metrics)],
                  numeric=(1, 2, 3))]
    ok = ~np.isnan(per_point).any(axis=1)
    section = {"sobol": sobol_section, "morris": morris_section}.get(method)
    if section and ok.all() and params and unit.shape[0]:
        for j, m in enumerate(metrics):
            body += section(params, m, unit, per_point[:, j])
    elif section and not ok.all():  # the estimators need every point of the design
        body += [tag("h2", "Sensitivity indices"),
                 tag("p", f"{int((~ok).sum())} of {len(ok)} points have no successful run: no {method} indices")]
    if params and metrics:
        heading = "Metrics against parameters 指标与参数"
        body += [tag("h2", heading), png(figures.fig_sweep_scatter(params, unit[ok], per_point[ok], metrics), heading)]
    if s["failures"]:
        body += [tag("h2", "Failed runs 失败"), table(["point", "replication", "error"], s["failures"][:50])]
    body.append(provenance(attrs, ["scenario_path", "scenario_seed", "replications", "method", "n", "seed",
                                   "space_path", "parksim_version", "git_commit"]))
    return title, body
