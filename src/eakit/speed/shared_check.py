"""Sharing a large model's check with a second process.

At national scale the rules and the locating of their findings take about half of a
check, and the machine has a second core. After the graph is built, a worker is forked:
it shares the model and the graph without copying or pickling them. The components are
split in two parts by the files that declare them. The worker runs every rule that
judges its subjects one by one on its part (``WORKER_SHARE`` of the components) and
locates those findings, reading about that part of the files; this process does the same
for the other part and runs the rules that compare subjects with each other or judge the
model as a whole. A path rule costs one walk back from every goal whatever its subjects,
so the worker runs it whole and sends its findings on this process's part back first,
unlocated, to be located here with the others.

Before the worker is forked, the subjects of every rule are selected once, by a
short-lived helper process while this one builds the graph's edge index (see
:func:`_warm`), so that neither process selects them again after the fork.

The worker sends back only what the result needs: for each rule, its findings
(component, message, position) and the subjects that failed in each view. A finding of
such a rule depends on its own subject alone, so the result is the one a single process
computes. A caller that re-checks after edits (the watch session) needs every hit of every
rule: then the worker sends its hits instead of the failed subjects. If the worker cannot
be started, dies or sends something broken, this process does its part itself."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from eakit.diagnostics import Location, Severity
from eakit.findings import Finding
from eakit.graph import ModelGraph
from eakit.model import Relation
from eakit.rules.context import NO_PARAMS, Hit
from eakit.rules.engine import Engine, FindingBuilder, RuleState, Run, evaluate, pending_hits
from eakit.rules.pack import ActiveRule
from eakit.speed.workers import FAILED, Send, Worker, wanted

# Below this many components a check takes about a second and forking costs more than
# it saves.
MIN_COMPONENTS = 20_000

# The worker's fraction of the components of a divided rule: less than half, because it
# also runs the whole-walk rules (measured at 34 provinces: its answer reaches this process as
# this one finishes locating its own findings).
WORKER_SHARE = 0.43

Work = Sequence[tuple[ActiveRule, Severity]]
# One rule's part of the worker's answer: the subjects that failed in the now, horizon
# and record views (or, when asked for, the hits in them, as _sent makes them), and the
# findings as (component, message, position).
Located = tuple[str | None, str, tuple[str, int, int] | None]
Sent = tuple[str | None, tuple[str | int, ...], int | None, Any, str, tuple[str | int, ...]]
Failed = list[str | None] | list[Sent]
Answer = tuple[Failed, Failed, Failed | None, list[Located]]


def worth_sharing(graph: ModelGraph, jobs: int | None = None) -> bool:
    """Whether a check of ``graph`` is shared with a second process (``jobs`` as
    :func:`eakit.speed.workers.wanted` takes it: ``None`` decides by the model's size)."""
    return wanted(jobs, lambda: len(graph) >= MIN_COMPONENTS)


def shares(graph: ModelGraph, fraction: float = 0.5) -> tuple[frozenset[str], frozenset[str]]:
    """The components split in two by the files that declare them: files in order, the
    split where about a ``fraction`` of the components is on the second side."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for cid in graph.ids():
        by_file[graph.file_of(cid)].append(cid)
    first: list[str] = []
    second: list[str] = []
    half = len(graph) * (1 - fraction)
    for name in sorted(by_file):
        (first if len(first) < half else second).extend(by_file[name])
    return frozenset(first), frozenset(second)


def _warm(engine: Engine, work: Work) -> None:
    """Compute what both processes use once, before the rule worker is forked, rather
    than in each process after it.

    Selecting the subjects of every rule reads every component (half a second at national
    scale), and so do the graph's edge index and the rings of planned change, which selecting does
    not need: a short-lived helper selects while this process builds the rest, and sends
    the subject lists back as positions in the sorted ids. Without the helper (it cannot
    start, or dies), this process selects them itself."""
    graph = engine.graph
    ids = graph.ids()
    # The graph builds these tables on first use.
    graph.objects, graph.kinds, graph.states  # noqa: B018
    views = [
        (active, live, statuses)
        for active, _severity in work
        for live, statuses in engine.views(active)
    ]

    def select(send: Send) -> None:
        for active, live, statuses in views:
            engine.selected(active, live, statuses)
        send(engine.packed_subjects(ids))

    helper = Worker.start(select)
    with helper or contextlib.nullcontext():
        graph.edge_groups(True)  # builds the edge index
        radii = {active.check.hops for active, _severity in work}
        for radius in sorted(r for r in radii if r is not None):
            engine.touched(radius)
        # Both processes' findings look these up: built while the helper works, for free.
        graph.agencies  # noqa: B018
        graph.relation_sources()
        packed = helper.receive() if helper is not None else FAILED
    if packed is not FAILED:
        engine.take_subjects(packed, ids)
    # Any list the helper did not send (all of them, without it) is selected here.
    for active, live, statuses in views:
        engine.selected(active, live, statuses)


def _sent(hits: list[Hit], relations: Mapping[int, int]) -> list[Sent]:
    """Hits as values the other process can take back (:func:`_taken`): a relation by its
    place in the model's list (``relations``, by ``id()``), since findings find where a
    relation is written by the relation object itself; the shared empty parameters,
    which cannot be pickled, as None."""
    return [
        (hit.component, hit.field, None if hit.relation is None else relations[id(hit.relation)],
         None if hit.params is NO_PARAMS else hit.params, hit.detail, hit.manifest_field)
        for hit in hits
    ]  # fmt: skip


def _taken(sent: list[Sent], relations: Sequence[Relation]) -> list[Hit]:
    """The hits :func:`_sent` sent, with this process's relation objects."""
    return [
        Hit(component, field, None if relation is None else relations[relation],
            NO_PARAMS if params is None else params, detail, manifest_field)
        for component, field, relation, params, detail, manifest_field in sent
    ]  # fmt: skip


def _answer(
    states: Sequence[RuleState],
    findings: Sequence[dict[str | None, Finding]],
    relations: Sequence[Relation] | None,
) -> list[Answer]:
    """What the worker sends back for its states and their located findings (with the
    model's ``relations``, the hits of each view rather than its failed subjects)."""
    runs: Callable[[Run], Failed] = _failed
    if relations is not None:
        places = {id(relation): at for at, relation in enumerate(relations)}
        runs = lambda run: _sent(run.hits, places)  # noqa: E731
    answer: list[Answer] = []
    for state, found in zip(states, findings, strict=True):
        record = runs(state.record) if state.record is not None else None
        located: list[Located] = [
            (
                component,
                finding.message,
                (finding.location.file, finding.location.line, finding.location.col)
                if finding.location is not None
                else None,
            )
            for component, finding in found.items()
        ]
        answer.append((runs(state.now), runs(state.horizon), record, located))
    return answer


def _failed(run: Run) -> list[str | None]:
    """The failed subjects of a run (the parent makes a set of them again)."""
    return list(run.failed())


def _merge(state: RuleState, answer: Answer, build: FindingBuilder, hits: bool) -> None:
    """Add the worker's results for one rule to this process's state of it (``hits``: the
    answer holds the hits of each view)."""
    now, horizon, record, findings = answer
    if hits:
        # The worker's hits are on components this process left to it: their findings
        # are added to the pending ones, and the runs take them.
        relations = build.graph.model.relations
        now_run, horizon_run, record_run = (
            None if sent is None else Run([], _taken(cast(list[Sent], sent), relations))
            for sent in (now, horizon, record)
        )
        assert now_run is not None and horizon_run is not None
        state.pending.update(
            pending_hits(build.graph, state.active, now_run, horizon_run, record_run)
        )
        state.now.hits += now_run.hits
        state.horizon.hits += horizon_run.hits
        if state.record is not None and record_run is not None:
            state.record.hits += record_run.hits
    else:
        for run, failed in ((state.now, now), (state.horizon, horizon), (state.record, record)):
            if run is not None and failed is not None:
                run.failed_elsewhere = frozenset(cast(list[str | None], failed))
    for component, message, where in findings:
        location = Location(*where) if where is not None else None
        state.findings[component] = build(
            state.active, state.severity, component, message, location, made=True
        )


def _locally(task: Callable[[Send], None]) -> list[Any]:
    """The messages of the worker's task, run in this process."""
    messages: list[Any] = []
    task(messages.append)
    return messages


# --- the shared check -----------------------------------------------------------------------


def evaluate_shared(engine: Engine, work: Work, hits: bool = False) -> list[RuleState]:
    """Every rule of ``work`` evaluated and its findings located, the work shared with a
    forked worker: the states a single process computes, but that a run holds only the
    hits found here and says which subjects failed in the worker (enough for a result).
    With ``hits``, every run holds every hit, as :func:`eakit.rules.engine.evaluate`
    keeps them (what an edit's re-check needs)."""
    mine, theirs = shares(engine.graph, WORKER_SHARE)
    everything = mine | theirs
    # What each process checks of each rule: None, the whole rule (here only); else the
    # subjects of this process's part and of the worker's. A walk from every goal costs
    # the same whatever the subjects, so such a rule goes to the worker whole; it sends
    # the findings on this process's part first, to be located here with the others.
    plan: list[tuple[frozenset[str], frozenset[str]] | None] = []
    for active, _severity in work:
        check_type = active.check.check_type
        if not check_type.one_by_one:  # its subjects cannot be shared
            plan.append(None)
        elif check_type.whole_walk:
            plan.append((frozenset(), everything))
        else:
            plan.append((mine, theirs))
    theirs_work = [(i, p[1]) for i, p in enumerate(plan) if p is not None]
    whole = [j for j, (_i, part) in enumerate(theirs_work) if part is everything]

    def worker(send: Send) -> None:
        states: dict[int, RuleState] = {}

        def run(j: int) -> None:
            i, part = theirs_work[j]
            states[j] = evaluate(engine, work[i][0], work[i][1], part)

        for j in whole:
            run(j)
        send(
            [
                (j, component, engine.prepare(states[j], component))
                for j in whole
                for component in states[j].pending
                if component in mine
            ]
        )
        for j in range(len(theirs_work)):
            if j not in states:
                run(j)
        ordered = [states[j] for j in range(len(theirs_work))]
        items = [
            (j, state, component)
            for j, state in enumerate(ordered)
            for component in state.pending
            if component not in mine
        ]
        located = engine.findings([(state, c) for _j, state, c in items], agencies=False)
        found: list[dict[str | None, Finding]] = [{} for _state in ordered]
        for (j, _state, component), finding in zip(items, located, strict=True):
            found[j][component] = finding
        send(_answer(ordered, found, engine.graph.model.relations if hits else None))

    _warm(engine, work)
    started = Worker.start(worker)
    with started or contextlib.nullcontext():
        states = [
            evaluate(engine, active, severity)
            if part is None
            else evaluate(engine, active, severity, part[0])
            for (active, severity), part in zip(work, plan, strict=True)
        ]
        foreign = started.receive() if started is not None else FAILED
        local = _locally(worker) if foreign is FAILED else None
        if local is not None:
            foreign = local[0]
        batch = [
            (i, component, engine.prepare(state, component))
            for i, state in enumerate(states)
            for component in state.pending
        ]
        batch += [(theirs_work[j][0], component, item) for j, component, item in foreign]
        located = engine.complete([(states[i].active, item) for i, _c, item in batch])
        for (i, component, _item), finding in zip(batch, located, strict=True):
            states[i].findings[component] = finding
        answers = local[1] if local is not None else started.receive()  # type: ignore[union-attr]
        if answers is FAILED:
            answers = _locally(worker)[1]
    build = FindingBuilder(engine.graph, lang=engine.lang)
    for (i, _part), answer in zip(theirs_work, answers, strict=True):
        _merge(states[i], answer, build, hits)
    return states
