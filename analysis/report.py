#!/usr/bin/python3
"""One self-contained HTML page for a parksim file: a run, a comparison or a sweep.

Usage: /usr/bin/python3 analysis/report.py FILE.h5 -o report.html
(`parksim report FILE.h5 -o report.html` calls this.) Figures are embedded as PNG data, styles are
inline, nothing is fetched from the network. The HDF5 file stays the source of truth; the page shows
what it holds: scenario summary, scorecard, key figures, provenance.
"""
import argparse
import base64
import html
import io
import os
import sys
import tomllib

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import figures  # noqa: E402

STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; margin: 2em auto; max-width: 1300px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: .85em; margin: .5em 0; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #176f2c; font-weight: bold; } .no { color: #b0261b; font-weight: bold; }
img { max-width: 100%; display: block; margin: .5em 0 1.5em 0; } .small { color: #666; font-size: .85em; }
pre { background: #f7f7f7; padding: .6em; font-size: .75em; max-height: 20em; overflow: auto; }
"""


def png(fig):
    """A figure as an embedded <img>."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    figures.plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{data}">'


def text(v):
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return str(v)


def table(header, rows, numeric=()):
    out = ["<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"]
    for r in rows:
        cells = []
        for k, v in enumerate(r):
            cls = ' class="num"' if k in numeric else ""
            cells.append(f"<td{cls}>{v if str(v).startswith('<span') else html.escape(str(v))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out) + "</table>"


def provenance(attrs, keys):
    rows = [(k, text(attrs[k])) for k in keys if k in attrs]
    return "<h2>Provenance 来源</h2>" + table(["attribute", "value"], rows)


def scenario_summary(resolved):
    """Zones, sectors, programmes and events of a resolved scenario text."""
    try:
        sc = tomllib.loads(resolved)
    except tomllib.TOMLDecodeError:
        return "<p>(scenario text not readable)</p>"
    info = sc.get("scenario", {})
    parts = [f"<p><b>{html.escape(str(info.get('title', info.get('name', ''))))}</b><br>"
             f"{html.escape(str(info.get('description', '')))}<br>"
             f"<span class='small'>source: {html.escape(str(info.get('source', '')))}; "
             f"{html.escape(str(info.get('start', '')))} .. {html.escape(str(info.get('end', '')))}</span></p>"]
    zones = sc.get("zones", {})
    parts.append(table(["zone", "label", "area", "sectors at the start"],
                       [(z, v.get("label", ""), v.get("area", ""), ", ".join(v.get("sector_output", {}).keys()))
                        for z, v in zones.items()]))
    progs = sc.get("programmes", {})
    if progs:
        parts.append(table(["programme", "kind", "label", "from", "to", "enabled"],
                           [(p, v.get("kind", ""), v.get("label", ""), v.get("from", ""), v.get("to", ""),
                             v.get("enabled", True)) for p, v in progs.items()]))
    events = sc.get("events", {})
    if events:
        parts.append(table(["event", "kind", "label"], [(e, v.get("kind", ""), v.get("label", "")) for e, v in events.items()]))
    return "\n".join(parts)


def run_page(path):
    ds, card = figures.open_run(path)
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
    title = text(attrs.get("title", "parksim run"))
    body = [f"<h1>{html.escape(title)}</h1>",
            f"<p class='small'>{html.escape(os.path.basename(path))}: a run of {ds.sizes['replication']} "
            f"replications, {ds.sizes['time']} months, {ds.sizes['zone']} zones, {ds.sizes['sector']} sectors</p>",
            "<h2>Scenario 情景</h2>", scenario_summary(text(attrs.get("scenario", "")))]
    if card.sizes.get("target", 0):
        rows = []
        for k in range(card.sizes["target"]):
            p = float(card["probability"].values[k])
            where = "" if text(card["zone"].values[k]) == "all" else " @" + text(card["zone"].values[k])
            where += "" if text(card["sector"].values[k]) == "all" else " [" + text(card["sector"].values[k]) + "]"
            mark = f"<span class='{'ok' if p >= 0.5 else 'no'}'>{100 * p:.0f}%</span>"
            rows.append((text(card["label"].values[k]) or text(card["metric"].values[k]),
                         text(card["metric"].values[k]) + where, int(card["year"].values[k]),
                         f"{text(card['sense'].values[k])} {float(card['target_value'].values[k]):g}",
                         f"{float(card['median'].values[k]):.4g}",
                         f"[{float(card['q05'].values[k]):.4g}, {float(card['q95'].values[k]):.4g}]", mark))
        body += ["<h2>Scorecard 目标评估</h2>",
                 table(["target", "metric", "year", "target value", "median", "90% interval", "P(reach)"], rows,
                       numeric=(2, 4, 5))]
    body += ["<h2>Trajectories 发展轨迹</h2>", png(figures.fig_trajectories(ds, card)),
             "<h2>Zones 园区</h2>", png(figures.fig_zones(ds)),
             "<h2>Cluster growth 产业集群</h2>", png(figures.fig_cluster_growth(ds)),
             "<h2>Policy cost 政策成本</h2>", png(figures.fig_policy_cost(ds))]
    with h5py.File(path, "r") as f:
        has_snapshots = "snapshots" in f and f["snapshots"]["year"].shape[0] > 0
    if has_snapshots:
        body += ["<h2>Stylized facts 典型事实</h2>", png(figures.fig_stylized_facts(path))]
    body.append(provenance(attrs, ["scenario_name", "scenario_path", "seed", "replications", "threads",
                                   "parksim_version", "git_commit", "command_line", "start_time", "end_time"]))
    body.append("<details><summary>Resolved scenario</summary><pre>" + html.escape(text(attrs.get("scenario", "")))
                + "</pre></details>")
    return title, body


def compare_page(path):
    import xarray as xr
    ds = xr.open_dataset(path, engine="h5netcdf")
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
    base = tomllib.loads(text(attrs["base_scenario"])).get("scenario", {}).get("name", "base")
    title = f"Comparison 对比: variant vs {base}"
    metrics = [text(m) for m in ds["metric"].values]
    last = int(ds["year"].values[-1])
    rows = []
    for k, m in enumerate(metrics):
        e = ds.sel(year=last).isel(metric=k)
        rows.append((m, last, f"{float(e['effect']):+.4g}", f"[{float(e['effect_low']):+.4g}, {float(e['effect_high']):+.4g}]",
                     f"{float(e['variance_reduction']):.3g}"))
    body = [f"<h1>{html.escape(title)}</h1>",
            f"<p class='small'>{ds.sizes['replication']} paired replications with common random numbers, seed "
            f"{text(attrs.get('seed', ''))}</p>",
            "<h2>Effects in the last year 末年效果</h2>",
            table(["metric", "year", "effect", "95% interval", "variance reduction vs independent seeds"], rows,
                  numeric=(1, 2, 3, 4)),
            "<h2>Effects by year 逐年效果</h2>", png(figures.fig_comparison(path)),
            "<h2>Cost per unit of effect 单位效果成本</h2>", png(figures.fig_cost_per_effect(path)),
            "<h2>Base scenario</h2>", scenario_summary(text(attrs["base_scenario"])),
            "<h2>Variant scenario</h2>", scenario_summary(text(attrs["variant_scenario"])),
            provenance(attrs, ["base_path", "variant_path", "seed", "replications", "command_line", "parksim_version",
                               "git_commit"])]
    return title, body


def sweep_page(path):
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
        params = [text(p) for p in f["parameter"][:]]
        metrics = [text(m) for m in f["metric"][:]]
        values, status, run_point = f["values"][:], f["status"][:], f["run_point"][:]
        unit = f["unit"][:]
        failures = [(int(p), int(r), text(m)) for p, r, m in
                    zip(f["failures/point"][:], f["failures/replication"][:], f["failures/message"][:])]
    method = text(attrs.get("method", ""))
    points = unit.shape[0]
    per_point = np.full((points, len(metrics)), np.nan)
    for p in range(points):
        rows = (run_point == p) & (status == 0)
        if rows.any():
            per_point[p] = values[rows].mean(axis=0)
    title = f"Sweep 参数扫描: {method} design, {points} points"
    body = [f"<h1>{html.escape(title)}</h1>",
            f"<p class='small'>{len(status)} runs ({int(attrs.get('replications', 1))} replications per point), "
            f"{int((status != 0).sum())} failed</p>",
            "<h2>Parameters 参数</h2>", table(["parameter"], [(p,) for p in params]),
            "<h2>Metrics 指标</h2>",
            table(["metric", "min", "median", "max"],
                  [(m, f"{np.nanmin(per_point[:, j]):.4g}", f"{np.nanmedian(per_point[:, j]):.4g}",
                    f"{np.nanmax(per_point[:, j]):.4g}") for j, m in enumerate(metrics)], numeric=(1, 2, 3))]
    ok = ~np.isnan(per_point).any(axis=1)
    if method == "sobol" and ok.all():
        for j, m in enumerate(metrics):
            s1, st, s1c, stc = figures.sobol_from_sweep(unit, per_point[:, j], len(params), bootstrap=100)
            body += [f"<h2>Sobol indices: {html.escape(m)}</h2>",
                     png(figures.fig_sobol(params, s1, st, s1c, stc, title=f"Sobol indices of {m} (95% bootstrap intervals)")),
                     table(["parameter", "S1", "±", "ST", "±"],
                           [(p, f"{a:.3f}", f"{c:.3f}", f"{b:.3f}", f"{d:.3f}") for p, a, b, c, d in zip(params, s1, st, s1c, stc)],
                           numeric=(1, 2, 3, 4))]
    elif method == "morris" and ok.all():
        k = len(params)
        for j, m in enumerate(metrics):
            ee = [[] for _ in range(k)]
            for t in range(points // (k + 1)):
                for s in range(k):
                    p0, p1 = t * (k + 1) + s, t * (k + 1) + s + 1
                    moved = int(np.argmax(unit[p1] != unit[p0]))
                    ee[moved].append((per_point[p1, j] - per_point[p0, j]) / (unit[p1, moved] - unit[p0, moved]))
            mu_star = [float(np.mean(np.abs(e))) for e in ee]
            sigma = [float(np.std(e, ddof=1)) if len(e) > 1 else 0.0 for e in ee]
            body += [f"<h2>Morris screening: {html.escape(m)}</h2>",
                     png(figures.fig_morris(params, mu_star, sigma, title=f"Morris μ*–σ of {m}"))]
    body += ["<h2>Metrics against parameters 指标与参数</h2>",
             png(figures.fig_sweep_scatter(params, unit[ok], per_point[ok], metrics))]
    if failures:
        body += ["<h2>Failed runs 失败</h2>", table(["point", "replication", "error"], failures[:50])]
    body.append(provenance(attrs, ["scenario_path", "scenario_seed", "replications", "method", "n", "seed",
                                   "space_path", "parksim_version", "git_commit"]))
    return title, body


def kind_of(path):
    with h5py.File(path, "r") as f:
        if "variance_reduction" in f:
            return "compare"
        if "run_point" in f:
            return "sweep"
        if "scorecard" in f and "output" in f:
            return "run"
    raise SystemExit(f"{path}: not a parksim run, comparison or sweep file")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)
    cjk = figures.setup_fonts()
    kind = kind_of(a.file)
    title, body = {"run": run_page, "compare": compare_page, "sweep": sweep_page}[kind](a.file)
    note = "" if cjk else "<p class='no'>No CJK font installed (fonts-noto-cjk): Chinese labels may show as boxes.</p>"
    page = (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>\n{note}\n" + "\n".join(body) +
            "\n<p class='small'>Made by parksim report from " + html.escape(os.path.abspath(a.file)) + "</p></body></html>\n")
    tmp = a.output + ".partial"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, a.output)
    print(f"wrote {a.output} ({kind} report)")


if __name__ == "__main__":
    main()
