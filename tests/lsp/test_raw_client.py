"""``eakit lsp`` driven by a client written here from the protocol's text alone (JSON-RPC
with Content-Length framing over pipes, no pygls): what an editor's own client sends."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
WAIT = 60.0


class RawClient:
    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.buffer = b""
        self.next_id = 0

    def send(self, method: str, params: Any, request: bool = True) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return ident

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        deadline = time.monotonic() + WAIT
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            ready, _, _ = select.select([fd], [], [], max(deadline - time.monotonic(), 0))
            assert ready, "the server said nothing"
            chunk = os.read(fd, 65536)
            assert chunk, "the server closed its output"
            self.buffer += chunk

    def until(self, test) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        while True:
            message = self.receive()
            if test(message):
                return message


def test_a_plain_json_rpc_client_gets_capabilities_and_located_diagnostics(tmp_path: Path):
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns(".eakit-cache"))
    process = subprocess.Popen(
        [sys.executable, "-m", "eakit", "lsp", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    client = RawClient(process)
    try:
        asked = client.send(
            "initialize", {"processId": None, "rootUri": model.as_uri(), "capabilities": {}}
        )
        reply = client.until(lambda m: m.get("id") == asked)
        capabilities = reply["result"]["capabilities"]
        for feature in ("definitionProvider", "referencesProvider", "hoverProvider",
                        "renameProvider", "codeActionProvider", "documentSymbolProvider",
                        "workspaceSymbolProvider", "completionProvider"):  # fmt: skip
            assert capabilities.get(feature), feature
        client.send("initialized", {}, request=False)

        rel = "ha-tang/mang-lan.yaml"
        text = (model / rel).read_text("utf-8")
        row = next(i for i, line in enumerate(text.splitlines()) if "kind: lan" in line)
        broken = text.replace("kind: lan", "kind: lna", 1)
        uri = (model / rel).as_uri()
        client.send(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": broken}},
            request=False,
        )
        published = client.until(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and any("lna" in d["message"] for d in m["params"]["diagnostics"])
            )
        )
        problem = next(d for d in published["params"]["diagnostics"] if "lna" in d["message"])
        assert "did you mean 'lan'" in problem["message"]
        assert problem["range"]["start"] == {
            "line": row,
            "character": text.splitlines()[row].index("lan"),
        }
        assert problem["severity"] == 1 and problem["source"] == "eakit"

        done = client.send("shutdown", None)
        client.until(lambda m: m.get("id") == done)
        client.send("exit", None, request=False)
        assert process.wait(timeout=WAIT) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_private_copy_is_removed_when_the_server_is_terminated(tmp_path: Path):
    model = tmp_path / "model"
    shutil.copytree(REPO / "model", model, ignore=shutil.ignore_patterns(".eakit-cache"))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "eakit", "lsp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    client = RawClient(process)
    try:
        asked = client.send(
            "initialize", {"processId": None, "rootUri": model.as_uri(), "capabilities": {}}
        )
        client.until(lambda m: m.get("id") == asked)
        client.send("initialized", {}, request=False)
        client.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        (copy,) = scratch.iterdir()
        assert copy.name.startswith("eakit-overlay-")
        process.terminate()
        assert process.wait(timeout=WAIT) == 0
        assert list(scratch.iterdir()) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
