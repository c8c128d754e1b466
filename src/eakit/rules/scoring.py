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

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from eakit.findings import Readiness, Score


class Outcome(NamedTuple):
    """The result of one rule on one subject in one view (a tuple: a national model has
    millions)."""

    rule: str
    layer: str
    subject: str | None
    agency: str | None
    passed: bool


def _scores(outcomes: Iterable[Outcome], key: str) -> dict[str, Score]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        group = outcome.layer if key == "layer" else outcome.agency
        if group is None:
            continue
        counts[group][0] += outcome.passed
        counts[group][1] += 1
    return {group: Score(p, t) for group, (p, t) in sorted(counts.items())}


def _overall(outcomes: list[Outcome]) -> Score:
    return Score(sum(o.passed for o in outcomes), len(outcomes))


def readiness(
    now: list[Outcome], horizon: list[Outcome], waived: set[tuple[str, str]]
) -> Readiness:
    """Readiness from the outcomes of both views; ``waived`` holds (rule, subject) pairs."""

    def counted(outcomes: list[Outcome]) -> list[Outcome]:
        return [o for o in outcomes if (o.rule, o.subject or "*") not in waived]

    now, horizon = counted(now), counted(horizon)
    return Readiness(
        overall=_overall(now),
        overall_horizon=_overall(horizon),
        by_layer=_scores(now, "layer"),
        by_layer_horizon=_scores(horizon, "layer"),
        by_agency=_scores(now, "agency"),
        by_agency_horizon=_scores(horizon, "agency"),
    )
