"""One pass of the eakit pipeline over a model, stage by stage, in a fresh process.

Run by ``benchmarks/run.py`` as ``python benchmarks/stages.py MODEL OUT [--only STAGE]
[--skip-rules]``; prints one JSON
object per line: ``{"stage": ..., "seconds": ..., "note": ...}``. A stage whose module
is not installed yet, or which fails, is reported with a note instead of a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any


def emit(stage: str, seconds: float | None, note: str = "", **extra: Any) -> None:
    """Print one result line (flushed: the parent may stop us at a timeout)."""
    line = {"stage": stage, "seconds": seconds, "note": note, **extra}
    print(json.dumps(line, ensure_ascii=False), flush=True)


def timed(stage: str, action: Callable[[], Any]) -> Any:
    """Run ``action``, report its time, return its value (None when it failed)."""
    start = time.perf_counter()
    try:
        value = action()
    except ImportError as error:
        emit(stage, None, f"not available: {error}")
        return None
    except Exception as error:  # a benchmark reports a failing stage and goes on
        last = traceback.extract_tb(error.__traceback__)[-1]
        emit(stage, None, f"failed: {type(error).__name__}: {error} ({last.name}:{last.lineno})")
        return None
    emit(stage, time.perf_counter() - start)
    return value


def main(model: Path, out: Path, only: list[str], rules: bool) -> None:
    start = time.perf_counter()
    from eakit.findings import CheckResult
    from eakit.graph import build_graph
    from eakit.loader import load_model
    from eakit.pipeline import check

    emit("import", time.perf_counter() - start)
    loaded = timed("load+validate", lambda: load_model(model))
    if loaded is None:
        return
    graph = timed("graph build", lambda: build_graph(loaded))
    result = timed("rule check", lambda: check(graph)) if rules else None
    if result is None:
        # Renderers are still measured, on an empty result.
        result = CheckResult(
            as_of=graph.architecture.as_of or dt.date.today(),
            framework=graph.architecture.framework,
            packs=list(graph.manifest.rules.packs),
        )
    else:
        emit("findings", None, count=len(result.findings))
    out.mkdir(parents=True, exist_ok=True)

    def text() -> None:
        from eakit.render.text import render_text

        (out / "findings.txt").write_text(render_text(graph, model, result), "utf-8")

    def json_report() -> None:
        from eakit.render.json_report import render_json

        (out / "check.json").write_text(render_json(graph, result), "utf-8")

    def sarif() -> None:
        from eakit.render import ci_formats

        (out / "check.sarif").write_text(ci_formats.sarif(graph, model, result), "utf-8")

    def diagrams() -> None:
        from eakit.render.diagrams import render_views

        render_views(graph, result, out / "diagrams", formats=("svg",))

    def workbook() -> None:
        from eakit.render.excel import write_workbook

        write_workbook(graph, result, out / "readiness.xlsx")

    def site() -> None:
        from eakit.render.site import build_site

        build_site(graph, result, out / "site")

    for stage, action in (
        ("render text", text),
        ("render JSON", json_report),
        ("render SARIF", sarif),
        ("render diagrams", diagrams),
        ("render workbook", workbook),
        ("render site", site),
    ):
        if not only or stage in only:
            timed(stage, action)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", action="append", default=[], help="renderer stages to run")
    parser.add_argument("--skip-rules", action="store_true", help="render an empty result")
    options = parser.parse_args()
    main(options.model, options.out, options.only, not options.skip_rules)
