"""Compiler-style text output of a check.

Every line passes through :func:`eakit.text.for_terminal`: names, messages and file
names come from the model, and a control character in them must not act on the
terminal or CI log that shows the line.
"""

from __future__ import annotations

from pathlib import Path

from eakit.diagnostics import Severity
from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.messages import date_words, in_lang, say
from eakit.render.judged import rules_of
from eakit.render.paths import PathDisplay
from eakit.text import for_terminal


def render_text(graph: ModelGraph, model_dir: Path, result: CheckResult, lang: str = "vi") -> str:
    """Findings like a compiler's: ``path:line:col: SEVERITY RULE-ID message``, then a
    summary; eakit's own words in ``lang`` (the findings' messages are in the language
    the check was run in)."""
    shown = PathDisplay(model_dir)
    lines = []
    for note in result.notes:
        label = severity_label(note.severity, lang)
        message = in_lang(note.message, lang)
        lines.append(for_terminal(f"{shown(note.location)}: {label} {note.code} {message}"))
    line = FindingLines(model_dir, lang)
    lines.extend(line(finding) for finding in result.findings)
    lines.append(summary_line(graph, result, lang))
    return "\n".join(lines) + "\n"


def severity_label(severity: Severity, lang: str) -> str:
    """``ERROR``, ``WARNING``, ``INFO`` (``LỖI``, ...) as a finding line names them."""
    return say(f"severity.{severity.value}").lang(lang).upper()


class FindingLines:
    """Findings as lines ``path:line:col: SEVERITY RULE-ID message``; a national model
    has 150,000, so each piece of a line is worked out once, not once a line."""

    def __init__(self, model_dir: Path, lang: str = "vi") -> None:
        self._where = PathDisplay(model_dir)
        self._nowhere = model_dir.as_posix()
        self._labels = {severity: severity_label(severity, lang) for severity in Severity}
        self._waived = say("text.waived", reason="{reason}").lang(lang)

    def __call__(self, finding: Finding) -> str:
        where = self._where(finding.location) if finding.location else self._nowhere
        waived = self._waived.format(reason=finding.waived.reason) if finding.waived else ""
        return for_terminal(
            f"{where}: {self._labels[finding.severity]} {finding.rule_id} {finding.message}{waived}"
        )


def finding_line(model_dir: Path, finding: Finding, lang: str = "vi") -> str:
    """One finding: ``path:line:col: SEVERITY RULE-ID message``."""
    return FindingLines(model_dir, lang)(finding)


def summary_line(graph: ModelGraph, result: CheckResult, lang: str = "vi") -> str:
    """What was checked against what, and the active findings by severity."""
    return for_terminal(
        say(
            "text.summary",
            id=graph.architecture.id,
            count=len(graph),
            packs=rules_of(graph, result.framework, result.packs),
            date=date_words(result.as_of),
            counts=severity_counts(result, lang),
        ).lang(lang)
    )


def severity_counts(result: CheckResult, lang: str = "vi") -> str:
    """``3 errors, 1 warnings, 0 info, 2 waived``: the active findings by severity."""
    counts = result.counts()
    return say(
        "text.counts",
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        waived=counts["waived"],
    ).lang(lang)
