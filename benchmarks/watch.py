"""The editor loop, timed as an architect lives it: ``eakit check --watch`` on a model,
then one file saved, then the wait until the terminal says what the edit changed.

    python benchmarks/watch.py MODEL [--edits 3]

Prints JSON lines like ``stages.py``: the first full check, and for each edit the time
from saving the file to the "re-checked" line (file events, reading the file, patching
the graph, re-running the rules where the edit reaches, printing), the time the process
reports for its own re-check, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from edits import edit_one_file, file_to_edit

BIN = Path(sys.executable).parent
WAIT = 900.0


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(model: Path, edits: int) -> None:
    # The status lines are matched in English; eakit speaks Vietnamese by default.
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "EAKIT_LANG": "en"}
    started = time.perf_counter()
    # Ctrl+C stops it below, also when this runs as a background job (a shell starts
    # those with SIGINT ignored, and a child inherits that).
    process = subprocess.Popen(
        [str(BIN / "eakit"), "check", str(model), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            if raw.startswith(b"["):  # status lines; the report itself is drained
                lines.put(raw.decode("utf-8", "replace"))

    threading.Thread(target=read, daemon=True).start()

    seen_lines: list[str] = []

    def wait_for(*texts: str) -> tuple[str, float]:
        deadline = time.perf_counter() + WAIT
        while time.perf_counter() < deadline:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                if process.poll() is not None:
                    break
                continue
            seen_lines.append(line.rstrip())
            if any(text in line for text in texts):
                return line, time.perf_counter()
        sys.exit(f"no {texts} from eakit check --watch; it said: {seen_lines[-3:]}")

    try:
        _line, ready = wait_for("watching")
        print(json.dumps({"stage": "watch: first check", "seconds": ready - started}))
        latencies, reported = [], []
        target = file_to_edit(model)
        for _edit in range(edits):
            time.sleep(0.5)  # a person does not save twice in a millisecond
            saved = time.perf_counter()
            edit_one_file(target)
            # A re-check that had to load in full counts too (and says so).
            line, seen = wait_for("re-checked", "loaded and checked in full")
            if "in full" in line:
                print(f"edit {_edit + 1} was checked in full: {line.strip()}", file=sys.stderr)
            latencies.append(seen - saved)
            found = re.search(r"(?:re-checked|in full) in ([0-9.]+) s", line)
            reported.append(float(found.group(1)) if found else float("nan"))
        peak = _peak_mb(process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    for stage, values in (
        ("watch: re-check, save to report", latencies),
        ("watch: re-check, as reported", reported),
    ):
        print(json.dumps({"stage": stage, "seconds": statistics.median(values),
                          "all": values}))  # fmt: skip
    print(json.dumps({"stage": "watch: peak memory", "megabytes": peak}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    arguments = parser.parse_args()
    main(arguments.model, arguments.edits)
