"""The edit every re-check benchmark makes: what an architect does many times a day."""

from __future__ import annotations

import re
from pathlib import Path

# A component's plain (unquoted) name, in block or flow style, up to where it ends.
_NAME = re.compile(r"\n[ -]*name: (?![\"'])[^\n{}\[\],]*")


def file_to_edit(model: Path) -> Path:
    """One department's applications file as the generator writes it; in another shape,
    the last model file with a plain component name."""
    generated = sorted(model.glob("*/ung-dung/so-tu-phap.yaml"))[-1:]
    others = sorted((p for p in model.rglob("*.yaml") if p.name != "eakit.yaml"), reverse=True)
    for target in generated or others:
        if _NAME.search(target.read_text("utf-8")):
            return target
    raise ValueError(f"no plain component name to edit in {model}")


def edit_one_file(target: Path) -> None:
    """Rename the first component of ``target`` that has a plain name (a real edit)."""
    text = target.read_text("utf-8")
    found = _NAME.search(text)
    assert found is not None, target
    target.write_text(text[: found.end()] + " (đã sửa)" + text[found.end() :], "utf-8")
