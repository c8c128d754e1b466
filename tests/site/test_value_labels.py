"""Enumerated values are shown as words, not as the YAML's codes: a reviewer reads
*Quản lý văn bản và điều hành*, not ``document_management``."""

from __future__ import annotations

import typing
from pathlib import Path

from lxml import html

from eakit.model import KIND_CLASSES
from eakit.render.site.i18n import words


def _literal_values(annotation: object) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(v) for v in typing.get_args(annotation)]
    return [v for arg in typing.get_args(annotation) for v in _literal_values(arg)]


def test_every_enumerated_value_has_a_label_in_both_languages() -> None:
    vi, en = words("vi"), words("en")
    missing = []
    for kind, cls in KIND_CLASSES.items():
        for name, info in cls.model_fields.items():
            if name == "kind":
                continue
            for value in _literal_values(info.annotation):
                if vi.value(name, value) == value and en.value(name, value) == value:
                    missing.append(f"{kind}.{name}: {value}")
                else:
                    assert vi.value(name, value) != en.value(name, value) or value in (
                        "internet",
                    ), f"{kind}.{name}: {value} has no Vietnamese label of its own"
    assert not missing, "values without labels: " + ", ".join(missing)


def test_the_same_code_reads_by_its_field() -> None:
    vi = words("vi")
    assert vi.value("app_type", "email") == "Thư điện tử"
    assert vi.value("app_type", "other") == "Khác"
    assert vi.value("db_type", "national") == "Cơ sở dữ liệu quốc gia"
    assert vi.value("scope", "national") == "Quốc gia"
    assert vi.value("app_type", "not-a-code") == "not-a-code"


def test_component_pages_show_words_not_codes(built_site: Path) -> None:
    page = built_site / "components" / "qlvb-dh.html"
    text = html.fromstring(page.read_bytes()).text_content()
    assert "Quản lý văn bản và điều hành" in text
    assert "document_management" not in text
