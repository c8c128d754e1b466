"""Rule ids the user names (``--select``, ``--ignore``, a waiver's ``rule``) must name rules.

A pattern that matches no rule is a typo: ``--select APP-01`` would select nothing and let
CI pass a model with errors, and a waiver for ``GOV-02`` would never apply. Both are
refused (exit code 2) with the closest rule id as a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from eakit.diagnostics import Diagnostic
from eakit.messages import did_you_mean, joined_by, say
from eakit.rules.waivers import Waiver


class RuleSelectionError(ValueError):
    """``--select`` or ``--ignore`` names no rule of the packs (exit code 2)."""


_RULE_ID = re.compile(r"([A-Za-z]+)-?0*(\d+)")


def _suggest(pattern: str, ids: Sequence[str]) -> str:
    """The rule id the user most likely meant: the same prefix and number written
    differently (``gov-2``, ``GOV-02`` → ``GOV-002``), else the closest spelling."""
    wanted = _RULE_ID.fullmatch(pattern)
    if wanted is not None:
        for rule_id in ids:
            known = _RULE_ID.fullmatch(rule_id)
            if known is not None and (known[1].upper(), int(known[2])) == (
                wanted[1].upper(),
                int(wanted[2]),
            ):
                return say("hint.did_you_mean", option=rule_id)
    return did_you_mean(pattern, ids)


def _matches_none(pattern: str, ids: Sequence[str]) -> bool:
    return not any(fnmatchcase(rule_id, pattern) for rule_id in ids)


def check_options(select: Iterable[str], ignore: Iterable[str], ids: Sequence[str]) -> None:
    """Raise :class:`RuleSelectionError` naming every pattern that matches no rule id."""
    problems = [
        say("rules.no_match", option=option, pattern=pattern, hint=_suggest(pattern, ids))
        for option, patterns in (("--select", select), ("--ignore", ignore))
        for pattern in patterns
        if _matches_none(pattern, ids)
    ]
    if problems:
        raise RuleSelectionError(joined_by(problems, "; "))


def unknown_waiver_rules(waivers: Iterable[Waiver], ids: Sequence[str]) -> list[Diagnostic]:
    """An error at each waiver whose ``rule`` matches no rule id."""
    return [
        Diagnostic(
            waiver.location,
            say("rules.waiver_no_match", rule=waiver.rule, hint=_suggest(waiver.rule, ids)),
            code="waivers",
        )
        for waiver in waivers
        if _matches_none(waiver.rule, ids)
    ]
