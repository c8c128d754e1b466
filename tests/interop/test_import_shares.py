"""The import summary writes shares as Vietnamese administrative texts do ("72,3%": a
decimal comma, no space) and as English does ("72.3%"), whole numbers without decimals."""

from __future__ import annotations

from eakit.interop.archimate_import import ImportReport

REPORT = ImportReport(
    source="mau.xml", elements=3, components=2, relationships=8, relations=8, views=1
)


def test_vietnamese_summary_writes_a_decimal_comma_and_no_space() -> None:
    text = REPORT.summary("vi")
    assert "giữ 2/3 phần tử thành thành phần (66,7%)" in text
    assert "giữ 8/8 quan hệ (100%:" in text
    assert " %" not in text and "100.0" not in text


def test_english_summary_writes_a_decimal_point() -> None:
    text = REPORT.summary("en")
    assert "2 of 3 elements kept as components (66.7%)" in text
    assert "8 of 8 relationships kept (100%:" in text
    assert " %" not in text


def test_the_report_file_writes_both_languages_their_way() -> None:
    text = REPORT.to_markdown()
    assert "(66,7%)" in text and "(66.7%)" in text
    assert " %" not in text


def test_nothing_out_of_nothing_is_all() -> None:
    assert "(100%)" in ImportReport(source="rong.xml").summary("vi")
