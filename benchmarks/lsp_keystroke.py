"""The language server timed as an architect types: ``eakit lsp`` on a model (a copy, in
a temporary folder), one file open, then keystrokes, each timed from the change sent to
the diagnostics of the edited file received.

    python benchmarks/lsp_keystroke.py MODEL [--edits 5]

Two kinds of keystroke: one that keeps the model valid (a character added to a name: the
diagnostics arrive after the incremental re-check, rule findings included), and one that
breaks a reference (``owner: x`` → ``owner: x-``: the edited file's own problems). The
server waits :data:`eakit.lsp.server.DEBOUNCE_SECONDS` after a change before it checks;
the figures are given with and without that wait. The keystrokes start once the first
check's diagnostics of every file have arrived. Prints one JSON line per measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from eakit.lsp.server import DEBOUNCE_SECONDS

WAIT = 900.0
QUIET = 5.0  # seconds without a message after which the first publication is over


def _target(model: Path) -> Path:
    """An applications file with an ``owner:`` (the edited file)."""
    for path in sorted(model.rglob("*.yaml")):
        owned = re.search(r"^    owner: \S+", path.read_text("utf-8"), re.M)
        if "ung-dung" in path.parts and owned:
            return path
    raise SystemExit("no applications file with an owner in this model")


async def _run(model: Path, edits: int) -> None:
    client = LanguageClient("eakit-benchmark", "1")
    arrived: asyncio.Queue[tuple[float, types.PublishDiagnosticsParams]] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait((time.perf_counter(), params))

    began = time.perf_counter()
    await client.start_io(sys.executable, "-m", "eakit", "lsp", "--model", str(model))
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=model.as_uri())
    )
    client.initialized(types.InitializedParams())
    # The first check publishes the diagnostics of every file (150,000 at national
    # scale): let them all arrive, so the keystrokes are timed on a settled server.
    last, _params = await arrived.get()
    while True:
        try:
            last, _params = await asyncio.wait_for(arrived.get(), QUIET)
        except TimeoutError:
            break
    settled = last - began  # the quiet wait itself left out
    target = _target(model)
    uri = target.as_uri()
    text = target.read_text("utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, text))
    )

    async def next_for(predicate) -> float:  # type: ignore[no-untyped-def]
        while True:
            at, params = await asyncio.wait_for(arrived.get(), WAIT)
            if params.uri == uri and predicate(params.diagnostics):
                return at

    await next_for(lambda _ds: True)  # the diagnostics of the opened file
    print(json.dumps({"measure": "start, every file published", "seconds": round(settled, 3)}))
    owner = re.search(r"^    owner: (\S+)", text, re.M)
    assert owner is not None
    version = 1
    for label, make, wanted in (
        ("valid keystroke", lambda i: text.replace("\n    name: ", f"\n    name: {'x' * i}", 1),
         lambda ds: True),
        ("broken reference", lambda i: text[: owner.end(1)] + "-" * i + text[owner.end(1) :],
         lambda ds: any("unknown component" in d.message for d in ds)),
    ):  # fmt: skip
        times = []
        for i in range(1, edits + 1):
            version += 1
            sent = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                    [types.TextDocumentContentChangeWholeDocument(make(i))],
                )
            )
            times.append(await next_for(wanted) - sent)
            # Back to the saved text, and let the server settle before the next one.
            version += 1
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                    [types.TextDocumentContentChangeWholeDocument(text)],
                )
            )
            await next_for(lambda ds: not any("unknown component" in d.message for d in ds))
        median = statistics.median(times)
        print(json.dumps({
            "measure": label, "file": target.relative_to(model).as_posix(),
            "median_seconds": round(median, 3),
            "median_without_debounce": round(median - DEBOUNCE_SECONDS, 3),
            "runs": [round(t, 3) for t in times],
        }))  # fmt: skip
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "model"
        shutil.copytree(args.model, copy, ignore=shutil.ignore_patterns(".eakit-cache"))
        asyncio.run(_run(copy, args.edits))


if __name__ == "__main__":
    main()
