"""`eakit check` against PyYAML's C loader on three YAML shapes of the same model.

    .venv/bin/python benchmarks/bench_shapes.py                  # 1, 10, 34 provinces (make bench)
    .venv/bin/python benchmarks/bench_shapes.py -p 1 -p 10 --pairs 3
    .venv/bin/python benchmarks/bench_shapes.py -p 10 --variant plain=EAKIT_PLAIN=1
    .venv/bin/python benchmarks/bench_shapes.py -p 34 --pairs 2 --before main~3
    .venv/bin/python benchmarks/bench_shapes.py -p 34 --pairs 2 -s anchors -s marked -s json

For each size it generates the model (``eakit generate``, seed 1) and writes it in the
three shapes of ``shapes.py`` (the generator's flow style, one block-style file per
agency, one block-style file per province), or with ``-s`` the agency shape in the
styles of other tools (``shapes.OTHER_STYLES``). For each shape it runs, in turn and
``--pairs`` times, two whole processes over the same files: PyYAML's C loader
(``yaml.load(f, Loader=yaml.CSafeLoader)`` for every file) and ``eakit check``, plus
every ``--variant`` (``eakit check`` with more environment variables; ``EAKIT_CACHE=off``
for all, so that the older commits of ``--before``, which kept a file cache, run cold).
Running them in turn keeps the machine's drift out of the ratio; each ratio is the
median of the ratios of the pairs. ``--before REV`` adds the code of commit ``REV`` as a
variant (its ``src`` and ``rules`` exported to a temporary folder and compiled, as an
installed copy is), to say what a change did on the same machine in the same minutes.
Peak memory is the largest resident set of the
process or of a worker it waited for (``wait4``). It prints a Markdown table and writes
it to ``--markdown`` (default ``benchmarks/results/shapes.md``, where it goes on top of
the earlier runs). Processor seconds (user
and system time of the process and its workers) are shown too: on a shared machine they
say what a run costs when wall time says mostly how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from shapes import OTHER_STYLES, SHAPES, make_shape

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = 1
C_LOADER = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


@dataclass
class Run:
    """One process: wall seconds, processor seconds (user and system, with the workers
    it waited for), peak resident set (MiB), exit code."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int


def run(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to its end; its wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **env},
        cwd=ROOT,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


@dataclass
class Measured:
    """The runs of one shape of one size: the C loader's and each variant's."""

    provinces: int
    shape: str
    files: int
    megabytes: float
    loader: list[Run] = field(default_factory=list)
    variants: dict[str, list[Run]] = field(default_factory=dict)

    def ratio(self, name: str) -> float:
        """The median over pairs of variant seconds ÷ C loader seconds."""
        pairs = zip(self.variants[name], self.loader, strict=True)
        return statistics.median(v.seconds / c.seconds for v, c in pairs)


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu_seconds for r in runs)


def measure(
    model: Path, provinces: int, shape: str, variants: dict[str, dict[str, str]], pairs: int
) -> Measured:
    """Run the C loader and every variant of ``eakit check`` in turn on ``model``."""
    files = sorted(model.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in files) / 1_000_000
    measured = Measured(provinces, shape, len(files) - 1, size)
    loader = [sys.executable, "-c", C_LOADER, str(model)]
    check = [str(BIN / "eakit"), "check", str(model), "--output", os.devnull]
    for number in range(pairs):
        measured.loader.append(run(loader, {}))
        for name, env in variants.items():
            result = run(check, {"EAKIT_CACHE": "off", **env})
            if result.returncode not in (0, 1):
                sys.exit(f"eakit check failed on {model} ({name}): exit {result.returncode}")
            measured.variants.setdefault(name, []).append(result)
        print(
            f"[{provinces} {shape} {number + 1}/{pairs}] C loader "
            f"{measured.loader[-1].seconds:.2f} s, "
            + ", ".join(f"{n} {r[-1].seconds:.2f} s" for n, r in measured.variants.items()),
            file=sys.stderr,
            flush=True,
        )
    return measured


def table(results: list[Measured]) -> str:
    """One row per size and shape: times, ratios and peak memory."""
    names = list(results[0].variants) if results else []
    head = ["provinces", "shape", "files", "MB", "C loader (s)", "C loader peak (MiB)"]
    for name in names:
        head += [f"{name} (s)", f"{name} ÷ C loader", f"{name} CPU (s)", f"{name} peak (MiB)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for m in results:
        cells = [
            str(m.provinces),
            m.shape,
            f"{m.files:,}",
            f"{m.megabytes:.1f}",
            f"{median_seconds(m.loader):.2f}",
            f"{max(r.peak_mb for r in m.loader):,.0f}",
        ]
        for name in names:
            runs = m.variants[name]
            cells += [
                f"{median_seconds(runs):.2f}",
                f"**{m.ratio(name):.2f}**",
                f"{median_cpu(runs):.2f}",
                f"{max(r.peak_mb for r in runs):,.0f}",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def machine(pairs: int) -> str:
    """The machine, its load before the run, and the method, as Markdown."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"- CPU: {cpu}, {os.cpu_count()} cores visible; load average before the run: {load}\n"
        f"- Python {platform.python_version()}; medians of {pairs} pairs of whole-process "
        "runs in turn (C loader, then each `eakit check` variant)\n"
    )


def exported(rev: str, into: Path) -> dict[str, str]:
    """The environment of a variant running the code of commit ``rev``: its ``src`` and
    ``rules`` exported below ``into`` and compiled (a checkout's own modules may lack
    their bytecode, and compiling them on each run would be measured too)."""
    git = ["git", "-C", str(ROOT), "archive", rev, "src", "rules"]
    archive = subprocess.run(git, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    compile_all = [sys.executable, "-m", "compileall", "-q", str(into / "src")]
    subprocess.run(compile_all, check=True, stdout=subprocess.DEVNULL)
    return {"PYTHONPATH": str(into / "src")}


def written(path: Path, text: str) -> str:
    """The results file with this run's ``text`` on top of the runs it holds already."""
    title, earlier = "# Three YAML shapes", path.read_text("utf-8") if path.exists() else ""
    first_line, _, rest = earlier.partition("\n")
    if first_line.startswith(title):
        title, earlier = first_line, rest.lstrip("\n")
    return f"{title}\n\n{text.rstrip()}\n" + (f"\n{earlier}" if earlier else "")


def parse_variant(text: str) -> tuple[str, dict[str, str]]:
    """``name=KEY=VALUE,KEY=VALUE`` (or just ``name``) as a name and its environment."""
    name, _, assignments = text.partition("=")
    env = dict(item.split("=", 1) for item in assignments.split(",") if item)
    return name, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--provinces", type=int, action="append",
                        help="model sizes (repeat); default 1, 10 and 34")  # fmt: skip
    parser.add_argument("-s", "--shape", action="append", choices=SHAPES + OTHER_STYLES,
                        help="shapes (repeat); default the three shapes; the agency "
                        "shape in other styles: " + ", ".join(OTHER_STYLES))  # fmt: skip
    parser.add_argument("--pairs", type=int, default=5, help="runs of each, in turn")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        help="name=KEY=VALUE,...: also run eakit check with this environment",
    )
    parser.add_argument("--before", metavar="REV", help="also run the code of this commit")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "eakit-shapes")
    parser.add_argument("--markdown", type=Path, default=ROOT / "benchmarks/results/shapes.md")
    args = parser.parse_args()
    variants = dict([("eakit check", {}), *map(parse_variant, args.variant)])
    args.work.mkdir(parents=True, exist_ok=True)
    before = tempfile.TemporaryDirectory(prefix="eakit-before-")
    if args.before:
        variants["before"] = exported(args.before, Path(before.name))
    # A results file says when each run was made: the runs below it were on other days.
    began = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = f"## Run of {began}\n\n### Machine\n\n" + machine(args.pairs)
    if args.before:
        header += f"- before: the code of `{args.before}`\n"
    results: list[Measured] = []
    from eakit.generate import generate_model

    for provinces in args.provinces or [1, 10, 34]:
        generated = args.work / f"generated-{provinces}"
        if not generated.exists():
            generate_model(generated, provinces=provinces, seed=SEED)
        for shape in args.shape or SHAPES:
            model = args.work / f"{shape}-{provinces}"
            if not model.exists():
                make_shape(shape, generated, model)
            results.append(measure(model, provinces, shape, variants, args.pairs))
            print(table(results), file=sys.stderr, flush=True)
    text = header + "\n### `eakit check` and the C loader, whole process\n\n" + table(results)
    print(text)
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(written(args.markdown, text), "utf-8")
    before.cleanup()


if __name__ == "__main__":
    main()
