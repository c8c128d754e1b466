"""The language server: LSP messages to the model state and back (pygls 2).

Checks run one at a time in a worker thread, so the editor's questions (hover,
completion, ...) are answered from the last check meanwhile. A change is checked after
:data:`DEBOUNCE_SECONDS` without another; the edited file's own problems are published
first (:meth:`ModelState.quick_check`), then what the re-check of the model found.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer

from eakit import __version__
from eakit.diagnostics import Diagnostic
from eakit.lsp import actions, completion, hover, navigation, rename, symbols
from eakit.lsp.diagnostics import convert, grouped, signature
from eakit.lsp.state import ModelState, find_root, path_of
from eakit.lsp.words import Lang
from eakit.speed.switches import collect_all

DEBOUNCE_SECONDS = 0.3
# Seconds without a check before a full garbage collection (a second or two at national
# scale: done while nobody waits; see eakit.speed.switches.keep_alive_state).
IDLE_SECONDS = 20.0
REQUEST_FAILED = -32803
PUBLISH_BATCH = 20  # files published between two turns of the event loop


class EakitServer(LanguageServer):
    """The server and what it knows between messages."""

    def __init__(self, lang: Lang, model: Path | None) -> None:
        super().__init__("eakit", __version__)
        self.lang = lang
        self.model_arg = model
        self.state: ModelState | None = None
        self.lock = asyncio.Lock()  # one check at a time
        self.quick_lock = asyncio.Lock()  # one quick check at a time (see check)
        self.publishing = asyncio.Lock()  # one publication at a time, in order
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.sent: dict[str, tuple[object, ...]] = {}  # what each file was last sent
        self.tidy: asyncio.TimerHandle | None = None

    # The model -------------------------------------------------------------------------

    def workspace_folder(self) -> Path | None:
        folders = self.workspace.folders
        if folders:
            return path_of(next(iter(folders.values())).uri)
        root = self.workspace.root_uri
        return path_of(root) if root else None

    async def ensure_state(self, near: Path | None = None) -> ModelState | None:
        """The model state, created and checked on first need."""
        if self.state is not None:
            return self.state
        folder = self.workspace_folder()
        root = self.model_arg
        if root is None and folder is not None:
            root = find_root(folder, folder) or _child_model(folder)
        if root is None and near is not None:
            root = find_root(near, folder)
        if root is None:
            return None
        state = self.state = ModelState(root, self.lang)
        async with self.lock:
            await asyncio.to_thread(state.start)
        await self.publish(None)
        self.tidy_later()
        return state

    def watch_files(self) -> None:
        """Ask the editor to report YAML files changed outside it (a branch checked out,
        a file generated), when it can watch files for the server."""
        workspace = self.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace is not None else None
        if watching is None or not watching.dynamic_registration:
            return
        watcher = types.FileSystemWatcher(glob_pattern="**/*.{yaml,yml}")
        self.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="eakit-model-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[watcher]
                        ),
                    )
                ]
            )
        )

    def rel(self, uri: str) -> str | None:
        return self.state.rel_of(uri) if self.state is not None else None

    # Diagnostics -----------------------------------------------------------------------

    async def publish(
        self,
        files: set[str] | None,
        problems: list[Diagnostic] | None = None,
        force: frozenset[str] = frozenset(),
    ) -> None:
        """Publish the diagnostics of ``files`` (every file when None): the model's load
        problems (or ``problems``) and the last valid check's findings. A file whose
        diagnostics did not change is not sent again, unless it is in ``force`` (an
        edited file: the same problems may sit on words of another length)."""
        async with self.publishing:
            await self._publish(files, problems, force)

    async def _publish(
        self, files: set[str] | None, problems: list[Diagnostic] | None, force: frozenset[str]
    ) -> None:
        state = self.state
        if state is None:
            return
        problems = state.errors if problems is None else problems
        found = grouped(problems, state.findings(), files)
        targets = set(found) | (set(self.sent) if files is None else set(self.sent) & files)
        if files is not None:
            targets |= files & set(state.open)
        split: dict[str, list[str] | None] = {}

        def lines_of(rel: str) -> list[str] | None:
            if rel not in split:
                text = state.text(rel)
                split[rel] = text.splitlines() if text is not None else None
            return split[rel]

        for count, rel in enumerate(sorted(targets), start=1):
            if count % PUBLISH_BATCH == 0:
                await asyncio.sleep(0)  # the editor's questions are answered in between
            items = found.get(rel, [])
            said = signature(items)
            if rel not in force and self.sent.get(rel, ()) == said:
                continue  # unchanged (nothing sent and nothing to send counts as unchanged)
            diagnostics = convert(items, lines_of, state.uri_of, self.lang)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=state.uri_of(rel), diagnostics=diagnostics)
            )
            if items:
                self.sent[rel] = said
            else:
                self.sent.pop(rel, None)

    def schedule(self, rel: str, delay: float = DEBOUNCE_SECONDS, full: bool = False) -> None:
        """Check ``rel`` again after ``delay`` seconds without another change."""
        loop = asyncio.get_running_loop()
        previous = self.pending.pop(rel, None)
        if previous is not None:
            previous.cancel()
        self.pending[rel] = loop.call_later(
            delay, lambda: asyncio.ensure_future(self.check([rel], full))
        )

    async def check(self, rels: list[str], full: bool) -> None:
        state = self.state
        if state is None:
            return
        for rel in rels:
            self.pending.pop(rel, None)
        if not full:
            # The edited file's own problems first, without waiting for a check still
            # running: a full load of a large model (which an invalid edit needs) takes
            # seconds, this takes milliseconds. It only reads the copy and the last graph.
            async with self.quick_lock:
                problems = await asyncio.to_thread(state.quick_check, rels[0])
            if problems:
                others = [e for e in state.errors if e.location.file != rels[0]]
                await self.publish({rels[0]}, problems + others, frozenset(rels))
        async with self.lock:
            await asyncio.to_thread(state.recheck, rels)
        await self.publish(None if full else set(state.open) | set(rels), force=frozenset(rels))
        self.tidy_later()

    def tidy_later(self) -> None:
        """Collect what earlier checks left, once the editor has been quiet a while."""
        if self.tidy is not None:
            self.tidy.cancel()

        def tidy() -> None:
            if not self.lock.locked():
                collect_all()

        self.tidy = asyncio.get_running_loop().call_later(IDLE_SECONDS, tidy)


def _child_model(folder: Path) -> Path | None:
    """A model folder one level below ``folder`` (a repository with ``model/``)."""
    for child in sorted(folder.iterdir()) if folder.is_dir() else []:
        if child.is_dir() and not child.name.startswith(".") and (child / "eakit.yaml").is_file():
            return child
    return None


def build_server(lang: Lang = "vi", model: Path | None = None) -> EakitServer:
    """The server with every feature registered."""
    server = EakitServer(lang, model)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: EakitServer, _params: types.InitializedParams) -> None:
        ls.watch_files()
        await ls.ensure_state()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: EakitServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        await ls.ensure_state(path_of(document.uri))
        rel = ls.rel(document.uri)
        if rel is None or ls.state is None:
            return
        if ls.state.edited(rel, document.text):
            ls.schedule(rel, 0.0)
        else:
            await ls.publish({rel}, force=frozenset({rel}))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EakitServer, params: types.DidChangeTextDocumentParams) -> None:
        rel = ls.rel(params.text_document.uri)
        if rel is None or ls.state is None:
            return
        text = ls.workspace.get_text_document(params.text_document.uri).source
        if ls.state.edited(rel, text):
            ls.schedule(rel)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EakitServer, params: types.DidSaveTextDocumentParams) -> None:
        rel = ls.rel(params.text_document.uri)
        if rel is not None:
            ls.schedule(rel, 0.0, full=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EakitServer, params: types.DidCloseTextDocumentParams) -> None:
        rel = ls.rel(params.text_document.uri)
        if rel is not None and ls.state is not None:
            ls.state.closed(rel)
            ls.schedule(rel, 0.0, full=True)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_files(ls: EakitServer, params: types.DidChangeWatchedFilesParams) -> None:
        state = ls.state
        if state is None:
            return
        rels = sorted({r for c in params.changes if (r := ls.rel(c.uri)) is not None})
        if rels:
            state.changed_on_disk(rels)
            await ls.check(rels, full=True)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: EakitServer, params: types.DefinitionParams) -> types.Location | None:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return None
        found = navigation.id_at(state, rel, params.position.line, params.position.character)
        if found is None:
            return None
        declared = navigation.declaration(state, found.id)
        return navigation.to_location(state, *declared) if declared is not None else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: EakitServer, params: types.ReferenceParams) -> list[types.Location]:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return []
        found = navigation.id_at(state, rel, params.position.line, params.position.character)
        if found is None:
            return []
        keep = params.context.include_declaration
        return [
            navigation.to_location(state, where, mention)
            for where, mention in navigation.mentions(state, found.id)
            if keep or not mention.declaration
        ]

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: EakitServer, params: types.HoverParams) -> types.Hover | None:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return None
        return hover.hover(state, rel, params.position.line, params.position.character)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[":", " ", "-", ","]),
    )
    def on_completion(ls: EakitServer, params: types.CompletionParams) -> types.CompletionList:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return types.CompletionList(is_incomplete=False, items=[])
        return completion.complete(state, rel, params.position.line, params.position.character)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: EakitServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        return symbols.document_symbols(state, rel) if state is not None and rel else []

    @server.feature(types.WORKSPACE_SYMBOL)
    def workspace_symbol(
        ls: EakitServer, params: types.WorkspaceSymbolParams
    ) -> list[types.WorkspaceSymbol]:
        return symbols.workspace_symbols(ls.state, params.query) if ls.state is not None else []

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: EakitServer, params: types.PrepareRenameParams) -> types.Range | None:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return None
        return rename.prepare(state, rel, params.position.line, params.position.character)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def on_rename(ls: EakitServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return None
        try:
            return rename.rename(
                state, rel, params.position.line, params.position.character, params.new_name
            )
        except rename.RenameRefused as refused:
            raise JsonRpcException(str(refused), code=REQUEST_FAILED) from None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: EakitServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        state, rel = ls.state, ls.rel(params.text_document.uri)
        if state is None or rel is None:
            return []
        return actions.actions(state, rel, list(params.context.diagnostics), dt.date.today())

    return server


def serve(lang: Lang, model: Path | None) -> None:
    """Run the server on stdin and stdout until the editor stops it (``exit``, or
    SIGTERM); the private copy of the model is removed either way."""
    server = build_server(lang, model)

    def stop(_signal: int, _frame: object) -> None:
        # Unwinding would wait for the thread that reads stdin: clean up and leave now.
        if server.state is not None:
            server.state.close()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)  # an editor stopping the server
    try:
        server.start_io()
    finally:
        if server.state is not None:
            server.state.close()
