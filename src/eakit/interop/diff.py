"""What changed between two versions of a model: components, relations, findings, scores.

:func:`diff_models` compares two graphs (and, when given, their check results) and
returns a :class:`ModelDiff`, which renders as text, JSON-ready data or Markdown for a
pull-request comment. Everything is sorted, so the same two models give the same diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from eakit import metamodel
from eakit.findings import CheckResult, Finding, Score
from eakit.graph import ModelGraph
from eakit.interop.values import plain
from eakit.jsontext import pretty
from eakit.labels import field_label, layer_label
from eakit.messages import in_lang, say
from eakit.model import BaseComponent, Relation, kind_of, relation_types
from eakit.model.refs import ref_fields
from eakit.text import numerals


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: ``None`` stands for "not set"."""

    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class ComponentRef:
    """A component named in a diff."""

    id: str
    kind: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name}


@dataclass(frozen=True)
class ComponentChange:
    """A component present in both versions whose fields differ."""

    component: ComponentRef
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.component.to_dict(), "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class RelationRef:
    """A declared relation named in a diff."""

    source: str
    type: str
    target: str

    def __str__(self) -> str:
        return f"{self.source} --{self.type}--> {self.target}"

    def words(self, lang: str) -> str:
        """``source —type in words→ target`` in ``lang``."""
        known = relation_types().get(self.type)
        name = known.words(lang) if known is not None else self.type
        return f"{self.source} —{name}→ {self.target}"

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "type": self.type, "to": self.target}


@dataclass(frozen=True)
class RelationChange:
    """A relation declared in both versions whose attributes differ."""

    relation: RelationRef
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.relation.to_dict(), "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class FindingRef:
    """A finding that appeared or went away."""

    id: str
    severity: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class ScoreChange:
    """A readiness score in both versions (``None`` where a version has none)."""

    scope: str
    old: Score | None
    new: Score | None

    @property
    def delta(self) -> float | None:
        """Change of the ratio in percentage points."""
        if self.old is None or self.new is None:
            return None
        if self.old.ratio is None or self.new.ratio is None:
            return None
        return round((self.new.ratio - self.old.ratio) * 100, 1)

    def scope_words(self, lang: str) -> str:
        """The scope as people name it (``layer applications``: the layer's name)."""
        if self.scope == "overall":
            return say("diff.scope.overall").lang(lang)
        if self.scope == "overall at horizon":
            return say("diff.scope.horizon").lang(lang)
        layer = self.scope.removeprefix("layer ")
        return say("diff.scope.layer", layer=layer_label(layer, lang)).lang(lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "delta_points": self.delta,
        }


@dataclass
class ModelDiff:
    """The difference between an old and a new version of a model."""

    old_label: str
    new_label: str
    architecture: tuple[FieldChange, ...] = ()
    added: list[ComponentRef] = field(default_factory=list)
    removed: list[ComponentRef] = field(default_factory=list)
    changed: list[ComponentChange] = field(default_factory=list)
    relations_added: list[RelationRef] = field(default_factory=list)
    relations_removed: list[RelationRef] = field(default_factory=list)
    relations_changed: list[RelationChange] = field(default_factory=list)
    findings_compared: bool = False
    findings_new: list[FindingRef] = field(default_factory=list)
    findings_resolved: list[FindingRef] = field(default_factory=list)
    readiness: list[ScoreChange] = field(default_factory=list)

    def is_empty(self) -> bool:
        """No change in the model and in the findings."""
        return not (
            self.architecture
            or self.added
            or self.removed
            or self.changed
            or self.relations_added
            or self.relations_removed
            or self.relations_changed
            or self.findings_new
            or self.findings_resolved
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (``eakit diff --format json``)."""
        return {
            "old": self.old_label,
            "new": self.new_label,
            "architecture": [c.to_dict() for c in self.architecture],
            "components": {
                "added": [c.to_dict() for c in self.added],
                "removed": [c.to_dict() for c in self.removed],
                "changed": [c.to_dict() for c in self.changed],
            },
            "relations": {
                "added": [r.to_dict() for r in self.relations_added],
                "removed": [r.to_dict() for r in self.relations_removed],
                "changed": [r.to_dict() for r in self.relations_changed],
            },
            "findings": (
                {
                    "new": [f.to_dict() for f in self.findings_new],
                    "resolved": [f.to_dict() for f in self.findings_resolved],
                }
                if self.findings_compared
                else None
            ),
            "readiness": [s.to_dict() for s in self.readiness],
        }

    def to_json(self) -> str:
        return pretty(self.to_dict())

    def to_text(self, lang: str = "vi") -> str:
        """A plain-text listing for the terminal, in ``lang``."""

        def t(message_id: str, **params: Any) -> str:
            return say(message_id, **params).lang(lang)

        def ref(c: ComponentRef) -> str:
            return f"{c.id} ({metamodel.label(c.kind, lang)}) {c.name}"

        def changes(items: tuple[FieldChange, ...], indent: str) -> list[str]:
            return [
                f"{indent}{field_label(c.field, lang)}: {show_value(c.old, lang)} → "
                f"{show_value(c.new, lang)}"
                for c in items
            ]

        out = [t("diff.heading", old=self.old_label, new=self.new_label)]
        if self.is_empty() and not self.readiness:
            return t("diff.none", heading=out[0])
        if self.architecture:
            out.append(t("diff.architecture"))
            out += changes(self.architecture, "  ")
        out.append(
            t(
                "diff.components",
                added=len(self.added),
                removed=len(self.removed),
                changed=len(self.changed),
            )
        )
        out += [f"  + {ref(c)}" for c in self.added]
        out += [f"  - {ref(c)}" for c in self.removed]
        for change in self.changed:
            out.append(f"  ~ {ref(change.component)}")
            out += changes(change.changes, "      ")
        out.append(
            t(
                "diff.relations",
                added=len(self.relations_added),
                removed=len(self.relations_removed),
                changed=len(self.relations_changed),
            )
        )
        out += [f"  + {r.words(lang)}" for r in self.relations_added]
        out += [f"  - {r.words(lang)}" for r in self.relations_removed]
        for rchange in self.relations_changed:
            out.append(f"  ~ {rchange.relation.words(lang)}")
            out += changes(rchange.changes, "      ")
        if self.findings_compared:
            out.append(
                t("diff.findings", new=len(self.findings_new), resolved=len(self.findings_resolved))
            )
            for key, found in (
                ("diff.finding_new", self.findings_new),
                ("diff.finding_resolved", self.findings_resolved),
            ):
                state = t(key)
                width = max(len(t("diff.finding_new")), len(t("diff.finding_resolved")))
                out += [
                    f"  {state:<{width}} {t(f'severity.{f.severity}'):<9} {f.id}: "
                    f"{in_lang(f.message, lang)}"
                    for f in found
                ]
        if self.readiness:
            out.append(t("diff.readiness"))
            out += [
                f"  {s.scope_words(lang)}: {_score(s.old, lang)} → {_score(s.new, lang)}"
                f"{_delta(s, lang)}"
                for s in self.readiness
            ]
        return "\n".join(out) + "\n"

    def to_markdown(self, lang: str = "vi") -> str:
        """Markdown for a pull-request comment, in ``lang``: a summary table, details
        folded away."""

        def t(message_id: str, **params: Any) -> str:
            return say(message_id, **params).lang(lang)

        def field_changes_md(items: tuple[FieldChange, ...]) -> str:
            return "<br>".join(
                f"{_cell(field_label(c.field, lang))}: {_md(c.old, lang)} → {_md(c.new, lang)}"
                for c in items
            )

        out = [t("diff.md.heading", old=self.old_label, new=self.new_label), ""]
        out += [t("diff.md.counts"), "|---|---:|---:|---:|"]
        out.append(
            f"| {t('diff.md.components')} | {len(self.added)} | {len(self.removed)} | "
            f"{len(self.changed)} |"
        )
        out.append(
            f"| {t('diff.md.relations')} | {len(self.relations_added)} | "
            f"{len(self.relations_removed)} | {len(self.relations_changed)} |"
        )
        if self.findings_compared:
            out.append(
                t(
                    "diff.md.findings_row",
                    new=len(self.findings_new),
                    resolved=len(self.findings_resolved),
                )
            )
        overall = next((s for s in self.readiness if s.scope == "overall"), None)
        if overall is not None:
            out.append(
                f"| {t('diff.md.readiness')} | {_score(overall.old, lang)} → "
                f"{_score(overall.new, lang)}{_delta(overall, lang)} | | |"
            )
        out.append("")
        if self.architecture:
            rows = [t("diff.md.field_head"), "|---|---|---|"]
            rows += [
                f"| {_cell(field_label(c.field, lang))} | {_md(c.old, lang)} | {_md(c.new, lang)} |"
                for c in self.architecture
            ]
            out += _details(t("diff.md.architecture"), rows)
        if self.added or self.removed or self.changed:
            rows = [t("diff.md.component_head"), "|---|---|---|---|---|"]
            for mark, refs in (("➕", self.added), ("➖", self.removed)):
                rows += [
                    f"| {mark} | `{c.id}` | {metamodel.label(c.kind, lang)} | {_cell(c.name)} | |"
                    for c in refs
                ]
            for change in self.changed:
                ref = change.component
                rows.append(
                    f"| ✏️ | `{ref.id}` | {metamodel.label(ref.kind, lang)} | {_cell(ref.name)} | "
                    f"{field_changes_md(change.changes)} |"
                )
            count = len(self.added) + len(self.removed) + len(self.changed)
            out += _details(f"{t('diff.md.components')} ({count})", rows)
        if self.relations_added or self.relations_removed or self.relations_changed:
            rows = [t("diff.md.relation_head"), "|---|---|---|"]
            rows += [f"| ➕ | {_cell(r.words(lang))} | |" for r in self.relations_added]
            rows += [f"| ➖ | {_cell(r.words(lang))} | |" for r in self.relations_removed]
            for rchange in self.relations_changed:
                rows.append(
                    f"| ✏️ | {_cell(rchange.relation.words(lang))} | "
                    f"{field_changes_md(rchange.changes)} |"
                )
            count = (
                len(self.relations_added)
                + len(self.relations_removed)
                + len(self.relations_changed)
            )
            out += _details(f"{t('diff.md.relations')} ({count})", rows)
        if self.findings_new or self.findings_resolved:
            rows = [t("diff.md.finding_head"), "|---|---|---|---|"]
            for mark, found in (("🆕", self.findings_new), ("✅", self.findings_resolved)):
                rows += [
                    f"| {mark} | `{f.id}` | {t(f'severity.{f.severity}')} | "
                    f"{_cell(in_lang(f.message, lang))} |"
                    for f in found
                ]
            summary = t(
                "diff.md.findings", new=len(self.findings_new), resolved=len(self.findings_resolved)
            )
            out += _details(summary, rows)
        if self.readiness:
            rows = [t("diff.md.score_head"), "|---|---:|---:|---:|"]
            rows += [
                f"| {s.scope_words(lang)} | {_score(s.old, lang)} | {_score(s.new, lang)} | "
                f"{'' if s.delta is None else numerals(f'{s.delta:+.1f}', lang)} |"
                for s in self.readiness
            ]
            out += _details(t("diff.md.readiness"), rows)
        return "\n".join(out).rstrip() + "\n"


# --- formatting helpers ---------------------------------------------------------------------


def show_value(value: Any, lang: str = "vi") -> str:
    """A value as shown in diffs and reports: text as is, other values as JSON, an unset
    value in words."""
    if value is None:
        return say("diff.not_set").lang(lang)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md(value: Any, lang: str) -> str:
    if value is None:
        return say("diff.md.not_set").lang(lang)
    return f"`{_cell(show_value(value, lang))}`"


def _score(score: Score | None, lang: str) -> str:
    if score is None or score.ratio is None:
        return "—"
    return numerals(f"{score.ratio * 100:.1f}%", lang)


def _delta(change: ScoreChange, lang: str) -> str:
    return "" if change.delta is None else numerals(f" ({change.delta:+.1f})", lang)


def _details(summary: str, rows: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *rows, "", "</details>", ""]


# --- comparing ----------------------------------------------------------------------------------


def _fields(obj: BaseComponent | Relation, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    data: dict[str, Any] = plain(obj.model_dump(by_alias=True))
    if isinstance(obj, BaseComponent):
        # A list of references is a set of edges: its order carries no meaning.
        for ref in ref_fields(type(obj)):
            if ref.many:
                data[ref.name] = sorted(data[ref.name])
    return {k: v for k, v in data.items() if k not in skip}


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    """Field-by-field differences, in the order the fields are declared. Empty lists and
    unset values count as the same thing."""
    keys = list(old) + [k for k in new if k not in old]
    changes = []
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before in ([], {}):
            before = None
        if after in ([], {}):
            after = None
        if before != after:
            changes.append(FieldChange(key, before, after))
    return tuple(changes)


def _ref(component: BaseComponent) -> ComponentRef:
    return ComponentRef(component.id, kind_of(component), component.name)


def _declared(graph: ModelGraph) -> dict[tuple[str, str, str], Relation]:
    return {edge.relation.key: edge.relation for edge in graph.edges() if edge.relation is not None}


def _active(result: CheckResult) -> dict[str, Finding]:
    return {f.id: f for f in result.active()}


def _finding_ref(finding: Finding) -> FindingRef:
    return FindingRef(finding.id, finding.severity.value, finding.message)


def _readiness(old: CheckResult | None, new: CheckResult | None) -> list[ScoreChange]:
    before = old.readiness if old is not None else None
    after = new.readiness if new is not None else None
    if before is None and after is None:
        return []
    result = [
        ScoreChange(
            "overall",
            before.overall if before else None,
            after.overall if after else None,
        ),
        ScoreChange(
            "overall at horizon",
            before.overall_horizon if before else None,
            after.overall_horizon if after else None,
        ),
    ]
    layers = sorted(set(before.by_layer if before else {}) | set(after.by_layer if after else {}))
    for layer in layers:
        result.append(
            ScoreChange(
                f"layer {layer}",
                before.by_layer.get(layer) if before else None,
                after.by_layer.get(layer) if after else None,
            )
        )
    return result


def diff_models(
    old_graph: ModelGraph,
    new_graph: ModelGraph,
    old_result: CheckResult | None = None,
    new_result: CheckResult | None = None,
    *,
    old_label: str = "old",
    new_label: str = "new",
) -> ModelDiff:
    """Compare two versions of a model (and their check results, when both are given)."""
    diff = ModelDiff(old_label, new_label)
    diff.architecture = field_changes(
        plain(old_graph.architecture.model_dump()), plain(new_graph.architecture.model_dump())
    )
    old_ids, new_ids = set(old_graph.ids()), set(new_graph.ids())
    diff.added = [_ref(new_graph.get(c)) for c in sorted(new_ids - old_ids)]
    diff.removed = [_ref(old_graph.get(c)) for c in sorted(old_ids - new_ids)]
    for cid in sorted(old_ids & new_ids):
        changes = field_changes(_fields(old_graph.get(cid)), _fields(new_graph.get(cid)))
        if changes:
            diff.changed.append(ComponentChange(_ref(new_graph.get(cid)), changes))
    old_rel, new_rel = _declared(old_graph), _declared(new_graph)
    diff.relations_added = [RelationRef(*key) for key in sorted(new_rel.keys() - old_rel.keys())]
    diff.relations_removed = [RelationRef(*key) for key in sorted(old_rel.keys() - new_rel.keys())]
    for key in sorted(old_rel.keys() & new_rel.keys()):
        skip = ("from", "to", "type")
        changes = field_changes(_fields(old_rel[key], skip), _fields(new_rel[key], skip))
        if changes:
            diff.relations_changed.append(RelationChange(RelationRef(*key), changes))
    if old_result is not None and new_result is not None:
        diff.findings_compared = True
        before, after = _active(old_result), _active(new_result)
        diff.findings_new = [_finding_ref(after[i]) for i in sorted(after.keys() - before.keys())]
        diff.findings_resolved = [
            _finding_ref(before[i]) for i in sorted(before.keys() - after.keys())
        ]
    diff.readiness = _readiness(old_result, new_result)
    return diff
