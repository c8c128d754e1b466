"""Problems and findings as LSP diagnostics, file by file."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from lsprotocol import types

from eakit.diagnostics import Diagnostic, Severity
from eakit.findings import Finding
from eakit.loader.files import MANIFEST
from eakit.lsp.words import Lang
from eakit.lsp.yamltext import word_range
from eakit.messages import in_lang
from eakit.urls import rule_page

SOURCE = "eakit"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# The lines of a file (split once per publication: a file may carry hundreds of findings).
LinesOf = Callable[[str], list[str] | None]


_QUOTED = re.compile(r"'([^'\n]+)'")


def span(text: str | list[str] | None, line: int, col: int, message: str = "") -> types.Range:
    """The range of the word at 1-based ``line``:``col`` of ``text`` (a whole-line start
    when the text is unknown). A problem located at a key whose message quotes a value
    written after it on the line (``owner: so-tt-t``) spans that value: it is what a fix
    replaces."""
    row, char = max(line - 1, 0), max(col - 1, 0)
    lines = text.splitlines() if isinstance(text, str) else (text or [])
    if row < len(lines):
        start, end = word_range(lines[row], char)
        is_key = lines[row][end:].lstrip(" \t").startswith(":")
        if is_key and not message.startswith("unknown key"):
            for value in _QUOTED.findall(message):
                at = _find_word(lines[row], value, end)
                if at is not None:
                    return types.Range(
                        types.Position(row, at), types.Position(row, at + len(value))
                    )
        if end > start:
            return types.Range(types.Position(row, start), types.Position(row, end))
        return types.Range(types.Position(row, char), types.Position(row, len(lines[row])))
    return types.Range(types.Position(row, char), types.Position(row, char))


def _find_word(line: str, value: str, after: int) -> int | None:
    """Where ``value`` is written as a whole word in ``line`` after ``after``."""
    at = line.find(value, after)
    while at >= 0:
        bounds = word_range(line, at)
        if bounds == (at, at + len(value)):
            return at
        at = line.find(value, at + 1)
    return None


def from_problem(
    problem: Diagnostic,
    lines: list[str] | None,
    uri_of: Callable[[str], str],
    lines_of: LinesOf,
    lang: str = "vi",
) -> types.Diagnostic:
    """A load problem (YAML, fields, references) as an LSP diagnostic, its message in
    ``lang``; the English message rides along in ``data`` for the quick fixes to read."""
    where = problem.location
    message = in_lang(problem.message, lang)
    english = in_lang(problem.message, "en")
    related = [
        types.DiagnosticRelatedInformation(
            types.Location(uri_of(other.file), span(lines_of(other.file), other.line, other.col)),
            message,
        )
        for other in problem.related
    ]
    return types.Diagnostic(
        range=span(lines, where.line, where.col, english),
        message=message,
        severity=_SEVERITY[problem.severity],
        code=problem.code,
        source=SOURCE,
        related_information=related or None,
        data={"problem": problem.code, "en": english},
    )


def from_finding(finding: Finding, lines: list[str] | None, lang: Lang) -> types.Diagnostic:
    """A rule finding as an LSP diagnostic, linked to its rule's page."""
    where = finding.location
    title = finding.title_en if lang == "en" and finding.title_en else finding.title
    line, col = (where.line, where.col) if where is not None else (1, 1)
    return types.Diagnostic(
        range=span(lines, line, col),
        message=f"{title}: {finding.message}",
        severity=_SEVERITY[finding.severity],
        code=finding.rule_id,
        code_description=types.CodeDescription(href=rule_page(finding.rule_id)),
        source=SOURCE,
        data={"rule": finding.rule_id, "component": finding.component},
    )


Item = Diagnostic | Finding


def grouped(
    problems: Iterable[Diagnostic], findings: Iterable[Finding], files: set[str] | None = None
) -> dict[str, list[Item]]:
    """The problems and active findings of each file (only ``files`` when given); a
    finding on the whole model goes to the manifest."""
    found: dict[str, list[Item]] = defaultdict(list)
    for problem in problems:
        rel = problem.location.file
        if files is None or rel in files:
            found[rel].append(problem)
    for finding in findings:
        if finding.waived is not None:
            continue
        rel = finding.location.file if finding.location is not None else MANIFEST
        if files is None or rel in files:
            found[rel].append(finding)
    return dict(found)


def signature(items: list[Item]) -> tuple[object, ...]:
    """What the diagnostics of ``items`` say (equal signatures, equal diagnostics for the
    same text): a file whose signature did not change need not be published again."""
    return tuple(
        (item.location, item.message, item.code, item.severity)
        if isinstance(item, Diagnostic)
        else (item.location, item.message, item.rule_id, item.severity, item.title)
        for item in items
    )


def convert(
    items: list[Item], lines_of: LinesOf, uri_of: Callable[[str], str], lang: Lang
) -> list[types.Diagnostic]:
    """``items`` of one file as LSP diagnostics."""
    converted = []
    for item in items:
        if isinstance(item, Diagnostic):
            rel = item.location.file
            converted.append(from_problem(item, lines_of(rel), uri_of, lines_of, lang))
        else:
            rel = item.location.file if item.location is not None else MANIFEST
            converted.append(from_finding(item, lines_of(rel), lang))
    return converted
