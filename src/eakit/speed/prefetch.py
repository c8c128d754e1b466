"""Reading and parsing the model files in a forked worker while this process validates.

Reading, decoding and parsing take about a third of loading a national model. A worker
forked before the first file is read does that for every file (every file the cache has
no result for), in order, and sends each file's data back marshalled (reading them back
costs less than half of parsing); this process validates file after file as the data
arrive. A file the fast parser does not read cleanly comes back as "read it here", so
every problem is explained exactly as without the worker; if the worker dies, this
process reads the rest itself.
"""

from __future__ import annotations

import contextlib
import marshal
from collections.abc import Callable, Sequence
from typing import Any

from eakit.loader.files import ModelFile
from eakit.speed.workers import FAILED, Send, Worker, wanted

# Below this much YAML a load takes under a second: forking would cost more than it saves.
MIN_BYTES = 8_000_000

Parse = Callable[[ModelFile], tuple[Any, bool] | None]


def worth_it(files: Sequence[ModelFile], jobs: int | None) -> bool:
    """Whether to read ``files`` in a worker: ``jobs`` 2 asks for it, 1 forbids it, and
    ``None`` decides by the size of the model and the machine."""

    def large() -> bool:
        size = 0
        for file in files:
            with contextlib.suppress(OSError):  # reported when the file is read
                size += file.path.stat().st_size
        return size >= MIN_BYTES

    return wanted(jobs, large)


class Prefetch:
    """The parsed files, in order, from a worker (see the module's doc)."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker

    @classmethod
    def start(cls, files: Sequence[ModelFile], parse: Parse) -> Prefetch | None:
        """Start a worker that parses ``files`` in order with ``parse`` (``None`` from it
        means the caller reads the file itself)."""

        def task(send: Send) -> None:
            for file in files:
                parsed = parse(file)
                try:
                    send(None if parsed is None else marshal.dumps(parsed))
                except ValueError:  # a value marshal cannot hold: read it there
                    send(None)

        worker = Worker.start(task)
        return None if worker is None else cls(worker)

    def next(self) -> tuple[Any, bool] | None:
        """The next file's data and whether its strings are NFC already, or ``None``:
        read that file here."""
        message = self.worker.receive()
        if message is FAILED or message is None:
            return None
        return marshal.loads(message)  # type: ignore[no-any-return]

    def __enter__(self) -> Prefetch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *details: object) -> None:
        """Wait for the worker, or stop it if the load failed."""
        self.worker.__exit__(kind, *details)
