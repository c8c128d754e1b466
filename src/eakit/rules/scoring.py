"""Readiness scores (see ``docs/scoring.md``).

Every applicable rule is evaluated on every component it applies to: one pass/fail
outcome per rule x component (a model-wide rule has one outcome for the whole model).
Each outcome weighs by the rule's severity (:data:`WEIGHTS`: error 3, warning 1, info
not counted); a score is the weight passed over the weight applicable, and the error
outcomes that fail are counted apart, since any of them makes the status *not met*.
Rules of ``category: convention`` are scored apart from legal requirements.
*Now* counts the outcomes of the as-of view (current components); *at the horizon*
those of the horizon view (current and planned components with their planned state;
retired ones excluded). Outcomes of waived findings count neither way. Legal scores are
given overall, per layer (the rule's layer) and per agency (the component's agency).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from eakit.findings import Readiness, Score

#: The weight of one outcome by the rule's (effective) severity: an error is a legal
#: requirement broken, a warning a weaker expectation; information is not scored.
WEIGHTS: Mapping[str, int] = {"error": 3, "warning": 1, "info": 0}
#: Rule categories: ``legal`` (the default) and ``convention`` (scored apart).
CONVENTION = "convention"


@dataclass(frozen=True)
class ViewOutcome:
    """The results of one rule in one view: every subject passed except ``failed``.

    Kept per rule, not per subject: a national model has millions of outcomes, and
    counting them in bulk is what makes scoring cheap. ``severity`` is the rule's
    effective severity, ``category`` ``legal`` or ``convention``.
    """

    rule: str
    layer: str
    subjects: Sequence[str | None]
    failed: frozenset[str | None]
    severity: str = "error"
    category: str = "legal"


@dataclass(frozen=True)
class OutcomeCount:
    """One outcome counted: its subjects and failures by agency (``None``: no agency).

    A re-check after an edit recounts only the outcomes the edit changed
    (:func:`recount`); readiness sums the counts.
    """

    outcome: ViewOutcome
    total: Counter[str | None]
    failed: Counter[str | None]


class SubjectTally:
    """Subject lists counted by agency, each list once: the rules of a run share their
    subject lists (every rule on all agencies, say), and a national model's subjects
    are too many to count again for each rule and view."""

    def __init__(self, agencies: Mapping[str, str | None]) -> None:
        self.agencies = agencies
        # By list identity; the list is kept so its identity is not reused.
        self._known: dict[
            int, tuple[Sequence[str | None], frozenset[str | None], Counter[str | None]]
        ] = {}

    def of(
        self, subjects: Sequence[str | None]
    ) -> tuple[frozenset[str | None], Counter[str | None]]:
        """The subjects as a set, and counted by agency (shared: do not change them)."""
        known = self._known.get(id(subjects))
        if known is None:
            tally = Counter(map(self.agencies.get, subjects))  # type: ignore[arg-type]
            known = self._known[id(subjects)] = (subjects, frozenset(subjects), tally)
        return known[1], known[2]


def count(
    outcome: ViewOutcome, agencies: Mapping[str, str | None], tally: SubjectTally | None = None
) -> OutcomeCount:
    """Count one outcome's subjects and failures by agency (``tally``: shared counts of
    the subject lists of a run, made from the same ``agencies``)."""
    members, total = (tally or SubjectTally(agencies)).of(outcome.subjects)
    failed = outcome.failed & members
    return OutcomeCount(
        outcome,
        total,
        Counter(map(agencies.get, failed)),  # type: ignore[arg-type]
    )


def recount(
    previous: OutcomeCount, outcome: ViewOutcome, agencies: Mapping[str, str | None]
) -> OutcomeCount:
    """:func:`count` of ``outcome``, reusing the count of the same rule's ``previous``
    outcome when only some failures changed (the subjects and their agencies did not:
    the caller makes sure of the agencies)."""
    before = previous.outcome
    if before.subjects != outcome.subjects:
        return count(outcome, agencies)
    if before.failed == outcome.failed:
        return OutcomeCount(outcome, previous.total, previous.failed)
    failed = Counter(previous.failed)
    for subject in outcome.failed - before.failed:
        failed[agencies.get(subject)] += 1  # type: ignore[arg-type]
    for subject in before.failed - outcome.failed:
        failed[agencies.get(subject)] -= 1  # type: ignore[arg-type]
    return OutcomeCount(outcome, previous.total, +failed)


def _waived_out(outcome: ViewOutcome, waived_by_rule: Mapping[str, set[str]]) -> ViewOutcome:
    excluded = waived_by_rule.get(outcome.rule)
    if not excluded:
        return outcome
    # Waived outcomes count neither way.
    return replace(
        outcome,
        subjects=[s for s in outcome.subjects if (s or "*") not in excluded],
        failed=frozenset(s for s in outcome.failed if (s or "*") not in excluded),
    )


@dataclass
class _Tally:
    """Weights applicable and passed, and error outcomes failed, by group."""

    total: Counter[Any] = field(default_factory=Counter)
    failed: Counter[Any] = field(default_factory=Counter)
    errors: Counter[Any] = field(default_factory=Counter)

    def add(self, group: Any, item: OutcomeCount, by_agency: bool) -> None:
        weight = WEIGHTS.get(item.outcome.severity, 0)
        error = item.outcome.severity == "error"
        if by_agency:
            for agency, n in item.total.items():
                self.total[agency] += n * weight
            for agency, n in item.failed.items():
                self.failed[agency] += n * weight
                if error:
                    self.errors[agency] += n
            return
        self.total[group] += item.total.total() * weight
        failed = item.failed.total()
        self.failed[group] += failed * weight
        if error:
            self.errors[group] += failed

    def score(self, group: Any) -> Score:
        return Score(self.total[group] - self.failed[group], self.total[group], self.errors[group])

    def scores(self) -> dict[str, Score]:
        groups = {g for g, n in self.total.items() if n} | {g for g, n in self.errors.items() if n}
        return {g: self.score(g) for g in sorted(g for g in groups if g is not None)}


def _scores(
    counts: Iterable[OutcomeCount],
) -> tuple[Score, dict[str, Score], dict[str, Score], Score]:
    """Overall, by layer and by agency (legal rules), and conventions overall."""
    overall, layers, agencies, conventions = _Tally(), _Tally(), _Tally(), _Tally()
    for item in counts:
        if item.outcome.category == CONVENTION:
            conventions.add("*", item, by_agency=False)
            continue
        overall.add("*", item, by_agency=False)
        layers.add(item.outcome.layer, item, by_agency=False)
        agencies.add(None, item, by_agency=True)
    return overall.score("*"), layers.scores(), agencies.scores(), conventions.score("*")


def readiness(
    now: list[ViewOutcome],
    horizon: list[ViewOutcome],
    waived: set[tuple[str, str]],
    agencies: Mapping[str, str | None],
) -> Readiness:
    """Readiness from the outcomes of both views; ``waived`` holds (rule, subject) pairs
    (subject ``"*"`` for the model); ``agencies`` gives each subject's agency."""
    waived_by_rule: dict[str, set[str]] = {}
    for rule, subject in waived:
        waived_by_rule.setdefault(rule, set()).add(subject)
    return readiness_of(
        [count(_waived_out(o, waived_by_rule), agencies) for o in now],
        [count(_waived_out(o, waived_by_rule), agencies) for o in horizon],
    )


def readiness_of(now: list[OutcomeCount], horizon: list[OutcomeCount]) -> Readiness:
    """Readiness from counted outcomes of both views."""
    overall, by_layer, by_agency, conventions = _scores(now)
    overall_horizon, by_layer_horizon, by_agency_horizon, conventions_horizon = _scores(horizon)
    return Readiness(
        overall=overall,
        overall_horizon=overall_horizon,
        by_layer=by_layer,
        by_layer_horizon=by_layer_horizon,
        by_agency=by_agency,
        by_agency_horizon=by_agency_horizon,
        conventions=conventions,
        conventions_horizon=conventions_horizon,
    )
