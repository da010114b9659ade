"""Names and texts from a file cannot put markup or script into the report page.

A scenario (and so the run file) is something people share; its labels, titles and provenance go
into the page. Each payload below sets an attribute on <body> if it ever runs, so the rendered DOM
tells which one got through; the raw page is also parsed to check it holds only the report's tags.
"""
import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import h5py
import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
from analysis import html_parts, report

PARKSIM = os.environ.get("PARKSIM_BIN", os.path.join(ROOT, "build", "parksim"))
BASE = os.path.join(ROOT, "tests", "malformed", "bases", "valid.toml")


def mark(where):
    return f"document.body.setAttribute('data-xss-{where}','1')"


PAYLOADS = {
    "title": f"<script>{mark('title')}</script>",
    "zone": f'<span><img src=x onerror="{mark("zone")}"></span>',
    "sector": f'"><svg onload="{mark("sector")}">',
    "programme": f'</style><img src=x onerror="{mark("programme")}">',
    "event": f"<img src=x onerror=\"{mark('event')}\">",
    "target": f"<span class='ok'><img src=x onerror=\"{mark('target')}\"></span>",
    "provenance": f"'><img src=x onerror=\"{mark('provenance')}\">",
}

# Everything the report itself writes: tags and the attributes it puts on them.
REPORT_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "b", "br", "span", "table",
               "tr", "th", "td", "img", "details", "summary", "pre"}
REPORT_ATTRIBUTES = {"lang", "charset", "class", "alt", "src"}


def toml_text(s):
    return json.dumps(s)  # a JSON string is a TOML basic string


def parksim(*args):
    subprocess.run([PARKSIM, *args], check=True, stdout=subprocess.DEVNULL)


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, name, attrs):
        self.tags.append((name, dict(attrs)))


def foreign_markup(page):
    """Tags or attributes in the page that the report does not make."""
    collector = TagCollector()
    collector.feed(page)
    return [(name, attrs) for name, attrs in collector.tags
            if name not in REPORT_TAGS or set(attrs) - REPORT_ATTRIBUTES]


def assert_no_payload_unescaped(page):
    for where, payload in PAYLOADS.items():
        assert payload not in page, f"{where} label written unescaped"
    assert "<script" not in page.lower() and "<svg" not in page.lower() and "<img src=x" not in page
    assert page.count("</style>") == 1, "a label closed the style element"
    assert not foreign_markup(page), foreign_markup(page)[:3]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the report tests need the binary")
    d = tmp_path_factory.mktemp("escaping")
    scenario = d / "hostile.toml"
    scenario.write_text(f"""extends = {toml_text(BASE)}
[scenario]
title = {toml_text(PAYLOADS["title"])}
description = {toml_text(PAYLOADS["title"])}
[zones.north]
label = {toml_text(PAYLOADS["zone"])}
[sectors.other]
label = {toml_text(PAYLOADS["sector"])}
[programmes.grant]
label = {toml_text(PAYLOADS["programme"])}
[events.shock]
kind = "demand_shock"
from = "2016-01"
to = "2016-06"
size = "-10%"
label = {toml_text(PAYLOADS["event"])}
[[targets]]
metric = "output"
year = 2017
value = 10
label = {toml_text(PAYLOADS["target"])}
""", encoding="utf-8")
    run = str(d / "run.h5")
    parksim("run", str(scenario), "-o", run, "-R", "2", "-t", "1")
    with h5py.File(run, "r+") as f:  # a shared file may hold anything in its provenance too
        f.attrs["git_commit"] = PAYLOADS["provenance"]
    out = str(d / "run.html")
    assert report.main([run, "-o", out]) == 0
    return out


def test_labels_titles_and_provenance_from_a_run_are_escaped(hostile_run):
    page = open(hostile_run, encoding="utf-8").read()
    assert_no_payload_unescaped(page)
    # The texts are shown, as text: in the heading, the zone, programme, event and scorecard tables.
    assert f"<h1>{html.escape(PAYLOADS['title'])}</h1>" in page
    for where in ("zone", "programme", "event", "target", "provenance"):
        assert f"<td>{html.escape(PAYLOADS[where])}</td>" in page, where
    # P(reach) keeps the report's own colouring.
    assert re.search(r'<td><span class="ok">\d+%</span></td>', page)


@pytest.mark.skipif(os.environ.get("PARKSIM_NO_BROWSER") == "1", reason="PARKSIM_NO_BROWSER=1")
def test_no_injected_script_runs_in_headless_chromium(hostile_run):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium not installed (tools/setup.sh installs Debian's chromium)"
    dom = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          "file://" + hostile_run], capture_output=True, text=True, timeout=180).stdout
    assert "Scorecard" in dom, "the page did not render"
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert "data-xss" not in body, body


@pytest.fixture(scope="module")
def hostile_sweep(tmp_path_factory):
    """Pages of a sweep file (made by the CLI) whose names, messages and provenance were then
    replaced: 'all' with the parameter names replaced too (parksim analyze then refuses the file,
    its parameters no longer those of its stored space, and the page says so), 'metric' with the
    parameters left alone (so the Sobol indices and their chart are drawn)."""
    if not os.path.exists(PARKSIM):
        pytest.fail(f"{PARKSIM} not built: the report tests need the binary")
    d = tmp_path_factory.mktemp("escaping-sweep")
    space = d / "space.toml"
    space.write_text('[[parameter]]\npath = "programmes.grant.rate"\nlow = "10%"\nhigh = "50%"\n'
                     '[[parameter]]\npath = "model.innovation_rate"\nlow = 0.4\nhigh = 1.2\n')
    design, sweep = str(d / "design.h5"), str(d / "sweep.h5")
    parksim("sample", "--method", "sobol", "--space", str(space), "-n", "4", "-o", design)
    parksim("sweep", BASE, design, "-o", sweep, "--metric", "output:2017")
    pages = {}
    for case in ("all", "metric"):
        path = str(d / f"sweep-{case}.h5")
        shutil.copy(sweep, path)
        hostile_names(path, parameters=case == "all")
        pages[case] = str(d / f"sweep-{case}.html")
        assert report.main([path, "-o", pages[case]]) == 0
    return pages


def hostile_names(path, parameters):
    strings = h5py.string_dtype()
    with h5py.File(path, "r+") as f:
        names = [("metric", [PAYLOADS["sector"]])]
        if parameters:
            names.append(("parameter", [PAYLOADS["zone"], PAYLOADS["programme"]]))
        for name, values in names:
            del f[name]
            f[name] = np.array(values, dtype=strings)
        for name, value in (("point", [0]), ("replication", [0]), ("message", [PAYLOADS["event"]])):
            del f[f"failures/{name}"]
            f[f"failures/{name}"] = np.array(value, dtype=strings if name == "message" else np.int64)
        f.attrs["scenario_path"] = PAYLOADS["provenance"]


@pytest.mark.parametrize("case", ["all", "metric"])
def test_names_messages_and_provenance_of_a_sweep_are_escaped(hostile_sweep, case):
    page = open(hostile_sweep[case], encoding="utf-8").read()
    assert_no_payload_unescaped(page)
    assert f"<td>{html.escape(PAYLOADS['event'])}</td>" in page  # the failure message
    if case == "all":
        assert f"<td>{html.escape(PAYLOADS['zone'])}</td>" in page  # the parameter table
        assert "parameter names differ from its stored space" in page
    else:
        # The metric name reaches an attribute (the figure's alt text): quotes are escaped there too.
        assert f'alt="Sobol indices of {html.escape(PAYLOADS["sector"])}' in page


def test_table_escapes_text_that_looks_like_the_reports_markup():
    page = html_parts.table(["h"], [("<span class='ok'>x</span>",), (html_parts.styled("<b>", "ok"),)]).html
    assert "<td>&lt;span class=&#x27;ok&#x27;&gt;x&lt;/span&gt;</td>" in page
    assert '<td><span class="ok">&lt;b&gt;</span></td>' in page


def test_styled_accepts_only_the_reports_own_classes():
    with pytest.raises(ValueError):
        html_parts.styled("x", 'ok" onmouseover="alert(1)')
