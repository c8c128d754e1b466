"""Model text cannot act on a terminal or break an XML report (issue 16, item 5), a name
ending in U+FFFE does not break ``build``, and a Graphviz failure names the model file
(item 7).

The hostile model carries escape sequences (colour, terminal title), C0 and C1 controls,
DEL, a bidirectional override and isolate and the non-character U+FFFE in every place the
loader accepts them: the architecture's name, descriptions, free-form properties, a
waiver's reason. Each output must hold none of them raw, and still parse.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.pipeline import check, load_graph

# What a terminal acts on, or an XML parser refuses.
HOSTILE = "A\x1b[31mred\x1b]0;pwned\x07 \x01\x7f\x80\x9b \u202eevil\u2066 end\ufffe"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
# What XML 1.0 forbids, with DEL and the C1 controls (direction marks are text there).
XML_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _yaml(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: every control character as an escape.
    return json.dumps(text)


def write_hostile_model(root: Path) -> Path:
    """A valid model whose free text is hostile (names are refused by the loader)."""
    root.mkdir(parents=True)
    (root / "eakit.yaml").write_text(
        "eakit: 1\n"
        "architecture:\n"
        "  id: hostile\n"
        f"  name: {_yaml('Kiến trúc ' + HOSTILE)}\n"
        "  framework: vn-egov-2.0\n"
        "  as_of: 2025-12-31\n"
        "  horizon: 2030\n"
        "waivers: waivers.yaml\n",
        "utf-8",
    )
    (root / "model.yaml").write_text(
        "components:\n"
        "  - id: co-quan\n"
        "    kind: agency\n"
        "    agency_type: department\n"
        "    name: Sở Nội vụ\n"
        f"    description: {_yaml(HOSTILE)}\n"
        "  - id: ung-dung\n"
        "    kind: application\n"
        "    name: Ứng dụng\n"
        "    owner: co-quan\n"
        f"    description: {_yaml(HOSTILE)}\n"
        f"    properties: {{ghi_chu: {_yaml(HOSTILE)}}}\n",
        "utf-8",
    )
    (root / "waivers.yaml").write_text(
        "waivers:\n"
        "  - rule: APP-002\n"
        "    component: ung-dung\n"
        f"    reason: {_yaml(HOSTILE)}\n"
        "    owner: Sở Nội vụ\n"
        "    expires: 2099-12-31\n",
        "utf-8",
    )
    return root


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile_model(tmp_path / "m")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _raw(text: str, pattern: re.Pattern[str] = RAW) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in pattern.findall(text)})


def test_text_findings_show_control_characters_escaped(hostile: Path, runner: CliRunner) -> None:
    """Fails on main: the waiver's reason reached the findings raw (ESC, BEL, C1...)."""
    result = runner.invoke(build_app(), ["check", str(hostile), "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    assert "[waived: A\\x1b[31mred\\x1b]0;pwned\\x07 \\x01\\x7f\\x80\\x9b" in result.output
    for line in result.output.splitlines():
        assert _raw(line) == [], line


def test_diagnostics_show_control_characters_escaped(tmp_path: Path, runner: CliRunner) -> None:
    """Fails on main: a load error quoting model text printed its escape sequences raw."""
    model = write_hostile_model(tmp_path / "m")
    with (model / "model.yaml").open("a", encoding="utf-8") as file:
        file.write(f"  - id: la\n    kind: {_yaml(HOSTILE)}\n    name: X\n")
    result = runner.invoke(build_app(), ["check", str(model)])
    assert result.exit_code == 2, result.output
    assert "\\x1b[31m" in result.output
    assert _raw(result.output.replace("\n", "")) == []


@pytest.mark.parametrize("bad", ["\x1b[2J", "\x9b31m", "\u202e", "\ufffe", "\x07"])
def test_a_name_with_a_control_character_is_refused_where_it_is(
    hostile: Path, runner: CliRunner, bad: str
) -> None:
    """Fails on main: the name loaded, and went raw (or, ending in U+FFFE, broke
    Graphviz with a message that named no model file)."""
    text = (hostile / "model.yaml").read_text("utf-8")
    (hostile / "model.yaml").write_text(
        text.replace("name: Ứng dụng", f"name: {_yaml('Ứng dụng ' + bad)}"), "utf-8"
    )
    result = runner.invoke(build_app(), ["check", str(hostile), "--lang", "en"])
    assert result.exit_code == 2, result.output
    first = result.output.splitlines()[0]
    assert re.fullmatch(r".*model\.yaml:9:5: error: 'name': .*control character \\[xu]\w+.*", first)
    assert _raw(result.output.replace("\n", "")) == []


def test_json_report_escapes_what_a_terminal_acts_on(hostile: Path, runner: CliRunner) -> None:
    """Fails on main: DEL, C1 controls and direction overrides were written raw."""
    result = runner.invoke(build_app(), ["check", str(hostile), "--format", "json"])
    assert _raw(result.stdout) == []
    report = json.loads(result.stdout)
    [waived] = [f for f in report["findings"] if f["waived"]]
    assert waived["waived"]["reason"] == HOSTILE  # the same value, only escaped


def test_sarif_report_escapes_what_a_terminal_acts_on(hostile: Path, runner: CliRunner) -> None:
    """Fails on main: DEL, C1 controls and direction overrides were written raw."""
    result = runner.invoke(build_app(), ["check", str(hostile), "--format", "sarif"])
    assert _raw(result.stdout) == []
    sarif = json.loads(result.stdout)
    justifications = [
        s["justification"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", [])
    ]
    assert any(HOSTILE in text for text in justifications)


def test_junit_report_is_valid_xml(hostile: Path, runner: CliRunner) -> None:
    """Fails on main: the JUnit file held ESC and BEL, which XML 1.0 forbids."""
    from lxml import etree

    result = runner.invoke(build_app(), ["check", str(hostile), "--format", "junit"])
    assert result.exit_code in (0, 1), result.output
    root = etree.fromstring(result.stdout.encode("utf-8"))
    skipped = root.xpath("//skipped/@message")
    assert skipped
    assert "\\x1b[31m" in skipped[0]
    assert _raw(result.stdout, XML_RAW) == []


def test_workbook_opens_and_holds_no_control_character(hostile: Path, tmp_path: Path) -> None:
    """Fails on main: openpyxl raised on the architecture's name in the page footer."""
    import openpyxl

    from eakit.render.excel import write_workbook

    graph = load_graph(hostile)
    path = write_workbook(graph, check(graph), tmp_path / "readiness.xlsx")
    book = openpyxl.load_workbook(path)
    texts = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert any("Kiến trúc A[31mred" in text for text in texts)
    assert all(XML_RAW.search(text) is None for text in texts)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_svg_diagrams_are_valid_xml(hostile: Path, tmp_path: Path) -> None:
    """Fails on main: the name ending in U+FFFE made Graphviz's XML parser fail."""
    from lxml import etree

    from eakit.render.diagrams import render_views

    graph = load_graph(hostile)
    paths = render_views(graph, check(graph), tmp_path / "svg", formats=("svg",))
    assert paths
    for path in paths:
        etree.parse(str(path))
        assert _raw(path.read_text("utf-8"), XML_RAW) == []


def test_archimate_export_is_valid_xml(hostile: Path) -> None:
    """Fails on main: descriptions and properties were written with ESC, BEL and U+0001."""
    from lxml import etree

    from eakit.interop.archimate_export import export_archimate

    data = export_archimate(load_graph(hostile))
    root = etree.fromstring(data)
    assert root.xpath("//*[local-name()='documentation' and contains(., '\\x1b[31m')]")
    assert _raw(data.decode("utf-8"), XML_RAW) == []


@pytest.mark.parametrize("paged", [False, True], ids=["page-per-component", "national"])
def test_site_pages_and_search_index_show_control_characters_escaped(
    hostile: Path, tmp_path: Path, paged: bool
) -> None:
    """Fails on main: pages, titles and the search index held the control characters raw
    (in both layouts: one page per component, and the paged one of national models)."""
    from lxml import html

    from eakit.render.site import build_site
    from eakit.render.site.layout import SiteLayout

    graph = load_graph(hostile)
    layout = SiteLayout(graph, threshold=0, page_size=1) if paged else None
    out = Path(build_site(graph, check(graph), tmp_path / "site", diagrams=False, layout=layout))
    pages = sorted(out.rglob("*.html"))
    assert pages
    shown = []
    for page in pages:
        text = page.read_text("utf-8")
        assert _raw(text) == [], page
        tree = html.fromstring(text)
        shown.append(tree.text_content())
    assert any("A\\x1b[31mred" in text for text in shown)
    index = (out / "search" / "search_index.json").read_text("utf-8")
    json.loads(index)
    assert _raw(index) == []


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_build_of_a_model_named_with_u_fffe_succeeds(hostile: Path, tmp_path: Path) -> None:
    """Fails on main: Graphviz refused the name ending in U+FFFE and the build stopped
    (exit 2 after a traceback or a message naming no model file)."""
    out = tmp_path / "reports"
    result = CliRunner().invoke(build_app(), ["build", str(hostile), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    for name in (
        "check.json",
        "check.sarif",
        "findings.txt",
        "readiness.xlsx",
        "readiness.docx",
        "site/index.html",
    ):
        assert (out / name).is_file(), name
    assert _raw((out / "findings.txt").read_text("utf-8").replace("\n", "")) == []


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for dot")
@pytest.mark.parametrize("command", ["build", "diagram", "docs"])
def test_a_graphviz_failure_names_the_model_file(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Fails on main: the message named the node but not the model file (and ``docs``
    ended in a traceback)."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "dot").write_text(
        "#!/bin/sh\ncat >/dev/null\n"
        "echo 'Error: not well-formed (invalid token) in line 1' >&2\n"
        "printf '... \\033[31m ...\\n' >&2\n"
        "echo 'in label of node ung-dung' >&2\nexit 1\n",
        "utf-8",
    )
    (fake / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:/usr/bin:/bin")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(build_app(), [command, "m", "-o", "out", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert first.startswith("m/model.yaml:7:5: error: view '"), first
    assert "in label of node ung-dung" in first
    assert "\\x1b[31m" in first and _raw(first) == []


def test_watch_output_shows_control_characters_escaped(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fails on main: the first check and a re-check's diagnostics printed them raw."""
    from eakit.cli.watch import watch
    from eakit.incremental.session import Session

    session = Session(hostile, as_of=None, select=[], ignore=[], waivers=None, lang="en")
    edited = hostile / "model.yaml"

    def batches():
        text = edited.read_text("utf-8")
        edited.write_text(text + f"  - id: la\n    kind: {_yaml(HOSTILE)}\n    name: X\n", "utf-8")
        yield {("modified", str(edited))}

    watch(session, None, batches())
    out = capsys.readouterr().out
    assert "[waived: A\\x1b[31m" in out
    assert "kind" in out and "\\x1b]0;pwned" in out
    for line in out.splitlines():
        assert _raw(line) == [], line


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_diff_output_shows_control_characters_escaped(
    tmp_path: Path, runner: CliRunner, fmt: str
) -> None:
    """Fails on main: a changed description was printed with its control characters."""
    old, new = write_hostile_model(tmp_path / "a"), write_hostile_model(tmp_path / "b")
    text = (old / "model.yaml").read_text("utf-8")
    (old / "model.yaml").write_text(text.replace('description: "A', 'description: "B', 1))
    result = runner.invoke(build_app(), ["diff", str(old), str(new), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert _raw(result.stdout.replace("\n", "")) == []
    if fmt == "json":
        assert f'"new": {json.dumps(HOSTILE)}' in json.dumps(json.loads(result.stdout))
    else:
        assert "\\x1b[31mred" in result.stdout


def test_the_helpers_escape_visibly_and_keep_json_values() -> None:
    """Fails on main: there were no such helpers."""
    from eakit.text import for_terminal, for_terminal_lines, for_xml, json_neutral

    assert for_terminal("a\x1b[1m\tb\nc\u202e") == "a\\x1b[1m\tb\\x0ac\\u202e"
    assert for_terminal_lines("a\x07\nb") == "a\\x07\nb"
    assert for_xml("a\x01\n\t\r\ufffe\x85") == "a\\x01\n\t\r\\ufffe\\x85"
    assert for_xml("a\x01b", drop=True) == "ab"
    data = json.dumps({"k": "x\x7f\x85\u2028\u202e\ufffe Sở “q”"}, ensure_ascii=False)
    neutral = json_neutral(data.encode("utf-8"))
    assert json.loads(neutral) == json.loads(data)
    assert _raw(neutral.decode("utf-8")) == []
