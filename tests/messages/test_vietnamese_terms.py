"""The Vietnamese texts eakit writes follow one spelling and one set of terms.

These tests read every Vietnamese text at its source (the rule packs' titles, messages,
rationales and remediations, the message catalogue and the label tables of the outputs)
and refuse the classes of slips a Vietnamese reader found in review
(docs/review/vietnamese-2026-12.md): the old tone placement (``hoá``, ``Uỷ``) beside the
one the official texts use (``hóa``, ``Ủy``), a YAML field name inside a sentence, an
informal ``bạn``, and a name of an institution written in lower case.

Law quotes (``rules/legal-basis.yaml``) are verbatim and are not read here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import eakit.messages

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = sorted(p for p in (ROOT / "rules").glob("*.yaml") if p.name != "legal-basis.yaml")
RULE_FIELDS = ("title", "message", "rationale", "remediation")

# Modules whose module-level tables hold (Vietnamese, English) pairs of user-facing words:
# every part of the message catalogue, and the older label tables.
TABLE_MODULES = (
    "eakit.labels",
    "eakit.lsp.words",
    *sorted(
        f"eakit.messages.{module.name}"
        for module in pkgutil.iter_modules(eakit.messages.__path__)
        if module.name.startswith("catalogue_")
    ),
    "eakit.render.diagrams.labels",
    "eakit.render.document.words",
    "eakit.render.excel.labels",
    "eakit.render.excel.layout",
    "eakit.render.scores",
    "eakit.render.site.i18n",
    "eakit.render.rule_docs.catalogue",
)

Text = tuple[str, str]  # (where, Vietnamese text)


def _pairs(value: Any, where: str) -> Iterator[Text]:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        yield where, value[0]
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _pairs(item, f"{where}.{key}")


def _rule_texts() -> Iterator[Text]:
    for path in RULE_FILES:
        pack = yaml.safe_load(path.read_text("utf-8"))
        if pack.get("title"):
            yield f"{path.name}:title", pack["title"]
        for rule in pack.get("rules", []):
            parts = [rule, *(rule.get("variants") or [])]
            for n, part in enumerate(parts):
                for field in RULE_FIELDS:
                    if isinstance(part.get(field), str):
                        yield f"{path.name}:{rule['id']}[{n}].{field}", part[field]


def _table_texts() -> Iterator[Text]:
    for name in TABLE_MODULES:
        module = importlib.import_module(name)
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, dict) and not attr.startswith("__"):
                yield from _pairs(value, f"{name}.{attr}")


def _relation_texts() -> Iterator[Text]:
    table = yaml.safe_load((ROOT / "src/eakit/data/relation_types.yaml").read_text("utf-8"))
    for type_, spec in sorted(table.items()):
        for field in ("name", "reverse"):
            yield f"relation_types.yaml:{type_}.{field}", spec[field]


def _all_texts() -> list[Text]:
    return [*_rule_texts(), *_table_texts(), *_relation_texts()]


TEXTS = _all_texts()
RULE_TEXTS = list(_rule_texts())

# The old placement puts the tone on the second vowel of an open "oa", "oe" or "uy"
# (hoá, khoẻ, Uỷ); the official texts and Decree 30/2020's forms put it on the first
# (hóa, khỏe, Ủy). After "q" the "u" is part of the consonant: "quý", "quỹ" are right.
_OLD_TONE = re.compile(r"(?<![qQ])(?:[oO][áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?![^\W\d_])")


def _offending(pattern: re.Pattern[str], texts: list[Text]) -> list[str]:
    return [f"{where}: {m.group()!r}" for where, text in texts for m in pattern.finditer(text)]


def test_the_texts_are_read() -> None:
    # The collection itself must find the texts, or every test below passes on nothing.
    sources = {where.split(":")[0] if ":" in where else "tables" for where, _ in TEXTS}
    assert {"common.yaml", "law-2025.yaml", "tables", "relation_types.yaml"} <= sources
    assert len(TEXTS) > 1500


def test_every_text_is_nfc() -> None:
    assert [w for w, t in TEXTS if not unicodedata.is_normalized("NFC", t)] == []


def test_the_tone_mark_sits_where_the_official_texts_put_it() -> None:
    assert _offending(_OLD_TONE, TEXTS) == []


@pytest.mark.parametrize(
    ("word", "caught"),
    [
        ("hoá", True),
        ("Uỷ", True),
        ("khoẻ", True),
        ("hóa", False),
        ("quý", False),
        ("quỹ", False),
        ("hoàn", False),
        ("khoáng", False),
    ],
)
def test_the_tone_check_tells_old_from_new(word: str, caught: bool) -> None:
    assert bool(_OLD_TONE.search(word)) is caught


def test_no_text_addresses_the_reader_as_ban() -> None:
    assert _offending(re.compile(r"(?<![^\W\d_])[Bb]ạn(?![^\W\d_])"), TEXTS) == []


def _rule_texts_both() -> list[Text]:
    texts = []
    for path in RULE_FILES:
        pack = yaml.safe_load(path.read_text("utf-8"))
        for rule in pack.get("rules", []):
            for n, part in enumerate([rule, *(rule.get("variants") or [])]):
                for field in RULE_FIELDS:
                    for key in (field, f"{field}_en"):
                        if isinstance(part.get(key), str):
                            texts.append((f"{path.name}:{rule['id']}[{n}].{key}", part[key]))
    return texts


_PLACEHOLDER = re.compile(r"\{\w+\}")
_FIELD_NAME = re.compile(r"(?<![\w{])[a-z]+(?:_[a-z0-9]+)+(?![\w}])")


def test_rule_texts_name_no_yaml_field_or_value() -> None:
    # A department reads the fix in the workbook and the report: "ghi ngày đánh giá gần
    # nhất", not "ghi security_assessed" (the rule's page shows the check's fields).
    texts = [(w, _PLACEHOLDER.sub("", t)) for w, t in _rule_texts_both()]
    assert _offending(_FIELD_NAME, texts) == []


def test_rule_messages_quote_names_as_the_other_messages_do() -> None:
    # “{name}”, as every message of the common pack writes it, not '{name}'.
    messages = [(w, t) for w, t in _rule_texts_both() if ".message" in w]
    assert _offending(re.compile(r"'\{\w+\}'"), messages) == []
    lower = [w for w, t in messages if t[:1].islower()]
    assert lower == [], "a finding's message is a sentence: it starts with a capital"


def test_rule_texts_write_institutions_and_systems_out_in_full() -> None:
    # A rule's title, message and fix go into the signed report, where an abbreviation
    # must be written out (Decree 30/2020, Appendix I); the workbook's narrow columns
    # keep theirs. Acronyms that are the systems' names (LGSP, NDXP, VNeID, SOC) stay.
    abbreviations = re.compile(r"(?<![^\W\d_])(?:UBND|TTHC|TSLCD|HTTT|CSDL|ATTT|DLCN)(?![^\W\d_])")
    assert _offending(abbreviations, RULE_TEXTS) == []


def test_institutions_are_spelt_as_their_own_texts_spell_them() -> None:
    # Proper names of institutions and systems take the capitals of the texts that
    # created them; the lower-case forms are the slips a reader found.
    slips = re.compile(
        r"Trung tâm phục vụ hành chính công|Bộ phận một cửa|Cổng dịch vụ công quốc gia"
        r"|trục liên thông văn bản quốc gia|Trung tâm giám sát an toàn không gian mạng"
        r"|Ủy ban Nhân dân|Sở Khoa học và công nghệ"
    )
    assert _offending(slips, TEXTS) == []


def test_rule_texts_use_no_pronoun_or_passive_calqued_from_english() -> None:
    # "của nó" (its) and "được … bởi" (by) read as translations; administrative prose
    # names the thing again ("trung tâm dữ liệu đặt hệ thống") and says "bằng".
    calques = re.compile(r"(?<![^\W\d_])(?:của nó|bởi)(?![^\W\d_])")
    assert _offending(calques, RULE_TEXTS) == []


def test_written_dates_follow_decree_30() -> None:
    # Decree 30/2020, Appendix I: a zero before a day under 10 and before months 1 and 2
    # only (01/7/2025, 30/6/2025, 05/02/2026); the hand-written texts mixed both styles.
    assert _offending(re.compile(r"\b\d{2}/0[3-9]/\d{4}\b"), TEXTS) == []


# One term for one thing across the outputs (docs/review/vietnamese-2026-12.md, glossary):
# the variant on the left is refused wherever it appears.
GLOSSARY_VARIANTS = {
    "mức sẵn sàng": "mức độ sẵn sàng",
    "năng lực an toàn thông tin": "biện pháp an toàn thông tin",
    "người dùng": "người sử dụng",
    "đã chấp nhận": "đã miễn trừ",
    "đang hoạt động": "đang vận hành",
    "tầng kiến trúc": "lớp kiến trúc",
}


@pytest.mark.parametrize(("variant", "term"), sorted(GLOSSARY_VARIANTS.items()))
def test_one_term_for_one_thing(variant: str, term: str) -> None:
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(variant)}(?![^\W\d_])", re.IGNORECASE)
    assert _offending(pattern, TEXTS) == [], f"write “{term}”"


def test_a_date_in_a_finding_reads_as_a_date_not_as_iso() -> None:
    # "lần gần nhất: 2022-03-01" was the value's str(); a department reads 01/3/2022
    # (Decree 30/2020: a leading zero only for days below 10 and the months 1 and 2).
    import datetime as dt

    from eakit.rules.messages import render

    assert render(None, dt.date(2022, 3, 1), "vi") == "01/3/2022"  # type: ignore[arg-type]


def test_a_count_never_reads_as_having_zero_things() -> None:
    # "Tỉnh có 0 nền tảng …" is what a count check printed when there was none; the
    # messages put the count after a colon ("Số nền tảng …: 0"), which reads for any count.
    assert _offending(re.compile(r"(?:có|kết nối) \{count\}"), RULE_TEXTS) == []


def test_relation_names_read_without_the_english_passive() -> None:
    # "được phục vụ bởi" is "served by" word for word; the names say "được phục vụ qua",
    # "được bảo vệ bằng", "cung cấp dữ liệu cho". The eleven ArchiMate relationships keep
    # their ArchiMate wording (a reviewer's item, docs/review/vietnamese-2026-12.md).
    table = yaml.safe_load((ROOT / "src/eakit/data/relation_types.yaml").read_text("utf-8"))
    own = [
        (f"{type_}.{field}", spec[field])
        for type_, spec in sorted(table.items())
        if not spec.get("archimate_table")
        for field in ("name", "reverse")
    ]
    assert _offending(re.compile(r"(?<![^\W\d_])bởi(?![^\W\d_])"), own) == []


def test_a_share_is_written_without_a_space_before_the_percent_sign() -> None:
    # "72 %" broke across lines in the report ("… — 72 / % (28 lỗi …)"); the site already
    # wrote "72%", as Vietnamese administrative texts do.
    from eakit.findings import Score
    from eakit.render.document.content import _percent
    from eakit.render.scores import percent

    score = Score(passed=3, total=4, errors=1)
    assert percent(score) == "75%" and _percent(72.25, "vi") == "72,2%"


def test_the_ended_architecture_note_writes_its_dates_as_dates() -> None:
    # "kiến trúc hết hiệu lực sau ngày 2025-06-30: không đánh giá ở ngày 2026-12-01".
    import datetime as dt
    from types import SimpleNamespace

    from eakit.rules.engine import ended_note

    graph = SimpleNamespace(architecture=SimpleNamespace(valid_to=dt.date(2025, 6, 30)))
    note = ended_note(graph)  # type: ignore[arg-type]
    assert note == "kiến trúc hết hiệu lực sau ngày 30/6/2025"
    assert note.en == "the architecture ended on 2025-06-30"


def test_the_report_does_not_repeat_the_unverified_note_under_each_case() -> None:
    # The rule's heading says "Căn cứ: … (chưa đối chiếu với văn bản)"; each of its 25
    # cases repeated "(căn cứ chưa đối chiếu: Quyết định 09/2015/QĐ-TTg)".
    from eakit.render.document.content import _case_text

    message = "Sở Y tế chưa sử dụng Hệ thống. (căn cứ chưa đối chiếu: Quyết định 09/2015/QĐ-TTg)"
    assert _case_text(message, "vi") == "Sở Y tế chưa sử dụng Hệ thống."
    assert _case_text("A (B) c.", "vi") == "A (B) c."
