"""Figures and reports on small files made by the real binary (a run, a comparison, a sweep of the
test scenario), and the rendered page in headless Chromium.

The binary is build/parksim (or $PARKSIM_BIN). Chromium is Debian's (tools/setup.sh installs it);
PARKSIM_NO_BROWSER=1 skips the browser test explicitly where no browser can run.
"""
import glob
import os
import re
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
from analysis import figures, report

PARKSIM = os.environ.get("PARKSIM_BIN", os.path.join(ROOT, "build", "parksim"))
MINI = os.path.join(ROOT, "tests", "data", "mini.toml")


def parksim(*args):
    subprocess.run([PARKSIM, *args], check=True, stdout=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the report tests need the binary (tools/test.sh builds it)")
    d = tmp_path_factory.mktemp("report")
    run = str(d / "run.h5")
    parksim("run", MINI, "-R", "3", "-o", run)
    cmp = str(d / "cmp.h5")
    parksim("compare", MINI, "--variant-set", "programmes.grant.rate=60%", "-R", "3", "-o", cmp)
    space = d / "space.toml"
    space.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n'
                     '[[parameter]]\npath = "model.innovation_rate"\nlow = 0.4\nhigh = 1.2\n')
    design = str(d / "design.h5")
    parksim("sample", "--method", "sobol", "--space", str(space), "-n", "8", "-o", design)
    sweep = str(d / "sweep.h5")
    parksim("sweep", MINI, design, "-o", sweep, "--metric", "output:2017", "--metric", "firms:2017")
    return {"dir": d, "run": run, "cmp": cmp, "sweep": sweep}


def test_cjk_font_is_installed_and_used():
    name = figures.setup_fonts()
    assert name is not None, "no CJK font: install fonts-noto-cjk"
    from matplotlib import font_manager
    path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    assert "Noto" in path or "wqy" in path.lower() or "uming" in path.lower()


def test_chinese_labels_render_without_missing_glyphs():
    """Matplotlib warns 'Glyph ... missing from current font' when it would draw a box."""
    import io
    import warnings
    figures.setup_fonts()
    fig, ax = figures.plt.subplots()
    ax.set_title("临港智能制造中心 工业产值 (亿元) 地均产出 人才安居")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing[:3]


def test_trajectory_figure_has_bands_and_targets(files):
    ds, card = figures.open_run(files["run"])
    fig = figures.fig_trajectories(ds, card)
    axes = [a for a in fig.axes if a.get_visible()]
    assert len(axes) == 6
    # Output panel: a band (PolyCollection), a median line and the 2017 output target marker.
    out = axes[0]
    assert out.collections, "no replication band"
    xs = [x for line in out.get_lines() for x in line.get_xdata()]
    assert 2017 in xs


def test_yearly_sums_flows_and_takes_december_stocks(files):
    ds, _ = figures.open_run(files["run"])
    out = figures.yearly(ds["output"].sum(["zone", "sector"]), figures.attrs_of(ds, "output"))
    monthly = ds["output"].sum(["zone", "sector"]).isel(replication=0).values
    assert abs(float(out.isel(replication=0).sel(year=2015)) - monthly[:12].sum()) < 1e-9
    firms = figures.yearly(ds["firms"].sum(["zone", "sector"]), figures.attrs_of(ds, "firms"))
    assert float(firms.isel(replication=0).sel(year=2016)) == float(ds["firms"].sum(["zone", "sector"]).isel(replication=0, time=23))


# The series figures.py used to list as flows (summed over a year) before it read the units.
OLD_FLOWS = {"output", "value_added", "rd_spend", "entries", "exits", "loan_defaults", "subsidy_paid", "patents",
             "risk_pool_paid", "guarantee_paid", "vc_invested", "guidance_invested"}
# A wage is money per worker per month, a price: its cell_methods say "time: point", so it is read
# in December although its units end in /month (which once made it a flow). Income tax (issue 13)
# is paid month by month: a flow added after the old list.
NEWLY_FLOWS = {"income_tax"}


def test_flows_by_units_are_the_old_list_of_flows(files):
    import h5py
    seen = {}
    with h5py.File(files["run"], "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                seen[name] = figures.is_flow(dict(obj.attrs))
        f.visititems(visit)
    assert OLD_FLOWS <= set(seen), "the run should hold every series of the old list"
    assert len(seen) > 60
    flows = {name for name, flow in seen.items() if flow}
    assert flows == OLD_FLOWS | NEWLY_FLOWS, (flows - OLD_FLOWS, OLD_FLOWS - flows)


def as_text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


@pytest.mark.parametrize("kind,sections", [
    ("run", ["Scorecard", "Trajectories", "Cluster growth", "Policy cost", "Stylized facts", "Provenance"]),
    ("cmp", ["Effects in the last year", "Effects by year", "Cost per unit of effect", "Provenance"]),
    ("sweep", ["Sobol indices: output:2017", "Metrics against parameters", "Provenance"]),
])
def test_report_pages(files, kind, sections):
    out = str(files["dir"] / f"{kind}.html")
    report.main([files[kind], "-o", out])
    page = open(out, encoding="utf-8").read()
    for s in sections:
        assert s in page, s
    assert "http://" not in page and "https://" not in page, "the page must not fetch anything"
    assert len(re.findall(r'<img alt="[^"]*" src="data:image/png;base64,', page)) >= 2
    assert not glob.glob(out + "*.partial")


def test_run_report_says_what_the_scorecard_intervals_include(files):
    plain = str(files["dir"] / "plain.html")
    report.main([files["run"], "-o", plain])
    assert "Intervals and P(reach): stochastic only" in open(plain, encoding="utf-8").read()
    space = files["dir"] / "uncertain_space.toml"
    space.write_text('[[parameter]]\npath = "model.entry_rate_per_year"\nlow = "2%"\nhigh = "30%"\n')
    run = str(files["dir"] / "uncertain.h5")
    parksim("run", MINI, "-R", "3", "-o", run, "--uncertain", str(space))
    out = str(files["dir"] / "uncertain.html")
    report.main([run, "-o", out])
    page = open(out, encoding="utf-8").read()
    assert "Intervals and P(reach): stochastic and parameter uncertainty (1 parameter, LHS, 3 draws)" in page
    assert "model.entry_rate_per_year" in page and "lowest draw" in page
    cmp = str(files["dir"] / "uncertain_cmp.h5")
    parksim("compare", MINI, "--variant-set", "programmes.grant.rate=60%", "-R", "3", "-o", cmp,
            "--uncertain", str(space))
    for path, line in ((files["cmp"], "effects and intervals: stochastic only"),
                       (cmp, "effects and intervals: stochastic and parameter uncertainty (1 parameter")):
        report.main([path, "-o", path + ".html"])
        assert line in open(path + ".html", encoding="utf-8").read()


def test_parksim_report_command(files):
    out = str(files["dir"] / "cli.html")
    parksim("report", files["run"], "-o", out)
    assert "Scorecard" in open(out, encoding="utf-8").read()


@pytest.mark.skipif(os.environ.get("PARKSIM_NO_BROWSER") == "1", reason="PARKSIM_NO_BROWSER=1")
def test_report_renders_in_headless_chromium(files):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium not installed (tools/setup.sh installs Debian's chromium)"
    page = str(files["dir"] / "browser.html")
    report.main([files["run"], "-o", page])
    shot = str(files["dir"] / "shot.png")
    common = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              "--enable-logging=stderr", "--v=0", "--window-size=1300,3000"]
    r = subprocess.run(common + [f"--screenshot={shot}", "file://" + page], capture_output=True, text=True, timeout=120)
    assert os.path.getsize(shot) > 50_000, "screenshot missing or blank"
    console_errors = [line for line in r.stderr.splitlines() if "CONSOLE" in line and ("ERROR" in line or "Uncaught" in line)]
    assert not console_errors, console_errors
    dom = subprocess.run(common + ["--dump-dom", "file://" + page], capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<img") >= 5, "figures missing from the rendered page"
    # The screenshot is not one flat colour: figures and text were drawn.
    import matplotlib.image as mpimg
    img = mpimg.imread(shot)
    assert img[..., :3].std() > 0.05


def test_wage_is_read_in_december_and_old_files_fall_back_to_units(files):
    import h5py
    with h5py.File(files["run"], "r") as f:
        wage, output = dict(f["skilled_wage"].attrs), dict(f["output"].attrs)
    assert as_text(wage["cell_methods"]) == "time: point"
    assert as_text(output["cell_methods"]) == "time: sum"
    assert not figures.is_flow(wage)
    assert figures.is_flow(output)
    # A file from before cell_methods: units decide.
    assert figures.is_flow({"units": "1e8 CNY/month"})
    assert not figures.is_flow({"units": b"firms"})
