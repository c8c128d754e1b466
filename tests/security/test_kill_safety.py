"""Kill safety: a run killed at any point leaves the old or the new output folder, and the
next run removes the temporaries the killed one left (and nothing else).

A child process replaces a folder and SIGKILLs itself at the n-th file-system step
(before and after every rename, unlink, rmdir, chmod, rmtree and exchange, and between the
files it writes), for every n until a run gets through.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import eakit
from eakit import atomic
from tests.security.conftest import Sandbox

OLD = {"a.txt": "old a", "sub/b.txt": "old b"}
NEW = {"a.txt": "new a", "sub/b.txt": "new b", "c.txt": "new c"}
THIRD = {"d.txt": "third"}
MARKERS = {".eakit-output", ".eakit-build"}

_CHILD = r"""
import os, shutil, signal, sys
from pathlib import Path
from eakit import atomic

target, kill_at, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
new = dict(pair.split("=", 1) for pair in sys.argv[4:])
count = 0

def step():
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

def watch(module, name):
    original = getattr(module, name)
    def watched(*args, **kwargs):
        step()
        result = original(*args, **kwargs)
        step()
        return result
    setattr(module, name, watched)

for module, name in ((os, "rename"), (os, "replace"), (os, "unlink"), (os, "rmdir"),
                     (os, "chmod"), (shutil, "rmtree")):
    watch(module, name)
if mode == "fallback":
    atomic._exchange = lambda first, second: False
elif hasattr(atomic, "_exchange"):
    watch(atomic, "_exchange")
with atomic.replace_dir(target) as staging:
    for rel, text in sorted(new.items()):
        step()
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
step()
print("done")
"""

_KILLED_WRITE = r"""
import os, signal, sys
from pathlib import Path
from eakit import atomic

def chunks():
    yield b"half a report"
    os.kill(os.getpid(), signal.SIGKILL)

atomic.write_chunks(Path(sys.argv[1]), chunks())
"""


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(eakit.__file__).resolve().parent.parent)
    return env


def _run_child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=_child_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def _write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _content(folder: Path) -> dict[str, str] | None:
    """The files of ``folder`` without eakit's markers, or None when it is missing."""
    if not folder.is_dir():
        return None
    return {
        p.relative_to(folder).as_posix(): p.read_text("utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in MARKERS
    }


def _old_output(parent: Path) -> Path:
    """An output folder an earlier eakit run wrote (marked, as every version marks it)."""
    out = parent / "out"
    _write(out, OLD)
    (out / ".eakit-build").write_text("", encoding="utf-8")
    return out


def _failing_next_run(out: Path) -> None:
    """A next run that fails after it started: it must leave a complete folder."""
    with pytest.raises(RuntimeError), atomic.replace_dir(out) as staging:
        _write(staging, {"partial.txt": "never seen"})
        raise RuntimeError("the next run fails too")


def _last_pid() -> int:
    """The pid of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL and renameat2: Linux")
@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_a_kill_at_any_step_leaves_the_old_or_the_new_folder(sandbox: Sandbox, mode: str) -> None:
    """Killed at each step of a folder replacement, then run again: the folder is the
    old or the new one at once (atomic exchange) or after the next run started (the
    fallback puts the old one back), and the next run leaves no temporary behind.

    Fails on main: a kill between its two renames left no output folder at all, and
    killed runs left ``.out.*`` folders nothing removed.
    """
    new_args = [f"{rel}={text}" for rel, text in NEW.items()]
    kill_points = 0
    for kill_at in range(1, 200):
        parent = sandbox.work / f"kill-{kill_at}"
        out = _old_output(parent)
        child = _run_child(_CHILD, str(out), str(kill_at), mode, *new_args)
        if child.returncode == 0:
            assert child.stdout.strip() == "done", child.stderr
            assert _content(out) == NEW
            assert sorted(os.listdir(parent)) == ["out"]
            break
        assert child.returncode == -signal.SIGKILL, child.stderr
        kill_points += 1
        if mode == "exchange":
            assert _content(out) in (OLD, NEW), f"killed at step {kill_at}"
        _failing_next_run(out)
        assert _content(out) in (OLD, NEW), f"killed at step {kill_at}"
        with atomic.replace_dir(out) as staging:
            _write(staging, THIRD)
        assert _content(out) == THIRD
        assert sorted(os.listdir(parent)) == ["out"], f"killed at step {kill_at}"
    else:
        pytest.fail("the child never got through")
    assert kill_points >= 5


def test_the_old_folder_of_an_earlier_version_is_put_back(sandbox: Sandbox) -> None:
    """An earlier eakit killed between its two renames left ``.out.old`` and no ``out``:
    the next run puts it back before anything else.

    Fails on main: nothing looked at ``.out.old``; ``out`` stayed missing.
    """
    out = _old_output(sandbox.work)
    out.rename(sandbox.work / ".out.old")
    _failing_next_run(out)
    assert _content(out) == OLD
    assert sorted(os.listdir(sandbox.work)) == ["out"]


@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL: Linux")
def test_a_killed_file_write_leaves_no_temporary_after_the_next(sandbox: Sandbox) -> None:
    """A report write killed half-way leaves its temporary file; the next write of the
    same report removes it.

    Fails on main: ``.report.json.*.tmp`` files stayed forever.
    """
    report = sandbox.work / "report.json"
    child = _run_child(_KILLED_WRITE, str(report))
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert [p for p in os.listdir(sandbox.work) if p.endswith(".tmp")]  # the kill left one
    atomic.write_text(report, "{}\n")
    assert sorted(os.listdir(sandbox.work)) == ["report.json"]


def test_look_alikes_of_temporaries_are_never_removed(sandbox: Sandbox) -> None:
    """Only eakit's own temporaries of a finished process are removed: not a folder
    without marker, not one of a running process, not a link (nor what it points to).

    Fails on main: it deleted whatever folder was named ``.out.old`` before it swapped
    ``out`` (here a folder of the user's).
    """
    dead, alive = _last_pid(), 1
    out = _old_output(sandbox.work)
    victim = sandbox.victim(sandbox.root / "elsewhere")
    (victim.parent / ".eakit-output").write_text("eakit build\n", encoding="utf-8")
    keep = {
        f".out.eakit-tmp-{dead}-foreign": "folder",  # no marker: not eakit's
        f".out.eakit-tmp-{alive}-running": "marked",  # its process runs
        f".out.eakit-old-{alive}-running": "marked",
        f".out.eakit-tmp-{dead}-link": "link",  # a link, to a marked folder
        ".out.old": "folder",  # the old name, but no marker
        ".out.abcd1234": "folder",
        ".out.20251201": "marked",  # a copy the user keeps of an earlier output
        f".report.json.eakit-{alive}-running.tmp": "file",
        f".report.json.eakit-{dead}-link.tmp": "filelink",
    }
    for name, kind in keep.items():
        path = sandbox.work / name
        if kind in ("folder", "marked"):
            sandbox.victim(path)
            if kind == "marked":
                (path / ".eakit-output").write_text("eakit build\n", encoding="utf-8")
        elif kind == "link":
            path.symlink_to(victim.parent, target_is_directory=True)
        elif kind == "filelink":
            path.symlink_to(victim)
        else:
            path.write_text("a running write", encoding="utf-8")
    with atomic.replace_dir(out) as staging:
        _write(staging, NEW)
    atomic.write_text(sandbox.work / "report.json", "{}\n")
    assert sorted(os.listdir(sandbox.work)) == sorted([*keep, "out", "report.json"])
    assert victim.read_text("utf-8") == "victim in elsewhere\n"
    assert _content(out) == NEW
