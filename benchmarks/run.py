"""eakit at national scale: time and memory of every stage on synthetic models.

    .venv/bin/python benchmarks/run.py                 # 1, 10 and 34 provinces (make bench)
    .venv/bin/python benchmarks/run.py -p 1 -p 10      # a quicker subset
    .venv/bin/python benchmarks/run.py --markdown benchmarks/last.md --json last.json

For each size it generates the model (``eakit generate``, seed 1), then measures, each in
a fresh process: eakit's stages one by one (``stages.py``), the ``eakit check`` and
``eakit build`` commands, the editor loop of ``eakit check --watch`` (``watch.py``), parsing
the same YAML with PyYAML's C loader, and validating it with ``check-jsonschema`` against
``eakit schema``. The C loader and ``eakit check`` run in turn, five times each (the
machine's speed drifts over minutes: the two sides of ratio (a) are measured together),
and count with their median; ``eakit check --jobs 1`` runs three times. It prints a
table with the two ratios of issue 7 (ratio (a) also pair by pair) and the peak memory
of each command (with its forked worker, if any). Timings are wall-clock seconds on a
shared machine: compare within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STAGES = Path(__file__).resolve().parent / "stages.py"
WATCH = Path(__file__).resolve().parent / "watch.py"
SEED = 1
REPEATS = 3  # runs of a timing counted by its median
PAIRED_REPEATS = 5  # pairs of runs of ratio (a)

C_LOADER = """
import sys, time, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
start = time.perf_counter()
for path in files:
    yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


@dataclass
class Run:
    """One child process: wall time, peak resident memory, exit code, output."""

    seconds: float | None
    peak_mb: float
    returncode: int | None
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode in (0, 1) and self.seconds is not None


def tree_pss_mb(pid: int) -> float:
    """The proportional set size of a process and all its descendants (MiB): pages a
    forked worker shares with its parent count once, split between them."""
    total_kb = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total_kb += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue  # it just ended
    return total_kb / 1024


class TreeMemory:
    """Samples the memory of a process tree four times a second, in a thread (reading it
    more often slows the process down), and keeps the peak
    (eakit forks a worker for large checks: its memory counts too)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            self.peak_mb = max(self.peak_mb, tree_pss_mb(self.pid))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def run(
    command: list[str],
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    sample: bool = True,
) -> Run:
    """Run ``command``; its peak memory is the larger of its own peak RSS (``wait4``) and
    the peak sampled for it and its workers together (``sample=False``: its own only;
    reading a large process's memory map four times a second slows it down by 7%)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, env={**os.environ, **(env or {})}, cwd=ROOT
        )
        tree = TreeMemory(process.pid) if sample else None
        deadline = None if timeout is None else start + timeout
        try:
            while True:
                pid, status, usage = os.wait4(process.pid, 0 if deadline is None else os.WNOHANG)
                if pid:
                    seconds: float | None = time.perf_counter() - start
                    break
                if time.perf_counter() > deadline:  # type: ignore[operator]
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    seconds = None
                    break
                time.sleep(0.01)
        finally:
            tree_peak = tree.stop() if tree is not None else 0.0
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            max(usage.ru_maxrss / 1024, tree_peak),
            None if seconds is None else process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def run_median(
    command: list[str], env: dict[str, str] | None = None, timeout: float | None = None
) -> Run:
    """:func:`run` three times, unsampled: the run of median time (the machine is shared,
    and one run can be a second off); then once more, sampled, for the peak memory of the
    process and its workers (the highest of all four)."""
    runs = [run(command, env, timeout, sample=False) for _ in range(REPEATS)]
    if not all(r.ok for r in runs):
        return next(r for r in runs if not r.ok)
    return _median_with_peak(runs, command, env, timeout)


def _median_with_peak(
    runs: list[Run], command: list[str], env: dict[str, str] | None, timeout: float | None
) -> Run:
    """The run of median time among ``runs`` of ``command``, with the highest peak memory
    of them and of one more run, sampled (timed runs are not: sampling slows them)."""
    middle = sorted(runs, key=lambda r: r.seconds or 0.0)[len(runs) // 2]
    sampled = run(command, env, timeout)
    middle.peak_mb = max(sampled.peak_mb, *(r.peak_mb for r in runs))
    return middle


def run_paired(
    first: list[str], second: list[str], env: dict[str, str], timeout: float | None
) -> tuple[Run, Run, list[float]]:
    """The two commands of ratio (a) in turn, ``PAIRED_REPEATS`` times each and unsampled:
    on a shared machine the speed drifts over minutes, and runs minutes apart would
    compare two machines. Returns the run of median time of each (the second's memory
    from one more, sampled, run) and the ratio second ÷ first of each pair, by the
    first's own ``parse`` time on its output."""
    pairs = [
        (run(first, None, timeout, sample=False), run(second, env, timeout, sample=False))
        for _ in range(PAIRED_REPEATS)
    ]
    failed = [r for pair in pairs for r in pair if not r.ok]
    if failed:
        return failed[0], failed[0], []
    firsts, seconds = [p[0] for p in pairs], [p[1] for p in pairs]
    middle_first = sorted(firsts, key=lambda r: float(r.stdout))[len(firsts) // 2]
    middle_second = _median_with_peak(seconds, second, env, timeout)
    ratios = [(b.seconds or 0.0) / float(a.stdout) for a, b in pairs]
    return middle_first, middle_second, ratios


@dataclass
class Size:
    """Everything measured for one model size."""

    provinces: int
    stats: dict[str, float] = field(default_factory=dict)
    stages: dict[str, float | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    peak_mb: dict[str, float] = field(default_factory=dict)
    ratios: list[float] = field(default_factory=list)  # ratio (a) of each pair of runs

    def record(self, name: str, result: Run, seconds: float | None = None) -> None:
        self.stages[name] = seconds if seconds is not None else result.seconds
        self.peak_mb[name] = result.peak_mb
        if not result.ok:
            tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
            self.notes[name] = "timeout" if result.seconds is None else tail[:160]


def read_stages(size: Size, result: Run, only: str | None = None) -> None:
    """Record the JSON lines of a ``stages.py`` run."""
    for line in result.stdout.splitlines():
        item = json.loads(line)
        if item["stage"] == "findings":
            size.stats["findings"] = item["count"]
            continue
        if only is not None and item["stage"] != only:
            continue
        size.stages[item["stage"]] = item["seconds"]
        if item["note"]:
            size.notes[item["stage"]] = item["note"]


def measure(
    provinces: int, work: Path, jsonschema: bool, timeout: float, build_timeout: float
) -> Size:
    """Generate a model of ``provinces`` provinces and measure everything on it."""
    from eakit.generate import generate_model

    size = Size(provinces)
    model = work / f"model-{provinces}"
    start = time.perf_counter()
    generated = generate_model(model, provinces=provinces, seed=SEED)
    size.stats = {
        "generate": time.perf_counter() - start,
        "components": generated.components,
        "relations": generated.relations,
        "files": generated.files,
        "megabytes": generated.bytes / 1_000_000,
    }
    eakit = str(BIN / "eakit")
    # Ratio (a): the C loader and `eakit check` in turn, five times each.
    print(f"[{provinces}] C loader and eakit check, in turn", file=sys.stderr, flush=True)
    check = [eakit, "check", str(model), "--output", os.devnull]
    parsed, checked, ratios = run_paired(
        [sys.executable, "-c", C_LOADER, str(model)], check, {}, timeout
    )
    size.record("C loader parse", parsed, float(parsed.stdout) if parsed.ok else None)
    size.record("C loader process", parsed)
    size.record("eakit check", checked)
    size.ratios = ratios

    print(f"[{provinces}] stages", file=sys.stderr, flush=True)
    stages = [sys.executable, str(STAGES), str(model), str(work / f"out-{provinces}")]
    renderers = [f"--only=render {name}" for name in ("text", "JSON", "SARIF", "diagrams",
                                                       "workbook")]  # fmt: skip
    staged = run([*stages, *renderers], timeout=timeout)
    read_stages(size, staged)
    size.peak_mb["stages"] = staged.peak_mb
    if staged.seconds is None:
        size.notes["stages"] = f"stopped after {timeout:.0f} s"
    # The site alone, on an empty result (no rule check) and with its own time budget.
    print(f"[{provinces}] site", file=sys.stderr, flush=True)
    site = run([*stages, "--only=render site", "--skip-rules"], timeout=build_timeout)
    read_stages(size, site, only="render site")
    size.peak_mb["site"] = site.peak_mb
    if site.seconds is None:
        size.notes["render site"] = f"timeout (> {build_timeout:.0f} s)"

    print(f"[{provinces}] eakit check --jobs 1", file=sys.stderr, flush=True)
    single = run_median([*check, "--jobs", "1"], timeout=timeout)
    size.record("eakit check --jobs 1", single)

    # The editor loop: `eakit check --watch`, one file saved, the wait for the news.
    print(f"[{provinces}] eakit check --watch", file=sys.stderr, flush=True)
    # Timed unsampled (see run); then once more, sampled, for the memory of eakit and the
    # workers it starts.
    watch = [sys.executable, str(WATCH), str(model)]
    watched = run(watch, timeout=timeout, sample=False)
    for line in watched.stdout.splitlines():
        item = json.loads(line)
        if "seconds" in item:
            size.stages[item["stage"]] = item["seconds"]
        else:
            size.peak_mb["eakit check --watch"] = item["megabytes"]
    sampled = run(watch, timeout=timeout)
    size.peak_mb["eakit check --watch"] = max(
        size.peak_mb.get("eakit check --watch", 0.0), sampled.peak_mb
    )
    if "watch: re-check, save to report" not in size.stages:
        size.stages["watch: re-check, save to report"] = None
        size.notes["watch: re-check, save to report"] = (watched.stderr.strip() or "failed")[-160:]

    print(f"[{provinces}] eakit build", file=sys.stderr, flush=True)
    build = [eakit, "build", str(model), "--output", str(work / f"build-{provinces}")]
    size.record("eakit build", run(build, timeout=build_timeout))

    if jsonschema:
        print(f"[{provinces}] check-jsonschema", file=sys.stderr, flush=True)
        schema = work / "model.schema.json"
        files = [str(p) for p in sorted(model.rglob("*.yaml")) if p.name != "eakit.yaml"]
        size.record(
            "check-jsonschema",
            run([str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files]),
        )
    return size


def ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return "n/a"
    return f"{numerator / denominator:.2f}"


def table(sizes: list[Size]) -> str:
    """The results as a Markdown table: one column per model size."""
    head = "| | " + " | ".join(f"{s.provinces} province(s)" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    for key, label, fmt in (
        ("components", "components", "{:,.0f}"),
        ("relations", "declared relations", "{:,.0f}"),
        ("files", "files", "{:,.0f}"),
        ("megabytes", "YAML size (MB)", "{:.1f}"),
        ("findings", "findings", "{:,.0f}"),
        ("generate", "`eakit generate` (s)", "{:.1f}"),
    ):
        row(label, [fmt.format(s.stats[key]) if key in s.stats else "n/a" for s in sizes])
    names: list[str] = []
    for size in sizes:
        names += [n for n in size.stages if n not in names]
    for name in names:
        cells = []
        for size in sizes:
            value = size.stages.get(name)
            note = size.notes.get(name, "")
            cells.append(f"{value:.2f}" if value is not None else (note or "n/a"))
        row(f"{name} (s)", cells)
    check = "eakit check"
    row(
        "**ratio (a)**: eakit check ÷ C-loader parse (target ≤ 0.7)",
        [ratio(s.stages.get(check), s.stages.get("C loader parse")) for s in sizes],
    )
    row(
        f"ratio (a) of each of the {PAIRED_REPEATS} pairs of runs, lowest–highest",
        [f"{min(s.ratios):.2f}–{max(s.ratios):.2f}" if s.ratios else "n/a" for s in sizes],
    )
    row(
        "**ratio (b)**: check-jsonschema ÷ eakit check (target ≥ 15)",
        [ratio(s.stages.get("check-jsonschema"), s.stages.get(check)) for s in sizes],
    )
    for name in ("stages", "site", "eakit check", "eakit check --jobs 1", "eakit check --watch",
                 "eakit build"):  # fmt: skip
        row(
            f"peak memory, {name} (MiB)",
            [f"{s.peak_mb[name]:,.0f}" if name in s.peak_mb else "n/a" for s in sizes],
        )
    return "\n".join(lines) + "\n"


def machine() -> str:
    """CPU, cores, memory, Python and library versions, as Markdown."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        total_kb = int(info.readline().split()[1])
    import yaml

    versions = []
    for name in ("pydantic", "pydantic-core", "networkx", "PyYAML", "yaml-rs", "openpyxl",
                 "check-jsonschema", "jsonschema", "graphviz"):  # fmt: skip
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return (
        f"- CPU: {cpu}, {os.cpu_count()} cores visible\n"
        f"- RAM: {total_kb / 1024 / 1024:.1f} GiB\n"
        f"- OS: {platform.platform()}\n"
        f"- Python {platform.python_version()} ({platform.python_implementation()}); "
        f"PyYAML with libyaml: {getattr(yaml, '__with_libyaml__', False)}\n"
        f"- {', '.join(versions)}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--provinces", type=int, action="append",
                        help="model sizes (repeat); default 1, 10 and 34")  # fmt: skip
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eakit-bench")
    parser.add_argument("--no-jsonschema", action="store_true", help="skip check-jsonschema")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per process")
    parser.add_argument(
        "--build-timeout", type=float, default=300, help="seconds for 'eakit build' (target 120)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    args = parser.parse_args()
    sizes_wanted = args.provinces or [1, 10, 34]
    args.work.mkdir(parents=True, exist_ok=True)
    schema = run([str(BIN / "eakit"), "schema", "--output", str(args.work / "model.schema.json")])
    if schema.returncode != 0:
        sys.exit(f"eakit schema failed: {schema.stderr}")
    sizes: list[Size] = []
    for provinces in sizes_wanted:
        sizes.append(
            measure(provinces, args.work, not args.no_jsonschema, args.timeout, args.build_timeout)
        )
        print(table(sizes), file=sys.stderr, flush=True)  # partial results as they come
    text = "## Machine\n\n" + machine() + "\n## Results\n\n" + table(sizes)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, "utf-8")
    if args.json:
        raw = [s.__dict__ for s in sizes]
        args.json.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
