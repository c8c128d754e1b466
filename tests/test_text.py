"""Vietnamese collation for display lists."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eakit.text import strip_diacritics, vi_date, vi_sort_key, vi_sorted


def test_letters_follow_the_vietnamese_alphabet():
    letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "y"]
    assert vi_sorted(reversed(letters)) == letters


def test_tones_order_after_letters():
    # ngang, huyền, hỏi, ngã, sắc, nặng; a tone never outweighs the letters themselves.
    assert vi_sorted(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    assert vi_sorted(["Bà", "Ba", "Bb"]) == ["Ba", "Bà", "Bb"]


def test_names_of_agencies():
    names = ["Sở Y tế", "Sở Tư pháp", "Sở Công Thương", "Đài Phát thanh", "Ủy ban nhân dân"]
    assert vi_sorted(names) == [
        "Đài Phát thanh",
        "Sở Công Thương",
        "Sở Tư pháp",
        "Sở Y tế",
        "Ủy ban nhân dân",
    ]


@given(st.text(alphabet="aăâbdđeêoôơuưyÁẢÃẠÀấầẩẫậĐ ", max_size=12))
def test_decomposed_and_composed_text_collate_alike(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert vi_sort_key(decomposed)[:2] == vi_sort_key(text)[:2]
    assert vi_sort_key(text) == vi_sort_key(text)  # cached keys are stable


def test_strip_diacritics():
    assert strip_diacritics("Sóc Trăng, Đà Nẵng") == "Soc Trang, Da Nang"


def test_objects_built_in_code_are_nfc_at_every_depth():
    from eakit.model.components import KIND_CLASSES

    actor = KIND_CLASSES["actor"].model_validate(
        {
            "id": "nguoi-dan",
            "kind": "actor",
            "actor_type": "citizen",
            "name": "Ho\u0300a",  # decomposed: o + combining grave
            "properties": {"ghi_chu": "\uf900", "nha\u0303n": "x"},
        }
    )
    assert actor.name == "Hòa"
    # What a loaded file gives (the loader reads whole files as NFC): hypothesis found
    # free-form properties left out.
    assert actor.properties == {"ghi_chu": "\u8c48", "nhãn": "x"}


def test_escaped_characters_in_a_model_file_load_as_nfc(tmp_path):
    from eakit.loader import load_model

    (tmp_path / "eakit.yaml").write_text(
        "eakit: 1\narchitecture: {id: t, name: T, framework: vn-egov-2.0, as_of: 2020-12-31,"
        " horizon: 2025}\n",
        encoding="utf-8",
    )
    # The file's text is NFC; the escape writes a combining grave the text does not show.
    (tmp_path / "m.yaml").write_text(
        'components:\n  - {id: a, kind: actor, actor_type: citizen, name: "Hoa\\u0300",'
        ' properties: {ghi_chu: "\\uf900"}}\n',
        encoding="utf-8",
    )
    actor = load_model(tmp_path).components["a"]
    assert actor.name == "Hoà"
    assert actor.properties == {"ghi_chu": "\u8c48"}


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (dt.date(2025, 7, 1), "01/7/2025"),
        (dt.date(2025, 6, 30), "30/6/2025"),
        (dt.date(2026, 2, 5), "05/02/2026"),
        (dt.date(2026, 1, 15), "15/01/2026"),
        (dt.date(2015, 12, 31), "31/12/2015"),
    ],
)
def test_dates_in_figures_follow_decree_30(day: dt.date, written: str) -> None:
    assert vi_date(day) == written
