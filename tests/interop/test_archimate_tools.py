"""Exchange files written by other tools (Archi, Sparx EA, Visual Paradigm): what the import
keeps, what its report says it did not keep, and the round trip of the imported model.

The files and their sources are listed in ``tests/fixtures/archimate/SOURCES.md``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eakit.interop.archimate_export import export_archimate
from eakit.interop.archimate_import import REPORT_FILE, import_archimate, write_import
from eakit.interop.xsd import ARCHIMATE_NS, validate_exchange
from eakit.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOOL_FILES = [
    *sorted((FIXTURES / "archimate").glob("*.xml")),
    FIXTURES / "interop" / "examples" / "archisurance.xml",
]
A = "{" + ARCHIMATE_NS + "}"
TODAY = dt.date(2026, 1, 2)


def _identifiers(data: bytes, tag: str) -> set[str]:
    root = ET.fromstring(data)
    return {node.get("identifier", "") for node in root.iter(A + tag)}


def test_files_come_from_at_least_three_tools() -> None:
    sources = (FIXTURES / "archimate" / "SOURCES.md").read_text("utf-8")
    for tool in ("Sparx Enterprise Architect", "Archi 5.0.2", "Visual Paradigm"):
        assert tool in sources
    for path in TOOL_FILES:
        assert path.parent.name != "archimate" or f"`{path.name}`" in sources


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.name)
def test_import_keeps_95_percent_and_reports_exactly_the_rest(path: Path, tmp_path: Path) -> None:
    data = path.read_bytes()
    result = import_archimate(data, source=path.name, today=TODAY)
    report = result.report
    elements, relationships = _identifiers(data, "element"), _identifiers(data, "relationship")
    assert (report.elements, report.relationships) == (len(elements), len(relationships))
    assert report.components >= 0.95 * report.elements
    assert report.relationships_kept >= 0.95 * report.relationships
    # Every element and relationship is either kept or listed as not kept, never both.
    lost = {u.identifier for u in report.unmapped if u.what in ("element", "relationship")}
    assert lost <= elements | relationships
    assert report.components + len(lost & elements) == report.elements
    assert report.relationships_kept + len(lost & relationships) == report.relationships
    write_import(result, tmp_path / "model")
    graph = load_graph(tmp_path / "model")
    assert len(graph) == report.components
    text = (tmp_path / "model" / REPORT_FILE).read_text("utf-8")
    for identifier in lost:
        assert f"`{identifier}`" in text
    for what, why, count in report.counts():  # the report says it in Vietnamese, then English
        assert f"| {what} | {why.en} | {count} |" in text
        assert f"| {why} | {count} |" in text
    assert "Date of the model (`as_of`): " in text


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: p.name)
def test_imported_model_round_trips_byte_identical_and_valid(path: Path, tmp_path: Path) -> None:
    first_import = import_archimate(path.read_bytes(), source=path.name, today=TODAY)
    write_import(first_import, tmp_path / "a")
    exported = export_archimate(load_graph(tmp_path / "a"))
    assert validate_exchange(exported) == []
    write_import(import_archimate(exported, source="again.xml"), tmp_path / "b")
    assert export_archimate(load_graph(tmp_path / "b")) == exported


def test_the_sparx_file_in_windows_1252_keeps_its_characters() -> None:
    data = (FIXTURES / "archimate" / "aoeff_3_0_sparx.xml").read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="windows-1252"?>')
    result = import_archimate(data, today=TODAY)
    assert result.report.components == result.report.elements
    # The model has no date of its own: the import says it took today's.
    assert result.manifest.architecture.as_of == TODAY
    assert result.report.date_source.en.startswith(f"{TODAY} (from today's date")
