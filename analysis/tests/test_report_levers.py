"""The levers page: a real `parksim levers` file of the test scenario becomes a report with one
table row per programme and a forest plot of the output effects; a damaged levers file is one line."""
import os
import subprocess

import h5py
import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
from analysis import figures, report, report_input, report_levers

PARKSIM = os.environ.get("PARKSIM_BIN", os.path.join(ROOT, "build", "parksim"))
MINI = os.path.join(ROOT, "tests", "data", "mini.toml")
PROGRAMMES = ["grant", "retrofit", "line", "pool", "housing", "fund"]


@pytest.fixture(scope="module")
def levers_file(tmp_path_factory):
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the report tests need the binary (tools/test.sh builds it)")
    path = str(tmp_path_factory.mktemp("levers") / "levers.h5")
    subprocess.run([PARKSIM, "levers", MINI, "-R", "3", "-t", "1", "-o", path], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def test_levers_file_is_recognised_and_checked(levers_file):
    assert report_input.kind_of(levers_file) == "levers"
    report_input.check_levers(levers_file)


def test_levers_table_has_one_row_per_programme_with_the_file_values(levers_file):
    header, rows = report_levers.read_rows(levers_file)
    assert [r[0] for r in rows] == PROGRAMMES
    assert len(header) == len(rows[0])
    with h5py.File(levers_file, "r") as f:
        g = f["cumulative_output"]
        expected = 100 * g["effect"][0] / np.mean(g["with"][:])
        defined = f["cost_per_output_defined"][:]
        flags = f["sign_flag"][:]
    assert rows[0][3].startswith(f"{expected:+.1f}%")
    for row, d, s in zip(rows, defined, flags):
        assert (row[7] == "undefined") == (not d)
        assert ("SIGN" in row[8]) == bool(s)
    assert rows[0][4] == "raise first_units"


def test_forest_plot_has_a_row_per_programme_and_the_intervals(levers_file):
    figures.setup_fonts()
    fig = figures.fig_levers_forest(levers_file)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == PROGRAMMES
    lines = ax.collections[0].get_segments()  # one interval per programme
    assert len(lines) == len(PROGRAMMES)
    with h5py.File(levers_file, "r") as f:
        base = np.mean(f["output/with"][:])
        low = 100 * f["output/effect_low"][:] / base
    assert np.allclose(sorted(seg[0][0] for seg in lines), sorted(low))


def test_levers_report_page(levers_file, tmp_path):
    out = str(tmp_path / "levers.html")
    status, kind = report.report_quietly(levers_file, out)
    assert (status, kind) == (0, "levers")
    page = open(out, encoding="utf-8").read()
    for p in PROGRAMMES:
        assert f"<td>{p}</td>" in page
    assert "data:image/png;base64," in page and "cost per extra 亿元" in page


def test_a_levers_file_missing_a_target_group_is_one_line(levers_file, tmp_path, capsys):
    broken = str(tmp_path / "broken.h5")
    with open(levers_file, "rb") as src, open(broken, "wb") as dst:
        dst.write(src.read())
    with h5py.File(broken, "a") as f:
        del f["vc_invested"]
    status, kind = report.report_quietly(broken, str(tmp_path / "x.html"))
    assert status == 1 and kind is None
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "vc_invested" in err
