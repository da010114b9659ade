"""The levers page of the report: one row per programme switched off alone (`parksim levers`), with
the effect on output, on the programme's own target decision, its cost and cost per extra 亿元, the
flags, and a forest plot of the output effects."""
import h5py
import numpy as np

from . import figures
from .html_parts import png, provenance, table, tag, text


def _cell(effect, low, high, base):
    """'+1.2% [+0.3, +2.1]' relative to the mean with the programme, or absolute when that is 0."""
    if not np.isfinite(effect):
        return "n/a"
    if base:
        return f"{100 * effect / base:+.1f}% [{100 * low / base:+.1f}, {100 * high / base:+.1f}]"
    return f"{effect:+.3g} [{low:+.3g}, {high:+.3g}]"


def _effects(f, group, p):
    g = f[group]
    return (float(g["effect"][p]), float(g["effect_low"][p]), float(g["effect_high"][p]),
            float(np.mean(g["with"][:])))


def read_rows(path):
    """(header, rows) of the levers table: one row per programme."""
    header = ["programme", "kind", "output", "cumulative output", "target decision", "target effect",
              "cost 亿元", "cost per extra 亿元", "flags"]
    rows = []
    with h5py.File(path, "r") as f:
        programmes = list(f["programme"].asstr()[:])
        kinds, targets = list(f["kind"].asstr()[:]), list(f["target"].asstr()[:])
        for p, name in enumerate(programmes):
            cpo = float(f["cost_per_output"][p])
            cost_per = ("undefined" if not f["cost_per_output_defined"][p] else
                        f"{cpo:.3g} [{float(f['cost_per_output_low'][p]):.3g}, "
                        f"{float(f['cost_per_output_high'][p]):.3g}]")
            flags = [n for n, v in (("SIGN", f["sign_flag"][p]), ("NO EFFECT", f["no_effect_flag"][p])) if v]
            rows.append((name, kinds[p], _cell(*_effects(f, "output", p)),
                         _cell(*_effects(f, "cumulative_output", p)),
                         f"{'raise' if f['direction'][p] > 0 else 'lower'} {targets[p]}",
                         _cell(*_effects(f, targets[p], p)), f"{float(f['cost'][p]):.3g}", cost_per,
                         ", ".join(flags)))
    return header, rows


def levers_page(path):
    with h5py.File(path, "r") as f:
        attrs = dict(f.attrs)
    header, rows = read_rows(path)
    title = f"Levers 政策杠杆: {text(attrs.get('scenario_name', ''))}"
    body = [tag("h1", title),
            tag("p", f"each of {len(rows)} programmes switched off alone, {text(attrs.get('replications', ''))} "
                     f"paired replications with common random numbers, seed {text(attrs.get('seed', ''))}; "
                     f"outcomes in {text(attrs.get('year', ''))}", "small"),
            tag("h2", "Effects of each programme 各项政策效果"),
            table(header, rows, numeric=(2, 3, 5, 6, 7)),
            tag("p", "Effects are with − without the programme, % of the mean with it, [95% t interval]. "
                     "SIGN: switching the programme off moves its target decision the way the programme is "
                     "meant to move it (interval excludes 0). NO EFFECT: every interval contains 0 and it paid "
                     "nothing. Cost per extra 亿元 of cumulative output: paired bootstrap 95% interval; "
                     "undefined when the output effect's interval contains 0.", "small"),
            tag("h2", "Output effects 产出效果"), png(figures.fig_levers_forest(path), "Output effects"),
            provenance(attrs, ["scenario_path", "year", "seed", "replications", "bootstrap", "command_line",
                               "parksim_version", "git_commit"])]
    return title, body
