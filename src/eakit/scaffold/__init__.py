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
from eakit.messages import say
from eakit.model.components import ID_PATTERN
from eakit.model.manifest import FRAMEWORKS
from eakit.schema import schema_json
from eakit.text import strip_diacritics

SCHEMA_DIR = "schema"


class ScaffoldError(ValueError):
    """The target folder or an option makes a scaffold impossible."""


DEFAULT_ID = "tinh-moi"
PLAN_YEARS = 5  # the national five-year plan periods: 2021–2025, 2026–2030, ...
PLAN_START = 2021


def id_from_folder(folder: Path) -> str:
    """An architecture id made of a folder's name: lower-case ASCII letters, digits and
    '-' (``Cần Thơ`` gives ``can-tho``); ``tinh-moi`` when nothing is left."""
    text = strip_diacritics(folder.name).lower().replace("đ", "d")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:120].strip("-")
    return slug or DEFAULT_ID


def plan_period(day: dt.date) -> tuple[int, int]:
    """The five-year plan period (first and last year) that contains ``day``."""
    start = PLAN_START + (day.year - PLAN_START) // PLAN_YEARS * PLAN_YEARS
    return start, start + PLAN_YEARS - 1


@dataclass(frozen=True)
class ScaffoldOptions:
    """What the new model's manifest says about itself; ``None`` picks what is current
    (the id from the folder's name, today's date, the end of the current plan period)."""

    id: str | None = None
    name: str = "Kiến trúc Chính quyền số tỉnh"
    name_en: str = "Provincial digital government architecture"
    framework: str = "vn-dgov-4.0"
    as_of: dt.date | None = None
    horizon: int | None = None

    def resolved(self, target: Path, today: dt.date | None = None) -> ScaffoldOptions:
        """The options with every ``None`` filled in for a model written to ``target``."""
        as_of = self.as_of or today or dt.date.today()
        return ScaffoldOptions(
            id=self.id or id_from_folder(target.resolve()),
            name=self.name,
            name_en=self.name_en,
            framework=self.framework,
            as_of=as_of,
            horizon=self.horizon if self.horizon is not None else plan_period(as_of)[1],
        )

    def validate(self) -> None:
        """Raise :class:`ScaffoldError` for a value the manifest would reject."""
        if self.id is not None and not re.match(ID_PATTERN, self.id):
            raise ScaffoldError(say("init.bad_id", id=self.id))
        if self.framework not in FRAMEWORKS:
            raise ScaffoldError(
                say(
                    "cli.choice",
                    option="--framework",
                    choices=say("cli.one_of", values=", ".join(FRAMEWORKS)),
                    got=self.framework,
                )
            )
        if self.horizon is not None and not 1990 <= self.horizon <= 2100:
            raise ScaffoldError(say("init.bad_horizon", got=self.horizon))
        for label, text in (("--name", self.name), ("--name-en", self.name_en)):
            if not text.strip() or "\n" in text:
                raise ScaffoldError(say("init.one_line", option=label))


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
    """The text of one scaffold file with the manifest values filled in (``options`` as
    :meth:`ScaffoldOptions.resolved` returns them)."""
    assert options.id is not None and options.as_of is not None and options.horizon is not None
    text = resources.files("eakit.scaffold").joinpath("templates", name).read_text("utf-8")
    first, last = plan_period(options.as_of)
    values = {
        "@ID@": options.id,
        "@NAME_EN@": _yaml_string(options.name_en),
        "@NAME@": _yaml_string(options.name),
        "@FRAMEWORK@": options.framework,
        "@AS_OF@": options.as_of.isoformat(),
        "@HORIZON@": str(options.horizon),
        # The draft-approval waiver lasts a year past the as-of date, then asks to be settled.
        "@EXPIRES@": _one_year_after(options.as_of).isoformat(),
        # The last periodic security and risk assessments: a quarter before the as-of date.
        "@ASSESSED@": (options.as_of - dt.timedelta(days=90)).isoformat(),
        "@PERIOD@": f"{first}-{last}",
        # The planned project ends within the plan period and the horizon.
        "@TARGET@": str(
            max(options.as_of.year, min(options.as_of.year + 2, last, options.horizon))
        ),
        "@DIR@": target.as_posix(),
    }
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def scaffold(
    target: Path, options: ScaffoldOptions | None = None, today: dt.date | None = None
) -> list[Path]:
    """Write a new model into ``target`` (missing or empty); return the files written.
    ``today`` (default: the real date) is the model's ``as_of`` unless the options give it."""
    target = Path(target)
    options = (options or ScaffoldOptions()).resolved(target, today)
    options.validate()
    if target.exists() and not target.is_dir():
        raise ScaffoldError(say("out.not_folder", path=str(target)))
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(say("out.not_empty", path=str(target), command="init"))
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
