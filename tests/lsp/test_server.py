"""``eakit lsp`` end to end: the server runs as a subprocess and a real LSP client
(pytest-lsp) drives it on a copy of the bundled model."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parents[2]
APP = "ung-dung/mot-cua-dien-tu.yaml"
WAIT = 60.0  # seconds a notification may take on a busy machine before the test fails
REGISTERED: list[types.Registration] = []  # what the server asked the client to register

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lsp") / "model"
    shutil.copytree(REPO / "model", root, ignore=shutil.ignore_patterns(".eakit-cache"))
    # Checked at 2021-01-01: APP-001 (the owner rule these tests edit) rests on Decree 85/2016
    # since the citation review, so it does not apply at the model's own date (2015-12-31).
    manifest = root / "eakit.yaml"
    text = manifest.read_text("utf-8")
    assert "  as_of: 2015-12-31\n" in text
    manifest.write_text(text.replace("  as_of: 2015-12-31\n", "  as_of: 2021-01-01\n"), "utf-8")
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "eakit", "lsp"]),
)
async def client(lsp_client: LanguageClient, model: Path):
    capabilities = client_capabilities("visual-studio-code")

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        REGISTERED.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=model.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=model.as_uri(), name="model")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def uri(model: Path, rel: str) -> str:
    return (model / rel).as_uri()


def lines(model: Path, rel: str) -> list[str]:
    return (model / rel).read_text(encoding="utf-8").splitlines()


def position_of(model: Path, rel: str, needle: str, nth: int = 0) -> types.Position:
    """The position of the ``nth`` ``needle`` in ``rel`` (its first character)."""
    seen = 0
    for number, line in enumerate(lines(model, rel)):
        at = line.find(needle)
        while at >= 0:
            if seen == nth:
                return types.Position(number, at)
            seen += 1
            at = line.find(needle, at + 1)
    raise AssertionError(f"{needle!r} not in {rel}")


async def diagnostics_until(client: LanguageClient, target: str, test) -> list[types.Diagnostic]:
    """The diagnostics of ``target`` once ``test`` holds of them."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while loop.time() < deadline:
        found = list(client.diagnostics.get(target, []))
        if test(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no such diagnostics for {target}: {client.diagnostics.get(target)}")


def open_text(client: LanguageClient, model: Path, rel: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri=uri(model, rel), language_id="yaml", version=version, text=text
            )
        )
    )


def change_text(client: LanguageClient, model: Path, rel: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri=uri(model, rel), version=version
            ),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def test_rule_findings_carry_code_and_rule_page(client: LanguageClient, model: Path):
    target = uri(model, "dich-vu/cong-thong-tin.yaml")
    found = await diagnostics_until(client, target, lambda ds: any(d.code == "APP-001" for d in ds))
    finding = next(d for d in found if d.code == "APP-001")
    assert finding.severity == types.DiagnosticSeverity.Error
    assert finding.code_description is not None
    assert finding.code_description.href.endswith("/rules/APP-001.html")
    # The finding sits on the component's 'id' (line 6, column 5 in the file, 1-based).
    assert finding.range.start == types.Position(5, 4)


async def test_typo_is_reported_as_you_type_with_a_fix(client: LanguageClient, model: Path):
    text = (model / APP).read_text(encoding="utf-8")
    open_text(client, model, APP, text)
    typo = text.replace("owner: so-tt-tt", "owner: so-tt-t", 1)
    change_text(client, model, APP, typo, 2)
    where = position_of(model, APP, "so-tt-tt")  # the typo sits where the id was
    found = await diagnostics_until(
        client, uri(model, APP), lambda ds: any("so-tt-t'" in d.message for d in ds)
    )
    problem = next(d for d in found if "so-tt-t'" in d.message)
    assert problem.severity == types.DiagnosticSeverity.Error
    assert problem.range.start == where
    assert problem.range.end == types.Position(where.line, where.character + len("so-tt-t"))

    fixes = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri(model, APP)),
            range=problem.range,
            context=types.CodeActionContext(diagnostics=[problem]),
        )
    )
    assert fixes is not None
    fix = next(a for a in fixes if isinstance(a, types.CodeAction) and "so-tt-tt" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri(model, APP)]
    assert edit.new_text == "so-tt-tt" and edit.range == problem.range

    change_text(client, model, APP, text, 3)  # fixed: the problem goes away
    await diagnostics_until(
        client, uri(model, APP), lambda ds: not any("so-tt-t'" in d.message for d in ds)
    )


async def test_definition_and_references_across_files(client: LanguageClient, model: Path):
    at = position_of(model, APP, "so-tt-tt")
    params = types.DefinitionParams(types.TextDocumentIdentifier(uri(model, APP)), at)
    found = await client.text_document_definition_async(params)
    assert isinstance(found, types.Location)
    assert found.uri == uri(model, "to-chuc/co-quan-tinh.yaml")
    assert lines(model, "to-chuc/co-quan-tinh.yaml")[found.range.start.line].strip() == (
        "- id: so-tt-tt"
    )

    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri(model, APP)),
            position=at,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    files = {r.uri for r in refs}
    assert uri(model, APP) in files and uri(model, "eakit.yaml") in files
    assert len(files) > 2
    for ref in refs:
        line = lines(model, Path(ref.uri[len(model.as_uri()) + 1 :]).as_posix())[
            ref.range.start.line
        ]
        assert line[ref.range.start.character : ref.range.end.character] == "so-tt-tt"


async def test_hover_shows_kind_owner_and_findings_with_basis(client: LanguageClient, model: Path):
    rel = "dich-vu/cong-thong-tin.yaml"
    at = position_of(model, rel, "cong-thong-tin-tinh")
    found = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri(model, rel)), at)
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    text = found.contents.value
    assert "Cổng thông tin điện tử tỉnh Sóc Trăng" in text
    assert "`portal`" in text and "Loại" in text  # Vietnamese labels by default
    assert "APP-001" in text and "Nghị định 85/2016/NĐ-CP" in text


async def test_completion_offers_ids_of_the_accepted_kind(client: LanguageClient, model: Path):
    text = (model / APP).read_text(encoding="utf-8")
    edited = text.replace("owner: so-tt-tt", "owner: ", 1)
    change_text(client, model, APP, edited, 10)
    at = position_of(model, APP, "so-tt-tt")
    found = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri(model, APP)), at)
    )
    assert isinstance(found, types.CompletionList)
    labels = {item.label for item in found.items}
    assert "so-tt-tt" in labels and "so-tu-phap" in labels  # agencies
    assert "mot-cua-dien-tu" not in labels and "lgsp-tinh" not in labels  # not agencies
    item = next(i for i in found.items if i.label == "so-tt-tt")
    assert item.label_details is not None and item.label_details.description
    assert "Sở" in item.label_details.description  # the Vietnamese name beside the id

    kinds = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri(model, APP)),
            types.Position(position_of(model, APP, "kind: application").line, len("    kind: ")),
        )
    )
    assert isinstance(kinds, types.CompletionList)
    assert {"application", "agency", "data_centre"} <= {i.label for i in kinds.items}
    change_text(client, model, APP, text, 11)


async def test_rename_changes_every_file_and_refuses_a_clash(client: LanguageClient, model: Path):
    at = position_of(model, APP, "so-tt-tt")
    doc = types.TextDocumentIdentifier(uri(model, APP))
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=at, new_name="so-thong-tin-truyen-thong")
    )
    assert edit is not None and edit.changes is not None
    assert uri(model, "to-chuc/co-quan-tinh.yaml") in edit.changes  # the declaration
    assert uri(model, "eakit.yaml") in edit.changes  # the manifest's owner_agency
    assert all(
        e.new_text == "so-thong-tin-truyen-thong" for es in edit.changes.values() for e in es
    )

    with pytest.raises(JsonRpcException, match="so-tu-phap"):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc, position=at, new_name="so-tu-phap")
        )


async def test_waiving_a_finding(client: LanguageClient, model: Path):
    rel = "dich-vu/cong-thong-tin.yaml"
    found = await diagnostics_until(
        client, uri(model, rel), lambda ds: any(d.code == "APP-001" for d in ds)
    )
    finding = next(d for d in found if d.code == "APP-001")
    offered = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri(model, rel)),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    assert offered is not None
    waive = next(a for a in offered if isinstance(a, types.CodeAction) and "APP-001" in a.title)
    assert waive.edit is not None and waive.edit.document_changes is not None
    texts = [
        e.new_text
        for change in waive.edit.document_changes
        if isinstance(change, types.TextDocumentEdit)
        for e in change.edits
    ]
    waiver = next(t for t in texts if "rule: APP-001" in t)
    assert "component: cong-thong-tin-tinh" in waiver
    assert "owner:" in waiver and "expires:" in waiver and "reason:" in waiver
    assert any("waivers: waivers.yaml" in t for t in texts)  # the manifest names the file


async def test_symbols_of_a_file_and_of_the_workspace(client: LanguageClient, model: Path):
    rel = "to-chuc/co-quan-tinh.yaml"
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri(model, rel)))
    )
    assert found is not None
    by_name = {s.name: s for s in found if isinstance(s, types.DocumentSymbol)}
    assert "so-tt-tt" in by_name and "so-tu-phap" in by_name
    assert "Sở" in (by_name["so-tt-tt"].detail or "")
    assert by_name["so-tt-tt"].selection_range.start == position_of(model, rel, "so-tt-tt")

    hits = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="tu phap"))
    assert hits is not None
    named = {h.name.split(" · ")[0]: h for h in hits}
    assert "so-tu-phap" in named  # accents and case ignored
    assert named["so-tu-phap"].location.uri == uri(model, rel)  # type: ignore[union-attr]
    assert named["so-tu-phap"].container_name is not None


async def test_a_missing_required_field_is_added_by_a_fix(client: LanguageClient, model: Path):
    rel = "ung-dung/moi.yaml"  # a new file, not saved yet
    text = "components:\n  - id: ung-dung-moi\n    kind: application\n    app_type: other\n"
    open_text(client, model, rel, text)
    found = await diagnostics_until(
        client, uri(model, rel), lambda ds: any("'tên' (name)" in d.message for d in ds)
    )
    problem = next(d for d in found if "'tên' (name)" in d.message)
    offered = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri(model, rel)),
            range=problem.range,
            context=types.CodeActionContext(diagnostics=[problem]),
        )
    )
    assert offered is not None
    add = next(a for a in offered if isinstance(a, types.CodeAction) and "'name'" in a.title)
    assert add.title == "Thêm trường bắt buộc 'name'"  # Vietnamese by default
    assert add.edit is not None and add.edit.changes is not None
    (edit,) = add.edit.changes[uri(model, rel)]
    assert edit.new_text == "    name: \n"
    assert edit.range.start == types.Position(problem.range.start.line + 1, 0)

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri(model, rel)))
    )
    await diagnostics_until(client, uri(model, rel), lambda ds: not ds)  # gone with the file
    assert not (model / rel).exists()  # the server never writes the model


async def test_a_file_changed_on_disk_is_checked_again(client: LanguageClient, model: Path):
    rel = "ha-tang/mang-lan.yaml"
    original = (model / rel).read_text(encoding="utf-8")
    try:
        (model / rel).write_text(original.replace("kind:", "kidn:", 1), encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri=uri(model, rel), type=types.FileChangeType.Changed)]
            )
        )
        await diagnostics_until(
            client, uri(model, rel), lambda ds: any("không có 'kind'" in d.message for d in ds)
        )
    finally:
        (model / rel).write_text(original, encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(uri=uri(model, rel), type=types.FileChangeType.Changed)]
            )
        )
    await diagnostics_until(
        client, uri(model, rel), lambda ds: not any("has no 'kind'" in d.message for d in ds)
    )


async def test_completion_of_field_names_and_enum_values(client: LanguageClient, model: Path):
    text = (model / APP).read_text(encoding="utf-8")
    at = position_of(model, APP, "    shared: true")
    edited = text.replace("    shared: true\n", "    shared: true\n    \n", 1)
    change_text(client, model, APP, edited, 20)
    keys = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri(model, APP)), types.Position(at.line + 1, 4)
        )
    )
    assert isinstance(keys, types.CompletionList)
    labels = {i.label for i in keys.items}
    assert {"hosted_on", "security_level", "status"} <= labels
    assert "owner" not in labels and "shared" not in labels  # the item has them already
    status = text.replace("    shared: true\n", "    shared: true\n    status: \n", 1)
    change_text(client, model, APP, status, 21)
    values = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(uri(model, APP)),
            types.Position(at.line + 1, len("    status: ")),
        )
    )
    assert isinstance(values, types.CompletionList)
    assert {i.label for i in values.items} == {"current", "planned", "retired"}
    change_text(client, model, APP, text, 22)


async def test_a_file_outside_the_model_is_left_alone(
    client: LanguageClient, model: Path, tmp_path: Path
):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("components:\n  - id: so-tt-tt\n    kidn: agency\n", encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri=outside.as_uri(), language_id="yaml", version=1, text=outside.read_text()
            )
        )
    )
    found = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(outside.as_uri()), types.Position(1, 10))
    )
    assert found is None
    assert outside.as_uri() not in client.diagnostics


async def test_the_server_asks_the_editor_to_watch_model_files(client: LanguageClient):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while not REGISTERED and loop.time() < deadline:
        await asyncio.sleep(0.05)
    (registration,) = REGISTERED
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    # The client leaves the options as JSON (their type depends on the method).
    assert registration.register_options == {"watchers": [{"globPattern": "**/*.{yaml,yml}"}]}
