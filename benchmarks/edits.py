"""The edit every re-check benchmark makes: what an architect does many times a day."""

from __future__ import annotations

from pathlib import Path


def edit_one_file(model: Path) -> Path:
    """Rename the first component of one department's applications file (a real edit)."""
    target = sorted(model.glob("*/ung-dung/so-tu-phap.yaml"))[-1]
    text = target.read_text("utf-8")
    marker = "\n    name: "
    at = text.index(marker) + len(marker)
    end = text.index("\n", at)
    target.write_text(text[:end] + " (đã sửa)" + text[end:], "utf-8")
    return target
