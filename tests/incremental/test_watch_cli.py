"""``eakit check --watch`` as an architect runs it: a real process, real file events."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ..conftest import BUNDLED_MODEL

FILE = "ung-dung/van-ban-dieu-hanh.yaml"
WAIT = 60.0  # seconds for one expected line (a loaded CI machine is slow, not broken)
# ``python -m eakit`` answering Ctrl+C even when the suite runs as a background job: a shell
# starts those with SIGINT ignored, and the child would inherit that and never stop.
WITH_CTRL_C = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'eakit'; runpy.run_module('eakit', run_name='__main__')"
)


class Watcher:
    """``eakit check --watch`` in a child process, with its output read line by line."""

    def __init__(self, root: Path, *args: str, lang: str = "en") -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="200")
        command = [sys.executable, "-c", WITH_CTRL_C, "check", str(root), "--watch"]
        self.process = subprocess.Popen(
            [*command, "--lang", lang, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines up to and including the first one containing ``text``."""
        deadline = time.monotonic() + WAIT
        got: list[str] = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        raise AssertionError(f"no line with {text!r}; output so far:\n" + "\n".join(self.seen))

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


@pytest.fixture
def model(tmp_path: Path) -> Path:
    root = Path(shutil.copytree(BUNDLED_MODEL, tmp_path / "model"))
    # Checked at 2021-01-01: APP-001 (the owner rule these tests edit) rests on Decree 85/2016
    # since the citation review, so it does not apply at the model's own date (2015-12-31).
    manifest = root / "eakit.yaml"
    text = manifest.read_text("utf-8")
    assert "  as_of: 2015-12-31\n" in text
    manifest.write_text(text.replace("  as_of: 2015-12-31\n", "  as_of: 2021-01-01\n"), "utf-8")
    return root


def _save(path: Path, text: str) -> None:
    """Save as many editors do: write a temporary file, then rename it over the old one
    (the watcher never sees a half-written file, however slow the machine)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    _save(path, text.replace(old, new, 1))


def test_watch_reports_each_edit_as_new_and_fixed_findings(model: Path) -> None:
    # In Vietnamese, the default: the status lines and the findings alike.
    watcher = Watcher(model, lang="vi")
    try:
        first = watcher.wait_for("đang theo dõi")
        judged = "thành phần theo bộ quy tắc của Khung Kiến trúc Chính phủ điện tử Việt Nam"
        assert any(judged in line for line in first)
        path = model / FILE
        original = path.read_text("utf-8")
        _edit(path, "    owner: so-tt-tt\n", "")
        lines = watcher.wait_for("kiểm tra lại")
        assert f"{FILE}: kiểm tra lại trong" in lines[-1]
        assert "1 mới, 0 đã khắc phục" in lines[-1]
        new = watcher.wait_for("APP-001")[-1]
        assert new.startswith("  + ") and f"{FILE}:6:5: LỖI APP-001" in new
        assert "Hệ thống thông tin quản lý văn bản và chỉ đạo điều hành" in new  # NFC, intact
        # A YAML mistake: reported as file:line:col, and the last valid check stands.
        _edit(path, "kind:", "kind: [")
        watcher.wait_for("mô hình không đọc được")
        problem = watcher.wait_for(": lỗi:")[-1]
        assert f"{FILE}:7:11: lỗi: YAML không hợp lệ" in problem
        _save(path, original)
        fixed = watcher.wait_for("kiểm tra lại")[-1]
        assert "0 mới, 1 đã khắc phục" in fixed
    finally:
        code = watcher.stop()
    assert code == 0
    assert watcher.wait_for("đã dừng")


def test_watch_rewrites_the_report_file_after_each_valid_check(model: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.sarif"
    watcher = Watcher(model, "--format", "sarif", "--output", str(report))
    try:
        watcher.wait_for("watching")
        before = json.loads(report.read_text("utf-8"))
        results = before["runs"][0]["results"]
        path = model / FILE
        _edit(path, "    owner: so-tt-tt\n", "")
        watcher.wait_for("re-checked")
        after = json.loads(report.read_text("utf-8"))
        assert len(after["runs"][0]["results"]) == len(results) + 1
        # A broken model leaves the last good report in place, whole.
        _edit(path, "kind:", "kind: [")
        watcher.wait_for(": error:")
        assert json.loads(report.read_text("utf-8")) == after
    finally:
        assert watcher.stop() == 0


def test_watch_needs_an_output_file_for_machine_formats(model: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "eakit",
            "check",
            str(model),
            "--watch",
            "-f",
            "json",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert done.returncode == 2
    assert "--watch with --format json needs --output FILE" in done.stderr


def test_watch_needs_a_model_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "eakit",
            "check",
            str(tmp_path / "missing"),
            "--watch",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert done.returncode == 2
    assert "--watch needs a model folder" in done.stderr
