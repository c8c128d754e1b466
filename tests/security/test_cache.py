"""A model folder cannot plant anything in the file cache (issue 16, items 2, 3 and the
unreadable cache folder of item 7).

Each attack runs ``eakit check`` in a child process, in a sandbox: the home folder, the
user's cache folder, the working folder, the model copy and every victim file are in
``tmp_path``. Links, FIFOs and the unreadable folders need Linux.
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

# Where eakit up to this change kept its cache: a model may ship one, named just so.
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

    @property
    def user_cache(self) -> Path:
        return self.home / ".cache" / "eakit"


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "work").mkdir()
    model = tmp_path / "model"
    shutil.copytree(FIXTURES / "valid" / "mini", model)
    env = {key: value for key, value in os.environ.items() if not key.startswith("EAKIT_")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    # This process computes the names the cache uses, as an attacker would.
    for key in [key for key in os.environ if key.startswith("EAKIT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", env["HOME"])
    monkeypatch.setenv("XDG_CACHE_HOME", env["XDG_CACHE_HOME"])
    return Sandbox(tmp_path, model, home, env)


def _model_files(model: Path) -> list[str]:
    """The files whose results are cached (all but the manifest)."""
    return sorted(
        p.relative_to(model).as_posix() for p in model.rglob("*.yaml") if p.name != "eakit.yaml"
    )


def _shipped_name(rel: str, raw: bytes) -> str:
    """The entry name eakit up to this change gave a file (and a model could predict)."""
    from eakit.speed.file_cache import code_fingerprint

    prefix = hashlib.blake2b(rel.encode(), digest_size=8).hexdigest()
    content = hashlib.blake2b(code_fingerprint(), digest_size=16)
    content.update(rel.encode() + b"\0" + raw)
    return f"{prefix}-{content.hexdigest()}.pickle"


def _entry_paths(sandbox: Sandbox) -> list[Path]:
    """For every model file: the entry a model can ship for it, and the entry the cache
    under test looks for (made with its own folder if need be)."""
    from eakit.speed.file_cache import FileCache

    cache = FileCache.for_model(sandbox.model)
    assert cache is not None
    folder = Path(cache.directory)
    paths: list[Path] = []
    for rel in _model_files(sandbox.model):
        raw = (sandbox.model / rel).read_bytes()
        paths.append(sandbox.model / SHIPPED / _shipped_name(rel, raw))
        paths.append(folder / cache._entry_name(rel, raw)[1])
    for path in paths:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return sorted(set(paths))


def _replaced(paths: list[Path]) -> bool:
    """Whether the check replaced the planted entries of its own cache folder with
    entries of its own (so it did look there, and skipped what it found)."""
    own = [path for path in paths if SHIPPED.as_posix() not in path.as_posix()]
    return bool(own) and all(
        stat.S_ISREG(path.lstat().st_mode) and path.read_bytes().startswith(b"[[") for path in own
    )


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


def test_links_named_like_the_cache_temporaries_are_not_written_through(
    sandbox: Sandbox,
) -> None:
    """A model ships links named like the cache's temporary files for every file, for
    the very pid of the check (as if it shipped them for all pids), pointing at the
    user's ``authorized_keys``: the file keeps its content, and nothing is written in
    the model folder. Fails on the main of issue 16 (the key file is overwritten)."""
    victim = sandbox.home / ".ssh" / "authorized_keys"
    victim.parent.mkdir()
    victim.write_bytes(b"ssh-ed25519 AAAA the-users-own-key\n")
    shipped = sandbox.model / SHIPPED
    shipped.mkdir(parents=True)
    names = [
        _shipped_name(rel, (sandbox.model / rel).read_bytes())
        for rel in _model_files(sandbox.model)
    ]
    prelude = (
        f"for name in {names!r}:\n"
        f"    os.symlink({str(victim)!r}, os.path.join({str(shipped)!r}, "
        "'.' + name + '.' + str(os.getpid()) + '.tmp'))"
    )
    before = _tree(sandbox.model)
    done = _check(sandbox, prelude)
    _checked(done)
    assert victim.read_bytes() == b"ssh-ed25519 AAAA the-users-own-key\n"
    after = [entry for entry in _tree(sandbox.model) if not entry[0].endswith(".tmp")]
    assert after == before


@pytest.mark.parametrize("shipped_link", [".eakit-cache", ".eakit-cache/.gitignore"])
def test_a_shipped_cache_folder_or_gitignore_link_writes_nothing_outside(
    sandbox: Sandbox, shipped_link: str
) -> None:
    """A model ships ``.eakit-cache`` as a link to a folder outside it, or a
    ``.eakit-cache/.gitignore`` linking to a file that does not exist yet: nothing is
    written there. Fails on the main of issue 16 (entries and a ``.gitignore`` are
    written through the folder link; the ``.gitignore`` link creates its target)."""
    outside = sandbox.root / "outside"
    outside.mkdir()
    link = sandbox.model / shipped_link
    if shipped_link == ".eakit-cache":
        link.symlink_to(outside, target_is_directory=True)
    else:
        link.parent.mkdir()
        link.symlink_to(outside / "created-by-eakit")
    done = _check(sandbox)
    _checked(done)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("planted", ["fifo", "dev-zero"])
def test_a_fifo_or_an_endless_file_in_place_of_an_entry_is_skipped(
    sandbox: Sandbox, planted: str
) -> None:
    """Every entry the check could read (the ones a model ships in ``.eakit-cache`` and
    the ones in the user's cache folder) is a FIFO, or a link to ``/dev/zero``: the
    check neither hangs nor runs out of memory. Fails on the main of issue 16 (the FIFO
    blocks the check for good; ``/dev/zero`` is read until memory runs out)."""
    paths = _entry_paths(sandbox)
    for path in paths:
        if planted == "fifo":
            os.mkfifo(path, 0o600)
        else:
            path.symlink_to("/dev/zero")
    _checked(_check(sandbox))
    assert _replaced(paths)


class _Payload:
    """Unpickling this creates a file: proof that a planted entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize(
    ("key", "mode"),
    [(b"", 0o600), (b"k", 0o600), (b"0123456789abcdef0123456789abcdef", 0o644)],
    ids=["empty-key", "short-key", "world-readable-key"],
)
def test_a_planted_pickle_never_runs(sandbox: Sandbox, key: bytes, mode: int) -> None:
    """The user's ``cache-key`` is empty (a failed or racing first write), one byte long,
    or readable by everyone; a model ships entries holding a pickle that creates a file,
    signed with that key, and the same entries sit in the user's cache folder: the file
    is never created. Fails on the main of issue 16 (the payload runs for every key)."""
    key_file = sandbox.user_cache / "cache-key"
    key_file.parent.mkdir(parents=True)
    key_file.write_bytes(key)
    key_file.chmod(mode)
    marker = sandbox.root / "pwned"
    payload = pickle.dumps(_Payload(marker))
    pickle.loads(payload)  # the payload does run code when unpickled
    assert marker.exists()
    marker.unlink()
    signed = hashlib.blake2b(payload, key=key, digest_size=32).digest() + payload
    paths = _entry_paths(sandbox)
    for path in paths:
        path.write_bytes(signed)
    _checked(_check(sandbox))
    assert not marker.exists()
    assert _replaced(paths)


def _without_dac() -> list[str]:
    """A command prefix that makes folder permissions bind this test's child process
    (root ignores them unless it drops these capabilities)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.parametrize("where", ["shipped", "EAKIT_CACHE_DIR", "user-cache"])
def test_an_unreadable_cache_folder_is_no_cache_not_a_traceback(
    sandbox: Sandbox, where: str
) -> None:
    """The cache folder cannot be read (mode 000): a ``.eakit-cache`` a model ships,
    the folder ``EAKIT_CACHE_DIR`` names, or the user's own cache folder after a first
    run filled it. The check runs without the cache and reports the model's findings.
    Fails on the main of issue 16 for the first two (a PermissionError traceback); the
    third passed there already (the key could not be read: no cache)."""
    if where == "shipped":
        folder = sandbox.model / ".eakit-cache"
    elif where == "EAKIT_CACHE_DIR":
        folder = sandbox.root / "configured-cache"
        sandbox.env["EAKIT_CACHE_DIR"] = str(folder)
    else:
        folder = sandbox.user_cache
        _checked(_check(sandbox))  # fills it
    folder.mkdir(exist_ok=True)
    folder.chmod(0)
    try:
        _checked(_check(sandbox, command=_without_dac()))
    finally:
        folder.chmod(0o700)
