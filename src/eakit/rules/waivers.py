"""Waivers: accepted deviations that mark findings as waived until they expire.

A waiver names a rule (id or glob), a component (id or glob), a reason, an owner and an
expiry date. It applies while the real current date is on or before ``expires`` (a
check of a past or future date does not bring an expired waiver back or expire a live
one); an expired waiver applies no more and is reported (warning), and one that matched
no finding is reported too (info), so a suppression never fails silently.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.findings import Finding, Waived
from eakit.messages import date_words, say
from eakit.rules.sources import RuleConfigError, read_validated


def current_date() -> dt.date:
    """Today's date (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set, so that a
    reproducible build judges waivers as of a fixed day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()


@dataclass(frozen=True)
class Waiver:
    """One entry of a waivers file."""

    rule: str
    component: str
    reason: str
    owner: str
    expires: dt.date
    location: Location

    def matches(self, finding: Finding) -> bool:
        """Whether this waiver covers a finding (globs allowed on both keys)."""
        return fnmatchcase(finding.rule_id, self.rule) and fnmatchcase(
            finding.component or "*", self.component
        )


def load_waivers(path: Path, model_root: Path) -> list[Waiver]:
    """Read and validate a waivers file; raises :class:`RuleConfigError` when malformed."""
    display = Path(os.path.relpath(path, model_root)).as_posix()
    if not path.is_file():
        raise RuleConfigError(
            [Diagnostic(Location(display), say("waivers.not_found"), code="waivers")]
        )
    source = read_validated(path, display, "waivers.schema.json", "waivers")
    problems = []
    waivers = []
    for index, raw in enumerate(source.data["waivers"]):
        try:
            expires = dt.date.fromisoformat(raw["expires"])
        except ValueError:
            problems.append(
                Diagnostic(
                    source.at("waivers", index, "expires"),
                    say("waivers.bad_date", value=raw["expires"]),
                    code="waivers",
                )
            )
            continue
        waivers.append(
            Waiver(
                rule=raw["rule"],
                component=raw["component"],
                reason=" ".join(raw["reason"].split()),
                owner=raw["owner"],
                expires=expires,
                location=source.at("waivers", index),
            )
        )
    if problems:
        raise RuleConfigError(problems)
    return waivers


def apply_waivers(
    findings: list[Finding], waivers: list[Waiver], today: dt.date, rules_run: list[str]
) -> tuple[list[Finding], list[Diagnostic]]:
    """Mark findings covered by an unexpired waiver; report expired and unused waivers.

    Expiry is judged at ``today``, the real current date (:func:`current_date`), not the
    check date: a waiver is a decision taken now, and checking the model at another date
    does not change whether it still holds. A waiver is reported unused only when one of
    the rules it names ran (``--select`` does not make every other waiver look stale).
    """
    notes: list[Diagnostic] = []
    used: set[int] = set()
    result = []
    for finding in findings:
        for index, waiver in enumerate(waivers):
            if waiver.expires >= today and waiver.matches(finding):
                used.add(index)
                finding = finding._replace(
                    waived=Waived(waiver.reason, waiver.owner, waiver.expires, waiver.location)
                )
                break
        result.append(finding)
    for index, waiver in enumerate(waivers):
        if waiver.expires < today:
            notes.append(
                Diagnostic(
                    waiver.location,
                    say(
                        "waivers.expired",
                        rule=waiver.rule,
                        component=waiver.component,
                        date=date_words(waiver.expires),
                        owner=waiver.owner,
                    ),
                    code="waiver-expired",
                    severity=Severity.WARNING,
                )
            )
        elif index not in used and any(fnmatchcase(r, waiver.rule) for r in rules_run):
            notes.append(
                Diagnostic(
                    waiver.location,
                    say("waivers.unused", rule=waiver.rule, component=waiver.component),
                    code="waiver-unused",
                    severity=Severity.INFO,
                )
            )
    return result, notes
