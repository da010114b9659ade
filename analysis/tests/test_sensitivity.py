"""The report's Sobol and Morris indices are `parksim analyze`'s: the ones it prints and writes for
the same sweep, on small sweeps of the test scenario made here by the real binary."""
import os
import re
import subprocess

import numpy as np
import pytest

from analysis import report, sensitivity

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARKSIM = os.environ.get("PARKSIM_BIN", os.path.join(ROOT, "build", "parksim"))
MINI = os.path.join(ROOT, "tests", "data", "mini.toml")
SPACE = ('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n'
         '[[parameter]]\npath = "model.innovation_rate"\nlow = 0.4\nhigh = 1.2\n')
METRICS = ["output:2017", "firms:2017"]


def parksim(*args):
    return subprocess.run([PARKSIM, *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def sweeps(tmp_path_factory):
    """A Sobol sweep (N = 8, 32 points) and a Morris sweep (4 trajectories, 12 points) of mini.toml."""
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the sensitivity tests need the binary")
    d = tmp_path_factory.mktemp("sensitivity")
    (d / "space.toml").write_text(SPACE)
    out = {"dir": d}
    for method, n in (("sobol", "8"), ("morris", "4")):
        design, sweep = str(d / f"{method}-design.h5"), str(d / f"{method}-sweep.h5")
        parksim("sample", "--method", method, "--space", str(d / "space.toml"), "-n", n, "-o", design)
        metrics = [a for m in METRICS for a in ("--metric", m)]
        parksim("sweep", MINI, design, "-o", sweep, *metrics)
        out[method], out[method + "-design"] = sweep, design
    return out


def printed(stdout):
    """parksim analyze's table: {parameter: [four numbers]}."""
    rows = {}
    for line in stdout.splitlines()[1:]:
        cells = line.split()
        if len(cells) == 5 and not line.startswith("wrote"):
            rows[cells[0]] = [float(c) for c in cells[1:]]
    return rows


@pytest.mark.parametrize("method", ["sobol", "morris"])
@pytest.mark.parametrize("metric", METRICS)
def test_indices_are_the_ones_parksim_analyze_prints(sweeps, method, metric):
    table = printed(parksim("analyze", method, sweeps[method], "--metric", metric))
    ix = sensitivity.analyze(sweeps[method], method, metric)
    assert ix["method"] == method and ix["metric"] == metric
    assert ix["parameter"] == ["programmes.grant.rate", "model.innovation_rate"] == list(table)
    for k, name in enumerate(ix["parameter"]):
        got = [ix[c][k] for c in sensitivity.COLUMNS[method]]
        # printed with 4 decimals (Sobol) or 4 significant digits (Morris)
        assert got == pytest.approx(table[name], rel=5e-4, abs=5e-5), (name, got, table[name])
    if method == "morris":
        # Some parameter must move the metric, or the comparison above compares zeros. (The grant
        # rate need not move the firm count of a three-year mini run: since entrants are a quarter
        # of the mean firm, none of its 12 points changes it.)
        assert np.any(ix["mu_star"] > 0), "the test sweep should move its metrics"


def test_report_shows_the_sobol_indices_of_parksim_analyze(sweeps):
    out = str(sweeps["dir"] / "sobol.html")
    assert report.main([sweeps["sobol"], "-o", out]) == 0
    page = open(out, encoding="utf-8").read()
    for metric in METRICS:
        ix = sensitivity.analyze(sweeps["sobol"], "sobol", metric)
        for k, name in enumerate(ix["parameter"]):
            cells = "".join(f'<td class="num">{v:.3f}</td>' for v in
                            (ix["S1"][k], ix["S1_conf"][k], ix["ST"][k], ix["ST_conf"][k]))
            assert f"<td>{name}</td>{cells}" in page, (metric, name)


def test_report_shows_the_morris_indices_of_parksim_analyze(sweeps):
    out = str(sweeps["dir"] / "morris.html")
    assert report.main([sweeps["morris"], "-o", out]) == 0
    page = open(out, encoding="utf-8").read()
    ix = sensitivity.analyze(sweeps["morris"], "morris", "output:2017")
    assert "Morris screening: output:2017" in page
    cells = "".join(f'<td class="num">{ix[c][0]:.4g}</td>' for c in sensitivity.COLUMNS["morris"])
    assert f"<td>{ix['parameter'][0]}</td>{cells}" in page


def test_design_and_outputs_csv_give_exact_indices(sweeps, tmp_path):
    """y = 3 u_0 (the grant rate's unit coordinate alone): the other parameter's indices are exactly
    0, and the grant rate's are the estimators' closed forms, since y(AB_0) = y(B)."""
    import h5py
    with h5py.File(sweeps["sobol-design"], "r") as f:
        unit = f["unit"][:]
    y = 3 * unit[:, 0]
    csv = tmp_path / "y.csv"
    csv.write_text("y\n" + "".join(f"{v!r}\n" for v in y))
    ix = sensitivity.analyze(sweeps["sobol-design"], "sobol", None, outputs=str(csv))
    c = (y - y.mean()).reshape(-1, 4)  # rows A, AB_0, AB_1, B
    a, b = c[:, 0], c[:, 3]
    v = np.var(np.concatenate([a, b]))
    assert ix["S1"] == pytest.approx([np.mean(b * (b - a)) / v, 0.0], abs=1e-12)
    assert ix["ST"] == pytest.approx([0.5 * np.mean((a - b) ** 2) / v, 0.0], abs=1e-12)
    assert ix["S1_conf"][1] == 0 and ix["ST_conf"][1] == 0 and ix["ST_conf"][0] > 0


def test_refused_input_becomes_a_sentence(sweeps, tmp_path):
    with pytest.raises(sensitivity.AnalyzeError, match="no metric"):
        sensitivity.analyze(sweeps["sobol"], "sobol", "no_such_metric:2017")
    with pytest.raises(sensitivity.AnalyzeError, match="not found|cannot run"):
        sensitivity.analyze(sweeps["sobol"], "sobol", "output:2017", parksim=str(tmp_path / "absent"))


def test_read_indices_reads_the_file_analyze_writes(sweeps):
    path = str(sweeps["dir"] / "indices.h5")
    stdout = parksim("analyze", "morris", sweeps["morris"], "--metric", "firms:2017", "-o", path)
    assert re.search(r"^wrote ", stdout, re.M)
    ix = sensitivity.read_indices(path)
    assert ix["method"] == "morris" and ix["metric"] == "firms:2017" and ix["input"] == sweeps["morris"]
    table = printed(stdout)
    assert [ix["mu_star"][k] for k in range(2)] == pytest.approx([table[p][1] for p in ix["parameter"]], rel=5e-4)


def test_parksim_report_asks_itself_for_the_indices(sweeps):
    """`parksim report` sets PARKSIM_BIN to its own binary, over whatever the caller had set."""
    out = str(sweeps["dir"] / "cli-sobol.html")
    env = dict(os.environ, PARKSIM_BIN=str(sweeps["dir"] / "no-such-parksim"), MPLBACKEND="Agg")
    subprocess.run([PARKSIM, "report", sweeps["sobol"], "-o", out], check=True, capture_output=True, env=env)
    page = open(out, encoding="utf-8").read()
    assert 'alt="Sobol indices of output:2017' in page and "gave no indices" not in page


def test_report_runs_as_a_module_and_as_a_file(sweeps):
    env = dict(os.environ, MPLBACKEND="Agg")
    for how, cmd in (("module", ["-m", "analysis.report"]), ("file", [os.path.join("analysis", "report.py")])):
        out = str(sweeps["dir"] / f"{how}.html")
        r = subprocess.run(["/usr/bin/python3", *cmd, sweeps["morris"], "-o", out], cwd=ROOT, env=env,
                           capture_output=True, text=True)
        assert r.returncode == 0 and r.stdout == f"wrote {out} (sweep report)\n", (how, r.stderr)
        assert "Morris screening: firms:2017" in open(out, encoding="utf-8").read()
