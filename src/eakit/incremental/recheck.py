"""Re-running the rules after an edit, only where the edit can change a verdict.

A rule whose check looks ``r`` hops from its subject along some edge types (as its check
type's scope says: see :mod:`eakit.rules.checks.base`) can change its verdict only on
subjects within ``r`` such hops of something the edit changed: a component added, removed
or changed, or an end of an edge added, removed or changed (in the graph before or after
the edit). The rule runs again on those subjects; every other subject keeps its hits.
Rules that compare subjects with each other or look at the whole model run again in full
(they are the cheap ones).

Findings are rebuilt only for subjects whose hits changed, whose component or edges
changed, or whose finding sits in an edited file (its line may have moved); the rest
keep their objects, and the sorted list of findings is patched, not sorted again.
"""

from __future__ import annotations

from eakit.findings import CheckResult, Finding
from eakit.graph import GraphDelta, ModelGraph, within
from eakit.rules.context import CheckContext
from eakit.rules.engine import (
    MODEL_ID,
    Engine,
    FindingChange,
    RuleRun,
    RuleState,
    Run,
    SubjectLists,
    evaluate,
    finding_order,
    sorted_position,
)
from eakit.rules.scoring import recount


def _patched_selections(old: Engine, engine: Engine, changed: frozenset[str]) -> None:
    """Carry the old engine's selections over, re-testing only the changed components (a
    selector looks at a component's own fields, kind and status)."""
    graph = engine.graph
    for key, (selector, found) in old.selections.items():
        matches = CheckContext(
            graph=graph, as_of=engine.as_of, live=key[1], subjects=[], params={},
            selector=selector,
        ).matcher(selector)  # fmt: skip
        ids = list(found)
        for cid in sorted(changed):
            at, present = sorted_position(ids, cid)
            wanted = cid in graph and matches(cid)
            if present and not wanted:
                del ids[at]
            elif wanted and not present:
                ids.insert(at, cid)
        engine.selections[key] = (selector, ids)


def _merged(state: RuleState, part: RuleState, affected: frozenset[str]) -> RuleState:
    """A rule's state after re-running it on ``affected`` only (``part``)."""

    def merge(before: Run | None, after: Run | None) -> Run | None:
        if after is None:
            return None
        kept = [h for h in before.hits if h.component not in affected] if before else []
        return Run(after.subjects, kept + after.hits)

    now = merge(state.now, part.now)
    horizon = merge(state.horizon, part.horizon)
    record = merge(state.record, part.record)
    assert now is not None and horizon is not None
    pending = {c: hits for c, hits in state.pending.items() if c not in affected} | part.pending
    merged = RuleState(state.active, state.severity, now, horizon, record, pending)
    subjects = [run and run.subjects for run in (now, horizon, record)]
    if subjects == [run and run.subjects for run in (state.now, state.horizon, state.record)]:
        merged.known_subjects = state.known_subjects  # else computed when asked for
    return merged


def _reuse_or_locate(
    state: RuleState,
    new: RuleState,
    touched: list[str | None],
    seeds: frozenset[str],
    files: frozenset[str],
    to_locate: list[tuple[RuleState, str | None]],
    removed: list[Finding],
) -> None:
    """For each ``touched`` component, keep its finding from ``state`` in ``new`` when its
    hits are the same and nothing moved it, else queue it to be located again; the
    findings ``new`` no longer has go to ``removed``."""
    for component in touched:
        before = state.findings.get(component)
        hits = new.pending.get(component)
        if hits is not None:
            kept = state.pending.get(component)
            if (
                before is not None
                and kept is not None
                and (kept is hits or kept == hits)
                and component not in seeds
                and (before.location is None or before.location.file not in files)
            ):
                new.findings[component] = before
                continue
            to_locate.append((new, component))
        new.findings.pop(component, None)
        if before is not None:
            removed.append(before)


def recheck(
    run: RuleRun,
    graph: ModelGraph,
    delta: GraphDelta,
    seeds: frozenset[str],
    files: frozenset[str],
) -> tuple[RuleRun, FindingChange]:
    """The check of ``graph`` (``run``'s graph changed by ``delta``; ``seeds`` as
    :meth:`eakit.graph.ModelGraph.patched` returns them; ``files`` the files re-read),
    computed from ``run`` without re-running what the change cannot affect.

    ``run`` itself is left as it was. Returns the new run (its ``result`` is the new
    result) and how its findings differ from ``run``'s.
    """
    old = run.engine
    engine = Engine(graph, old.as_of, old.docs, old.lang)
    engine.manifest = old.manifest
    engine.share_views = False  # the horizon runs only where the edit reaches anyway
    _patched_selections(old, engine, delta.components)
    old_agencies, agencies = old.graph.agencies, graph.agencies
    agencies_same = all(old_agencies.get(c) == agencies.get(c) for c in seeds)
    balls: dict[tuple[int, tuple[str, ...] | None], frozenset[str]] = {}
    states: list[RuleState] = []
    to_locate: list[tuple[RuleState, str | None]] = []
    removed: list[Finding] = []
    for state in run.states:
        active = state.active
        radius = active.check.hops
        affected: frozenset[str] | None = None
        if radius is None or active.check.check_type.model_wide:
            new = evaluate(engine, active, state.severity)
        else:
            types = active.check.edges
            key = (radius, types)
            affected = balls.get(key)
            if affected is None:
                affected = balls[key] = within((old.graph, graph), seeds, radius, types)
            part = evaluate(engine, active, state.severity, only=affected)
            new = _merged(state, part, affected)
        if agencies_same and state.counts is not None:
            now, horizon = new.outcomes()
            new.counts = (
                recount(state.counts[0], now, agencies),
                recount(state.counts[1], horizon, agencies),
            )
        if affected is None:
            touched: list[str | None] = [
                *new.pending,
                *(c for c in state.findings if c not in new.pending),
            ]
        else:
            # Outside the ball a finding keeps its pending hits (the same objects); it is
            # written again only where its file was re-read (lines may have moved).
            new.findings.update(state.findings)
            moved = {
                c
                for c, f in state.findings.items()
                if f.location is not None and f.location.file in files
            }
            touched = [c for c in new.pending if c in affected or c in moved]
            touched += [c for c in state.findings if c in affected and c not in new.pending]
        _reuse_or_locate(state, new, touched, seeds, files, to_locate, removed)
        states.append(new)
    located = engine.findings(to_locate)
    for (new, component), finding in zip(to_locate, located, strict=True):
        new.findings[component] = finding
    result = CheckResult(
        as_of=run.result.as_of,
        framework=run.result.framework,
        packs=run.result.packs,
        rules=run.result.rules,
        notes=list(run.result.notes),
        not_applicable=run.result.not_applicable,
        subjects=SubjectLists(states),
    )
    new_run = RuleRun(engine, states, result, run.waivers)
    change = FindingChange(run.result.findings, removed, list(located))
    new_run.finish(change)
    return new_run, change


def _identity(finding: Finding) -> tuple[str, str, str, str]:
    return (
        finding.rule_id,
        finding.component or MODEL_ID,
        finding.severity.value,
        finding.message,
    )


def news(removed: list[Finding], added: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The findings of ``added`` that are new and those of ``removed`` that are fixed, in
    file order: a finding that was only rebuilt, or moved to another line, is neither."""
    before = {_identity(f) for f in removed}
    after = {_identity(f) for f in added}
    new = sorted((f for f in added if _identity(f) not in before), key=finding_order)
    gone = sorted((f for f in removed if _identity(f) not in after), key=finding_order)
    return new, gone
