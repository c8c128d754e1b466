"""``eakit init``: a new province model that passes ``eakit check`` from the first minute.

The templates in ``templates/`` hold one file per framework layer, each with a worked
example of its kinds and the optional fields commented out, so an architect edits rather
than starts from a blank page. The JSON Schemas for editor completion are written beside.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eakit import atomic
from eakit.model.components import ID_PATTERN
from eakit.model.manifest import FRAMEWORKS
from eakit.schema import schema_json

SCHEMA_DIR = "schema"


class ScaffoldError(ValueError):
    """The target folder or an option makes a scaffold impossible."""


@dataclass(frozen=True)
class ScaffoldOptions:
    """What the new model's manifest says about itself."""

    id: str = "tinh-moi"
    name: str = "Kiến trúc Chính quyền điện tử tỉnh"
    name_en: str = "Provincial e-government architecture"
    framework: str = "vn-egov-2.0"
    as_of: dt.date = dt.date(2025, 12, 31)
    horizon: int = 2030

    def validate(self) -> None:
        """Raise :class:`ScaffoldError` for a value the manifest would reject."""
        if not re.match(ID_PATTERN, self.id):
            raise ScaffoldError(f"--id must be lower-case letters, digits and '-', got '{self.id}'")
        if self.framework not in FRAMEWORKS:
            raise ScaffoldError(
                f"--framework must be one of {', '.join(FRAMEWORKS)}, got '{self.framework}'"
            )
        if not 1990 <= self.horizon <= 2100:
            raise ScaffoldError(f"--horizon must be a year, got {self.horizon}")
        for label, text in (("--name", self.name), ("--name-en", self.name_en)):
            if not text.strip() or "\n" in text:
                raise ScaffoldError(f"{label} must be one non-empty line")


def _yaml_string(text: str) -> str:
    # A double-quoted YAML scalar: safe for any one-line name (colons, quotes, '#').
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def template_names() -> list[str]:
    """The template files, in a stable order."""
    folder = resources.files("eakit.scaffold").joinpath("templates")
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(".yaml"))


def render_template(name: str, options: ScaffoldOptions, target: Path) -> str:
    """The text of one scaffold file with the manifest values filled in."""
    text = resources.files("eakit.scaffold").joinpath("templates", name).read_text("utf-8")
    values = {
        "@ID@": options.id,
        "@NAME_EN@": _yaml_string(options.name_en),
        "@NAME@": _yaml_string(options.name),
        "@FRAMEWORK@": options.framework,
        "@AS_OF@": options.as_of.isoformat(),
        "@HORIZON@": str(options.horizon),
        # The draft-approval waiver lasts a year past the as-of date, then asks to be settled.
        "@EXPIRES@": _one_year_after(options.as_of).isoformat(),
        "@DIR@": target.as_posix(),
    }
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def scaffold(target: Path, options: ScaffoldOptions | None = None) -> list[Path]:
    """Write a new model into ``target`` (missing or empty); return the files written."""
    options = options or ScaffoldOptions()
    options.validate()
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(
            f"{target} is not empty; eakit init only writes into a new or empty folder"
        )
    refusal = atomic.protected_refusal(target)
    if refusal is not None:
        raise ScaffoldError(refusal)
    written = []
    for name in template_names():
        path = target / name
        atomic.write_text(path, render_template(name, options, target))
        written.append(path)
    for kind in ("model", "manifest"):
        path = target / SCHEMA_DIR / f"{kind}.schema.json"
        atomic.write_text(path, schema_json(kind))
        written.append(path)
    waivers = resources.files("eakit.data").joinpath("waivers.schema.json")
    if waivers.is_file():
        path = target / SCHEMA_DIR / "waivers.schema.json"
        atomic.write_bytes(path, waivers.read_bytes())
        written.append(path)
    # Written last: a folder is marked as eakit's only once it holds the whole model.
    atomic.write_text(target / atomic.MARKER, atomic.marker_text("init"))
    return written
