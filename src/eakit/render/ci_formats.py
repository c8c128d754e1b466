"""CI outputs of a check: SARIF 2.1.0 (code-scanning tools) and JUnit XML (test reports).

Both render the same :class:`eakit.findings.CheckResult` as the text and JSON outputs.
Paths are relative to a base folder under the ``%SRCROOT%`` base: the git top-level folder
of the model (the repository root a code-scanning upload resolves paths against), the
current folder outside a repository, or the folder given as ``--base-path``; so the files
are byte-identical on every machine.

A SARIF log keeps within GitHub code scanning's documented limits (25,000 results per run,
1,000 locations per result; eakit writes one location per result): over the result limit,
the most serious active findings are kept and a notification says how many were left out.

Model text is untrusted: the JUnit file holds only characters XML 1.0 allows (others
are written as ``\\x1b`` escapes, see :func:`eakit.text.for_xml`), and the SARIF file
writes the characters a terminal acts on as JSON ``\\u`` escapes.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from eakit import __version__
from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.findings import CheckResult, Finding, RuleInfo
from eakit.graph import ModelGraph
from eakit.jsontext import STREAMED, pretty_chunks
from eakit.messages import say
from eakit.render.dates import shown
from eakit.text import for_xml, json_neutral
from eakit.urls import DOCS_URL, rule_page

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
#: The project's documentation site; each rule's page is ``rules/<ID>.html`` below it
#: (``docs/rules/<ID>.md`` built with ``use_directory_urls: false``).
INFORMATION_URI = DOCS_URL
TRUNCATED_CODE = "sarif-truncated"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class SarifLimits(BaseModel):
    """How much one SARIF run may hold (GitHub code scanning rejects larger uploads)."""

    model_config = ConfigDict(frozen=True)

    max_results: int = Field(default=25_000, ge=1)


GITHUB_LIMITS = SarifLimits()

_TRUNCATED = {
    "vi": (
        "Tệp SARIF chỉ giữ {kept} trong {total} phát hiện (GitHub code scanning nhận tối đa "
        "{limit} kết quả mỗi lần chạy): {left} phát hiện ít nghiêm trọng hơn bị bỏ ra. "
        "Thu hẹp lần kiểm tra bằng --select (chọn quy tắc) hoặc --ignore, hoặc sửa các lỗi "
        "trước; --fail-on quyết định mức độ nào làm CI thất bại."
    ),
    "en": (
        "The SARIF file keeps {kept} of {total} findings (GitHub code scanning accepts at most "
        "{limit} results per run): {left} less serious findings were left out. "
        "Narrow the run with --select (rule ids) or --ignore, or fix the errors first; "
        "--fail-on decides which severity fails CI."
    ),
}


def help_uri(rule_id: str) -> str:
    """The address of a rule's page on the documentation site."""
    return rule_page(rule_id)


def repository_root(model_dir: Path) -> Path:
    """The git top-level folder holding ``model_dir`` (the nearest parent with a ``.git``
    entry: a folder, or a file in a worktree or submodule), else the current folder."""
    start = Path(model_dir).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return Path.cwd()


def sarif_selection(findings: list[Finding], limits: SarifLimits) -> tuple[list[Finding], int]:
    """The findings a SARIF run holds, in their order, and how many were left out: over
    the limit, active findings before waived ones, then the most serious first."""
    if len(findings) <= limits.max_results:
        return findings, 0
    order = sorted(
        range(len(findings)),
        key=lambda i: (not findings[i].active, _RANK[findings[i].severity], i),
    )
    keep = sorted(order[: limits.max_results])
    return [findings[i] for i in keep], len(findings) - len(keep)


def truncation_note(total: int, limits: SarifLimits, lang: str = "vi") -> str:
    """The message saying a SARIF run was cut to ``limits`` (Vietnamese or English)."""
    kept = min(total, limits.max_results)
    template = _TRUNCATED["en" if lang == "en" else "vi"]
    return template.format(kept=kept, total=total, limit=limits.max_results, left=total - kept)


def _uri(base: Path, model_dir: Path, location: Location | None) -> tuple[str, int, int]:
    """The file of a location relative to ``base``, with line and column."""
    location = location or Location("eakit.yaml")
    path = Path(os.path.abspath(Path(model_dir) / location.file))
    text = os.path.relpath(path, base)
    return Path(text).as_posix(), location.line, location.col


def _physical(base: Path, model_dir: Path, location: Location | None) -> dict[str, Any]:
    uri, line, col = _uri(base, model_dir, location)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
            "region": {"startLine": line, "startColumn": col},
        }
    }


def _word(key: str, lang: str, **values: object) -> str:
    return say(f"ci.{key}", **values).lang(lang)


def _basis_text(rule: RuleInfo | Finding, lang: str) -> str:
    parts = []
    for basis in rule.basis:
        text = str(basis)
        if basis.confidence == "low":
            text += f" ({_word('unverified', lang)})"
        parts.append(text)
    return "; ".join(parts)


def _basis_help(rule: RuleInfo, lang: str) -> tuple[str, str]:
    """The basis of a rule for its help: each citation with the article's quote and where
    it was read, or openly unverified (plain text, Markdown), in ``lang``."""
    texts, marks = [], []
    source = _word("source", lang)
    for basis in rule.basis:
        if basis.confidence == "low" or not basis.quote:
            mark = _word("unverified_long", lang)
            texts.append(f"- {basis} [{mark}]" + (f" <{basis.url}>" if basis.url else ""))
            marks.append(
                f"- {basis} — **{mark}**" + (f" ([{source}]({basis.url}))" if basis.url else "")
            )
            continue
        mark = _word("verified_long", lang)
        texts.append(f"- {basis} [{mark}]: “{basis.quote}” <{basis.url}>")
        marks.append(f"- {basis} — {mark}\n\n  > “{basis.quote}” ([{source}]({basis.url}))")
    return "\n".join(texts), "\n".join(marks)


def _rule_descriptor(rule: RuleInfo, lang: str) -> dict[str, Any]:
    basis_text, basis_markdown = _basis_help(rule, lang)
    title = rule.title_en if lang == "en" else rule.title
    basis_word = _word("basis", lang)
    see = _word("see", lang, page=f"[{rule.id}]({help_uri(rule.id)})")
    return {
        "id": rule.id,
        # An identifier (SARIF: a stable name), not words: from the English title.
        "name": "".join(w.capitalize() for w in rule.title_en.replace("-", " ").split()[:8]),
        "shortDescription": {"text": title},
        "fullDescription": {"text": f"{title}. {rule.rationale}"},
        "helpUri": help_uri(rule.id),
        "help": {
            "text": f"{rule.remediation}\n{basis_word}:\n{basis_text}",
            "markdown": f"**{title}**\n\n{rule.remediation}\n\n*{basis_word}:*\n\n"
            f"{basis_markdown}\n\n{see}",
        },
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"layer": rule.layer, "pack": rule.pack, "tags": [rule.layer, rule.pack]},
    }


def _result(
    base: Path, model_dir: Path, finding: Finding, index: dict[str, int], lang: str
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_physical(base, model_dir, finding.location)],
        "partialFingerprints": {"eakitFindingId/v1": finding.id},
        "properties": {
            "component": finding.component,
            "agency": finding.agency,
            "layer": finding.layer,
            "basis": _basis_text(finding, lang),
        },
    }
    if finding.component:
        result["locations"][0]["logicalLocations"] = [{"name": finding.component, "kind": "module"}]
    if finding.waived is not None:
        waived = finding.waived
        suppression: dict[str, Any] = {
            "kind": "external",
            "status": "accepted",
            "justification": _word(
                "waived",
                lang,
                reason=waived.reason,
                owner=waived.owner,
                expires=shown(waived.expires, lang),
            ),
        }
        if waived.location is not None:
            suppression["location"] = _physical(base, model_dir, waived.location)
        result["suppressions"] = [suppression]
    return result


def _notification(base: Path, model_dir: Path, note: Diagnostic) -> dict[str, Any]:
    return {
        "level": _LEVELS[note.severity],
        "message": {"text": note.message},
        "locations": [_physical(base, model_dir, note.location)],
        "descriptor": {"id": note.code},
    }


class _Options(BaseModel):
    # What a SARIF rendering needs besides the check: the base of its paths and its limits.
    model_config = ConfigDict(frozen=True)

    base: Path
    limits: SarifLimits
    lang: str


def _options(model_dir: Path, base: Path | None, limits: SarifLimits | None, lang: str) -> _Options:
    root = Path(os.path.abspath(base)) if base is not None else repository_root(model_dir)
    return _Options(base=root, limits=limits or GITHUB_LIMITS, lang=lang)


def sarif_payload(
    graph: ModelGraph,
    model_dir: Path,
    result: CheckResult,
    *,
    base: Path | None = None,
    limits: SarifLimits | None = None,
    lang: str = "vi",
) -> dict[str, Any]:
    """The SARIF 2.1.0 log of a check as a dictionary (see :func:`sarif_chunks`)."""
    options = _options(model_dir, base, limits, lang)
    payload, index, kept = _sarif_frame(graph, model_dir, result, options)
    payload["runs"][0]["results"] = [
        _result(options.base, model_dir, f, index, options.lang) for f in kept
    ]
    return payload


def _sarif_frame(
    graph: ModelGraph, model_dir: Path, result: CheckResult, options: _Options
) -> tuple[dict[str, Any], dict[str, int], list[Finding]]:
    # The log with the streamed-list marker for its results, the rule index, and the
    # findings the run holds.
    rules = sorted(result.rules, key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    base = options.base
    kept, left_out = sarif_selection(result.findings, options.limits)
    notifications = [_notification(base, model_dir, n) for n in result.notes]
    if left_out:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": truncation_note(len(result.findings), options.limits, options.lang)
                },
                "descriptor": {"id": TRUNCATED_CODE},
                "properties": {
                    "total": len(result.findings),
                    "kept": len(kept),
                    "leftOut": left_out,
                    "maxResults": options.limits.max_results,
                },
            }
        )
    payload = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eakit",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule_descriptor(r, options.lang) for r in rules],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": STREAMED,
                "properties": {
                    "architecture": graph.architecture.id,
                    "asOf": result.as_of.isoformat(),
                    "framework": result.framework,
                    "packs": result.packs,
                    "notApplicable": [r.id for r in result.not_applicable],
                },
            }
        ],
    }
    return payload, index, kept


def sarif_chunks(
    graph: ModelGraph,
    model_dir: Path,
    result: CheckResult,
    *,
    base: Path | None = None,
    limits: SarifLimits | None = None,
    lang: str = "vi",
) -> Iterator[bytes]:
    """The SARIF text of a check (as :func:`sarif`), piece by piece: a national model's
    results are never all held as dictionaries at once.

    Paths are relative to ``base`` (default: :func:`repository_root` of the model); a run
    holds at most ``limits.max_results`` results (default: GitHub's), with a
    ``sarif-truncated`` notification when findings were left out."""
    options = _options(model_dir, base, limits, lang)
    payload, index, kept = _sarif_frame(graph, model_dir, result, options)
    chunks = pretty_chunks(
        payload, kept, lambda f: _result(options.base, model_dir, f, index, options.lang)
    )
    return map(json_neutral, chunks)


def sarif(
    graph: ModelGraph,
    model_dir: Path,
    result: CheckResult,
    *,
    base: Path | None = None,
    limits: SarifLimits | None = None,
    lang: str = "vi",
) -> str:
    """The check result as SARIF 2.1.0 JSON text."""
    chunks = sarif_chunks(graph, model_dir, result, base=base, limits=limits, lang=lang)
    return b"".join(chunks).decode("utf-8")


def junit(
    graph: ModelGraph,
    model_dir: Path,
    result: CheckResult,
    *,
    base: Path | None = None,
    lang: str = "vi",
) -> str:
    """The check result as JUnit XML: one test suite per rule, one test case per rule x
    component it was evaluated on; active findings fail, waived ones are skipped. File
    paths are relative to ``base`` (default: :func:`repository_root` of the model)."""
    root_dir = Path(os.path.abspath(base)) if base is not None else repository_root(model_dir)
    by_id = {f.id: f for f in result.findings}
    root = ET.Element("testsuites", name=f"eakit {graph.architecture.id}")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for rule in sorted(result.rules, key=lambda r: r.id):
        title = rule.title_en if lang == "en" else rule.title
        suite = ET.SubElement(root, "testsuite", name=f"{rule.id} {title}")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for subject in result.subjects.get(rule.id, []):
            counts["tests"] += 1
            case = ET.SubElement(
                suite, "testcase", classname=f"eakit.{rule.pack}.{rule.id}", name=subject
            )
            finding = by_id.get(f"{rule.id}@{subject}")
            if finding is None:
                continue
            uri, line, col = _uri(root_dir, model_dir, finding.location)
            if finding.waived is not None:
                counts["skipped"] += 1
                ET.SubElement(
                    case, "skipped", message=_word("skipped", lang, reason=finding.waived.reason)
                )
            else:
                counts["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", message=finding.message, type=finding.severity.value
                )
                severity = say(f"severity.{finding.severity.value}").lang(lang).upper()
                lines = [
                    f"{uri}:{line}:{col}: {severity} {finding.rule_id} {finding.message}",
                    f"{_word('remediation', lang)}: {finding.remediation}",
                ]
                if finding.basis:
                    lines.append(f"{_word('basis', lang)}: {_basis_text(finding, lang)}")
                failure.text = "\n".join(lines)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    # ElementTree writes any character it is given; the markup it adds is plain ASCII,
    # so cleaning the whole text cleans exactly the model's.
    text = for_xml(ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
