"""The loader: model folder on disk → validated :class:`eakit.model.Model`.

It reports *every* problem of a model in one run, each as ``path:line:col: message``,
and raises :class:`eakit.diagnostics.ModelLoadError` when there is any.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eakit.diagnostics import Diagnostic, Location, ModelLoadError
from eakit.loader.collect import EMPTY_MODEL_FILE, TOP_LEVEL_KEYS, Collected, collect, declared_ids
from eakit.loader.errors import explain, shown
from eakit.loader.files import MANIFEST, ModelFile, discover, manifest_paths, reserved_files
from eakit.loader.limits import CODE as LIMIT_CODE
from eakit.loader.limits import Limits
from eakit.loader.locator import YamlLocator
from eakit.loader.references import check_references
from eakit.loader.yamlio import MAX_FILE_BYTES, YamlError, compose, decode, parse_fast
from eakit.messages import os_reason, say
from eakit.model import Manifest, Model, SourceRef

# The speed modules build on loader modules: imported whole, so either may load first.
from eakit.speed import memory_cache, prefetch
from eakit.speed.switches import paused_gc
from eakit.speed.workers import FAILED, Worker, wanted

__all__ = [
    "MANIFEST",
    "TOP_LEVEL_KEYS",
    "Limits",
    "ModelLoadError",
    "load_manifest",
    "load_model",
    "read_file",
    "start_load",
]

Progress = Callable[[int, int, str], None]


_CONTENT_LINE = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
EMPTY_MANIFEST = say("manifest.empty")


def _bytes(file: ModelFile) -> bytes | Diagnostic:
    """The bytes of one file, or why they cannot be read (too large, unreadable)."""
    try:
        size = file.path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic(
                Location(file.rel),
                say("io.file_too_large", size=size, limit=MAX_FILE_BYTES),
                code="io",
            )
        return file.path.read_bytes()
    except OSError as exc:
        return Diagnostic(
            Location(file.rel), say("io.cannot_read", reason=os_reason(exc)), code="io"
        )


def _text(file: ModelFile, empty: str = EMPTY_MODEL_FILE) -> str | list[Diagnostic]:
    """The text of one file (decoded, NFC), or why it cannot be parsed."""
    raw = _bytes(file)
    if isinstance(raw, Diagnostic):
        return [raw]
    text = decode(raw, file.rel)
    if isinstance(text, Diagnostic):
        return [text]
    if only_comments(text):
        return [Diagnostic(Location(file.rel), empty, code="empty")]
    return text


def only_comments(text: str) -> bool:
    """Whether every line of ``text`` is blank or a comment."""
    # A line whose first character after spaces and tabs is not '#' is content however
    # the lines are split; only without one are the lines looked at one by one.
    return _CONTENT_LINE.search(text) is None and all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    )


def parse_clean(file: ModelFile) -> tuple[Any, bool] | None:
    """A file's data and whether its strings are NFC already (see :func:`read_file`), when
    the fast parser reads it cleanly; ``None`` when anything needs :func:`read_file`'s
    explanations. What a worker process does for the loader (see
    :mod:`eakit.speed.prefetch`)."""
    text = _text(file)
    if not isinstance(text, str):
        return None
    try:
        return parse_fast(text), "\\" not in text
    except (ValueError, RecursionError):
        return None


def read_file(
    file: ModelFile, locator: YamlLocator, empty: str = EMPTY_MODEL_FILE
) -> tuple[Any, list[Diagnostic], bool]:
    """Read and parse one model file: its data, its problems, and whether every string
    parsed is NFC already (for :func:`eakit.loader.collect.collect`). The fast parser
    reads it; the precise one explains problems.

    The text is read as NFC, and only an escape sequence (``"a\\u0300"``) can write a
    character the text does not show.
    """
    text = _text(file, empty)
    if not isinstance(text, str):
        return None, text, False
    text_is_nfc = "\\" not in text
    try:
        return parse_fast(text), [], text_is_nfc
    except (ValueError, RecursionError):
        pass  # the composer below explains the problem, or reads what yaml_rs cannot
    # The composer is the authority: what it accepts loads, what it rejects is explained.
    try:
        composed = compose(text)
    except YamlError as exc:
        return None, [_yaml_problem(file.rel, exc)], False
    locator.remember(file.rel, composed.positions)
    return composed.data, [], text_is_nfc


def load_manifest(root: Path) -> tuple[Manifest | None, YamlLocator, list[Diagnostic]]:
    """Read and validate ``eakit.yaml`` at ``root``."""
    locator = YamlLocator(root)
    path = root / MANIFEST
    if not root.is_dir():
        problem = say("manifest.not_folder") if root.exists() else say("manifest.no_folder")
        return None, locator, [Diagnostic(Location(str(root)), problem)]
    if not path.is_file():
        return None, locator, [Diagnostic(Location(MANIFEST), say("manifest.missing"))]
    if not path.resolve().is_relative_to(root.resolve()):
        message = say("files.link_file_outside")
        return None, locator, [Diagnostic(Location(MANIFEST), message, code="io")]
    data, problems, _nfc = read_file(ModelFile(path, MANIFEST), locator, EMPTY_MANIFEST)
    if problems:
        return None, locator, problems
    if data is None:  # only '---', '~' or 'null'
        return None, locator, [Diagnostic(Location(MANIFEST), EMPTY_MANIFEST, code="empty")]
    if not isinstance(data, dict):
        message = say("manifest.not_mapping", got=shown(data))
        return None, locator, [Diagnostic(Location(MANIFEST), message)]
    ref = SourceRef(MANIFEST, ())
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        locate = lambda loc: locator.locate(ref, *loc)  # noqa: E731
        return None, locator, explain(exc, Manifest, data, say("what.manifest"), locate)
    problems = manifest_paths(manifest, lambda *loc: locator.locate(ref, *loc), root)
    return (None if problems else manifest), locator, problems


def _composer_verdicts(diagnostics: list[Diagnostic], locator: YamlLocator) -> list[Diagnostic]:
    """Replace the diagnostics of files the composer rejects by its verdict.

    yaml_rs reads a few things the composer refuses (over-long keys, deep flow nesting,
    anchors defined twice); such a file is only composed when something in it must be
    located, and then its problem is the YAML, not what validation made of it.
    """
    if not locator.failures:
        return diagnostics
    kept = [d for d in diagnostics if d.location.file not in locator.failures]
    return kept + [_yaml_problem(rel, exc) for rel, exc in sorted(locator.failures.items())]


def _yaml_problem(rel: str, exc: YamlError) -> Diagnostic:
    related = (Location(rel, *exc.related),) if exc.related else ()
    return Diagnostic(Location(rel, exc.line, exc.col), exc.message, code="yaml", related=related)


def load_model(
    root: Path | str,
    progress: Progress | None = None,
    *,
    cache: memory_cache.MemoryCache | None = None,
    jobs: int | None = None,
    limits: Limits | None = None,
) -> Model:
    """Load, validate and cross-check the model at ``root``.

    With a ``cache`` (see :mod:`eakit.speed.memory_cache`), files whose content is unchanged
    since a previous load are not parsed and validated again, and the results of the
    others are kept in it. When many megabytes are left to parse, a second process reads
    and parses them while this one validates (see :mod:`eakit.speed.prefetch`): ``jobs`` 1
    forbids workers, 2 asks for them, ``None`` decides. ``limits`` bound the model's size
    (default: :class:`Limits`()). Raises :class:`ModelLoadError` carrying every diagnostic
    when the model is invalid.
    """
    with paused_gc():  # a third of the load time at national scale otherwise
        return _load_model(Path(root), progress, cache, jobs, limits, apart=False).result()


def start_load(
    root: Path,
    progress: Progress | None,
    jobs: int | None,
    limits: Limits | None = None,
    cache: memory_cache.MemoryCache | None = None,
) -> PendingModel:
    """:func:`load_model` (the same arguments), except that on a large model the
    cross-file reference check runs in a worker: the caller builds the graph of
    :attr:`PendingModel.model` meanwhile, then asks for :meth:`PendingModel.result`.
    Use it as a context manager, so the worker is stopped if the caller fails."""
    with paused_gc():
        return _load_model(root, progress, cache, jobs, limits, apart=True)


# From this many components and relations on, references are checked apart.
MIN_OBJECTS_APART = 100_000


@dataclass(eq=False)
class PendingModel:
    """A validated model whose cross-file reference check may still be running in a
    worker (see :func:`start_load`)."""

    model: Model
    locator: YamlLocator
    found: Collected
    worker: Worker | None = None
    diagnostics: list[Diagnostic] | None = None  # the check's own, when it ran here

    def result(self) -> Model:
        """The model, once its references are checked; raises :class:`ModelLoadError`
        carrying every diagnostic when the model is invalid."""
        diagnostics = self.diagnostics
        if diagnostics is None:
            found = FAILED
            if self.worker is not None:
                with self.worker:
                    found = self.worker.receive()
                self.worker = None
            if found is FAILED:  # no worker, or it died: check here
                found = check_references(self.model, self.found.invalid_ids, self.found.unchecked)
            diagnostics = self.diagnostics = found
        if diagnostics:
            raise ModelLoadError(_composer_verdicts(diagnostics, self.locator))
        return self.model

    def __enter__(self) -> PendingModel:
        return self

    def __exit__(self, kind: type[BaseException] | None, *details: object) -> None:
        """Stop a worker whose answer is no longer wanted."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None


def _cached_read(
    file: ModelFile,
    raw: bytes | None,
    locator: YamlLocator,
    cache: memory_cache.MemoryCache,
    found: Collected,
    fetched: tuple[Any, bool] | None,
    fresh: list[tuple[str, bytes, memory_cache.FileResult]],
    limits: Limits,
) -> list[Diagnostic]:
    """Read one file through the cache: a stored result, or a fresh one (``fetched``: its
    data parsed by the prefetch worker) added to ``fresh`` to store if clean."""
    if raw is not None and fetched is None:
        stored = cache.get(file.rel, raw)
        if stored is not None:
            problems = memory_cache.merge(stored, file.rel, locator, found)
            over = limits.count_problem(len(found.components), Location(file.rel))
            return problems if over is None else [*problems, over]
    components_before, relations_before = len(found.components), len(found.relations)
    problems = _collect_file(file, locator, found, fetched, limits)
    if not problems and raw is not None:
        fresh.append(
            (file.rel, raw, memory_cache.extract(found, components_before, relations_before))
        )
    return problems


def _collect_file(
    file: ModelFile,
    locator: YamlLocator,
    found: Collected,
    fetched: tuple[Any, bool] | None,
    limits: Limits,
) -> list[Diagnostic]:
    """Validate one file into ``found``: its data as the prefetch worker parsed it
    (``fetched``), or read and parsed here. A file that would take the model over the
    component limit is not validated: the limit's diagnostic is returned instead."""
    if fetched is not None:
        data, text_is_nfc = fetched
    else:
        data, problems, text_is_nfc = read_file(file, locator)
        if problems:
            found.invalid_ids |= declared_ids(file.path)
            return problems
    if (over := _over_limit(data, file, found, limits)) is not None:
        return [over]
    return collect(data, file.rel, locator, found, text_is_nfc=text_is_nfc)


def _over_limit(data: Any, file: ModelFile, found: Collected, limits: Limits) -> Diagnostic | None:
    """The limit's diagnostic when the components of ``data`` would take the model over
    :attr:`Limits.max_components`."""
    listed = data.get("components") if isinstance(data, dict) else None
    count = len(listed) if isinstance(listed, list) else 0
    return limits.count_problem(len(found.components) + count, Location(file.rel))


def _total_size(files: list[ModelFile]) -> int:
    """The bytes of the model files (one that cannot be read counts none: it is reported
    when it is read)."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += file.path.stat().st_size
    return total


def _load_model(
    root: Path,
    progress: Progress | None,
    cache: memory_cache.MemoryCache | None,
    jobs: int | None,
    limits: Limits | None,
    apart: bool,
) -> PendingModel:
    limits = limits or Limits()
    manifest, locator, diagnostics = load_manifest(root)
    if manifest is None:
        raise ModelLoadError(diagnostics)
    files, problems = discover(root, manifest.include, manifest.exclude, reserved_files(manifest))
    diagnostics.extend(problems)
    if any(problem.code == LIMIT_CODE for problem in problems):
        raise ModelLoadError([d for d in diagnostics if d.code == LIMIT_CODE])
    too_large = limits.size_problem(_total_size(files))
    if too_large is not None:
        raise ModelLoadError([*diagnostics, too_large])
    found = Collected()
    # The files to parse (all of them, or those the cache has no result for) are parsed
    # by a worker when there are enough of them, while this process validates.
    raws: dict[str, bytes | None] = {}
    unread = files
    if cache is not None:
        # A file that cannot be read has no key: read_file says why when it reads it.
        raws = {f.rel: read if isinstance(read := _bytes(f), bytes) else None for f in files}
        unread = [f for f in files if (raw := raws[f.rel]) is None or not cache.has(f.rel, raw)]
    ahead = (
        prefetch.Prefetch.start(unread, parse_clean) if prefetch.worth_it(unread, jobs) else None
    )
    parsed_ahead = {file.rel for file in unread} if ahead is not None else set()
    fresh: list[tuple[str, bytes, memory_cache.FileResult]] = []  # results for the cache
    with ahead or contextlib.nullcontext():
        for number, file in enumerate(files, start=1):
            if progress is not None:
                progress(number, len(files), file.rel)
            fetched = ahead.next() if ahead is not None and file.rel in parsed_ahead else None
            if cache is not None:
                problems = _cached_read(
                    file, raws[file.rel], locator, cache, found, fetched, fresh, limits
                )
            else:
                problems = _collect_file(file, locator, found, fetched, limits)
            diagnostics.extend(problems)
            if any(p.code == LIMIT_CODE for p in problems):
                # what is left would only take more memory: the limit is the answer
                raise ModelLoadError([d for d in diagnostics if d.code == LIMIT_CODE])
    if cache is not None and fresh:
        cache.put_many(fresh)
    model = Model(
        root=root,
        manifest=manifest,
        components=found.components,
        relations=found.relations,
        component_sources=found.sources,
        relation_sources=found.relation_sources,
        locator=locator,
        files=[f.rel for f in files],
    )
    large = lambda: len(model.components) + len(model.relations) >= MIN_OBJECTS_APART  # noqa: E731
    if apart and not diagnostics and wanted(jobs, large):
        # The caller builds the graph while a worker checks the references (they
        # usually are all fine: the answer is an empty list).
        worker = Worker.start(
            lambda send: send(check_references(model, found.invalid_ids, found.unchecked))
        )
        if worker is not None:
            return PendingModel(model, locator, found, worker)
    diagnostics.extend(check_references(model, found.invalid_ids, found.unchecked))
    return PendingModel(model, locator, found, diagnostics=diagnostics)
