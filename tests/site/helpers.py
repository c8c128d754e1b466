"""Shared helpers of the site tests: a hand-made check result and an HTML link checker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from eakit.diagnostics import Location, Severity
from eakit.findings import Basis, CheckResult, Finding, Readiness, RuleInfo, Score, Waived
from eakit.graph import ModelGraph

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def sample_result(graph: ModelGraph) -> CheckResult:
    """A check result with an error, a warning, a waived finding, a model-wide info finding,
    readiness scores and the rules they come from, on components of ``graph``."""
    ids = graph.ids()
    agencies = [c.id for c in graph.by_kind("agency")]
    others = [i for i in ids if i not in agencies] or ids
    first, second = others[0], others[-1]
    basis = (
        Basis("Nghị định 85/2016/NĐ-CP", "Điều 14"),
        Basis("Quyết định 2323/QĐ-BTTTT", confidence="low"),
    )
    rules = [
        RuleInfo(
            "SEC-001",
            "Hệ thống phải xác định cấp độ",
            "Systems have a security level",
            Severity.ERROR,
            "security",
            "vn-egov-2.0",
            basis[:1],
            "Lý do *quan trọng*",
            "Xác định cấp độ",
        ),
        RuleInfo(
            "INT-001",
            "Kết nối qua LGSP",
            "Connect through the LGSP",
            Severity.WARNING,
            "integration",
            "vn-egov-2.0",
            basis[1:],
            "Chia sẻ dữ liệu",
            "Kết nối LGSP",
        ),
        RuleInfo(
            "GOV-001",
            "Có lộ trình",
            "Has a roadmap",
            Severity.INFO,
            "governance",
            "vn-egov-2.0",
            (),
            "",
            "",
        ),
    ]

    def finding(
        rule: RuleInfo, component: str | None, message: str, waived: Waived | None = None
    ) -> Finding:
        return Finding(
            rule_id=rule.id,
            severity=rule.severity,
            message=message,
            component=component,
            location=Location("x.yaml", 3, 5) if component else None,
            layer=rule.layer,
            title=rule.title,
            title_en=rule.title_en,
            basis=rule.basis,
            remediation=rule.remediation,
            agency=graph.agency_of(component) if component else None,
            waived=waived,
        )

    findings = [
        finding(rules[0], first, f"'{first}' chưa có cấp độ an toàn <b>bold</b>"),
        finding(rules[1], second, f"'{second}' không kết nối LGSP"),
        finding(
            rules[1],
            first,
            "đã chấp nhận",
            Waived("Đang nâng cấp", "Sở TT&TT", dt.date(2030, 1, 1)),
        ),
        finding(rules[2], None, "Mô hình chưa có lộ trình"),
    ]
    readiness = Readiness(
        overall=Score(3, 10),
        overall_horizon=Score(8, 10),
        by_layer={"security": Score(0, 2), "integration": Score(1, 2)},
        by_layer_horizon={"security": Score(2, 2), "integration": Score(2, 2)},
        by_agency={a: Score(1, 2) for a in agencies[:2]},
        by_agency_horizon={a: Score(2, 2) for a in agencies[:2]},
    )
    return CheckResult(
        as_of=graph.architecture.as_of,
        framework=graph.architecture.framework,
        packs=["vn-egov-2.0"],
        findings=findings,
        rules=rules,
        readiness=readiness,
    )


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        tree = lxml_html.fromstring(path.read_bytes())
        cache[path] = {str(v) for v in tree.xpath("//@id")}
    return cache[path]


def broken_links(site: Path) -> list[str]:
    """Every relative href/src in the site's HTML that points at nothing (or a missing id)."""
    problems = []
    id_cache: dict[Path, set[str]] = {}
    for page in html_files(site):
        tree = lxml_html.fromstring(page.read_bytes())
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for attr in ("href", "src", XLINK_HREF):
                url = element.get(attr)
                if url is None or not url.strip():
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if not target.exists():
                    problems.append(f"{page.relative_to(site)}: {url}")
                    continue
                fragment = unquote(parts.fragment)
                checkable = fragment and "=" not in fragment and target.suffix == ".html"
                if checkable and fragment not in _ids(target, id_cache):
                    problems.append(f"{page.relative_to(site)}: {url} (no id '{fragment}')")
    return problems


def external_resources(site: Path) -> list[str]:
    """Scripts, stylesheets, images and fonts loaded from another host."""
    found = []
    for page in html_files(site):
        tree = lxml_html.fromstring(page.read_bytes())
        for element in tree.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe[@src]"):
            url = element.get("src") or element.get("href")
            if urlsplit(url).scheme or url.startswith("//"):
                found.append(f"{page.name}: {url}")
    for css in site.rglob("*.css"):
        text = css.read_text("utf-8", errors="replace")
        if "fonts.googleapis" in text or "@import url(http" in text:
            found.append(f"{css.name}: remote font or import")
    return found
