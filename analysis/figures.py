"""Figures of parksim's HDF5 files: runs (trajectories with replication bands and targets, cluster
growth, policy cost, stylized facts), comparisons (effects with intervals) and sweeps (sensitivity).

Only Debian's packages (numpy, h5py, xarray with h5netcdf, matplotlib); run by /usr/bin/python3.
Every function returns a matplotlib Figure; report.py embeds them in one HTML page.
"""
import matplotlib

matplotlib.use("Agg")

import h5py  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import xarray as xr  # noqa: E402
from matplotlib import font_manager  # noqa: E402

CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "WenQuanYi Zen Hei", "AR PL UMing CN"]

def setup_fonts():
    """Latin text in DejaVu Sans, Chinese in the first CJK font installed (fonts-noto-cjk).

    Returns the CJK font's name, or None when none is installed (labels then show as boxes)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    cjk = next((name for name in CJK_FONTS if name in installed), None)
    plt.rcParams["font.family"] = ["DejaVu Sans"] + ([cjk] if cjk else [])
    plt.rcParams["axes.unicode_minus"] = False
    plt.rcParams["figure.dpi"] = 100
    return cjk


def plain(name):
    """A name from a file as literal figure text: '$' would start mathtext (and a label such as
    '$\\foo$' makes savefig raise), a leading '_' would hide the entry from the legend."""
    s = str(name).replace("$", r"\$")
    return " " + s if s.startswith("_") else s


def labels(ds, dim):
    """Labels of a dimension (zone, sector, programme): the label variable when present."""
    name = f"{dim}_label"
    if name in ds:
        return [plain(v) for v in ds[name].values]
    return [plain(v) for v in ds[dim].values]


def open_run(path):
    """The root dataset and the scorecard of a `parksim run` file (None when the run had no targets
    and so no scorecard group)."""
    ds = xr.open_dataset(path, engine="h5netcdf")
    with h5py.File(path, "r") as f:
        has_card = "scorecard" in f
    card = xr.open_dataset(path, engine="h5netcdf", group="scorecard") if has_card else None
    return ds, card


def _text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def is_flow(attrs):
    """A series is a flow, summed over a year, when its CF `cell_methods` is "time: sum" (output,
    payments, entries); every other series (firms, land, wages) is read in December. `attrs` is a
    variable's attributes; files written before parksim stored cell_methods fall back to units
    ending in "/month". A bare units string is accepted for those files too."""
    if isinstance(attrs, (str, bytes)):
        attrs = {"units": attrs}
    methods = _text(attrs.get("cell_methods", "")).strip()
    if methods:
        return "time: sum" in methods
    return _text(attrs.get("units", "")).strip().endswith("/month")


def attrs_of(ds, name):
    """The attributes of a variable of a run file (units, long_name, cell_methods)."""
    return dict(ds[name].attrs)


def yearly(da, attrs):
    """Annual values of a monthly series: sums over the year for flows, December for stocks. (Pass
    the variable's attributes: xarray drops them when `da` is a sum or a selection.)"""
    years = da["time"].dt.year
    if is_flow(attrs):
        return da.groupby(years).sum("time")
    return da.groupby(years).last("time")


def band(ax, x, samples, color, label):
    """Median line and 5-95% band over replications (samples: replication x time)."""
    samples = np.asarray(samples, float)
    lo, med, hi = np.nanquantile(samples, [0.05, 0.5, 0.95], axis=0)
    ax.fill_between(x, lo, hi, color=color, alpha=0.25, linewidth=0)
    ax.plot(x, med, color=color, label=label, linewidth=1.8)


def _targets(card, metric):
    """(year, value, label) of the scorecard targets on a metric, area-wide."""
    if card is None or "metric" not in card:
        return []
    out = []
    for k in range(card.sizes.get("target", 0)):
        if str(card["metric"].values[k]) != metric or str(card["zone"].values[k]) != "all" \
                or str(card["sector"].values[k]) != "all":
            continue
        out.append((int(card["year"].values[k]), float(card["target_value"].values[k]), str(card["label"].values[k])))
    return out


def _area_series(ds, name):
    """Area-wide annual series (replication x year) of a run variable, industrial zones only where
    the file says which zones are industrial."""
    da = ds[name]
    if "zone" in da.dims and "zone_industrial" in ds:
        da = da.where(ds["zone_industrial"] == 1, 0.0)
    for dim in ("zone", "sector", "programme", "level"):
        if dim in da.dims:
            da = da.sum(dim)
    return yearly(da, attrs_of(ds, name))


def fig_trajectories(ds, card):
    """Output, output density, firms, employment, talent and cumulative policy cost: median and
    90% band over replications, with the plan's targets as red markers."""
    panels = [("output", "Industrial output 工业产值 (亿元/yr)"), ("value_added", "Value added 增加值 (亿元/yr)"),
              ("firms", "Firms 企业数"), ("employment", "Employment 就业 (persons)"),
              ("talent", "Talent employed 人才 (persons)"), ("subsidy_paid", "Policy cost, cumulative 政策成本 (亿元)")]
    fig, axes = plt.subplots(2, 3, figsize=(13, 7))
    for ax, (name, title) in zip(axes.flat, panels):
        if name not in ds:
            ax.set_visible(False)
            continue
        y = _area_series(ds, name)
        if name == "subsidy_paid":
            y = y.cumsum("year")
        years = y["year"].values
        band(ax, years, y.transpose("replication", "year").values, "C0", "median, 90% band")
        metric = {"subsidy_paid": "policy_cost"}.get(name, name)
        for year, value, label in _targets(card, metric):
            ax.plot([year], [value], marker="*", color="C3", markersize=12, linestyle="none")
            ax.annotate(f"target {value:g}", (year, value), textcoords="offset points", xytext=(4, 4),
                        fontsize=8, color="C3")
        ax.set_title(title, fontsize=10)
        ax.grid(alpha=0.3)
    axes.flat[0].legend(fontsize=8, loc="upper left")
    fig.suptitle("Trajectories across replications (median and 5-95%), targets ★", fontsize=11)
    fig.tight_layout()
    return fig


def fig_zones(ds):
    """Output, output density, employment and talent living in each zone (median and 90% band)."""
    zones = labels(ds, "zone")
    fig, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    axes = axes.flat
    out = yearly(ds["output"].sum("sector"), attrs_of(ds, "output"))
    land = yearly(ds["zone_land_used"], attrs_of(ds, "zone_land_used")) if "zone_land_used" in ds else None
    for z, name in enumerate(zones):
        band(axes[0], out["year"].values, out.isel(zone=z).transpose("replication", "year").values, f"C{z % 10}", name)
        if land is not None:
            dens = out.isel(zone=z) / land.isel(zone=z).where(land.isel(zone=z) > 0)
            band(axes[1], out["year"].values, dens.transpose("replication", "year").values, f"C{z % 10}", name)
        emp = yearly(ds["employment"].sum("sector"), attrs_of(ds, "employment"))
        band(axes[2], emp["year"].values, emp.isel(zone=z).transpose("replication", "year").values, f"C{z % 10}", name)
        if "talent_present" in ds:
            tal = yearly(ds["talent_present"].sum("level"), attrs_of(ds, "talent_present"))
            band(axes[3], tal["year"].values, tal.isel(zone=z).transpose("replication", "year").values, f"C{z % 10}", name)
    axes[0].set_title("Output by zone 分园区产值 (亿元/yr)", fontsize=10)
    axes[1].set_title("Output density 地均产出 (亿元/km²)", fontsize=10)
    axes[2].set_title("Employment by zone 就业 (persons, December)", fontsize=10)
    axes[3].set_title("Talent living in the zone 人才 (persons, December)", fontsize=10)
    for ax in axes:
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def fig_cluster_growth(ds):
    """Stacked areas of output by sector in each zone (mean over replications)."""
    zones, sectors = labels(ds, "zone"), labels(ds, "sector")
    out = yearly(ds["output"], attrs_of(ds, "output")).mean("replication")
    n = len(zones)
    cols = min(3, n)
    rows = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4.6 * cols, 3.6 * rows), squeeze=False)
    colors = plt.cm.tab20(np.linspace(0, 1, max(len(sectors), 2)))
    for z in range(rows * cols):
        ax = axes.flat[z]
        if z >= n:
            ax.set_visible(False)
            continue
        data = out.isel(zone=z).transpose("sector", "year").values
        ax.stackplot(out["year"].values, data, colors=colors[: len(sectors)], labels=sectors)
        ax.set_title(zones[z], fontsize=9)
        ax.grid(alpha=0.3)
    handles, names = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=min(4, len(sectors)), fontsize=7)
    fig.suptitle("Cluster growth: output by sector 分行业产值 (亿元/yr, mean of replications)", fontsize=11)
    fig.tight_layout(rect=(0, 0.06 + 0.02 * (len(sectors) // 4), 1, 0.96))
    return fig


def fig_policy_cost(ds):
    """Cumulative money paid by each programme (mean over replications)."""
    progs = labels(ds, "programme")
    fig, ax = plt.subplots(figsize=(13, 4.5))
    if "subsidy_paid" not in ds or ds.sizes.get("programme", 0) == 0:
        ax.text(0.5, 0.5, "no programme in this run", ha="center", va="center")
        return fig
    cost = yearly(ds["subsidy_paid"], attrs_of(ds, "subsidy_paid")).cumsum("year").mean("replication")
    for p, name in enumerate(progs):
        ax.plot(cost["year"].values, cost.isel(programme=p).values, label=name, linewidth=1.5)
    ax.set_title("Policy cost by programme, cumulative 各项政策累计支出 (亿元)", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))  # beside the plot: never over the lines
    fig.tight_layout()
    return fig


def fig_stylized_facts(path):
    """Firm-size CCDF on log-log axes with a Hill-fitted tail, and the growth-rate histogram on a
    log scale (last and previous snapshot years, all replications)."""
    with h5py.File(path, "r") as f:
        g = f["snapshots"]
        year, rep, fid = g["year"][:], g["replication"][:], g["id"][:]
        output, alive = g["output"][:], g["alive"][:]
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    last = year.max() if len(year) else None
    if last is None:
        return fig
    sizes = np.sort(output[(year == last) & (alive == 1) & (output > 0)])[::-1]
    ccdf = np.arange(1, len(sizes) + 1) / len(sizes)
    axes[0].loglog(sizes, ccdf, ".", markersize=3, label=f"firms {last}")
    k = max(int(len(sizes) * 0.1), 10)
    if len(sizes) > k:
        zeta = 1.0 / np.mean(np.log(sizes[:k]) - np.log(sizes[k]))
        xs = np.array([sizes[k], sizes[0]])
        axes[0].loglog(xs, ccdf[k] * (xs / sizes[k]) ** (-zeta), "C3-", label=f"tail fit ζ = {zeta:.2f} (Hill)")
    axes[0].set_xlabel("output (亿元/yr)")
    axes[0].set_ylabel("P(size > x)")
    axes[0].set_title("Firm-size distribution 企业规模分布", fontsize=10)
    axes[0].legend(fontsize=8)
    key_now = {(r, i): o for r, i, o, y, a in zip(rep, fid, output, year, alive) if y == last and a == 1 and o > 0}
    growth = [np.log(key_now[(r, i)] / o) for r, i, o, y, a in zip(rep, fid, output, year, alive)
              if y == last - 1 and a == 1 and o > 0 and (r, i) in key_now]
    if growth:
        axes[1].hist(growth, bins=60, color="C0", alpha=0.8)
        axes[1].set_yscale("log")
    axes[1].set_xlabel("annual log growth of output")
    axes[1].set_title("Growth rates (tent-shaped) 增长率分布", fontsize=10)
    for ax in axes:
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def fig_comparison(path):
    """A comparison's effect by year with its 95% interval, one panel per metric."""
    ds = xr.open_dataset(path, engine="h5netcdf")
    metrics = [str(m) for m in ds["metric"].values]
    cols = 4
    rows = int(np.ceil(len(metrics) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.2 * rows), squeeze=False)
    years = ds["year"].values
    for k, name in enumerate(metrics):
        ax = axes.flat[k]
        eff = ds["effect"].isel(metric=k).values
        ax.fill_between(years, ds["effect_low"].isel(metric=k).values, ds["effect_high"].isel(metric=k).values,
                        color="C1", alpha=0.3, linewidth=0)
        ax.plot(years, eff, color="C1", linewidth=1.8)
        ax.axhline(0, color="k", linewidth=0.8)
        ax.set_title(plain(name), fontsize=10)
        ax.grid(alpha=0.3)
    for k in range(len(metrics), rows * cols):
        axes.flat[k].set_visible(False)
    fig.suptitle("Effect of the variant (variant − base, paired replications) with 95% interval", fontsize=11)
    fig.tight_layout()
    return fig


def fig_cost_per_effect(path, metric="output"):
    """Cost per unit of effect by year: change in cumulative policy cost over the change in a metric."""
    ds = xr.open_dataset(path, engine="h5netcdf")
    metrics = [str(m) for m in ds["metric"].values]
    fig, ax = plt.subplots(figsize=(7, 4))
    if "policy_cost" not in metrics or metric not in metrics:
        ax.text(0.5, 0.5, "needs policy_cost and " + metric, ha="center", va="center")
        return fig
    cost = ds["effect"].isel(metric=metrics.index("policy_cost")).values
    gain = ds["effect"].isel(metric=metrics.index(metric)).values
    ratio = np.where(np.abs(gain) > 1e-9, cost / np.where(np.abs(gain) > 1e-9, gain, 1.0), np.nan)
    ax.plot(ds["year"].values, ratio, marker="o")
    ax.set_title(f"Cost per unit of effect: Δ policy cost / Δ {metric}", fontsize=10)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def _error_bars(conf):
    """Error bar lengths for bar(): none where the interval is not defined (NaN makes bar() raise)."""
    if conf is None:
        return None
    conf = np.asarray(conf, float)
    return np.where(np.isfinite(conf), conf, 0.0)


def fig_sobol(names, s1, st, s1_conf=None, st_conf=None, title="Sobol indices"):
    """First- and total-order bars with their intervals."""
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(names)), 4.5))
    ax.bar(x - 0.2, s1, 0.4, yerr=_error_bars(s1_conf), label="first order S1", color="C0", capsize=3)
    ax.bar(x + 0.2, st, 0.4, yerr=_error_bars(st_conf), label="total order ST", color="C1", capsize=3)
    names = [plain(n) for n in names]
    ax.set_xticks(x, [n.split(".")[-2] + "." + n.split(".")[-1] if n.count(".") >= 2 else n for n in names],
                  rotation=30, ha="right", fontsize=8)
    ax.axhline(0, color="k", linewidth=0.8)
    ax.set_title(plain(title), fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3, axis="y")
    fig.tight_layout()
    return fig


def fig_morris(names, mu_star, sigma, title="Morris screening"):
    """μ*–σ scatter: important parameters to the right, nonlinear or interacting ones up."""
    fig, ax = plt.subplots(figsize=(6.5, 5))
    ax.scatter(mu_star, sigma, color="C2")
    for n, x, y in zip(names, mu_star, sigma):
        ax.annotate(plain(n.split(".")[-1]), (x, y), textcoords="offset points", xytext=(4, 3), fontsize=8)
    ax.set_xlabel("μ* (mean |elementary effect|)")
    ax.set_ylabel("σ")
    ax.set_title(plain(title), fontsize=10)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def fig_sweep_scatter(params, unit, values, metric_names):
    """Each metric against each parameter's unit coordinate (runs averaged over replications)."""
    k, m = unit.shape[1], values.shape[1]
    fig, axes = plt.subplots(m, k, figsize=(2.6 * k, 2.3 * m), squeeze=False)
    for j in range(m):
        for i in range(k):
            ax = axes[j, i]
            ax.plot(unit[:, i], values[:, j], ".", markersize=2, alpha=0.5)
            if j == m - 1:
                ax.set_xlabel(plain(params[i].split(".")[-1]), fontsize=7)
            if i == 0:
                ax.set_ylabel(plain(metric_names[j]), fontsize=7)
            ax.tick_params(labelsize=6)
    fig.tight_layout()
    return fig


def fig_levers_forest(path, quantities=("output", "cumulative_output")):
    """A levers file's effects per programme (with − without, % of the mean with it) and their 95%
    intervals, one panel per quantity: a forest plot, programmes top to bottom in file order."""
    with h5py.File(path, "r") as f:
        names = [plain(p) for p in f["programme"].asstr()[:]]
        year = int(f.attrs["year"])
        panels = []
        for q in quantities:
            g = f[q]
            base = float(np.mean(g["with"][:]))
            scale = 100.0 / base if base else np.nan
            panels.append((q, g.attrs.get("measured", ""), g["effect"][:] * scale,
                           g["effect_low"][:] * scale, g["effect_high"][:] * scale))
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 0.35 * len(names) + 1.6),
                             squeeze=False, sharey=True)
    y = np.arange(len(names))[::-1]
    for ax, (q, measured, eff, lo, hi) in zip(axes.flat, panels):
        excludes = (lo > 0) | (hi < 0)
        ax.hlines(y, lo, hi, color=np.where(excludes, "C3", "C0"), linewidth=2)
        ax.plot(eff, y, "o", color="k", markersize=4)
        ax.axvline(0, color="k", linewidth=0.8)
        ax.set_title(f"{plain(q)} ({plain(measured)})", fontsize=10)
        ax.set_xlabel("% of the base (with − without)")
        ax.grid(alpha=0.3, axis="x")
    axes.flat[0].set_yticks(y)
    axes.flat[0].set_yticklabels(names, fontsize=8)
    fig.suptitle(f"Effect of each programme on output, switched off alone ({year}; red: interval excludes 0)",
                 fontsize=11)
    fig.tight_layout()
    return fig
