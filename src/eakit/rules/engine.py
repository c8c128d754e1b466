"""The rule engine: load the model's packs, resolve each rule at the check date, run it in
the *now* and *horizon* views, turn hits into located findings, apply waivers and
severity overrides, and score readiness."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.findings import Basis, CheckResult, Finding, RuleInfo
from eakit.graph import ModelGraph, Place
from eakit.rules import declarative, python_checks
from eakit.rules.context import HORIZON, NOW, RECORD, CheckContext, Hit, model_subject
from eakit.rules.legal import LegalDocument, builtin_registry_path, load_registry
from eakit.rules.pack import (
    ActiveRule,
    PackSet,
    Rule,
    active_variant,
    builtin_rules_dir,
    load_packs,
)
from eakit.rules.scoring import ViewOutcome, readiness
from eakit.rules.selectors import Selector
from eakit.rules.sources import SourceFile, read_source
from eakit.rules.waivers import apply_waivers, load_waivers

MANIFEST = "eakit.yaml"
MODEL_ID = "*"  # the subject id of a model-wide rule when there is no province component


def load_rules(graph: ModelGraph) -> tuple[PackSet, SourceFile | None]:
    """The legal registry and the packs named in the model's manifest."""
    registry = builtin_registry_path(builtin_rules_dir())
    docs: dict[str, LegalDocument] = dict(load_registry(registry, registry.as_posix()))
    manifest_path = Path(graph.root) / MANIFEST
    manifest = read_source(manifest_path, MANIFEST) if manifest_path.is_file() else None
    packs = load_packs(list(graph.manifest.rules.packs), Path(graph.root), docs, manifest)
    return packs, manifest


def _glob_match(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(rule_id, p) for p in patterns)


def _severity_override(rule_id: str, overrides: Mapping[str, str]) -> Severity | None:
    """Severity from ``rules.severity``: an exact id wins over globs, a longer glob over a
    shorter one."""
    if rule_id in overrides:
        return Severity(overrides[rule_id])
    globs = sorted((p for p in overrides if fnmatchcase(rule_id, p)), key=lambda p: (-len(p), p))
    return Severity(overrides[globs[0]]) if globs else None


class _Format(dict[str, Any]):
    # Unknown placeholders stay visible instead of raising in the middle of a check.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _basis(active: ActiveRule) -> tuple[Basis, ...]:
    return tuple(
        Basis(
            document=doc.citation,
            article=ref.article,
            date=doc.date,
            title=doc.title,
            confidence="low" if ref.low or doc.confidence == "low" else "verified",
        )
        for ref, doc in active.basis
    )


def _rule_info(
    rule: Rule, active: ActiveRule | None, severity: Severity, note: str = ""
) -> RuleInfo:
    return RuleInfo(
        id=rule.id,
        title=rule.title,
        title_en=rule.title_en,
        severity=severity,
        layer=rule.layer.value,
        pack=rule.pack,
        basis=_basis(active) if active else (),
        rationale=rule.rationale,
        remediation=rule.remediation,
        help_uri=f"docs/rules/{rule.id}.md",
        note=note,
    )


@dataclass
class _Pending:
    """A finding before it is located: one rule's hits on one component."""

    active: ActiveRule
    severity: Severity
    component: str | None
    hits: list[Hit]


@dataclass
class _Run:
    """The hits and subjects of one rule in one view."""

    subjects: list[str | None]
    hits: list[Hit]


class Engine:
    """Runs the applicable rules of a model at one date."""

    def __init__(self, graph: ModelGraph, as_of: dt.date, docs: Mapping[str, LegalDocument]):
        self.graph = graph
        self.as_of = as_of
        self.docs = docs
        self.manifest: SourceFile | None = None
        self.selections: dict[tuple[str, frozenset[str]], list[str]] = {}
        self.share_views = True
        # (components within r hops of something planned, those exactly r hops away),
        # for r = 0, 1, ...
        self._rings: list[tuple[frozenset[str], frozenset[str]]] = []

    # --- running ------------------------------------------------------------------------

    def _context(
        self, active: ActiveRule, live: frozenset[str], subjects: list[str]
    ) -> CheckContext:
        return CheckContext(
            graph=self.graph,
            as_of=self.as_of,
            live=live,
            subjects=subjects,
            params=active.check.params,
            selector=active.rule.applies_to,
            documents=self.docs,
            selections=self.selections,
        )

    def _hits(self, active: ActiveRule, ctx: CheckContext) -> list[Hit]:
        check = active.check
        if check.type == "python":
            function = python_checks.REGISTRY[check.params["name"]]
            sub = CheckContext(
                graph=ctx.graph,
                as_of=ctx.as_of,
                live=ctx.live,
                subjects=ctx.subjects,
                params=check.params.get("params", {}),
                selector=ctx.selector,
                documents=ctx.documents,
                selections=ctx.selections,
            )
            return list(function(self.graph, sub))
        return list(declarative.CHECKS[check.type](ctx))

    @staticmethod
    def model_wide(active: ActiveRule) -> bool:
        check = active.check
        if check.type == "python":
            return check.params["name"] in python_checks.MODEL_WIDE
        return check.type in declarative.MODEL_WIDE

    @staticmethod
    def radius(active: ActiveRule) -> int | None:
        """How many hops from its subject a rule's check looks (``None``: it looks at the
        model as a whole)."""
        check = active.check
        if check.type == "python":
            return python_checks.RADIUS.get(check.params["name"])
        if check.type == "path_exists":
            return check.params.get("max_hops")
        return declarative.RADIUS.get(check.type)

    def touched(self, radius: int) -> frozenset[str] | None:
        """Components within ``radius`` hops (any edge, either way) of a planned component
        or of an end of a planned relation: the only subjects of a rule with that radius
        whose result can differ between the *now* and the *horizon* views. ``None`` when
        that is more than half of the model (copying the rest would save little)."""
        rings = self._rings
        if not rings:
            seeds = {cid for cid, state in self.graph.states.items() if state == "planned"}
            for edge in self.graph.edges():
                if edge.state == "planned":
                    seeds.update((edge.source, edge.target))
            rings.append((frozenset(seeds), frozenset(seeds)))
        while len(rings) <= radius:
            reached, frontier = rings[-1]
            if len(reached) > len(self.graph) // 2:
                return None
            ring = {other for cid in frontier for other in self.graph.adjacent(cid)}
            ring -= reached
            rings.append((reached | ring, frozenset(ring)))
        found = rings[radius][0]
        return None if len(found) > len(self.graph) // 2 else found

    def run_view(
        self,
        active: ActiveRule,
        live: frozenset[str],
        statuses: frozenset[str],
        only: frozenset[str] | None = None,
    ) -> _Run:
        """Run a rule in a view; subjects are the selected components with ``statuses``
        (the check runs on those in ``only`` when given; the caller fills in the rest)."""
        probe = self._context(active, live, [])
        selector = active.rule.applies_to
        if self.model_wide(active) and active.check.type == "python" and selector == Selector():
            selected = []  # judges the manifest: no subjects to select
        else:
            states = self.graph.states
            selected = [c for c in probe.select(selector) if states[c] in statuses]
        checked = selected if only is None else [c for c in selected if c in only]
        ctx = self._context(active, live, checked)
        hits = self._hits(active, ctx)
        if self.model_wide(active):
            return _Run([model_subject(self.graph)], hits)
        return _Run(list(selected), hits)

    def run_horizon(self, active: ActiveRule, now: _Run) -> _Run:
        """The rule in the *horizon* view. A subject no planned component or relation is
        near (within the check's radius) sees the same neighbourhood as *now*, so its
        result is copied from the *now* run instead of being computed again."""
        radius = self.radius(active) if self.share_views else None
        if radius is None or self.model_wide(active):
            return self.run_view(active, HORIZON, HORIZON)
        touched = self.touched(radius)
        if touched is None:
            return self.run_view(active, HORIZON, HORIZON)
        run = self.run_view(active, HORIZON, HORIZON, only=touched)
        subjects = set(run.subjects)
        run.hits += [h for h in now.hits if h.component not in touched and h.component in subjects]
        return run

    # --- findings -----------------------------------------------------------------------

    def place(self, hit: Hit) -> Location | Place:
        """Where a hit points: a location already known (the manifest) or a place in the
        model files, located later with all the others (see :meth:`findings`)."""
        if hit.manifest_field:
            return self.manifest.at(*hit.manifest_field) if self.manifest else Location(MANIFEST)
        if hit.relation is not None and self.graph.relation_source(hit.relation) is not None:
            return hit.relation
        if hit.component is not None:
            return (hit.component, hit.field)
        return self.manifest.at("architecture") if self.manifest else Location(MANIFEST)

    def message(self, active: ActiveRule, hit: Hit) -> str:
        values: dict[str, Any] = {"id": hit.component or "", "name": "", "kind": "model"}
        if hit.component is not None:
            component = self.graph.get(hit.component)
            values |= {
                "id": component.id,
                "name": component.name,
                "kind": type(component).label_en.lower(),
            }
        values |= dict(hit.params)
        text = active.message.format_map(_Format(values))
        return f"{text} {hit.detail}".strip() if hit.detail else text

    def group(self, active: ActiveRule, hits: list[Hit], severity: Severity) -> list[_Pending]:
        """The hits of a rule grouped by component: one finding each, located later."""
        grouped: dict[str | None, list[Hit]] = defaultdict(list)
        for hit in hits:
            grouped[hit.component].append(hit)
        return [_Pending(active, severity, c, group) for c, group in grouped.items()]

    def findings(self, pending: list[_Pending]) -> list[Finding]:
        """Locate every hit (each model file is read for positions once, in one batch) and
        build the findings; several hits on one component are merged, the first position
        in the file wins."""
        places = [self.place(hit) for item in pending for hit in item.hits]
        wanted = [p for p in places if not isinstance(p, Location)]
        found = iter(self.graph.locate_many(wanted))
        located = [p if isinstance(p, Location) else next(found) for p in places]
        result = []
        index = 0
        bases: dict[int, tuple[Basis, ...]] = {}
        for item in pending:
            active, rule = item.active, item.active.rule
            pairs = sorted(
                zip(located[index : index + len(item.hits)], item.hits, strict=True),
                key=lambda pair: pair[0],
            )
            index += len(item.hits)
            messages = list(dict.fromkeys(self.message(active, h) for _loc, h in pairs))
            message = "; ".join(messages)
            basis = bases.get(id(active))
            if basis is None:
                basis = bases[id(active)] = _basis(active)
            if basis and all(b.confidence == "low" for b in basis):
                message += f" (basis unverified: {', '.join(b.document for b in basis)})"
            result.append(
                Finding(
                    rule_id=rule.id,
                    severity=item.severity,
                    message=message,
                    component=item.component,
                    location=pairs[0][0],
                    layer=rule.layer.value,
                    title=rule.title,
                    title_en=rule.title_en,
                    basis=basis,
                    remediation=rule.remediation,
                    agency=self.graph.agency_of(item.component) if item.component else None,
                )
            )
        return result


def _config_notes(
    packs: PackSet, graph: ModelGraph, manifest: SourceFile | None
) -> list[Diagnostic]:
    """Warn about ``disable`` and ``severity`` entries that match no rule (a setting that
    silently does nothing is a trap)."""
    ids = [r.id for r in packs.rules]
    config = graph.manifest.rules
    notes = []
    entries = [("disable", i, p) for i, p in enumerate(config.disable)]
    entries += [("severity", p, p) for p in config.severity]
    for section, key, pattern in entries:
        if not any(fnmatchcase(i, pattern) for i in ids):
            where = manifest.at("rules", section, key) if manifest else Location(MANIFEST)
            notes.append(
                Diagnostic(
                    where,
                    f"rules.{section}: '{pattern}' matches no rule of the packs "
                    f"{', '.join(packs.names)}",
                    code="rules-config",
                    severity=Severity.WARNING,
                )
            )
    return notes


def run_rules(
    graph: ModelGraph,
    *,
    as_of: dt.date | None,
    select: list[str],
    ignore: list[str],
    waivers: Path | None = None,
    share_views: bool = True,
) -> CheckResult:
    """Check ``graph`` against its rule packs at ``as_of`` (default: the model's ``as_of``).

    ``share_views=False`` computes the horizon view of every subject from scratch (the
    reference the shared computation is tested against).

    Raises :class:`eakit.rules.sources.RuleConfigError` when a pack, the legal registry or
    the waivers file is invalid.
    """
    when = as_of or graph.architecture.as_of
    packs, manifest = load_rules(graph)
    config = graph.manifest.rules
    engine = Engine(graph, when, packs.documents)
    engine.manifest = manifest
    engine.share_views = share_views
    result = CheckResult(as_of=when, framework=graph.architecture.framework, packs=packs.names)
    result.notes.extend(_config_notes(packs, graph, manifest))
    pending: list[_Pending] = []
    now: list[ViewOutcome] = []
    horizon: list[ViewOutcome] = []
    for rule in packs.rules:
        if _glob_match(rule.id, config.disable):
            continue
        if select and not _glob_match(rule.id, select):
            continue
        if _glob_match(rule.id, ignore):
            continue
        active = active_variant(rule, when, packs.documents)
        if active is None:
            result.not_applicable.append(
                _rule_info(rule, None, rule.severity, f"no basis in force on {when.isoformat()}")
            )
            continue
        severity = _severity_override(rule.id, config.severity) or active.severity
        result.rules.append(_rule_info(rule, active, severity))
        found, subjects = _evaluate(engine, active, severity, now, horizon)
        pending.extend(found)
        result.subjects[rule.id] = subjects
    findings = engine.findings(pending)
    waiver_path = waivers or (
        Path(graph.root) / graph.manifest.waivers if graph.manifest.waivers else None
    )
    if waiver_path is not None:
        loaded = load_waivers(waiver_path, Path(graph.root))
        findings, notes = apply_waivers(findings, loaded, when, [r.id for r in result.rules])
        result.notes.extend(notes)
    findings.sort(key=_finding_order)
    result.findings = findings
    waived = {(f.rule_id, f.component or MODEL_ID) for f in findings if f.waived}
    result.readiness = readiness(now, horizon, waived, graph.agencies)
    result.notes.sort()
    return result


def _finding_order(finding: Finding) -> tuple[str, int, int, str, str]:
    # Plain tuples: comparing Location dataclasses is several times slower at 150,000.
    where = finding.location or Location("")
    return (where.file, where.line, where.col, finding.rule_id, finding.component or "")


def _evaluate(
    engine: Engine,
    active: ActiveRule,
    severity: Severity,
    now_outcomes: list[ViewOutcome],
    horizon_outcomes: list[ViewOutcome],
) -> tuple[list[_Pending], list[str]]:
    """Run one rule in every view; collect its (unlocated) findings, subjects and
    outcomes."""
    rule = active.rule
    graph = engine.graph
    now = engine.run_view(active, NOW, NOW)
    future = engine.run_horizon(active, now)
    hits = list(now.hits)
    if not engine.model_wide(active):
        states = graph.states
        planned = {s for s in future.subjects if s and states[s] == "planned"}
        hits += [h for h in future.hits if h.component in planned]
    subjects = set(now.subjects) | set(future.subjects)
    selector_status = rule.applies_to.status or frozenset()
    if "retired" in selector_status and not engine.model_wide(active):
        record = engine.run_view(active, RECORD, frozenset({"retired"}))
        hits += record.hits
        subjects |= set(record.subjects)
    for run, outcomes in ((now, now_outcomes), (future, horizon_outcomes)):
        failed = frozenset(h.component for h in run.hits)
        outcomes.append(ViewOutcome(rule.id, rule.layer.value, run.subjects, failed))
    subjects |= {h.component for h in hits}
    return engine.group(active, hits, severity), sorted(s or MODEL_ID for s in subjects)
