"""What changed between two versions of a model: components, relations, findings, scores.

:func:`diff_models` compares two graphs (and, when given, their check results) and
returns a :class:`ModelDiff`, which renders as text, JSON-ready data or Markdown for a
pull-request comment. Everything is sorted, so the same two models give the same diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from eakit.findings import CheckResult, Finding, Score
from eakit.graph import ModelGraph
from eakit.interop.values import plain
from eakit.jsontext import pretty
from eakit.model import BaseComponent, Relation, kind_of
from eakit.model.refs import ref_fields


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

    def to_text(self) -> str:
        """A plain-text listing for the terminal."""
        out = [f"Changes from {self.old_label} to {self.new_label}"]
        if self.is_empty() and not self.readiness:
            return out[0] + ": none\n"
        if self.architecture:
            out.append("architecture:")
            out += [
                f"  {c.field}: {show_value(c.old)} → {show_value(c.new)}" for c in self.architecture
            ]
        out.append(
            f"components: {len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.changed)} changed"
        )
        out += [f"  + {c.id} ({c.kind}) {c.name}" for c in self.added]
        out += [f"  - {c.id} ({c.kind}) {c.name}" for c in self.removed]
        for change in self.changed:
            ref = change.component
            out.append(f"  ~ {ref.id} ({ref.kind}) {ref.name}")
            out += [
                f"      {c.field}: {show_value(c.old)} → {show_value(c.new)}"
                for c in change.changes
            ]
        out.append(
            f"relations: {len(self.relations_added)} added, {len(self.relations_removed)} "
            f"removed, {len(self.relations_changed)} changed"
        )
        out += [f"  + {r}" for r in self.relations_added]
        out += [f"  - {r}" for r in self.relations_removed]
        for rchange in self.relations_changed:
            out.append(f"  ~ {rchange.relation}")
            out += [
                f"      {c.field}: {show_value(c.old)} → {show_value(c.new)}"
                for c in rchange.changes
            ]
        if self.findings_compared:
            out.append(
                f"findings: {len(self.findings_new)} new, {len(self.findings_resolved)} resolved"
            )
            out += [f"  new      {f.severity:<7} {f.id}: {f.message}" for f in self.findings_new]
            out += [
                f"  resolved {f.severity:<7} {f.id}: {f.message}" for f in self.findings_resolved
            ]
        if self.readiness:
            out.append("readiness:")
            out += [
                f"  {s.scope}: {_score(s.old)} → {_score(s.new)}{_delta(s)}" for s in self.readiness
            ]
        return "\n".join(out) + "\n"

    def to_markdown(self) -> str:
        """Markdown for a pull-request comment: a summary table, details folded away."""
        out = [f"### Model changes: `{self.old_label}` → `{self.new_label}`", ""]
        out += ["| | added | removed | changed |", "|---|---:|---:|---:|"]
        out.append(
            f"| Components | {len(self.added)} | {len(self.removed)} | {len(self.changed)} |"
        )
        out.append(
            f"| Relations | {len(self.relations_added)} | {len(self.relations_removed)} | "
            f"{len(self.relations_changed)} |"
        )
        if self.findings_compared:
            out.append(
                f"| Findings | {len(self.findings_new)} new | {len(self.findings_resolved)} "
                "resolved | |"
            )
        overall = next((s for s in self.readiness if s.scope == "overall"), None)
        if overall is not None:
            out.append(
                f"| Readiness | {_score(overall.old)} → {_score(overall.new)}"
                f"{_delta(overall)} | | |"
            )
        out.append("")
        if self.architecture:
            out += _details(
                "Architecture",
                ["| field | old | new |", "|---|---|---|"]
                + [f"| `{c.field}` | {_md(c.old)} | {_md(c.new)} |" for c in self.architecture],
            )
        if self.added or self.removed or self.changed:
            rows = ["| | id | kind | name | changes |", "|---|---|---|---|---|"]
            rows += [f"| ➕ | `{c.id}` | {c.kind} | {_cell(c.name)} | |" for c in self.added]
            rows += [f"| ➖ | `{c.id}` | {c.kind} | {_cell(c.name)} | |" for c in self.removed]
            for change in self.changed:
                ref = change.component
                text = "<br>".join(
                    f"`{c.field}`: {_md(c.old)} → {_md(c.new)}" for c in change.changes
                )
                rows.append(f"| ✏️ | `{ref.id}` | {ref.kind} | {_cell(ref.name)} | {text} |")
            count = len(self.added) + len(self.removed) + len(self.changed)
            out += _details(f"Components ({count})", rows)
        if self.relations_added or self.relations_removed or self.relations_changed:
            rows = ["| | relation | changes |", "|---|---|---|"]
            rows += [f"| ➕ | `{r}` | |" for r in self.relations_added]
            rows += [f"| ➖ | `{r}` | |" for r in self.relations_removed]
            for rchange in self.relations_changed:
                text = "<br>".join(
                    f"`{c.field}`: {_md(c.old)} → {_md(c.new)}" for c in rchange.changes
                )
                rows.append(f"| ✏️ | `{rchange.relation}` | {text} |")
            count = (
                len(self.relations_added)
                + len(self.relations_removed)
                + len(self.relations_changed)
            )
            out += _details(f"Relations ({count})", rows)
        if self.findings_new or self.findings_resolved:
            rows = ["| | finding | severity | message |", "|---|---|---|---|"]
            rows += [
                f"| 🆕 | `{f.id}` | {f.severity} | {_cell(f.message)} |" for f in self.findings_new
            ]
            rows += [
                f"| ✅ | `{f.id}` | {f.severity} | {_cell(f.message)} |"
                for f in self.findings_resolved
            ]
            out += _details(
                f"Findings ({len(self.findings_new)} new, {len(self.findings_resolved)} resolved)",
                rows,
            )
        if len(self.readiness) > 1:
            rows = ["| scope | old | new | change |", "|---|---:|---:|---:|"]
            rows += [
                f"| {s.scope} | {_score(s.old)} | {_score(s.new)} | "
                f"{'' if s.delta is None else f'{s.delta:+.1f}'} |"
                for s in self.readiness
            ]
            out += _details("Readiness", rows)
        return "\n".join(out).rstrip() + "\n"


# --- formatting helpers ---------------------------------------------------------------------


def show_value(value: Any) -> str:
    """A value as shown in diffs and reports: text as is, other values as JSON."""
    if value is None:
        return "(not set)"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md(value: Any) -> str:
    return "_(not set)_" if value is None else f"`{_cell(show_value(value))}`"


def _score(score: Score | None) -> str:
    if score is None or score.ratio is None:
        return "—"
    return f"{score.ratio * 100:.1f}%"


def _delta(change: ScoreChange) -> str:
    return "" if change.delta is None else f" ({change.delta:+.1f})"


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
