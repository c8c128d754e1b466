"""A per-file cache of validated results, keyed on file content.

Re-checking a national model after editing one file should not parse and validate the
other 1,300 files again. For every file that loaded cleanly the loader stores its
validated components and relations, keyed on a hash of the file's bytes, its path and
eakit's own model code; the next run reads the stored objects instead of the YAML.
Cross-file checks (duplicate ids, references) still run on every load, so a cached file
can never hide a problem another file introduced. Pickling a national model's results
takes seconds, so many new entries are written by a background worker while the check
goes on (see :meth:`FileCache.put_many`).

The cache lives in ``.eakit-cache/`` in the model folder by default (it carries its own
``.gitignore``), or wherever ``EAKIT_CACHE_DIR`` points; ``EAKIT_CACHE=off`` disables it.
Entries are pickles, and unpickling runs code, so each entry is signed with a secret
kept in the user's own cache folder: a cache planted in a model folder someone sent you
fails the check and is ignored (and so is any entry that is corrupt or stale).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from eakit import __version__
from eakit.diagnostics import Diagnostic
from eakit.loader.collect import Collected, add_component
from eakit.loader.locator import YamlLocator
from eakit.model import BaseComponent, Relation, SourceRef
from eakit.worker import Background, Send, wanted

CACHE_DIR = ".eakit-cache"
FORMAT = "1"
_DIGEST = 32
# The code whose behaviour a cached result depends on: change it and every entry is stale.
_FINGERPRINT_PACKAGES = ("eakit.model", "eakit.loader")
_FINGERPRINT_FILES = (("eakit", "text.py"), ("eakit.data", "relation_types.yaml"))
# From this many files on, results are written by a background worker.
WRITE_BEHIND = 64


@dataclass
class FileResult:
    """The validated content of one model file (positions are the file's list indexes)."""

    components: list[tuple[int, BaseComponent]] = field(default_factory=list)
    relations: list[tuple[int, Relation]] = field(default_factory=list)


@cache
def code_fingerprint() -> bytes:
    """A hash of eakit's version and of the model and loader code and data."""
    digest = hashlib.blake2b(f"{FORMAT}:{__version__}".encode(), digest_size=_DIGEST)
    for package in _FINGERPRINT_PACKAGES:
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for package, name in _FINGERPRINT_FILES:
        digest.update(resources.files(package).joinpath(name).read_bytes())
    return digest.digest()


def _user_cache_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) if base else Path.home() / ".cache"


def signing_key() -> bytes | None:
    """The user's secret for signing entries (created on first use), or None if unusable."""
    path = _user_cache_home() / "eakit" / "cache-key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32))
        return path.read_bytes()
    except FileExistsError:
        return path.read_bytes()  # another process created it first
    except OSError:
        return None


class ResultCache(Protocol):
    """Where the loader finds the validated result of a file it read before."""

    def get(self, rel: str, raw: bytes) -> FileResult | None:
        """The stored result for this exact content of ``rel``, or None."""

    def has(self, rel: str, raw: bytes) -> bool:
        """Whether a result is stored for this content of ``rel`` (:meth:`get` may still
        find it unusable): cheaper than getting it."""

    def put(self, rel: str, raw: bytes, result: FileResult) -> None:
        """Store ``result`` for this content of ``rel``."""

    def put_many(self, entries: Sequence[tuple[str, bytes, FileResult]], jobs: int | None) -> None:
        """:meth:`put` each (rel, raw, result); ``jobs`` as the loader's (2: a worker may
        do it while this process goes on)."""


class FileCache:
    """Validated results of model files on disk, one signed entry per file version."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self.directory = directory / f"v{FORMAT}"
        self._key = key
        self.hits = 0
        self.misses = 0
        self._ready = False
        # The entry names of the last content asked about, by path: a load asks
        # :meth:`has` and then :meth:`get` or :meth:`put`, and hashing 50 MB twice shows.
        self._names: dict[str, tuple[bytes, tuple[str, str]]] = {}

    @classmethod
    def for_model(cls, root: Path) -> FileCache | None:
        """The cache a model folder uses by default, honouring ``EAKIT_CACHE`` and
        ``EAKIT_CACHE_DIR``; None when caching is off or impossible."""
        if os.environ.get("EAKIT_CACHE", "").lower() in ("0", "off", "no", "false"):
            return None
        key = signing_key()
        if key is None:
            return None
        configured = os.environ.get("EAKIT_CACHE_DIR")
        return cls(Path(configured) if configured else Path(root) / CACHE_DIR, key)

    def _entry_name(self, rel: str, raw: bytes) -> tuple[str, str]:
        """(prefix shared by every version of ``rel``, full entry name)."""
        known = self._names.get(rel)
        if known is not None and known[0] is raw:
            return known[1]
        prefix = hashlib.blake2b(rel.encode(), digest_size=8).hexdigest()
        content = hashlib.blake2b(code_fingerprint(), digest_size=16)
        content.update(rel.encode() + b"\0" + raw)
        names = (prefix, f"{prefix}-{content.hexdigest()}.pickle")
        self._names[rel] = (raw, names)
        return names

    def has(self, rel: str, raw: bytes) -> bool:
        """Whether an entry is stored for this content of ``rel`` (it may still be
        unusable: :meth:`get` checks)."""
        return (self.directory / self._entry_name(rel, raw)[1]).is_file()

    def get(self, rel: str, raw: bytes) -> FileResult | None:
        """The stored result for this exact content of ``rel``, or None."""
        _, name = self._entry_name(rel, raw)
        try:
            data = (self.directory / name).read_bytes()
        except OSError:
            self.misses += 1
            return None
        mac, payload = data[:_DIGEST], data[_DIGEST:]
        expected = hashlib.blake2b(payload, key=self._key, digest_size=_DIGEST).digest()
        result = None
        if hmac.compare_digest(mac, expected):
            with contextlib.suppress(Exception):  # a stale class layout, a truncated file
                loaded = pickle.loads(payload)
                result = loaded if isinstance(loaded, FileResult) else None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, rel: str, raw: bytes, result: FileResult) -> None:
        """Store ``result`` for this content of ``rel``, replacing older versions of it.

        Failing to write (a read-only model folder, a full disk) only costs speed.
        """
        prefix, name = self._entry_name(rel, raw)
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        mac = hashlib.blake2b(payload, key=self._key, digest_size=_DIGEST).digest()
        tmp = self.directory / f".{name}.{os.getpid()}.tmp"
        try:
            self._prepare()
            for old in self.directory.glob(f"{prefix}-*.pickle"):
                if old.name != name:
                    old.unlink(missing_ok=True)
            tmp.write_bytes(mac + payload)
            os.replace(tmp, self.directory / name)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)

    def put_many(self, entries: Sequence[tuple[str, bytes, FileResult]], jobs: int | None) -> None:
        """Store many results: pickling a national model's objects takes seconds, so a
        background worker writes them when there are many and ``jobs`` allows (see
        :func:`eakit.loader.prefetch.worth_it`), while this process goes on. Nothing
        waits for an entry: a missing one costs the next run speed only."""
        if len(entries) >= WRITE_BEHIND and wanted(jobs, lambda: True):

            def task(_send: Send) -> None:
                for entry in entries:
                    self.put(*entry)

            try:
                self._prepare()  # once, here: the worker's own flag would not be seen
            except OSError:
                return  # a read-only model folder, a full disk: no entry can be written
            if Background.start(task) is not None:
                return
        for entry in entries:
            self.put(*entry)

    def _prepare(self) -> None:
        if self._ready:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        ignore = self.directory.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by eakit: a cache, not part of the model.\n*\n")
        self._ready = True


def merge(result: FileResult, rel: str, locator: YamlLocator, into: Collected) -> list[Diagnostic]:
    """Add a cached file's components and relations, checking ids against the other files."""
    diagnostics: list[Diagnostic] = []
    for index, component in result.components:
        ref = SourceRef(rel, ("components", index))
        diagnostics.extend(add_component(component, ref, locator, into))
    for index, relation in result.relations:
        into.relations.append(relation)
        into.relation_sources.append(SourceRef(rel, ("relations", index)))
    return diagnostics


def extract(into: Collected, components_before: int, relations_before: int) -> FileResult:
    """The part of ``into`` that one cleanly collected file added (for :meth:`FileCache.put`)."""
    added = len(into.components) - components_before
    tail = list(itertools.islice(reversed(into.components), added))
    components = [(int(into.sources[cid].path[1]), into.components[cid]) for cid in reversed(tail)]
    relations = [
        (int(into.relation_sources[n].path[1]), into.relations[n])
        for n in range(relations_before, len(into.relations))
    ]
    return FileResult(components, relations)
