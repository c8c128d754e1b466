"""The rule engine: load the model's packs, resolve each rule at the check date, run it in
the *now* and *horizon* views, turn hits into located findings, apply waivers and
severity overrides, and score readiness."""

from __future__ import annotations

import bisect
import datetime as dt
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.findings import Basis, CheckResult, Finding, Readiness, RuleInfo
from eakit.graph import ModelGraph, Request
from eakit.loader.files import MANIFEST
from eakit.messages import Bilingual, date_words, in_lang, say
from eakit.rules.context import HORIZON, NOW, RECORD, RETIRED, CheckContext, Hit, model_subject
from eakit.rules.legal import LegalDocument
from eakit.rules.messages import format_message, word
from eakit.rules.pack import (
    ActiveRule,
    BasisRef,
    PackSet,
    Rule,
    bundled_registry,
    load_packs,
    packs_for,
    rule_at,
)
from eakit.rules.rule_ids import check_options, unknown_waiver_rules
from eakit.rules.scoring import (
    OutcomeCount,
    SubjectTally,
    ViewOutcome,
    count,
    readiness,
    readiness_of,
)
from eakit.rules.selectors import Selector
from eakit.rules.sources import RuleConfigError, SourceFile, read_source
from eakit.rules.waivers import Waiver, apply_waivers, current_date, load_waivers

MODEL_ID = "*"  # the subject id of a model-wide rule when there is no province component


def load_rules(graph: ModelGraph, when: dt.date | None = None) -> tuple[PackSet, SourceFile | None]:
    """The legal registry and the packs of the model at ``when`` (default: the model's
    ``as_of``): those its manifest names, or the pack of the framework in force then."""
    docs = bundled_registry()
    manifest_path = Path(graph.root) / MANIFEST
    manifest = read_source(manifest_path, MANIFEST) if manifest_path.is_file() else None
    pinned = list(graph.manifest.rules.packs)
    architecture = graph.architecture
    entries = packs_for(pinned, architecture.framework, when or architecture.as_of, docs)
    packs = load_packs(entries, Path(graph.root), docs, manifest)
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


def _basis(active: ActiveRule) -> tuple[Basis, ...]:
    return tuple(basis_of(ref, doc) for ref, doc in active.basis)


def basis_of(ref: BasisRef, doc: LegalDocument) -> Basis:
    """A citation as findings and renderers show it: verified only when the cited article
    has a quote read in a published text."""
    provision = doc.provision(ref.article)
    verified = not ref.low and provision is not None and provision.verified
    return Basis(
        document=doc.citation,
        article=ref.article,
        date=doc.date,
        title=doc.title,
        confidence="verified" if verified else "low",
        quote=provision.quote if provision is not None and verified else "",
        url=(provision.source if provision is not None and provision.source else doc.source),
        doc_id=doc.id,
    )


def _rule_info(
    rule: Rule, active: ActiveRule | None, severity: Severity, note: str = "", lang: str = "vi"
) -> RuleInfo:
    return RuleInfo(
        id=rule.id,
        title=rule.title,
        title_en=rule.title_en,
        severity=severity,
        layer=rule.layer.value,
        pack=rule.pack,
        basis=_basis(active) if active else (),
        rationale=rule.rationale.lang(lang),
        remediation=rule.remediation.lang(lang),
        help_uri=f"docs/rules/{rule.id}.md",
        note=note,
    )


@dataclass
class Run:
    """The hits and subjects of one rule in one view."""

    subjects: Sequence[str | None]
    hits: list[Hit]
    # Subjects with a hit found by another process (see eakit.speed.shared_check).
    failed_elsewhere: frozenset[str | None] = frozenset()

    def failed(self) -> frozenset[str | None]:
        """The subjects with a hit."""
        return frozenset(h.component for h in self.hits) | self.failed_elsewhere


_T = TypeVar("_T")
# Entries of Engine._shared before the table is cleared.
_DERIVED_MAX = 512  # a national check makes about 70

SelectionKey = tuple[str, frozenset[str]]
"""A selection's key: the selector (as text) and the view's live statuses."""


class Engine:
    """Runs the applicable rules of a model at one date."""

    def __init__(
        self,
        graph: ModelGraph,
        as_of: dt.date,
        docs: Mapping[str, LegalDocument],
        lang: str = "vi",
    ):
        self.graph = graph
        self.as_of = as_of
        self.docs = docs
        self.lang = lang  # of the findings' messages and remediations: vi or en
        self.manifest: SourceFile | None = None
        # Each selector with the components it selects (see CheckContext.select).
        self.selections: dict[SelectionKey, tuple[Selector, list[str]]] = {}
        self.conditions: dict[tuple[frozenset[str] | None, str], list[str]] = {}
        self.share_views = True
        # (components within r hops of something planned, those exactly r hops away),
        # for r = 0, 1, ...
        self._rings: list[tuple[frozenset[str], frozenset[str]]] = []
        # Values derived from shared lists and sets, by kind and identity (see _shared).
        self._derived: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    @cached_property
    def outside_period(self) -> frozenset[str]:
        """Components that do not exist at the check date (``valid_to`` before it, or
        ``valid_from`` after it): they are not judged."""
        when = self.as_of
        return frozenset(cid for cid, obj in self.graph.objects.items() if not obj.exists_on(when))

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
            conditions=self.conditions,
        )

    def touched(self, radius: int) -> frozenset[str] | None:
        """Components within ``radius`` hops (any edge, either way) of a planned component
        or of an end of a planned relation: the only subjects of a rule with that radius
        whose result can differ between the *now* and the *horizon* views. ``None`` when
        that is more than half of the model (copying the rest would save little)."""
        rings = self._rings
        if not rings:
            seeds = {cid for cid, state in self.graph.states.items() if state == "planned"}
            for edge in self.graph.edges_unordered():
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
    ) -> Run:
        """Run a rule in a view; subjects are the selected components with ``statuses``
        (the check runs on those in ``only`` when given; the caller fills in the rest)."""
        selected = self.selected(active, live, statuses)
        if only is None:
            checked = selected
        elif len(only) * 16 < len(selected):  # a few subjects of many: look them up
            checked = [c for c in sorted(only) if sorted_position(selected, c)[1]]
        else:
            checked = self._shared(
                "within", (selected, only), lambda: [c for c in selected if c in only]
            )
        ctx = self._context(active, live, checked)
        hits = list(active.check.check_type.function(ctx, active.check.params))
        if active.check.check_type.model_wide:
            return Run([model_subject(self.graph)], hits)
        return Run(selected, hits)

    def _shared(self, kind: str, objects: tuple[Any, ...], make: Callable[[], _T]) -> _T:
        """``make()``, once per ``kind`` and identity of ``objects``: rules share subject
        lists, and a shared check asks for the same part of each again and again. The
        objects are kept in the entry, so that their ids are not reused; the table is
        cleared when it grows large (a watch session makes new parts at every edit)."""
        key = (kind, *map(id, objects))
        entry = self._derived.get(key)
        if entry is None or any(a is not b for a, b in zip(entry[0], objects, strict=True)):
            if len(self._derived) >= _DERIVED_MAX:
                self._derived.clear()
            entry = self._derived[key] = (objects, make())
        return entry[1]  # type: ignore[no-any-return]

    def selected(
        self, active: ActiveRule, live: frozenset[str], statuses: frozenset[str]
    ) -> list[str]:
        """The subjects of a rule in a view, sorted: the components its selector picks in
        that view that have one of ``statuses`` (shared: do not change the list)."""
        selector = active.rule.applies_to
        if not active.check.check_type.reads_subjects:
            return []  # judges the manifest: no subjects to select
        key = (repr(selector), live)
        if key not in self.selections:
            self._context(active, live, []).select(selector)  # selects and keeps them
        found = self.selections[key][1]
        if not (selector.status if selector.status is not None else live) <= statuses:
            selection, states = found, self.graph.states
            found = self._shared(
                "statuses",
                (selection, statuses),
                lambda: [c for c in selection if states[c] in statuses],
            )
        outside = self.outside_period
        if outside:
            # Filtered after the (shared, patchable) subject list: what a re-check carries
            # over stays the plain selection, and each engine applies its own date.
            listed = found
            found = self._shared(
                "judged", (listed,), lambda: [c for c in listed if c not in outside]
            )
        return found

    def packed_subjects(self, ids: Sequence[str]) -> dict[SelectionKey, tuple[Selector, bytes]]:
        """The selections made so far, each as the positions of its ids in ``ids``
        (what another process that shares the graph needs to take them over: see
        :meth:`take_subjects`)."""
        position = {cid: at for at, cid in enumerate(ids)}
        return {
            key: (selector, array("I", map(position.__getitem__, found)).tobytes())
            for key, (selector, found) in self.selections.items()
        }

    def take_subjects(
        self, packed: Mapping[SelectionKey, tuple[Selector, bytes]], ids: Sequence[str]
    ) -> None:
        """Take over selections another process made (:meth:`packed_subjects` of an engine
        on the same graph, with the same ``ids``)."""
        for key, (selector, positions) in packed.items():
            self.selections[key] = (selector, list(map(ids.__getitem__, array("I", positions))))

    def views(self, active: ActiveRule) -> list[tuple[frozenset[str], frozenset[str]]]:
        """The views a rule runs in, as (live statuses, subject statuses): *now*,
        *horizon*, and *record* for a rule on retired components."""
        views = [(NOW, NOW), (HORIZON, HORIZON)]
        retired = "retired" in (active.rule.applies_to.status or ())
        if retired and not active.check.check_type.model_wide:
            views.append((RECORD, RETIRED))
        return views

    def run_horizon(self, active: ActiveRule, now: Run, only: frozenset[str] | None = None) -> Run:
        """The rule in the *horizon* view. A subject no planned component or relation is
        near (within the check's radius) sees the same neighbourhood as *now*, so its
        result is copied from the *now* run instead of being computed again.

        With ``only``, like :meth:`run_view`: ``now`` must have run with the same ``only``.
        """
        radius = active.check.hops if self.share_views else None
        if radius is None or active.check.check_type.model_wide:
            return self.run_view(active, HORIZON, HORIZON, only=only)
        touched = self.touched(radius)
        if touched is None:
            return self.run_view(active, HORIZON, HORIZON, only=only)
        near = touched
        if only is not None:
            near = self._shared("near", (touched, only), lambda: touched & only)
        run = self.run_view(active, HORIZON, HORIZON, only=near)
        # A subject of the *now* view is one of the *horizon* view too (a current
        # component is live in both), so the hits of those far from a change carry over.
        kept = [h for h in now.hits if h.component not in touched]
        run.hits += kept
        return run

    # --- findings -----------------------------------------------------------------------

    def place(self, hit: Hit) -> Location | Request:
        """Where a hit points: a location already known (the manifest) or a place in the
        model files, located later with all the others (see :meth:`findings`)."""
        if hit.manifest_field:
            return self.manifest.at(*hit.manifest_field) if self.manifest else Location(MANIFEST)
        if hit.relation is not None and self.graph.relation_source(hit.relation) is not None:
            return self.graph.request(hit.relation)
        if hit.component is not None:
            return self.graph.request((hit.component, hit.field))
        return self.manifest.at("architecture") if self.manifest else Location(MANIFEST)

    def message(self, active: ActiveRule, hit: Hit) -> str:
        """A hit's message in the engine's language: the rule's template filled in with
        the component's name and kind and the hit's own values, as people name them."""
        template = active.message.lang(self.lang)
        text = format_message(template, self.graph, hit.component, hit.params, self.lang)
        return f"{text} {hit.detail}".strip() if hit.detail else text

    def findings(
        self, wanted: Sequence[tuple[RuleState, str | None]], agencies: bool = True
    ) -> list[Finding]:
        """Locate the hits of each (rule state, component) (each model file is read for
        positions once, in one batch) and build the findings; several hits on one
        component are merged, the first position in the file wins. ``agencies=False``
        leaves out the components' agencies (for findings that another process rebuilds)."""
        prepared = [(state.active, self.prepare(state, c)) for state, c in wanted]
        return self.complete(prepared, agencies)

    def prepare(self, state: RuleState, component: str | None) -> Unlocated:
        """The finding of a rule on a component with its hits' messages written, before it
        is located."""
        hits = state.pending[component]
        parts = [(self.message(state.active, hit), self.place(hit)) for hit in hits]
        return Unlocated(state.severity, component, parts)

    def complete(
        self, items: Sequence[tuple[ActiveRule, Unlocated]], agencies: bool = True
    ) -> list[Finding]:
        """Locate prepared findings (in one batch) and build them, in order."""
        wanted = [w for _a, item in items for _m, w in item.parts if not isinstance(w, Location)]
        found = iter(self.graph.locate_requests(wanted))
        build = FindingBuilder(self.graph, agencies, self.lang)
        result = []
        for active, item in items:
            parts = item.parts
            if len(parts) == 1:  # most findings: one hit
                message, where = parts[0]
                location = where if isinstance(where, Location) else next(found)
            else:
                pairs = sorted(
                    ((w if isinstance(w, Location) else next(found), m) for m, w in parts),
                    key=lambda pair: pair[0],
                )
                message = "; ".join(dict.fromkeys(m for _where, m in pairs))
                location = pairs[0][0]
            result.append(build(active, item.severity, item.component, message, location))
        return result


@dataclass
class Unlocated:
    """A finding before it is located: each hit's message and where the hit points (a
    value another process can send: see :mod:`eakit.speed.shared_check`)."""

    severity: Severity
    component: str | None
    parts: list[tuple[str, Location | Request]]


class FindingBuilder:
    """Makes the findings of located hits; what a finding takes from its rule is worked
    out once per rule (a national check makes 150,000 findings of 80 rules)."""

    def __init__(self, graph: ModelGraph, agencies: bool = True, lang: str = "vi") -> None:
        self.graph = graph
        self.lang = lang
        self._agencies = graph.agencies if agencies else None
        # By id() of the active rule (kept in the entry, so that the id is not reused).
        self._rules: dict[int, _RuleParts] = {}

    def _parts(self, active: ActiveRule) -> _RuleParts:
        parts = self._rules.get(id(active))
        if parts is None:
            rule, basis = active.rule, _basis(active)
            unverified = ""
            if basis and all(b.confidence == "low" for b in basis):
                texts = ", ".join(  # a text cited by two of its articles is named once
                    dict.fromkeys(
                        doc.number if self.lang == "en" else doc.citation
                        for _ref, doc in active.basis
                    )
                )
                unverified = f" ({word('unverified', self.lang)}: {texts})"
            parts = self._rules[id(active)] = _RuleParts(
                active, rule.id, rule.layer.value, rule.title, rule.title_en, basis,
                rule.remediation.lang(self.lang), unverified,
            )  # fmt: skip
        return parts

    def __call__(
        self,
        active: ActiveRule,
        severity: Severity,
        component: str | None,
        message: str,
        location: Location | None,
        *,
        made: bool = False,
    ) -> Finding:
        """The finding of a rule on a component: ``message`` is its hits' messages, to
        which a rule whose every basis is unverified adds so (``made``: the message of a
        finding made elsewhere, taken as it is)."""
        rule = self._parts(active)
        agencies = self._agencies
        return Finding(  # by position: made 150,000 times at national scale
            rule.rule_id,
            severity,
            message if made else message + rule.unverified,
            component,
            location,
            rule.layer,
            rule.title,
            rule.title_en,
            rule.basis,
            rule.remediation,
            agencies[component] if component and agencies is not None else None,
        )


class _RuleParts(NamedTuple):
    """What every finding of one rule takes from it."""

    active: ActiveRule
    rule_id: str
    layer: str
    title: str
    title_en: str
    basis: tuple[Basis, ...]
    remediation: str
    unverified: str  # the note a rule with only unverified legal bases adds


def sorted_position(items: list[str], item: str) -> tuple[int, bool]:
    """Where ``item`` is, or would go, in the sorted list ``items``, and whether it is there."""
    at = bisect.bisect_left(items, item)
    return at, at < len(items) and items[at] == item


def _config_notes(
    packs: PackSet, graph: ModelGraph, manifest: SourceFile | None
) -> list[Diagnostic]:
    """Warn about ``disable`` and ``severity`` entries that match no rule (a setting that
    silently does nothing is a trap)."""
    ids = [r.id for r in packs.rules]
    config = graph.manifest.rules
    notes = []
    entries: list[tuple[str, int | str, str]] = [
        ("disable", i, p) for i, p in enumerate(config.disable)
    ]
    entries += [("severity", p, p) for p in config.severity]
    for section, key, pattern in entries:
        if not any(fnmatchcase(i, pattern) for i in ids):
            where = manifest.at("rules", section, key) if manifest else Location(MANIFEST)
            names = ", ".join(packs.names)
            message = say("rules.config_no_match", section=section, pattern=pattern, packs=names)
            notes.append(Diagnostic(where, message, code="rules-config", severity=Severity.WARNING))
    return notes


@dataclass
class RuleState:
    """One rule's runs in every view, its findings by component and its subjects: what a
    re-check after an edit starts from (see :mod:`eakit.incremental.recheck`)."""

    active: ActiveRule
    severity: Severity
    now: Run
    horizon: Run
    record: Run | None
    pending: dict[str | None, list[Hit]]  # the hits of each finding, before it is located
    findings: dict[str | None, Finding] = field(default_factory=dict)
    known_subjects: list[str] | None = field(default=None, repr=False)

    counts: tuple[OutcomeCount, OutcomeCount] | None = None

    @property
    def subjects(self) -> list[str]:
        """Every component the rule was evaluated on in some view, sorted (``"*"`` for the
        model): computed on first use, once the state is complete."""
        if self.known_subjects is None:
            found = set(self.now.subjects) | set(self.horizon.subjects) | set(self.pending)
            found |= set(self.findings)
            if self.record is not None:
                found |= set(self.record.subjects)
            self.known_subjects = sorted(s or MODEL_ID for s in found)
        return self.known_subjects

    def outcomes(self) -> tuple[ViewOutcome, ViewOutcome]:
        """The rule's outcomes in the *now* and *horizon* views (for readiness)."""
        rule = self.active.rule
        return tuple(  # type: ignore[return-value]
            ViewOutcome(
                rule.id,
                rule.layer.value,
                run.subjects,
                run.failed(),
                self.severity.value,
                rule.category,
            )
            for run in (self.now, self.horizon)
        )

    def counted(
        self, agencies: Mapping[str, str | None], tally: SubjectTally | None = None
    ) -> tuple[OutcomeCount, OutcomeCount]:
        """The outcomes counted by agency (once; a re-check carries counts over)."""
        if self.counts is None:
            now, horizon = self.outcomes()
            self.counts = (count(now, agencies, tally), count(horizon, agencies, tally))
        return self.counts


class SubjectLists(Mapping[str, list[str]]):
    """Each rule's subjects by rule id, each list computed when first asked for."""

    def __init__(self, states: Iterable[RuleState]) -> None:
        self._states = {state.active.rule.id: state for state in states}

    def __getitem__(self, rule_id: str) -> list[str]:
        return self._states[rule_id].subjects

    def __iter__(self) -> Iterator[str]:
        return iter(self._states)

    def __len__(self) -> int:
        return len(self._states)


@dataclass
class RuleRun:
    """A whole check: the engine, every rule's state and the result built from them."""

    engine: Engine
    states: list[RuleState]
    result: CheckResult
    waivers: list[Waiver] | None
    today: dt.date | None = None  # the real date waivers expire against (None: today)

    def finish(self, change: FindingChange | None = None) -> CheckResult:
        """Apply waivers, sort the findings and score readiness from the rule states.

        ``change`` says how the findings differ from the (sorted) findings of an earlier
        result: then only the difference is sorted in (unless waivers must be applied).
        """
        result = self.result
        result.notes = [n for n in result.notes if n.code not in WAIVER_CODES]
        if change is not None and self.waivers is None:
            findings = change.apply()
        else:
            findings = [f for state in self.states for f in state.findings.values()]
            if self.waivers is not None:
                today = self.today or current_date()
                findings, notes = apply_waivers(
                    findings, self.waivers, today, [r.id for r in result.rules]
                )
                result.notes.extend(notes)
            findings.sort(key=finding_order)
        result.findings = findings
        waived = {(f.rule_id, f.component or MODEL_ID) for f in findings if f.waived}
        agencies, states = self.engine.graph.agencies, self.states

        def score() -> Readiness:
            if waived:
                outcomes = [state.outcomes() for state in states]
                return readiness(
                    [o[0] for o in outcomes], [o[1] for o in outcomes], waived, agencies
                )
            tally = SubjectTally(agencies)
            counts = [state.counted(agencies, tally) for state in states]
            return readiness_of([c[0] for c in counts], [c[1] for c in counts])

        result.readiness = score  # scored when first read: not every report shows it
        # Notes are said in the language of the findings, for every report to print.
        lang = self.engine.lang
        result.notes = sorted(replace(n, message=in_lang(n.message, lang)) for n in result.notes)
        return result


@dataclass
class FindingChange:
    """Sorted findings of an earlier result, those of them gone and those new."""

    previous: list[Finding]
    removed: list[Finding]
    added: list[Finding]

    def apply(self) -> list[Finding]:
        """The findings after the change, sorted as a full check sorts them."""
        removed = {id(f) for f in self.removed}
        findings = [f for f in self.previous if id(f) not in removed]
        for finding in sorted(self.added, key=finding_order):
            bisect.insort(findings, finding, key=finding_order)
        return findings


WAIVER_CODES = frozenset({"waiver-expired", "waiver-unused"})


@dataclass(frozen=True)
class RunOptions:
    """What a check is asked for: the date, the rules picked and the waivers file."""

    as_of: dt.date | None = None
    select: Sequence[str] = ()  # rule id globs
    ignore: Sequence[str] = ()
    waivers: Path | None = None  # overrides the manifest's
    share_views: bool = True  # False: the horizon view of every subject from scratch
    jobs: int = 1  # processes: 2 shares the rules of a large model with a forked worker
    keep_hits: bool = False  # every state keeps every hit (a re-check after an edit needs them)
    today: dt.date | None = None  # the real date waivers expire against (None: today)
    lang: str = "vi"  # of the messages, remediations and rationales: vi or en


def run_rules(graph: ModelGraph, options: RunOptions) -> CheckResult:
    """Check ``graph`` against its rule packs as ``options`` ask.

    ``options.share_views`` false computes the horizon view of every subject from scratch
    (the reference the shared computation is tested against); ``options.jobs`` 2 shares
    the work with a second process where that is possible (see
    :mod:`eakit.speed.shared_check`). The result is the same.

    Raises :class:`eakit.rules.sources.RuleConfigError` when a pack, the legal registry or
    the waivers file is invalid.
    """
    return start_run(graph, options).finish()


def architecture_ended(
    graph: ModelGraph, when: dt.date, manifest: SourceFile | None
) -> Diagnostic | None:
    """The warning of a check dated after the architecture's own ``valid_to``, naming its
    successor (``None`` while the architecture is in force): such a check judges nothing,
    since the architecture no longer exists at that date."""
    architecture = graph.architecture
    end = architecture.valid_to
    if end is None or when <= end:
        return None
    successor = " ".join((architecture.successor or "").split())
    message = say("rules.architecture_ended", end=date_words(end), day=date_words(when))
    if successor:
        message += say("rules.architecture_successor", successor=successor)
    where = manifest.at("architecture", "valid_to") if manifest else Location(MANIFEST)
    return Diagnostic(where, message, code="architecture-ended", severity=Severity.WARNING)


def ended_note(graph: ModelGraph) -> Bilingual:
    """Why a rule is not applied to an architecture that has ended."""
    end = graph.architecture.valid_to
    return say("rules.architecture_ended_note", end=date_words(end) if end else "")


def start_run(graph: ModelGraph, options: RunOptions) -> RuleRun:
    """Run every rule on ``graph`` and locate the findings, keeping each rule's state
    (:func:`run_rules` and the re-check after an edit both start here)."""
    as_of, select, ignore, waivers = options.as_of, options.select, options.ignore, options.waivers
    when = as_of or graph.architecture.as_of
    packs, manifest = load_rules(graph, when)
    config = graph.manifest.rules
    lang = options.lang
    engine = Engine(graph, when, packs.documents, lang)
    engine.manifest = manifest
    engine.share_views = options.share_views
    result = CheckResult(as_of=when, framework=graph.architecture.framework, packs=packs.names)
    result.notes.extend(_config_notes(packs, graph, manifest))
    rule_ids = [rule.id for rule in packs.rules]
    check_options(select, ignore, rule_ids)
    ended = architecture_ended(graph, when, manifest)
    if ended is not None:
        result.notes.append(ended)
    work: list[tuple[ActiveRule, Severity]] = []
    for rule in packs.rules:
        picked = not select or _glob_match(rule.id, select)
        if not picked or _glob_match(rule.id, [*config.disable, *ignore]):
            continue
        active = rule_at(rule, when, packs.documents)
        if active is None:
            note = say("rules.no_basis_on", date=when.isoformat()).lang(lang)
            result.not_applicable.append(_rule_info(rule, None, rule.severity, note, lang))
            continue
        severity = _severity_override(rule.id, config.severity) or active.severity
        if ended is not None:
            # The architecture no longer exists: nothing of it is judged by later law.
            result.not_applicable.append(
                _rule_info(rule, None, severity, ended_note(graph).lang(lang), lang=lang)
            )
            continue
        result.rules.append(_rule_info(rule, active, severity, lang=lang))
        work.append((active, severity))
    if options.jobs > 1:
        from eakit.speed import shared_check  # it builds on this module

        states = shared_check.evaluate_shared(engine, work, options.keep_hits)
    else:
        states = [evaluate(engine, active, severity) for active, severity in work]
        locate(engine, states)
    result.subjects = SubjectLists(states)
    waiver_path = waivers or (
        Path(graph.root) / graph.manifest.waivers if graph.manifest.waivers else None
    )
    loaded = load_waivers(waiver_path, Path(graph.root)) if waiver_path is not None else None
    if loaded and (unknown := unknown_waiver_rules(loaded, rule_ids)):
        raise RuleConfigError(unknown)
    return RuleRun(engine, states, result, loaded, options.today)


def locate(engine: Engine, states: Sequence[RuleState]) -> None:
    """Locate the pending findings of ``states`` in one batch (each model file is read
    once) and store them in each state."""
    found = iter(engine.findings([(state, c) for state in states for c in state.pending]))
    for state in states:
        state.findings = {component: next(found) for component in state.pending}


def finding_order(finding: Finding) -> tuple[str, int, int, str, str]:
    # Plain tuples: comparing Location dataclasses is several times slower at 150,000.
    where = finding.location or Location("")
    return (where.file, where.line, where.col, finding.rule_id, finding.component or "")


def evaluate(
    engine: Engine, active: ActiveRule, severity: Severity, only: frozenset[str] | None = None
) -> RuleState:
    """Run one rule in every view and group its hits into (unlocated) findings.

    With ``only``, the check runs on those subjects alone and the state's runs hold just
    their hits (the caller merges them with what it kept from before, and fills in the
    subjects).
    """
    now = engine.run_view(active, NOW, NOW, only=only)
    future = engine.run_horizon(active, now, only=only)
    record = None
    for live, statuses in engine.views(active)[2:]:
        record = engine.run_view(active, live, statuses, only=only)
    return RuleState(
        active,
        severity,
        now,
        future,
        record,
        pending_hits(engine.graph, active, now, future, record),
    )


def pending_hits(
    graph: ModelGraph, active: ActiveRule, now: Run, future: Run, record: Run | None
) -> dict[str | None, list[Hit]]:
    """The hits that become findings, by component (one finding each, located later):
    every *now* hit, the *horizon* hits on planned components, and the *record* hits
    (retired components)."""
    planned: list[Hit] = []
    if not active.check.check_type.model_wide:
        states = graph.states
        planned = [
            h for h in future.hits if h.component is not None and states[h.component] == "planned"
        ]
    grouped: dict[str | None, list[Hit]] = defaultdict(list)
    for hit in chain(now.hits, planned, record.hits if record is not None else ()):
        grouped[hit.component].append(hit)
    return dict(grouped)
