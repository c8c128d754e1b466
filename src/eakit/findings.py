"""Findings of the rule engine and the result of a check: the one source of truth that
every renderer (text, JSON, SARIF, JUnit, Excel, site, diagram badges) reads."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from eakit.diagnostics import Diagnostic, Location, Severity


@dataclass(frozen=True, slots=True)
class Basis:
    """A legal or normative basis of a rule, as it applies at the check date."""

    document: str  # e.g. "Nghị định 85/2016/NĐ-CP"
    article: str | None = None
    date: str | None = None  # ISO date of the document
    title: str | None = None
    # verified: the article's quote was read in a published text; low: it was not (or no
    # article is cited), shown as "chưa đối chiếu với văn bản" / "unverified".
    confidence: str = "verified"
    quote: str = ""  # verbatim Vietnamese excerpt of the article
    url: str = ""  # where the quote (or else the document) can be read
    doc_id: str = ""  # registry id of the document

    def __str__(self) -> str:
        return f"{self.document}, {self.article}" if self.article else self.document

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "article": self.article,
            "date": self.date,
            "confidence": self.confidence,
            "quote": self.quote or None,
            "url": self.url or None,
        }


@dataclass(frozen=True, slots=True)
class Waived:
    """Why a finding is accepted: the waiver that matched it."""

    reason: str
    owner: str
    expires: dt.date
    location: Location | None = None


class Finding(NamedTuple):
    """One rule violation on one component (or on the model as a whole); immutable
    (``_replace`` makes a changed copy).

    A named tuple rather than a frozen dataclass: a national check makes 150,000
    findings, and a tuple is made five times as fast.
    """

    rule_id: str
    severity: Severity
    message: str
    component: str | None
    location: Location | None
    layer: str
    title: str
    title_en: str
    basis: tuple[Basis, ...] = ()
    remediation: str = ""
    agency: str | None = None
    waived: Waived | None = None

    @property
    def id(self) -> str:
        """Stable finding id, ``RULE@component`` (waivers and trackers key on it)."""
        return f"{self.rule_id}@{self.component or '*'}"

    @property
    def active(self) -> bool:
        """A finding counts towards exit codes and scores unless it is waived."""
        return self.waived is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message,
            "component": self.component,
            "agency": self.agency,
            "layer": self.layer,
            "title": self.title,
            "title_en": self.title_en,
            "location": self.location.to_dict() if self.location else None,
            "basis": [b.to_dict() for b in self.basis],
            "remediation": self.remediation,
            "waived": (
                {
                    "reason": self.waived.reason,
                    "owner": self.waived.owner,
                    "expires": self.waived.expires.isoformat(),
                }
                if self.waived
                else None
            ),
        }


@dataclass(frozen=True, slots=True)
class Score:
    """Readiness as severity-weighted points met over points applicable (see
    ``docs/scoring.md``): ``ratio`` is 0..1, ``None`` when nothing applies; ``errors``
    counts the failed checks of error severity that stand (not waived), and any of them
    makes the status *not met* whatever the ratio."""

    passed: int
    total: int
    errors: int = 0

    @property
    def ratio(self) -> float | None:
        return self.passed / self.total if self.total else None

    @property
    def status(self) -> str | None:
        """``"not_met"`` (an error stands), ``"met_with_warnings"`` (no error stands but
        some weight is not met), ``"met"`` (everything met) or ``None`` (nothing
        applies)."""
        if self.errors:
            return "not_met"
        if not self.total:
            return None
        return "met" if self.passed == self.total else "met_with_warnings"

    def to_dict(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "passed": self.passed,
            "total": self.total,
            "ratio": None if ratio is None else round(ratio, 4),
            "errors": self.errors,
            "status": self.status,
        }


NO_SCORE = Score(0, 0)


@dataclass(frozen=True, slots=True)
class Readiness:
    """Readiness now (as-of) and at the horizon against legal requirements, overall, per
    layer and per agency; conventions (rules of ``category: convention``) scored apart,
    overall only."""

    overall: Score
    overall_horizon: Score
    by_layer: dict[str, Score] = field(default_factory=dict)
    by_layer_horizon: dict[str, Score] = field(default_factory=dict)
    by_agency: dict[str, Score] = field(default_factory=dict)
    by_agency_horizon: dict[str, Score] = field(default_factory=dict)
    conventions: Score = NO_SCORE
    conventions_horizon: Score = NO_SCORE

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "overall_horizon": self.overall_horizon.to_dict(),
            "by_layer": {k: v.to_dict() for k, v in sorted(self.by_layer.items())},
            "by_layer_horizon": {k: v.to_dict() for k, v in sorted(self.by_layer_horizon.items())},
            "by_agency": {k: v.to_dict() for k, v in sorted(self.by_agency.items())},
            "by_agency_horizon": {
                k: v.to_dict() for k, v in sorted(self.by_agency_horizon.items())
            },
            "conventions": self.conventions.to_dict(),
            "conventions_horizon": self.conventions_horizon.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule as it applied in a check (for catalogue sheets and the rule reference)."""

    id: str
    title: str
    title_en: str
    severity: Severity
    layer: str
    pack: str
    basis: tuple[Basis, ...]
    rationale: str
    remediation: str
    help_uri: str = ""  # the rule's page in the generated rule reference (docs/rules/)
    note: str = ""  # why the rule does not apply (for rules listed as not applicable)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "title_en": self.title_en,
            "severity": self.severity.value,
            "layer": self.layer,
            "pack": self.pack,
            "basis": [b.to_dict() for b in self.basis],
            "help_uri": self.help_uri,
            "note": self.note,
        }


class _ScoredWhenRead:
    """The readiness field of a result: a value, or scored when first read (a text
    report shows no readiness, and scoring a national model takes half a second)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._key = f"_{name}"

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> None: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Readiness | None: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Readiness | None:
        if obj is None:
            return None  # the field's default
        value = obj.__dict__.get(self._key)
        if callable(value):
            value = obj.__dict__[self._key] = value()
        return value

    def __set__(self, obj: object, value: Readiness | Callable[[], Readiness] | None) -> None:
        obj.__dict__[self._key] = value


@dataclass
class CheckResult:
    """Everything a check produced."""

    as_of: dt.date
    framework: str
    packs: list[str]
    findings: list[Finding] = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)
    # Set it to a function to score the readiness only if it is read.
    readiness: _ScoredWhenRead = _ScoredWhenRead()
    notes: list[Diagnostic] = field(default_factory=list)  # waiver and config problems
    not_applicable: list[RuleInfo] = field(default_factory=list)  # no basis in force
    # rule id -> the components it was evaluated on ("*" for a model-wide rule without a
    # province component): JUnit writes one test case per rule x component from it.
    # The components each rule judged (sorted ids; '*' for the model), by rule id.
    subjects: Mapping[str, list[str]] = field(default_factory=dict)

    def active(self) -> list[Finding]:
        """Findings that are not waived."""
        return [f for f in self.findings if f.active]

    def counts(self) -> dict[str, int]:
        """Active findings by severity, plus the number waived."""
        # Counted by the C counter: a national check has 150,000 findings.
        found = Counter(f.severity if f.active else None for f in self.findings)
        counts = {s.value: found[s] for s in Severity}
        counts["waived"] = found[None]
        return counts

    def worst(self) -> Severity | None:
        """The most serious severity among active findings and notes."""
        severities = {f.severity for f in self.findings if f.active}
        severities.update(n.severity for n in self.notes)
        return max(severities, key=lambda s: s.rank) if severities else None
