"""A per-file cache of validated results, kept in the user's own cache folder.

Re-checking a national model after editing one file should not parse and validate the
other 1,300 files again. For every file that loaded cleanly the loader stores its
validated components and relations, keyed on a hash of the file's bytes, its path and
eakit's own model code; the next run reads the stored results instead of the YAML.
Cross-file checks (duplicate ids, references) still run on every load, so a cached file
can never hide a problem another file introduced. Encoding a national model's results
takes a while, so many new entries are written by a background worker while the check
goes on (see :meth:`FileCache.put_many`).

Where: ``$EAKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/eakit``, else ``~/.cache/eakit``;
below it ``files-v2/<hash of the model folder's real path>/``. ``EAKIT_CACHE=off``
disables the cache.

A model folder is untrusted input (models travel between provinces, consultants and CI),
so the design leaves a model nothing to plant:

- Nothing is ever read from or written to the model folder. A ``.eakit-cache`` that comes
  with a model (links named like temporaries, a FIFO, a link to ``/dev/zero``, a forged
  entry; older eakit versions kept the cache there) is a hidden folder eakit ignores.
- Entries are JSON of plain data, and loading one runs no code: it is parsed and then
  validated again through the model classes, like a model file. A damaged or forged
  entry is a miss (the file is read again) or describes components a model file could
  have declared; it can never run code or build an object the loader would not. No
  signing key is needed, so none can be empty, short or readable by others.
- Every file operation is relative to a descriptor of the entry folder, and every folder
  eakit makes under the cache folder is created private (0700) and opened without
  following links, then checked: a real folder, owned by the user, writable by nobody
  else. An entry is opened only when :func:`os.lstat` shows a regular file of the user
  no larger than :data:`MAX_ENTRY_BYTES`, without following links and without blocking;
  anything else (a link, a FIFO, a device) is a miss and is never opened. Entries are
  written to a temporary with a random name created with ``O_CREAT | O_EXCL |
  O_NOFOLLOW``, then renamed into place.
- Any operating-system error (an unreadable or read-only folder, a full disk) makes a
  miss or no cache, silently: the cache costs speed, never a result or an error.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import secrets
import stat
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import pydantic_core
from pydantic import ConfigDict, NonNegativeInt, TypeAdapter

from eakit import __version__
from eakit.diagnostics import Diagnostic
from eakit.loader.collect import Collected, add_component
from eakit.loader.locator import YamlLocator
from eakit.loader.yamlio import MAX_FILE_BYTES
from eakit.model import BaseComponent, Relation, SourceRef
from eakit.model.components import TEXT_IS_NFC, Component
from eakit.speed.switches import plain
from eakit.speed.workers import Background, Send, wanted

FORMAT = "2"
SUFFIX = ".json"
# An entry is about as large as its YAML file; a larger one is not written, nor read.
MAX_ENTRY_BYTES = 2 * MAX_FILE_BYTES
# Temporaries older than this were left by a killed run: the next writer removes them.
STALE_SECONDS = 3600
# The code whose behaviour a cached result depends on: change it and every entry is stale.
# This module writes and reads the entries, so it is part of it.
_FINGERPRINT_PACKAGES = ("eakit.model", "eakit.loader")
_FINGERPRINT_FILES = (
    ("eakit", "text.py"),
    ("eakit.data", "relation_types.yaml"),
    ("eakit.speed", "file_cache.py"),
)
# From this many files on, results are written by a background worker.
WRITE_BEHIND = 64
_DIR_FLAGS = os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_DIRECTORY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


@dataclass
class FileResult:
    """The validated content of one model file (positions are the file's list indexes)."""

    components: list[tuple[int, BaseComponent]] = field(default_factory=list)
    relations: list[tuple[int, Relation]] = field(default_factory=list)


def fingerprinted() -> Iterator[tuple[str, bytes]]:
    """The code and data a cached result depends on, each by name with its bytes: the
    model and loader modules, the text normalisation, the relation table and this module."""
    for package in _FINGERPRINT_PACKAGES:
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                yield f"{package}/{entry.name}", entry.read_bytes()
    for package, name in _FINGERPRINT_FILES:
        yield f"{package}/{name}", resources.files(package).joinpath(name).read_bytes()


@cache
def code_fingerprint() -> bytes:
    """A hash of eakit's version and of what :func:`fingerprinted` gives."""
    digest = hashlib.blake2b(f"{FORMAT}:{__version__}".encode(), digest_size=32)
    for name, data in fingerprinted():
        digest.update(name.encode() + b"\0" + data)
    return digest.digest()


@cache
def _entry_type() -> TypeAdapter[Any]:
    """What an entry holds: (components, relations), each with its index in the file.

    Infinity and NaN (a float property may be either) are written as the JSON extension
    constants, which the reader accepts, so every value comes back as it was.
    """
    entry = tuple[list[tuple[NonNegativeInt, Component]], list[tuple[NonNegativeInt, Relation]]]
    return TypeAdapter(entry, config=ConfigDict(ser_json_inf_nan="constants"))


def encode(result: FileResult) -> bytes:
    """An entry's bytes: ``result`` as JSON (only the fields the file set, so a reloaded
    object is the object the file gave, down to which fields it set)."""
    data: bytes = _entry_type().dump_json(
        (result.components, result.relations), by_alias=True, exclude_unset=True
    )
    return data


def decode(data: bytes) -> FileResult | None:
    """The result an entry's bytes describe, validated through the model classes; None
    when they are not a valid entry."""
    try:
        parsed = pydantic_core.from_json(data)
        # Without a \\u escape every string in the text is a piece of it, so NFC text
        # means NFC strings: the models need not normalise them again (as for a file).
        nfc = b"\\u" not in data and unicodedata.is_normalized("NFC", data.decode("utf-8"))
        context = {TEXT_IS_NFC: True} if nfc else None
        components, relations = _entry_type().validate_python(parsed, context=context)
    except Exception:  # whatever is wrong with an entry, it is a miss
        return None
    return FileResult(list(components), list(relations))


def cache_home() -> Path:
    """The user's cache folder for eakit (``EAKIT_CACHE_DIR``, else the XDG one)."""
    configured = os.environ.get("EAKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "eakit"


def model_key(root: Path) -> str:
    """The name of a model folder's entry folder: a hash of its real path."""
    real = os.path.realpath(root)
    return hashlib.blake2b(os.fsencode(real), digest_size=16).hexdigest()


def supported() -> bool:
    """Whether this system has what the cache's safety rests on (Linux and macOS do)."""
    # os.replace takes the same folder descriptors as os.rename (renameat).
    needed = (os.open, os.stat, os.mkdir, os.unlink, os.rename)
    return (
        _NOFOLLOW != 0
        and _NONBLOCK != 0
        and hasattr(os, "geteuid")
        and os.scandir in os.supports_fd
        and all(function in os.supports_dir_fd for function in needed)
    )


def _private(fd: int) -> None:
    """Refuse a folder that is not a real folder of this user, or that others may write."""
    info = os.fstat(fd)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise OSError(errno.EPERM, "not a private folder of this user")


def _open_private(parent: int, name: str, create: bool) -> int:
    """A descriptor of the folder ``name`` in ``parent`` (made 0700 if asked and absent),
    opened without following a link and checked by :func:`_private`."""
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o700, dir_fd=parent)
    fd = os.open(name, _DIR_FLAGS | _NOFOLLOW, dir_fd=parent)
    try:
        _private(fd)
    except OSError:
        os.close(fd)
        raise
    return fd


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
    """Validated results of one model's files, one entry per file version, in the
    folder ``home/files-v2/<model_key(model)>`` (see the module's notes on safety)."""

    def __init__(self, home: Path, model: Path) -> None:
        self.home = Path(home)
        self._parts = (f"files-v{FORMAT}", model_key(Path(model)))
        self.directory = self.home.joinpath(*self._parts)
        self.hits = 0
        self.misses = 0
        self._fd: int | None = None  # the entry folder, once opened
        self._broken = False  # it cannot be made or used: no cache this time
        # Entry names by prefix (file path), once listed: a new version replaces them.
        self._stored: dict[str, set[str]] | None = None
        # The entry names of the last content asked about, by path: a load asks
        # :meth:`has` and then :meth:`get` or :meth:`put`, and hashing 50 MB twice shows.
        self._names: dict[str, tuple[bytes, tuple[str, str]]] = {}

    @classmethod
    def for_model(cls, root: Path) -> FileCache | None:
        """The cache of a model folder, honouring ``EAKIT_CACHE`` and ``EAKIT_CACHE_DIR``;
        None when caching is off (or the process runs the plain path, see
        :mod:`eakit.speed.switches`) or this system cannot cache safely."""
        if plain() or os.environ.get("EAKIT_CACHE", "").lower() in ("0", "off", "no", "false"):
            return None
        if not supported():
            return None
        try:
            return cls(cache_home(), Path(root))
        except (OSError, RuntimeError):  # no home folder to find the cache folder in
            return None

    def close(self) -> None:
        """Let go of the entry folder's descriptor (it is opened again when needed)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # late in the interpreter's shutdown: the process ends anyway
            return

    def _folder(self, create: bool) -> int | None:
        """The entry folder's descriptor; None when it is not there (and not to be
        made) or cannot be used safely."""
        if self._fd is not None or self._broken:
            return self._fd
        fds: list[int] = []
        try:
            if create:
                os.makedirs(self.home, mode=0o700, exist_ok=True)
            # The cache folder itself is the user's choice (a link to another disk is
            # fine); the folders below it are eakit's own, and checked.
            fds.append(os.open(self.home, _DIR_FLAGS))
            for part in self._parts:
                fds.append(_open_private(fds[-1], part, create))
        except OSError as error:
            for fd in fds:
                os.close(fd)
            if create or error.errno not in (errno.ENOENT, errno.ENOTDIR):
                self._broken = True
            return None
        for fd in fds[:-1]:
            os.close(fd)
        self._fd = fds[-1]
        return self._fd

    def _entry_name(self, rel: str, raw: bytes) -> tuple[str, str]:
        """(prefix shared by every version of ``rel``, full entry name)."""
        known = self._names.get(rel)
        if known is not None and known[0] is raw:
            return known[1]
        prefix = hashlib.blake2b(rel.encode(), digest_size=8).hexdigest()
        content = hashlib.blake2b(code_fingerprint(), digest_size=16)
        content.update(rel.encode() + b"\0" + raw)
        names = (prefix, f"{prefix}-{content.hexdigest()}{SUFFIX}")
        self._names[rel] = (raw, names)
        return names

    def _usable(self, folder: int, name: str) -> os.stat_result | None:
        """The entry's :func:`os.lstat`, when it is a regular file of this user small
        enough to read; None otherwise (it is then never opened)."""
        try:
            info = os.stat(name, dir_fd=folder, follow_symlinks=False)
        except OSError:
            return None
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_size > MAX_ENTRY_BYTES
        ):
            return None
        return info

    def has(self, rel: str, raw: bytes) -> bool:
        """Whether an entry is stored for this content of ``rel`` (it may still be
        unusable: :meth:`get` checks)."""
        folder = self._folder(create=False)
        return (
            folder is not None and self._usable(folder, self._entry_name(rel, raw)[1]) is not None
        )

    def get(self, rel: str, raw: bytes) -> FileResult | None:
        """The stored result for this exact content of ``rel``, or None."""
        data = self._read(self._entry_name(rel, raw)[1])
        result = decode(data) if data is not None else None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def _read(self, name: str) -> bytes | None:
        """An entry's bytes, when it is a regular file of this user of bounded size."""
        folder = self._folder(create=False)
        if folder is None:
            return None
        seen = self._usable(folder, name)
        if seen is None:
            return None
        try:
            fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC | _NOFOLLOW | _NONBLOCK, dir_fd=folder)
        except OSError:
            return None
        with open(fd, "rb") as handle:
            try:
                info = os.fstat(fd)
                if (info.st_ino, info.st_dev) != (seen.st_ino, seen.st_dev):
                    return None  # replaced since it was looked at
                data = handle.read(info.st_size + 1)
            except OSError:
                return None
        return data if len(data) == info.st_size else None

    def put(self, rel: str, raw: bytes, result: FileResult) -> None:
        """Store ``result`` for this content of ``rel``, replacing older versions of it.

        Failing to write (a read-only or full disk) only costs speed.
        """
        prefix, name = self._entry_name(rel, raw)
        data = encode(result)
        if len(data) > MAX_ENTRY_BYTES:
            return
        folder = self._prepare()
        if folder is None:
            return
        tmp = f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            fd = os.open(
                tmp,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | _NOFOLLOW,
                0o600,
                dir_fd=folder,
            )
            with open(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
            return
        assert self._stored is not None  # listed by _prepare
        versions = self._stored.setdefault(prefix, set())
        for old in sorted(versions - {name}):
            with contextlib.suppress(OSError):
                os.unlink(old, dir_fd=folder)
        versions.clear()
        versions.add(name)

    def put_many(self, entries: Sequence[tuple[str, bytes, FileResult]], jobs: int | None) -> None:
        """Store many results: encoding a national model's objects takes a while, so a
        background worker writes them when there are many and ``jobs`` allows (see
        :func:`eakit.speed.workers.wanted`), while this process goes on. Nothing
        waits for an entry: a missing one costs the next run speed only."""
        if len(entries) >= WRITE_BEHIND and wanted(jobs, lambda: True):

            def task(_send: Send) -> None:
                for entry in entries:
                    self.put(*entry)

            # Once, here: the folder the worker inherits is ready, or nothing is written.
            if self._prepare() is None:
                return
            if Background.start(task) is not None:
                self._stored = None  # the worker changes the folder: list it again
                return
        for entry in entries:
            self.put(*entry)

    def _prepare(self) -> int | None:
        """The entry folder, made if need be, with its entries listed and the temporaries
        of killed runs removed; None when no entry can be written."""
        folder = self._folder(create=True)
        if folder is None or self._stored is not None:
            return folder
        stored: dict[str, set[str]] = {}
        stale = time.time() - STALE_SECONDS
        try:
            with os.scandir(folder) as listing:
                for item in listing:
                    if item.name.endswith(SUFFIX) and not item.name.startswith("."):
                        stored.setdefault(item.name.partition("-")[0], set()).add(item.name)
                    elif item.name.startswith(".") and item.name.endswith(".tmp"):
                        with contextlib.suppress(OSError):
                            if item.stat(follow_symlinks=False).st_mtime < stale:
                                os.unlink(item.name, dir_fd=folder)
        except OSError:
            self._broken = True
            self.close()
            return None
        self._stored = stored
        return folder


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
