"""The model behind the server: its files as the editor holds them, checked as they change.

The check is the watch loop's (:class:`eakit.incremental.session.Session`) on a private
copy of the model's YAML files (:class:`eakit.incremental.overlay.Overlay`) where open
buffers replace what is saved. Only paths inside the model root are ever read.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from eakit.diagnostics import Diagnostic
from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.incremental.overlay import Overlay
from eakit.incremental.session import Session, Update
from eakit.loader import read_file
from eakit.loader.collect import Collected, collect
from eakit.loader.files import MANIFEST, ModelFile, matches_patterns, reserved_files
from eakit.loader.locator import YamlLocator
from eakit.loader.references import check_references
from eakit.loader.suggest import IdSuggester
from eakit.loader.yamlio import MAX_FILE_BYTES
from eakit.lsp.words import Lang
from eakit.lsp.yamltext import occurrences
from eakit.model import Model
from eakit.rules.pack import resolve_pack
from eakit.speed.switches import keep_alive_state


def find_root(start: Path, stop: Path | None) -> Path | None:
    """The nearest folder at or above ``start`` holding ``eakit.yaml``, not above ``stop``."""
    folder = start if start.is_dir() else start.parent
    while True:
        if (folder / MANIFEST).is_file():
            return folder
        if folder == stop or folder.parent == folder:
            return None
        folder = folder.parent


def path_of(uri: str) -> Path | None:
    """The local path of a ``file:`` URI."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


class ModelState:
    """One model folder: its open buffers, its last check and its problems."""

    def __init__(self, root: Path, lang: Lang) -> None:
        self.root = root.resolve()
        self.lang = lang
        self.overlay = Overlay(self.root)
        self.session = Session(self.overlay.root)
        self.open: dict[str, str] = {}  # relative path -> the editor's text
        self.errors: list[Diagnostic] = []  # why the model does not load, if it does not
        self._suggester: IdSuggester | None = None  # see quick_check
        self._suggested: dict[str, None] = {}  # the ids it suggests from

    # Paths -----------------------------------------------------------------------------

    def rel_of(self, uri: str) -> str | None:
        """The path relative to the root of a document inside the model, else None."""
        path = path_of(uri)
        if path is None:
            return None
        try:
            rel = path.resolve().relative_to(self.root)
        except ValueError:
            return None
        return rel.as_posix()

    def uri_of(self, rel: str) -> str:
        return (self.root / rel).as_uri() if rel else self.root.as_uri()

    # Texts -----------------------------------------------------------------------------

    def text(self, rel: str) -> str | None:
        """The text of ``rel``: the editor's if open, else the saved one (None when it is
        not a readable file inside the root)."""
        if rel in self.open:
            return self.open[rel]
        path = self.root / rel
        try:
            if not path.resolve().is_relative_to(self.root) or not path.is_file():
                return None
            if path.stat().st_size > MAX_FILE_BYTES:
                return None
            return path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return None

    # Checking --------------------------------------------------------------------------

    @property
    def graph(self) -> ModelGraph | None:
        return self.session.graph

    @property
    def result(self) -> CheckResult | None:
        return self.session.result

    @property
    def model(self) -> Model | None:
        return self.graph.model if self.graph is not None else None

    def start(self) -> Update:
        update = self.session.start()
        self.errors = list(update.errors)
        if self.graph is not None:
            self._suggester_for(self.graph)
        keep_alive_state()
        return update

    def edited(self, rel: str, text: str) -> bool:
        """Take the editor's text of ``rel``; whether the model may have changed."""
        self.open[rel] = text
        return self.overlay.write(rel, text)

    def closed(self, rel: str) -> None:
        """The editor closed ``rel``: the saved text counts again."""
        self.open.pop(rel, None)
        self.overlay.sync(rel)

    def changed_on_disk(self, rels: list[str]) -> None:
        """Files changed outside the editor (those open keep the editor's text)."""
        for rel in rels:
            if rel not in self.open:
                self.overlay.sync(rel)

    def recheck(self, rels: list[str]) -> Update | None:
        """Check again after ``rels`` changed."""
        update = self.session.refresh(rels)
        if update is None and self.errors:
            # Nothing of the model changed after all (a new file closed unsaved): the
            # problems reported were those of the edit, so look again in full.
            update = self.start()
        if update is not None:
            self.errors = list(update.errors)
        keep_alive_state()
        return update

    def is_model_file(self, rel: str) -> bool:
        """Whether ``rel`` holds components and relations (not the manifest, the waivers
        file or a local rule pack)."""
        graph = self.graph
        if graph is None:
            return rel != MANIFEST
        if rel in graph.model.files:
            return True
        manifest = graph.manifest
        if rel in reserved_files(manifest) or any(p.startswith(".") for p in rel.split("/")):
            return False
        if not matches_patterns(rel, manifest.include) or matches_patterns(rel, manifest.exclude):
            return False  # a YAML file the model does not take (a CI workflow, mkdocs.yml)
        target = (self.root / rel).resolve()
        return all(resolve_pack(entry, self.root) != target for entry in manifest.rules.packs)

    def quick_check(self, rel: str) -> list[Diagnostic]:
        """The problems of one file on its own (YAML, fields, its references against the
        last valid model): what a keystroke most often breaks, found in milliseconds
        even when the full check of a national model takes seconds."""
        if not self.is_model_file(rel):
            return []  # the manifest, the waivers file, a rule pack: the full check says
        locator = YamlLocator(self.overlay.root)
        data, problems, text_is_nfc = read_file(ModelFile(self.overlay.root / rel, rel), locator)
        if problems:
            return problems
        into = Collected()
        problems = collect(data, rel, locator, into, text_is_nfc=text_is_nfc)
        graph = self.graph
        if graph is None:
            return problems
        model = graph.model
        # Only the ids the file writes (and the closest known id to each unknown one, for
        # the "did you mean") are given to the reference check: its suggester indexes
        # every id it is given, a second at national scale. An id this file declared
        # before the edit exists only if the edited text still declares it.
        known, sources = model.components, model.component_sources
        written = {o.id for o in occurrences(self.text(rel) or "")}
        unknown = {t for t in written if t not in known and t not in into.components}
        if unknown:
            suggester = self._suggester_for(graph)
            written |= {c for t in sorted(unknown) if (c := suggester.closest(t)) is not None}
        components = {
            cid: known[cid] for cid in sorted(written) if cid in known and sources[cid].file != rel
        }
        components.update(into.components)
        scratch = Model(
            root=self.overlay.root,
            manifest=model.manifest,
            components=components,
            relations=[],
            component_sources=dict(into.sources),
            relation_sources=[],
            locator=locator,
            files=[rel],
        )
        relations = list(zip(into.relations, into.relation_sources, strict=True))
        found = check_references(
            scratch,
            into.invalid_ids,
            into.unchecked,
            components=list(into.components),
            relations=relations,
        )
        # The manifest's references are checked too, against ids this scratch lacks.
        return problems + [p for p in found if p.location.file == rel]

    def _suggester_for(self, graph: ModelGraph) -> IdSuggester:
        """A suggester over the ids of ``graph``, made again when their number changes.
        One a rename left behind only proposes candidates: what it proposes is checked
        against the ids of the graph, so a stale one can miss a suggestion, never give a
        wrong one."""
        ids = graph.kinds
        if self._suggester is None or len(self._suggested) != len(ids):
            self._suggested = dict.fromkeys(ids)
            self._suggester = IdSuggester(self._suggested)
            self._suggester.closest("-")  # builds its index now, not on the first typo
        return self._suggester

    def findings(self) -> list[Finding]:
        result = self.result
        return list(result.findings) if result is not None else []

    def close(self) -> None:
        self.overlay.close()
