"""CI outputs of a check: SARIF 2.1.0 (code-scanning tools) and JUnit XML (test reports).

Both render the same :class:`eakit.findings.CheckResult` as the text and JSON outputs.
Paths are relative to the current folder (the repository root in CI) under the
``%SRCROOT%`` base, so the files are byte-identical on every machine.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eakit import __version__
from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.findings import CheckResult, Finding, RuleInfo
from eakit.graph import ModelGraph
from eakit.jsontext import STREAMED, pretty_chunks

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
INFORMATION_URI = "https://github.com/eakit/eakit"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(model_dir: Path, location: Location | None) -> tuple[str, int, int]:
    """The file of a location relative to the current folder, with line and column."""
    location = location or Location("eakit.yaml")
    path = Path(model_dir) / location.file
    text = os.path.relpath(path) if not path.is_absolute() else str(path)
    return Path(text).as_posix(), location.line, location.col


def _physical(model_dir: Path, location: Location | None) -> dict[str, Any]:
    uri, line, col = _uri(model_dir, location)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
            "region": {"startLine": line, "startColumn": col},
        }
    }


def _basis_text(rule: RuleInfo | Finding) -> str:
    parts = []
    for basis in rule.basis:
        text = str(basis)
        if basis.confidence == "low":
            text += " (unverified)"
        parts.append(text)
    return "; ".join(parts)


def _basis_help(rule: RuleInfo) -> tuple[str, str]:
    """The basis of a rule for its help: each citation with the article's quote and where
    it was read, or openly unverified (plain text, Markdown)."""
    texts, marks = [], []
    for basis in rule.basis:
        if basis.confidence == "low" or not basis.quote:
            mark = "chưa đối chiếu với văn bản / unverified"
            texts.append(f"- {basis} [{mark}]" + (f" <{basis.url}>" if basis.url else ""))
            marks.append(
                f"- {basis} — **{mark}**" + (f" ([nguồn]({basis.url}))" if basis.url else "")
            )
            continue
        mark = "đã đối chiếu với văn bản / verified"
        texts.append(f"- {basis} [{mark}]: “{basis.quote}” <{basis.url}>")
        marks.append(f"- {basis} — {mark}\n\n  > “{basis.quote}” ([nguồn]({basis.url}))")
    return "\n".join(texts), "\n".join(marks)


def _rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    basis_text, basis_markdown = _basis_help(rule)
    return {
        "id": rule.id,
        "name": "".join(w.capitalize() for w in rule.title_en.replace("-", " ").split()[:8]),
        "shortDescription": {"text": rule.title_en},
        "fullDescription": {"text": f"{rule.title}. {rule.rationale}"},
        "help": {
            "text": f"{rule.remediation}\nBasis:\n{basis_text}",
            "markdown": f"**{rule.title}**\n\n{rule.remediation}\n\n*Căn cứ / basis:*\n\n"
            f"{basis_markdown}\n\nSee `{rule.help_uri}`.",
        },
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"layer": rule.layer, "pack": rule.pack, "tags": [rule.layer, rule.pack]},
    }


def _result(model_dir: Path, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index[finding.rule_id],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_physical(model_dir, finding.location)],
        "partialFingerprints": {"eakitFindingId/v1": finding.id},
        "properties": {
            "component": finding.component,
            "agency": finding.agency,
            "layer": finding.layer,
            "basis": _basis_text(finding),
        },
    }
    if finding.component:
        result["locations"][0]["logicalLocations"] = [{"name": finding.component, "kind": "module"}]
    if finding.waived is not None:
        waived = finding.waived
        suppression: dict[str, Any] = {
            "kind": "external",
            "status": "accepted",
            "justification": f"{waived.reason} (owner: {waived.owner}, "
            f"expires {waived.expires.isoformat()})",
        }
        if waived.location is not None:
            suppression["location"] = _physical(model_dir, waived.location)
        result["suppressions"] = [suppression]
    return result


def _notification(model_dir: Path, note: Diagnostic) -> dict[str, Any]:
    return {
        "level": _LEVELS[note.severity],
        "message": {"text": note.message},
        "locations": [_physical(model_dir, note.location)],
        "descriptor": {"id": note.code},
    }


def sarif_payload(graph: ModelGraph, model_dir: Path, result: CheckResult) -> dict[str, Any]:
    """The SARIF 2.1.0 log of a check as a dictionary."""
    payload, index = _sarif_frame(graph, model_dir, result)
    payload["runs"][0]["results"] = [_result(model_dir, f, index) for f in result.findings]
    return payload


def _sarif_frame(
    graph: ModelGraph, model_dir: Path, result: CheckResult
) -> tuple[dict[str, Any], dict[str, int]]:
    # The log with the streamed-list marker for its results, and the rule index.
    rules = sorted(result.rules, key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
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
                        "rules": [_rule_descriptor(r) for r in rules],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": [
                            _notification(model_dir, n) for n in result.notes
                        ],
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
    return payload, index


def sarif_chunks(graph: ModelGraph, model_dir: Path, result: CheckResult) -> Iterator[bytes]:
    """The SARIF text of a check (as :func:`sarif`), piece by piece: a national model's
    results are never all held as dictionaries at once."""
    payload, index = _sarif_frame(graph, model_dir, result)
    return pretty_chunks(payload, result.findings, lambda f: _result(model_dir, f, index))


def sarif(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """The check result as SARIF 2.1.0 JSON text."""
    return b"".join(sarif_chunks(graph, model_dir, result)).decode("utf-8")


def junit(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """The check result as JUnit XML: one test suite per rule, one test case per rule x
    component it was evaluated on; active findings fail, waived ones are skipped."""
    by_id = {f.id: f for f in result.findings}
    root = ET.Element("testsuites", name=f"eakit {graph.architecture.id}")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for rule in sorted(result.rules, key=lambda r: r.id):
        suite = ET.SubElement(root, "testsuite", name=f"{rule.id} {rule.title_en}")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for subject in result.subjects.get(rule.id, []):
            counts["tests"] += 1
            case = ET.SubElement(
                suite, "testcase", classname=f"eakit.{rule.pack}.{rule.id}", name=subject
            )
            finding = by_id.get(f"{rule.id}@{subject}")
            if finding is None:
                continue
            uri, line, col = _uri(model_dir, finding.location)
            if finding.waived is not None:
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=f"waived: {finding.waived.reason}")
            else:
                counts["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", message=finding.message, type=finding.severity.value
                )
                failure.text = (
                    f"{uri}:{line}:{col}: {finding.severity.value.upper()} {finding.rule_id} "
                    f"{finding.message}\nRemediation: {finding.remediation}\n"
                    f"Basis: {_basis_text(finding)}"
                )
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
