"""A model kept in memory between edits: the state behind ``eakit check --watch``.

:meth:`Session.start` loads and checks the model as ``eakit check`` does.
:meth:`Session.refresh` takes the paths that changed and brings the check up to date:
the changed model files are re-read (:mod:`eakit.incremental.reload`), the graph is
patched (:meth:`eakit.graph.ModelGraph.patched`) and the rules run again where the edit
reaches (:mod:`eakit.incremental.recheck`). An edit that makes the model invalid is
reported by a full load, exactly as ``eakit check`` reports it; the session keeps the
last valid model and tries again on the next change. A change to the manifest, the
waivers file or a local rule pack starts over.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eakit.diagnostics import Diagnostic, ModelLoadError
from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.incremental.recheck import news, recheck
from eakit.incremental.reload import NeedsFullLoad, index_files, reload_files
from eakit.loader.collect import Collected
from eakit.loader.files import MANIFEST, reserved_files
from eakit.loader.yamlio import YAML_SUFFIXES
from eakit.pipeline import load_graph
from eakit.rules.engine import RuleRun, RunOptions, start_run
from eakit.rules.pack import resolve_pack
from eakit.speed.memory_cache import MemoryCache
from eakit.speed.shared_check import worth_sharing
from eakit.speed.switches import kept_for_good

MANY_FILES = 50


@dataclass
class Update:
    """What one start or refresh produced."""

    result: CheckResult | None  # None while the model is invalid
    errors: list[Diagnostic] = field(default_factory=list)  # why it is invalid
    new: list[Finding] = field(default_factory=list)  # findings the change brought
    fixed: list[Finding] = field(default_factory=list)  # findings the change removed
    files: tuple[str, ...] = ()  # the changed paths that mattered, relative to the root
    seconds: float = 0.0
    full: bool = False  # loaded and checked in full (not incrementally)


@dataclass
class Session:
    """A checked model kept in memory (see the module docstring)."""

    root: Path
    as_of: dt.date | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    waivers: Path | None = None
    progress: bool = False  # a progress bar on stderr (when it is a terminal) while loading
    jobs: int | None = None  # processes for a full load and check (see eakit.pipeline.check)
    lang: str = "vi"  # of the findings' messages: vi or en
    graph: ModelGraph | None = None
    run: RuleRun | None = None
    _files: dict[str, Collected] = field(default_factory=dict)
    _dirty: set[str] = field(default_factory=set)  # changed since the last valid model
    _must_start: bool = False  # the manifest or a rule pack changed and does not load
    memory: MemoryCache = field(default_factory=MemoryCache)  # see eakit.speed.memory_cache

    @property
    def result(self) -> CheckResult | None:
        """The result of the last valid model."""
        return self.run.result if self.run is not None else None

    def start(self) -> Update:
        """Load and check the model in full (problems with the model, a rule pack or the
        waivers file come back in the update's ``errors``)."""
        began = time.perf_counter()
        previous = self.result
        try:
            # The model, graph and check stay alive until the next full load, like a
            # command's (see kept_for_good); what they replace is freed when it goes.
            with kept_for_good():
                graph = load_graph(self.root, progress=self.progress, jobs=self.jobs,
                                   lang=self.lang, cache=self.memory)  # fmt: skip
                # A large model's rules are shared with a worker, as by `eakit check`; it
                # sends back every hit, which re-checks after an edit start from.
                jobs = 2 if worth_sharing(graph, self.jobs) else 1
                options = RunOptions(self.as_of, tuple(self.select), tuple(self.ignore),
                                     self.waivers, jobs=jobs, keep_hits=True,
                                     lang=self.lang)  # fmt: skip
                run = start_run(graph, options)
                run.finish()
        except ModelLoadError as error:  # the model, a rule pack or the waivers file
            return Update(None, errors=list(error.diagnostics), full=True,
                          seconds=time.perf_counter() - began)  # fmt: skip
        self.graph, self.run = graph, run
        self._files = index_files(graph.model)
        self._dirty.clear()
        update = Update(run.result, full=True, seconds=time.perf_counter() - began)
        if previous is not None:  # nothing is new on the first check
            update.new, update.fixed = news(previous.findings, run.result.findings)
        return update

    def refresh(self, paths: Iterable[Path | str]) -> Update | None:
        """Bring the check up to date after ``paths`` changed (absolute, or relative to
        the root); ``None`` when none of them concerns the model."""
        began = time.perf_counter()
        relevant, restart = self._classify(paths)
        if not relevant and not restart:
            return None
        self._dirty |= relevant
        # Many files at once (a branch checked out): one full load is quicker.
        many = len(self._dirty) > max(MANY_FILES, len(self._files) // 4)
        update: Update | None
        if restart or many or self._must_start or self.graph is None or self.run is None:
            update = self.start()
            # Until the manifest or a rule pack loads again, edits cannot be applied to
            # the last valid state (it was checked with the old settings).
            self._must_start = update.result is None and (restart or self._must_start)
        else:
            update = self._incremental()
            if update is None:
                return None
        update.files = tuple(sorted(relevant))
        update.seconds = time.perf_counter() - began
        return update

    def _incremental(self) -> Update | None:
        """Apply the changed files to the last valid state; ``None`` when none of them is
        a model file after all (a YAML file the include patterns leave out)."""
        assert self.graph is not None and self.run is not None
        with kept_for_good():
            try:
                reloaded = reload_files(self.graph, self._files, self._dirty)
            except NeedsFullLoad:
                return self.start()
            if not reloaded.changed_files:
                self._dirty.clear()
                return None
            graph, seeds = self.graph.patched(reloaded.model, reloaded.delta)
            run, change = recheck(self.run, graph, reloaded.delta, seeds, reloaded.changed_files)
        self.graph, self.run, self._files = graph, run, reloaded.files
        self._dirty.clear()
        new, fixed = news(change.removed, change.added)
        return Update(run.result, new=new, fixed=fixed)

    def _classify(self, paths: Iterable[Path | str]) -> tuple[set[str], bool]:
        """The changed model files (relative paths), and whether a change needs a
        restart (the manifest, the waivers file, a local rule pack or a file beside one)."""
        root = self.root.resolve()
        manifest = self.graph.manifest if self.graph is not None else None
        special = reserved_files(manifest) if manifest is not None else {MANIFEST}
        pack_dirs: set[Path] = set()
        if manifest is not None:
            for entry in manifest.rules.packs:
                pack = resolve_pack(entry, self.root)
                if pack is not None and pack.resolve().is_relative_to(root):
                    special.add(pack.resolve().relative_to(root).as_posix())
                    pack_dirs.add(pack.resolve().parent)
        relevant: set[str] = set()
        restart = False
        for raw in paths:
            path = Path(raw)
            absolute = path if path.is_absolute() else self.root / path
            try:
                rel = absolute.resolve().relative_to(root).as_posix()
            except ValueError:
                try:
                    rel = absolute.relative_to(self.root).as_posix()
                except ValueError:
                    continue  # outside the model
            if any(part.startswith(".") for part in Path(rel).parts):
                continue  # .git, .eakit-cache, editors' swap files
            if rel in special:
                restart = True
            elif rel in self._files:
                relevant.add(rel)
            elif absolute.resolve().parent in pack_dirs - {root}:
                restart = True  # a file a local pack may include
            elif rel.endswith(YAML_SUFFIXES):
                relevant.add(rel)  # a new model file, if the include patterns take it
        return relevant, restart
