"""Merging a read survey into a model folder: new components, updates by id.

New components go to ``survey/<layer>.yaml``; a component already in the model is
updated where it is declared (only its own lines change). Everything is checked
first — references, then the whole resulting model loaded from a staging copy —
and only then written, each file atomically. A survey with any problem writes
nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eakit import atomic
from eakit.diagnostics import ModelLoadError
from eakit.loader import MANIFEST, load_model
from eakit.loader.errors import kind_words
from eakit.loader.yamlio import compose
from eakit.messages import did_you_mean, or_list, say
from eakit.model import Model
from eakit.model.manifest import Manifest
from eakit.model.refs import ref_fields
from eakit.survey.errors import CellProblem, SurveyError
from eakit.survey.reader import Row, Survey, read_survey
from eakit.survey.yaml_out import component_data, dump, replace_component

SURVEY_DIR = "survey"


@dataclass
class ImportReport:
    """What an import changed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    created_manifest: bool = False


def survey_file(layer: str) -> str:
    """The model file that receives new components of a layer."""
    return f"{SURVEY_DIR}/{layer}.yaml"


def _header(source: str) -> str:
    return (
        f"# Imported by 'eakit import-survey' from {source}.\n"
        "# Re-importing a survey updates these components by id; comments here are not kept.\n"
    )


def _check_references(rows: list[Row], model: Model | None) -> list[CellProblem]:
    kinds = {cid: c.kind for cid, c in (model.components.items() if model else [])}  # type: ignore[attr-defined]
    kinds.update({row.component.id: row.component.kind for row in rows})  # type: ignore[attr-defined]
    problems = []
    for row in rows:
        component = row.component
        for ref in ref_fields(type(component)):
            value = getattr(component, ref.name)
            targets = value if ref.many else ([value] if value is not None else [])
            for target in targets:
                letter = row.columns.get(ref.name, "A")
                if target not in kinds:
                    hint = did_you_mean(target, kinds)
                    message = say("survey.unknown_ref", field=ref.name, target=target, hint=hint)
                elif ref.ref.kinds and kinds[target] not in ref.ref.kinds:
                    message = say(
                        "survey.wrong_kind",
                        field=ref.name,
                        kinds=or_list([kind_words(k) for k in ref.ref.kinds]),
                        target=target,
                        kind=kind_words(kinds[target]),
                    )
                else:
                    continue
                problems.append(CellProblem(row.sheet, row.row, letter, message))
    return problems


def _manifest_text(survey: Survey, source: str) -> str:
    facts = dict(survey.architecture)
    if "as_of" in facts and hasattr(facts["as_of"], "isoformat"):
        facts["as_of"] = facts["as_of"].isoformat()
    data: dict[str, Any] = {"eakit": 1, "architecture": facts}
    try:
        Manifest.model_validate(data)
    except ValueError as exc:
        raise SurveyError(
            [CellProblem(source, 0, "", say("survey.architecture_incomplete", reason=str(exc)))]
        ) from None
    return dump(data)


def _plan(rows: list[Row], model: Model | None, texts: dict[str, str], source: str) -> ImportReport:
    """Fill ``texts`` (file -> new content) and say what changes."""
    report = ImportReport()
    new_by_file: dict[str, list[Row]] = {}
    survey_updates: dict[str, dict[str, Row]] = {}
    for row in rows:
        cid = row.component.id
        existing = model.components.get(cid) if model else None
        if existing is None:
            new_by_file.setdefault(survey_file(row.layer), []).append(row)
            report.added.append(cid)
            continue
        if existing == row.component:
            report.unchanged.append(cid)
            continue
        report.updated.append(cid)
        file = model.component_sources[cid].file  # type: ignore[union-attr]
        if file.startswith(SURVEY_DIR + "/"):
            survey_updates.setdefault(file, {})[cid] = row
            continue
        root = model.root  # type: ignore[union-attr]
        text = texts.get(file) or (root / file).read_text("utf-8")
        replaced = replace_component(text, cid, component_data(row.component))
        if replaced is None:
            raise SurveyError(
                [
                    CellProblem(
                        row.sheet,
                        row.row,
                        row.columns.get("id", "A"),
                        say("survey.cannot_update", id=cid, file=file),
                    )
                ]
            )
        texts[file] = replaced
    for file in sorted(set(new_by_file) | set(survey_updates)):
        path = model.root / file if model else None
        data: dict[str, Any] = {}
        if path is not None and path.is_file():
            parsed = compose(path.read_text("utf-8")).data
            data = parsed if isinstance(parsed, dict) else {}
        updates = survey_updates.get(file, {})
        items = [
            component_data(updates[item["id"]].component)
            if isinstance(item, dict) and item.get("id") in updates
            else item
            for item in data.get("components") or []
        ]
        items += [component_data(row.component) for row in new_by_file.get(file, [])]
        content: dict[str, Any] = {"components": items}
        if data.get("relations"):
            content["relations"] = data["relations"]
        texts[file] = _header(source) + dump(content)
    report.files = sorted(texts)
    return report


def _verify(model_dir: Path, texts: dict[str, str], rows: list[Row]) -> None:
    """Load the model as it would be after the import; raise if it does not load."""
    with tempfile.TemporaryDirectory(prefix="eakit-survey-") as tmp:
        staging = Path(tmp) / "model"
        if model_dir.is_dir():
            shutil.copytree(model_dir, staging, ignore=shutil.ignore_patterns(".*"))
        for rel, text in texts.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
        try:
            loaded = load_model(staging)
        except ModelLoadError as error:
            raise SurveyError(
                [], [f"{d.location}: " + d.message for d in error.diagnostics]
            ) from None
    problems = []
    for row in rows:
        got = loaded.components.get(row.component.id)
        if got is None:
            problems.append(
                CellProblem(
                    row.sheet,
                    row.row,
                    row.columns.get("id", "A"),
                    say("survey.not_included", id=row.component.id, folder=SURVEY_DIR),
                )
            )
        elif got != row.component:
            problems.append(
                CellProblem(
                    row.sheet,
                    row.row,
                    row.columns.get("id", "A"),
                    say("survey.declared_twice", id=row.component.id),
                )
            )
    if problems:
        raise SurveyError(problems)


def import_survey(workbook: Path, model_dir: Path) -> ImportReport:
    """Import the inventory sheets of ``workbook`` into the model at ``model_dir``.

    Raises :class:`SurveyError` (nothing written) or, when the existing model does not
    load, :class:`eakit.diagnostics.ModelLoadError`.
    """
    survey = read_survey(workbook)
    texts: dict[str, str] = {}
    model = None
    created = False
    if (model_dir / MANIFEST).is_file():
        model = load_model(model_dir)
    else:
        if not survey.architecture:
            raise SurveyError(
                [
                    CellProblem(
                        workbook.name,
                        0,
                        "",
                        say("survey.no_architecture", folder=str(model_dir)),
                    )
                ]
            )
        texts[MANIFEST] = _manifest_text(survey, workbook.name)
        created = True
    problems = _check_references(survey.rows, model)
    if problems:
        raise SurveyError(problems)
    report = _plan(survey.rows, model, texts, workbook.name)
    report.created_manifest = created
    if texts:
        _verify(model_dir, texts, survey.rows)
    for rel in sorted(texts):
        atomic.write_text(model_dir / rel, texts[rel])
    if created:
        atomic.write_text(model_dir / atomic.MARKER, atomic.marker_text("import-survey"))
    return report


__all__ = ["ImportReport", "import_survey", "survey_file"]
