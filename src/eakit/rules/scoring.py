"""Readiness scores (see ``docs/scoring.md``).

Every applicable rule is evaluated on every component it applies to: one pass/fail
outcome per rule x component (a model-wide rule has one outcome for the whole model).
A score is passed / total. *Now* counts the outcomes of the as-of view (current
components); *at the horizon* those of the horizon view (current and planned
components with their planned state; retired ones excluded). Outcomes of waived
findings count neither way. Scores are given overall, per layer (the rule's layer) and
per agency (the component's agency).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eakit.findings import Readiness, Score


@dataclass(frozen=True)
class ViewOutcome:
    """The results of one rule in one view: every subject passed except ``failed``.

    Kept per rule, not per subject: a national model has millions of outcomes, and
    counting them in bulk is what makes scoring cheap.
    """

    rule: str
    layer: str
    subjects: list[str | None]
    failed: frozenset[str | None]


@dataclass
class _Tally:
    passed: Counter[str]
    total: Counter[str]

    def score(self) -> dict[str, Score]:
        return {g: Score(self.passed[g], n) for g, n in sorted(self.total.items()) if n}


def _tally(
    outcomes: Iterable[ViewOutcome],
    waived: set[tuple[str, str]],
    agencies: Mapping[str, str | None],
) -> tuple[Score, _Tally, _Tally]:
    by_layer = _Tally(Counter(), Counter())
    by_agency = _Tally(Counter(), Counter())
    waived_by_rule: dict[str, set[str]] = {}
    for rule, subject in waived:
        waived_by_rule.setdefault(rule, set()).add(subject)
    for outcome in outcomes:
        subjects = outcome.subjects
        failed = outcome.failed.intersection(subjects)
        excluded = waived_by_rule.get(outcome.rule, set())
        if excluded:
            # Waived outcomes count neither way.
            subjects = [s for s in subjects if (s or "*") not in excluded]
            failed = frozenset(s for s in failed if (s or "*") not in excluded)
        by_layer.total[outcome.layer] += len(subjects)
        by_layer.passed[outcome.layer] += len(subjects) - len(failed)
        total = Counter(map(agencies.get, subjects))
        by_agency.total.update(total)
        by_agency.passed.update(total)
        by_agency.passed.subtract(Counter(map(agencies.get, failed)))
    del by_agency.total[None]  # type: ignore[arg-type]
    del by_agency.passed[None]  # type: ignore[arg-type]
    overall = Score(sum(by_layer.passed.values()), sum(by_layer.total.values()))
    return overall, by_layer, by_agency


def readiness(
    now: list[ViewOutcome],
    horizon: list[ViewOutcome],
    waived: set[tuple[str, str]],
    agencies: Mapping[str, str | None],
) -> Readiness:
    """Readiness from the outcomes of both views; ``waived`` holds (rule, subject) pairs
    (subject ``"*"`` for the model); ``agencies`` gives each subject's agency."""
    overall, layer_now, agency_now = _tally(now, waived, agencies)
    horizon_overall, layer_later, agency_later = _tally(horizon, waived, agencies)
    return Readiness(
        overall=overall,
        overall_horizon=horizon_overall,
        by_layer=layer_now.score(),
        by_layer_horizon=layer_later.score(),
        by_agency=agency_now.score(),
        by_agency_horizon=agency_later.score(),
    )
