#!/usr/bin/python3
"""One self-contained HTML page for a parksim file: a run, a comparison, a sweep or levers.

Usage: /usr/bin/python3 analysis/report.py FILE.h5 -o report.html
   or: /usr/bin/python3 -m analysis.report FILE.h5 -o report.html (from the folder above analysis/)
(`parksim report FILE.h5 -o report.html` calls this.) Figures are embedded as PNG data, styles are
inline, nothing is fetched from the network. The HDF5 file stays the source of truth; the page shows
what it holds: scenario summary, scorecard, key figures, provenance.

Exit status: 0 the page was written; 1 the input file cannot be reported (missing, not HDF5, damaged,
another schema) or the page cannot be written, with one line `error: PATH: what is wrong` on stderr;
2 the command line is wrong. PARKSIM_DEBUG=1 lets the exception through, with its traceback.
"""
import argparse
import os
import sys
import tempfile
import tomllib
import warnings

import h5py

if not __package__:
    # Run as a file (/usr/bin/python3 analysis/report.py, what `parksim report` does) rather than as
    # `python3 -m analysis.report`: import the package from the folder above, so that the imports
    # below are the package-relative ones either way.
    _folder = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.dirname(_folder))
    __package__ = os.path.basename(_folder)  # noqa: A001 ("analysis", or the name of a copy of it)

from . import figures, report_input, report_levers, report_sweep  # noqa: E402
from .html_parts import Markup, join, page, png, provenance, styled, table, tag, text  # noqa: E402
from .report_input import ReportError, terminal_safe  # noqa: E402

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2
BR = Markup("<br>")


def _mapping(value):
    return value if isinstance(value, dict) else {}


def _tables_of(sc, key):
    """(id, table) pairs of a scenario section; entries that are not tables are left out."""
    return [(k, v) for k, v in _mapping(sc.get(key)).items() if isinstance(v, dict)]


def scenario_summary(resolved):
    """Title, zones (with their starting sectors), programmes and events of a resolved scenario text."""
    try:
        sc = tomllib.loads(resolved)
    except tomllib.TOMLDecodeError:
        return tag("p", "(scenario text not readable)")
    info = _mapping(sc.get("scenario"))
    head = tag("p", join(tag("b", text(info.get("title", info.get("name", "")))), BR,
                         text(info.get("description", "")), BR,
                         tag("span", f"source: {text(info.get('source', ''))}; "
                                     f"{text(info.get('start', ''))} .. {text(info.get('end', ''))}", "small")))
    parts = [head, table(["zone", "label", "area", "sectors at the start"],
                         [(z, v.get("label", ""), v.get("area", ""),
                           ", ".join(map(str, _mapping(v.get("sector_output")))))
                          for z, v in _tables_of(sc, "zones")])]
    progs = _tables_of(sc, "programmes")
    if progs:
        parts.append(table(["programme", "kind", "label", "from", "to", "enabled"],
                           [(p, v.get("kind", ""), v.get("label", ""), v.get("from", ""), v.get("to", ""),
                             v.get("enabled", True)) for p, v in progs]))
    events = _tables_of(sc, "events")
    if events:
        parts.append(table(["event", "kind", "label"], [(e, v.get("kind", ""), v.get("label", "")) for e, v in events]))
    return join(*parts)


def reach_mark(p):
    """P(reach) as a percentage, green when at least one half, red otherwise (the report's own markup)."""
    return styled(f"{100 * p:.0f}%" if p == p else "n/a", "ok" if p >= 0.5 else "no")


def scorecard_rows(card):
    rows = []
    for k in range(card.sizes["target"]):
        zone, sector, metric = (text(card[n].values[k]) for n in ("zone", "sector", "metric"))
        where = ("" if zone == "all" else " @" + zone) + ("" if sector == "all" else " [" + sector + "]")
        rows.append((text(card["label"].values[k]) or metric, metric + where, int(card["year"].values[k]),
                     f"{text(card['sense'].values[k])} {float(card['target_value'].values[k]):g}",
                     f"{float(card['median'].values[k]):.4g}",
                     f"[{float(card['q05'].values[k]):.4g}, {float(card['q95'].values[k]):.4g}]",
                     reach_mark(float(card["probability"].values[k]))))
    return rows


def uncertainty_note(card, draws):
    """What the scorecard's intervals and P(reach) include (files from before the attribute were
    always stochastic only) and, for `run --uncertain`, the ranges the parameters were drawn in."""
    parts = [tag("p", "Intervals and P(reach): " + text(card.attrs.get("uncertainty", "stochastic only")), "small")]
    if draws:
        parts.append(table(["parameter", "unit", "distribution", "lowest draw", "highest draw"], draws,
                           numeric=(3, 4)))
    return join(*parts)


def uncertain_draws(f):
    """(name, unit, distribution, min, max) of each parameter of an uncertain run's draws."""
    if "uncertain" not in f:
        return []
    g = f["uncertain"]
    values = g["value"][()]
    return [(text(g["parameter_name"][j]), text(g["parameter_units"][j]), text(g["distribution"][j]),
             f"{values[:, j].min():.4g}", f"{values[:, j].max():.4g}") for j in range(values.shape[1])]


def run_page(path):
    ds, card = figures.open_run(path)
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
        has_snapshots = "snapshots" in f and f["snapshots"]["year"].shape[0] > 0
        draws = uncertain_draws(f)
    title = text(attrs.get("title", "parksim run"))
    body = [tag("h1", title),
            tag("p", f"{os.path.basename(path)}: a run of {ds.sizes['replication']} replications, "
                     f"{ds.sizes['time']} months, {ds.sizes['zone']} zones, {ds.sizes['sector']} sectors", "small"),
            tag("h2", "Scenario 情景"), scenario_summary(text(attrs.get("scenario", "")))]
    if card is not None and card.sizes.get("target", 0):
        body += [tag("h2", "Scorecard 目标评估"),
                 table(["target", "metric", "year", "target value", "median", "90% interval", "P(reach)"],
                       scorecard_rows(card), numeric=(2, 4, 5)),
                 uncertainty_note(card, draws)]
    for heading, fig in [("Trajectories 发展轨迹", lambda: figures.fig_trajectories(ds, card)),
                         ("Zones 园区", lambda: figures.fig_zones(ds)),
                         ("Cluster growth 产业集群", lambda: figures.fig_cluster_growth(ds)),
                         ("Policy cost 政策成本", lambda: figures.fig_policy_cost(ds))]:
        body += [tag("h2", heading), png(fig(), heading)]
    if has_snapshots:
        body += [tag("h2", "Stylized facts 典型事实"), png(figures.fig_stylized_facts(path), "Stylized facts")]
    body.append(provenance(attrs, ["scenario_name", "scenario_path", "seed", "replications", "threads",
                                   "parksim_version", "git_commit", "command_line", "start_time", "end_time"]))
    body.append(join(Markup("<details><summary>Resolved scenario</summary>"),
                     tag("pre", text(attrs.get("scenario", ""))), Markup("</details>")))
    return title, body


def compare_page(path):
    import xarray as xr
    ds = xr.open_dataset(path, engine="h5netcdf")
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
    try:
        base = tomllib.loads(text(attrs["base_scenario"])).get("scenario", {}).get("name", "base")
    except (tomllib.TOMLDecodeError, AttributeError):
        base = "base"
    title = f"Comparison 对比: variant vs {text(base)}"
    last = int(ds["year"].values[-1])
    rows = []
    for k, m in enumerate(text(m) for m in ds["metric"].values):
        e = ds.sel(year=last).isel(metric=k)
        rows.append((m, last, f"{float(e['effect']):+.4g}",
                     f"[{float(e['effect_low']):+.4g}, {float(e['effect_high']):+.4g}]",
                     f"{float(e['variance_reduction']):.3g}"))
    body = [tag("h1", title),
            tag("p", f"{ds.sizes['replication']} paired replications with common random numbers, seed "
                     f"{text(attrs.get('seed', ''))}; effects and intervals: "
                     f"{text(attrs.get('uncertainty', 'stochastic only'))}", "small"),
            tag("h2", "Effects in the last year 末年效果"),
            table(["metric", "year", "effect", "95% interval", "variance reduction vs independent seeds"], rows,
                  numeric=(1, 2, 3, 4)),
            tag("h2", "Effects by year 逐年效果"), png(figures.fig_comparison(path), "Effects by year"),
            tag("h2", "Cost per unit of effect 单位效果成本"),
            png(figures.fig_cost_per_effect(path), "Cost per unit of effect"),
            tag("h2", "Base scenario"), scenario_summary(text(attrs["base_scenario"])),
            tag("h2", "Variant scenario"), scenario_summary(text(attrs["variant_scenario"])),
            provenance(attrs, ["base_path", "variant_path", "seed", "replications", "command_line", "parksim_version",
                               "git_commit"])]
    return title, body


PAGES = {"run": run_page, "compare": compare_page, "sweep": report_sweep.sweep_page,
         "levers": report_levers.levers_page}


def make_report(path, output):
    """Write the page for `path` to `output`; returns the kind of file reported."""
    kind = report_input.kind_of(path)
    report_input.CHECKS[kind](path)
    cjk = figures.setup_fonts()
    title, body = PAGES[kind](path)
    note = None if cjk else tag("p", "No CJK font installed (fonts-noto-cjk): Chinese labels may show as boxes.", "no")
    html_text = page(title, body, note, os.path.abspath(path))
    # A temporary unique to this process in the output's directory, as parksim's own writers do:
    # two reports to one path never share a half-written file.
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=os.path.basename(output) + ".", suffix=".partial",
                                   dir=os.path.dirname(os.path.abspath(output)))
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html_text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    except OSError as e:
        if tmp and os.path.exists(tmp):
            os.remove(tmp)
        raise ReportError(output, f"cannot write the page ({e.strerror or e})") from e
    return kind


def fail(path, what):
    print(f"error: {terminal_safe(path)}: {terminal_safe(what)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def report_quietly(path, output):
    """make_report with every failure turned into one line on stderr: (exit status, kind or None)."""
    try:
        # Warnings are held back so that a failure prints its one line only; a success shows them after.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            kind = make_report(path, output)
    except ReportError as e:
        return fail(e.path, e.what), None
    except (OSError, KeyError, ValueError, TypeError, IndexError, AttributeError, ArithmeticError,
            StopIteration) as e:
        # h5py raises OSError (damaged), KeyError (missing object), ValueError/TypeError (wrong type or
        # shape); numpy, xarray and matplotlib raise the others on content they cannot read or draw.
        return fail(path, report_input.describe(e)), None
    except Exception as e:  # a bug of the report rather than of the file; still one line
        return fail(path, f"the report failed ({type(e).__name__}: {e}); PARKSIM_DEBUG=1 shows where"), None
    for message in dict.fromkeys(str(w.message) for w in caught):
        print(f"warning: {terminal_safe(message)}", file=sys.stderr)
    return EXIT_OK, kind


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)  # exits with EXIT_USAGE (2) on a wrong command line
    if os.environ.get("PARKSIM_DEBUG") == "1":  # for developers: the exception and its traceback
        status, kind = EXIT_OK, make_report(a.file, a.output)
    else:
        status, kind = report_quietly(a.file, a.output)
    if status == EXIT_OK:
        print(f"wrote {terminal_safe(a.output)} ({kind} report)")
    return status


if __name__ == "__main__":
    sys.exit(main())
