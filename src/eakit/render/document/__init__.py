"""The official report document (``readiness.docx``): a "Báo cáo đánh giá mức độ phù hợp
với Khung kiến trúc" laid out as Decree 30/2020/NĐ-CP prescribes for administrative
documents, for the department to number, sign and send to the Provincial People's
Committee.

Modules: :mod:`.words` (every fixed word, vi and en), :mod:`.page` (page, heading,
tables, signature block), :mod:`.charts` (pictures of the scores), :mod:`.content` (the
sections).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx

from eakit import atomic
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.render.dates import generation_date
from eakit.render.document import content, page
from eakit.render.document.words import Lang, w
from eakit.render.zip_stable import stable_zip
from eakit.text import for_xml

DOCUMENT = "readiness.docx"
LANGS: tuple[Lang, ...] = ("vi", "en")


def document_bytes(graph: ModelGraph, result: CheckResult, *, lang: str = "vi") -> bytes:
    """The report document of a checked model, as byte-stable .docx bytes."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language '{lang}': use one of {', '.join(LANGS)}")
    document = docx.Document()
    page.set_up(document)
    report = content.Report(document, graph, result, lang)  # type: ignore[arg-type]
    content.write_heading(report)
    content.write_summary(report)
    content.write_scope(report)
    content.write_results(report)
    content.write_diagrams(report)
    content.write_findings(report)
    content.write_recommendations(report)
    content.write_roadmap(report)
    content.write_closing(report)
    content.write_appendices(report)
    properties = document.core_properties
    # Created on the production date (``SOURCE_DATE_EPOCH`` pins it for a stable build).
    stamp = dt.datetime.combine(generation_date(), dt.time())
    properties.author = properties.last_modified_by = "eakit"
    title = w("title", report.lang, architecture=graph.architecture.name)
    properties.title = for_xml(f"{w('kind', report.lang)} {title}", drop=True)
    properties.created = properties.modified = stamp
    properties.revision = 1
    # The template's thumbnail shows a blank page: no picture is better than a wrong one.
    package = document.part.package
    for key, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[key]
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def write_document(graph: ModelGraph, result: CheckResult, path: Path, *, lang: str = "vi") -> Path:
    """Write the report document to ``path`` (atomically, byte-stable); return ``path``."""
    atomic.write_bytes(Path(path), document_bytes(graph, result, lang=lang))
    return Path(path)
