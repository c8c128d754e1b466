"""The model state behind the server, in process: the quick check of one edited file."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from eakit.lsp.state import ModelState

REPO = Path(__file__).resolve().parents[2]
APP = "ung-dung/mot-cua-dien-tu.yaml"


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("state") / "model"
    shutil.copytree(REPO / "model", root, ignore=shutil.ignore_patterns(".eakit-cache"))
    made = ModelState(root, "vi")
    made.start()
    yield made
    made.close()


def test_quick_check_finds_a_broken_reference_with_its_suggestion(state: ModelState) -> None:
    text = (state.root / APP).read_text("utf-8")
    state.edited(APP, text.replace("owner: so-tt-tt", "owner: so-tt-t", 1))
    try:
        (problem,) = state.quick_check(APP)
        english = problem.message.en  # type: ignore[attr-defined]
        assert "unknown component 'so-tt-t' (did you mean 'so-tt-tt'?)" in english
        assert problem.location.file == APP
    finally:
        state.edited(APP, text)
    assert state.quick_check(APP) == []


def test_quick_check_reports_a_yaml_error_at_its_line(state: ModelState) -> None:
    text = (state.root / APP).read_text("utf-8")
    state.edited(APP, text.replace("    shared: true\n", "    shared: [true\n", 1))
    try:
        problems = state.quick_check(APP)
        assert problems and problems[0].code == "yaml"
    finally:
        state.edited(APP, text)


def test_a_removed_declaration_leaves_references_dangling(state: ModelState) -> None:
    rel = "to-chuc/co-quan-tinh.yaml"
    text = (state.root / rel).read_text("utf-8")
    assert state.text(rel) == text
    assert state.rel_of((state.root / rel).as_uri()) == rel
    assert state.rel_of((state.root.parent / "x.yaml").as_uri()) is None  # outside the model
    assert state.text("../x.yaml") is None


def test_hover_and_names_follow_the_language(state: ModelState) -> None:
    from eakit.lsp.hover import hover

    rel = "dich-vu/cong-thong-tin.yaml"
    lines = (state.root / rel).read_text("utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if "id: cong-thong-tin-tinh" in line)
    char = lines[row].index("cong-thong-tin-tinh")
    state.lang = "en"
    try:
        card = hover(state, rel, row, char)
        assert card is not None
        text = card.contents.value  # type: ignore[union-attr]
        assert "Kind: Portal" in text and "Findings" in text and "Loại" not in text
    finally:
        state.lang = "vi"
    card = hover(state, rel, row, char)
    assert card is not None and "Loại: Cổng thông tin" in card.contents.value  # type: ignore[union-attr]


def test_a_file_is_published_again_only_when_its_diagnostics_change(state: ModelState) -> None:
    from lsprotocol import types

    from eakit.lsp.server import EakitServer

    server = EakitServer("vi", state.root)
    server.state = state
    sent: list[types.PublishDiagnosticsParams] = []
    server.text_document_publish_diagnostics = sent.append  # type: ignore[method-assign]
    asyncio.run(server.publish(None))
    first = {p.uri for p in sent}
    assert (state.root / "dich-vu/cong-thong-tin.yaml").as_uri() in first
    sent.clear()
    asyncio.run(server.publish(None))
    assert sent == []  # nothing changed
    asyncio.run(server.publish({APP}, force=frozenset({APP})))
    assert [p.uri for p in sent] == [(state.root / APP).as_uri()]


def test_relation_ends_offer_the_kinds_the_type_allows(state: ModelState) -> None:
    from eakit.lsp.completion import complete

    rel = "ung-dung/moi-quan-he.yaml"
    text = "relations:\n  - {from: mot-cua-dien-tu, to: , type: integrates_with}\n"
    state.open[rel] = text  # completion reads the editor's text
    try:
        found = complete(state, rel, 1, text.splitlines()[1].index("to: ") + 4)
        assert state.graph is not None
        kinds = {state.graph.kinds[item.label] for item in found.items}
        assert kinds == {"integration_platform"}  # integrates_with ends at a platform
        untyped = "relations:\n  - {from: mot-cua-dien-tu, to: }\n"
        state.open[rel] = untyped
        found = complete(state, rel, 1, untyped.splitlines()[1].index("to: ") + 4)
        assert len({state.graph.kinds[item.label] for item in found.items}) > 1
    finally:
        del state.open[rel]


def test_keys_inside_a_nested_mapping_are_that_mapping_s_fields(state: ModelState) -> None:
    from eakit.lsp.completion import complete

    rel = "ung-dung/moi.yaml"
    text = (
        "components:\n  - id: ung-dung-moi\n    kind: application\n    app_type: other\n"
        "    security_dossier:\n      approved: \n      \n"
    )
    state.open[rel] = text
    try:
        keys = {i.label for i in complete(state, rel, 6, 6).items}
        assert {"approved", "decision_ref", "protection_plan"} <= keys
        assert "owner" not in keys
        values = {i.label for i in complete(state, rel, 5, len("      approved: ")).items}
        assert values == {"true", "false"}
        top = {i.label for i in complete(state, rel, 4, 4).items}  # beside security_dossier
        assert "owner" in top and "approved" not in top
    finally:
        del state.open[rel]


def test_the_manifest_is_left_to_the_full_check(state: ModelState) -> None:
    manifest = (state.root / "eakit.yaml").read_text("utf-8")
    state.edited("eakit.yaml", manifest + "\n")
    try:
        assert not state.is_model_file("eakit.yaml")
        assert state.quick_check("eakit.yaml") == []  # not read as a file of components
        assert state.is_model_file(APP)
    finally:
        state.edited("eakit.yaml", manifest)


def test_each_document_symbol_contains_its_id(state: ModelState) -> None:
    from eakit.lsp.symbols import document_symbols

    rel = "to-chuc/moi.yaml"
    state.open[rel] = (
        "components:\n  - id: so-moi\n    kind: agency\n    name: Sở Mới\n\n"
        "  - {id: so-khac, kind: agency, name: Sở Khác}"
    )
    try:
        found = document_symbols(state, rel)
        assert [s.name for s in found] == ["so-moi", "so-khac"]
        for symbol in found:
            inner, outer = symbol.selection_range, symbol.range
            assert (outer.start.line, outer.start.character) <= (
                inner.start.line,
                inner.start.character,
            )
            assert (inner.end.line, inner.end.character) <= (outer.end.line, outer.end.character)
        assert found[0].range.end.line == 3  # the blank line before the next item left out
    finally:
        del state.open[rel]


def test_a_yaml_file_the_model_does_not_take_is_not_checked(state: ModelState) -> None:
    assert state.graph is not None
    include = state.graph.manifest.include
    assert include == ["**/*.yaml"]
    assert not state.is_model_file("notes.yml")  # not matched by the include pattern
    assert not state.is_model_file(".github/ci.yaml")  # hidden, as the loader skips it
    assert state.is_model_file("ung-dung/moi.yaml")  # a new model file


def test_a_missing_key_of_a_nested_mapping_goes_inside_it(state: ModelState) -> None:
    from lsprotocol import types

    from eakit.lsp.actions import _insert_key

    lines = ["  - id: a", "    security_dossier:", "      approved: true"]
    inside = _insert_key(
        lines, types.Range(types.Position(1, 4), types.Position(1, 20)), "date", ""
    )
    assert inside.new_text == "      date: \n" and inside.range.start == types.Position(2, 0)
    item = _insert_key(lines, types.Range(types.Position(0, 4), types.Position(0, 6)), "name", "")
    assert item.new_text == "    name: \n"
