"""Atomic output: reports replace files whole; devices and pipes are written as they are."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from eakit import atomic


def test_a_report_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    atomic.write_chunks(target, [b"one ", b"two"])
    assert target.read_bytes() == b"one two"
    atomic.write_text(target, "ba\n")
    assert target.read_text("utf-8") == "ba\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.txt"]  # no leftovers


def test_a_failed_report_leaves_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("good", "utf-8")

    def broken():
        yield b"half"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        atomic.write_chunks(target, broken())
    assert target.read_text("utf-8") == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/null`` or ``-o /dev/stdout`` once replaced the device with a file (as
    root, that breaks the system); a named pipe stands in for them here."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic.write_chunks(fifo, [b"streamed ", b"report"])
    reader.join(timeout=10)
    assert received == [b"streamed report"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
