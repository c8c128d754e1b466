"""A model folder that ships a cache folder cannot make eakit write, read or run anything
(issue 16, items 2, 3 and the unreadable cache folder of item 7).

eakit keeps no cache on disk: what a check writes is the output it is asked for. Older
versions kept one in the model folder (``.eakit-cache``), so a model may ship one, with
links, FIFOs and pickles planted in it. Each attack runs ``eakit check`` in a child
process, in a sandbox: the home folder, the working folder, the model copy and every
victim file are in ``tmp_path``. Links, FIFOs and the unreadable folders need Linux.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import resource
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="links and FIFOs: Linux")

# Where older versions kept their cache: a model may ship one, named just so.
SHIPPED = Path(".eakit-cache") / "v1"
TIMEOUT = 120.0
MEMORY = 1 << 30  # a check of the small model needs a fraction of this


@dataclass
class Sandbox:
    """A model copy and the environment of a user whose home folder is in tmp_path."""

    root: Path
    model: Path
    home: Path
    env: dict[str, str]


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "work").mkdir()
    model = tmp_path / "model"
    shutil.copytree(FIXTURES / "valid" / "mini", model)
    env = {key: value for key, value in os.environ.items() if not key.startswith("EAKIT_")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    return Sandbox(tmp_path, model, home, env)


def _tree(folder: Path) -> list[tuple[str, int, int]]:
    """Every path under ``folder`` with its type and size (links not followed)."""
    found = []
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found.append((path.relative_to(folder).as_posix(), stat.S_IFMT(info.st_mode), info.st_size))
    return found


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _check(sandbox: Sandbox, prelude: str = "", command: list[str] | None = None):
    """``eakit check MODEL`` in a child process (after ``prelude``, Python run in that
    process first), with its memory bounded and a timeout."""
    driver = sandbox.root / "driver.py"
    driver.write_text(
        "import os, runpy, sys\n"
        f"{prelude}\n"
        f"sys.argv = ['eakit', 'check', {str(sandbox.model)!r}]\n"
        "runpy.run_module('eakit', run_name='__main__', alter_sys=True)\n",
        "utf-8",
    )
    try:
        done = subprocess.run(
            [*(command or []), sys.executable, str(driver)], cwd=sandbox.root / "work",
            env=sandbox.env, capture_output=True, text=True, timeout=TIMEOUT,
            preexec_fn=_limit_memory,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"eakit check still ran after {TIMEOUT:.0f} s (it hangs)")
    return done


def _checked(done: subprocess.CompletedProcess[str]) -> None:
    """The check ran to its end: findings or none, and no traceback."""
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "GOV-012" in done.stdout  # a finding of the model: it was checked


class _Payload:
    """Unpickling this creates a file: proof that a planted entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _without_dac() -> list[str]:
    """A command prefix that makes folder permissions bind this test's child process
    (root ignores them unless it drops these capabilities)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def _plant(shipped: Path, victim: Path, marker: Path) -> None:
    """What a hostile model could put in the cache folder older versions read: links named
    like their temporaries (to the ``victim``), entries that are a FIFO or ``/dev/zero``, a
    pickle that creates ``marker`` when loaded, and a folder nobody may read."""
    shipped.mkdir(parents=True)
    for pid in range(1, 400):
        (shipped / f".0123456789abcdef-entry.{pid}.tmp").symlink_to(victim)
    os.mkfifo(shipped / "fifo-entry.pickle", 0o600)
    (shipped / "zero-entry.pickle").symlink_to("/dev/zero")
    payload = pickle.dumps(_Payload(marker))
    key = b"0123456789abcdef0123456789abcdef"
    signed = hashlib.blake2b(payload, key=key, digest_size=32).digest() + payload
    (shipped / "payload-entry.pickle").write_bytes(signed)
    (shipped.parent / "cache-key").write_bytes(key)
    locked = shipped / "locked"
    locked.mkdir()
    locked.chmod(0)


def test_a_shipped_cache_folder_is_never_read_written_or_run(sandbox: Sandbox) -> None:
    """A model ships a planted ``.eakit-cache``: the check runs to its end (no hang on the
    FIFO, no memory run out on ``/dev/zero``, no permission traceback), the payload never
    runs, nothing is written through a link, and nothing changes in the model folder or
    in the home folder (eakit keeps no cache)."""
    victim = sandbox.home / ".ssh" / "authorized_keys"
    victim.parent.mkdir()
    victim.write_bytes(b"ssh-ed25519 AAAA the-users-own-key\n")
    marker = sandbox.root / "pwned"
    payload = pickle.dumps(_Payload(marker))
    pickle.loads(payload)  # the payload does run code when unpickled
    assert marker.exists()
    marker.unlink()
    _plant(sandbox.model / SHIPPED, victim, marker)
    model, home = _tree(sandbox.model), _tree(sandbox.home)
    try:
        _checked(_check(sandbox, command=_without_dac()))
    finally:
        (sandbox.model / SHIPPED / "locked").chmod(0o700)
    assert not marker.exists()
    assert victim.read_bytes() == b"ssh-ed25519 AAAA the-users-own-key\n"
    assert _tree(sandbox.model) == model
    assert _tree(sandbox.home) == home


def test_a_shipped_cache_folder_linked_outside_gets_nothing_written(sandbox: Sandbox) -> None:
    """A model ships ``.eakit-cache`` as a link to a folder outside it: nothing is written
    there."""
    outside = sandbox.root / "outside"
    outside.mkdir()
    (sandbox.model / ".eakit-cache").symlink_to(outside, target_is_directory=True)
    _checked(_check(sandbox))
    assert list(outside.iterdir()) == []
