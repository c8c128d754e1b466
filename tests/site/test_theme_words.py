"""Material's interface words follow the site's language, with no English on a Vietnamese page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from lxml import html as lxml_html

from eakit.render.site.theme_words import MATERIAL_VI

MATERIAL_EN = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"

# Material's English words, as its templates write them into every page.
ENGLISH_CHROME = (
    "Initializing search",
    "Type to start searching",
    "Copy to clipboard",
    "Copied to clipboard",
    "Back to top",
    "Skip to content",
    "No matching documents",
    "more on this page",
    "Table of contents",
)
VIETNAMESE_CHROME = (
    "Đang chuẩn bị tìm kiếm",
    "Gõ từ khóa để tìm",
    "Sao chép",
    "Về đầu trang",
    "Chuyển đến nội dung",
    "Không tìm thấy kết quả nào",
)


def page_words(page: Path) -> str:
    """The page's HTML and the interface words Material passes to its scripts, decoded."""
    text = page.read_text("utf-8")
    config = lxml_html.fromstring(text.encode("utf-8")).xpath('//script[@id="__config"]')
    translations = json.loads(config[0].text)["translations"]
    return text + "\n" + "\n".join(translations.values())


def test_every_material_key_has_vietnamese_words() -> None:
    keys = set(re.findall(r'^\s*"([a-z.]+)":', MATERIAL_EN.read_text("utf-8"), re.MULTILINE))
    assert keys, "Material's English translation file was not read"
    assert sorted(keys - MATERIAL_VI.keys()) == []


def test_vietnamese_site_has_material_words_in_vietnamese(built_site: Path) -> None:
    for page in ("index.html", "findings.html"):
        html = page_words(built_site / page)
        assert '<html lang="vi"' in html
        for phrase in VIETNAMESE_CHROME:
            assert phrase in html, f"{page}: {phrase!r} missing"
        for phrase in ENGLISH_CHROME:
            assert phrase not in html, f"{page}: {phrase!r} leaks into the Vietnamese site"


def test_english_site_keeps_material_words_in_english(english_site: Path) -> None:
    html = page_words(english_site / "index.html")
    assert '<html lang="en"' in html
    for phrase in ("Initializing search", "Type to start searching", "Back to top"):
        assert phrase in html
    for phrase in VIETNAMESE_CHROME:
        assert phrase not in html
