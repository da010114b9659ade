"""The sweep page of the report: metric ranges, Sobol indices or Morris screening, scatter plots,
failed runs, provenance."""
import h5py
import numpy as np

from . import figures, sensitivity
from .html_parts import png, provenance, table, tag, text


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


def _no_variance(unit, column, k):
    """The metric takes one value on the base points A and B of a Saltelli design: V = 0, so the
    indices are undefined (parksim analyze writes 0 for them, which would read as "no effect")."""
    rows = unit.shape[0] // (k + 2)
    ab = column.reshape(rows, k + 2)[:, [0, k + 1]]
    return is_constant(ab.ravel())


def _number(v):
    return f"{v:.3f}" if np.isfinite(v) else "n/a"


def _indices(path, method, metric, params):
    """parksim analyze's indices of one metric, or the sentence saying why there are none."""
    try:
        ix = sensitivity.analyze(path, method, metric)
    except sensitivity.AnalyzeError as e:
        return None, tag("p", f"parksim analyze {method} gave no indices for {metric}: {e}")
    if len(ix["parameter"]) != len(params):
        return None, tag("p", f"parksim analyze {method} gave {len(ix['parameter'])} indices for the sweep's "
                              f"{len(params)} parameters: not shown")
    return ix, None


def sobol_section(path, params, metric, unit, column):
    """Sobol bars and table of one metric, or a sentence when the indices are not defined."""
    k = len(params)
    heading = tag("h2", f"Sobol indices: {metric}")
    if unit.shape[0] % (k + 2):
        return [heading, tag("p", f"{unit.shape[0]} points are not a Saltelli design of {k} parameters: no indices")]
    if is_constant(column):
        return [heading, tag("p", f"{metric} = {column[0]:.4g} at every point, constant over the design: no indices")]
    if _no_variance(unit, column, k):
        return [heading, tag("p", f"{metric} does not vary over the base points A and B: no indices")]
    ix, why = _indices(path, "sobol", metric, params)
    if ix is None:
        return [heading, why]
    s1, st, s1c, stc = ix["S1"], ix["ST"], ix["S1_conf"], ix["ST_conf"]
    title = f"Sobol indices of {metric} (95% bootstrap intervals)"
    return [heading, png(figures.fig_sobol(params, s1, st, s1c, stc, title=title), title),
            table(["parameter", "S1", "±", "ST", "±"],
                  [(p, _number(a), _number(c), _number(b), _number(d)) for p, a, b, c, d in zip(params, s1, st, s1c, stc)],
                  numeric=(1, 2, 3, 4))]


def morris_section(path, params, metric, unit, column):
    """Morris μ*–σ plot and table of one metric."""
    heading = tag("h2", f"Morris screening: {metric}")
    ix, why = _indices(path, "morris", metric, params)
    if ix is None:
        return [heading, why]
    title = f"Morris μ*–σ of {metric}"
    cols = [ix[c] for c in sensitivity.COLUMNS["morris"]]
    return [heading, png(figures.fig_morris(params, ix["mu_star"], ix["sigma"], title=title), title),
            table(["parameter", "μ", "μ*", "σ", "μ* ±"],
                  [(p, *(f"{v:.4g}" for v in row)) for p, *row in zip(params, *cols)], numeric=(1, 2, 3, 4))]


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
            body += section(path, params, m, unit, per_point[:, j])
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
