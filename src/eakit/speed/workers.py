"""A forked worker process that sends its results back through a pipe.

    with Worker.start(task) or contextlib.nullcontext() as worker:
        ... worker.receive() ...   # the worker is waited for (or stopped) on leaving

A national model takes seconds to load and check, and the machine has a second core.
Forking shares everything this process holds with the worker without copying or
pickling it; the worker sends back small, plain messages, in order. Whoever starts a
worker must be ready to do its work itself: :meth:`Worker.receive` gives :data:`FAILED`
when the worker died or sent something broken.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from eakit.speed.switches import plain

Send = Callable[[object], None]
_HEADER = 8  # bytes of a message's length


def available() -> bool:
    """Whether this platform can fork a worker safely (Linux)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def cores() -> int:
    """The processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# The name of a thread that holds no lock a worker needs (the file watcher of
# ``eakit check --watch`` only waits for file events and queues them): a worker may be
# forked while it runs.
FORK_SAFE_THREAD = "eakit-watch"


def may_fork() -> bool:
    """Whether this process may start a worker on its own accord: a platform that
    forks, a second core, and no other thread (a library caller's threads could hold
    locks the worker would wait for forever) but :data:`FORK_SAFE_THREAD`."""
    here = threading.current_thread()
    others = [t for t in threading.enumerate() if t is not here and t.name != FORK_SAFE_THREAD]
    return available() and cores() >= 2 and not others


def wanted(jobs: int | None, large: Callable[[], bool]) -> bool:
    """Whether to start a worker for a job: ``jobs`` 1 forbids it, 2 asks for it (where
    the platform forks), ``None`` decides: a ``large`` job, on a machine where this
    process :func:`may_fork`. Never on the plain path (:func:`eakit.speed.switches.plain`)."""
    if plain():
        return False
    if jobs is not None:
        return jobs > 1 and available()
    return large() and may_fork()


class _Failed:
    """The worker sent nothing usable."""

    def __repr__(self) -> str:
        return "FAILED"


FAILED: Any = _Failed()


class _Sender:
    """Writes the worker's messages to the pipe from a thread of their own, so the worker
    goes on while the parent is still busy and has not read them yet."""

    def __init__(self, pipe: BinaryIO) -> None:
        self.pipe = pipe
        self.queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._write, daemon=True)
        self.thread.start()

    def send(self, message: object) -> None:
        self.queue.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def _write(self) -> None:
        while (data := self.queue.get()) is not None:
            self.pipe.write(len(data).to_bytes(_HEADER, "little") + data)
            self.pipe.flush()

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        self.pipe.close()


class Worker:
    """A forked process running ``task(send)``; this process reads what it sent."""

    def __init__(self, pid: int, pipe: BinaryIO) -> None:
        self.pid = pid
        self.pipe = pipe
        self.failed = False

    @classmethod
    def start(cls, task: Callable[[Send], None]) -> Worker | None:
        """Fork a worker running ``task``, or ``None`` when the system refuses."""
        try:
            read_end, write_end = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:  # the worker: never returns into the caller's code
            status = 1
            try:
                os.close(read_end)
                sender = _Sender(open(write_end, "wb"))  # noqa: SIM115 - closed below
                task(sender.send)
                sender.close()
                status = 0
            except BaseException:  # any failure: the parent does the work
                pass
            finally:
                os._exit(status)
        os.close(write_end)
        return cls(pid, open(read_end, "rb"))

    def receive(self) -> Any:
        """The worker's next message, or :data:`FAILED` (then every later one too)."""
        if self.failed:
            return FAILED
        try:
            head = self.pipe.read(_HEADER)
            if len(head) == _HEADER:
                size = int.from_bytes(head, "little")
                data = self.pipe.read(size)
                if len(data) == size:
                    return pickle.loads(data)
        except Exception:
            pass
        self.failed = True
        return FAILED

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_details: object) -> None:
        """Wait for a worker that did its job; stop one that failed, or whose messages
        are no longer wanted because the caller failed."""
        self._end(kill=kind is not None or self.failed)

    def stop(self) -> None:
        """Stop the worker (its messages are no longer wanted) and wait for it."""
        self._end(kill=True)

    def _end(self, kill: bool) -> None:
        self.pipe.close()  # a worker still writing gets a broken pipe and ends
        try:
            if kill:
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass  # already reaped
