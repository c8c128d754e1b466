"""The check summary names what judged the model: the framework by its name, never a pack
code alone, and why a pack of another framework judged it."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.render.judged import rule_packs
from tests.conftest import BUNDLED_MODEL

PACK_CODE = re.compile(r"\bvn-[de]gov-\d\.\d\b")


def test_a_model_of_framework_one_says_the_framework_two_pack_judged_it() -> None:
    said = rule_packs("vn-egov-1.0", ["vn-egov-2.0"], pinned=False)
    assert said.lang("vi") == (
        "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0 "
        "(mô hình khai báo phiên bản 1.0, chưa có bộ quy tắc riêng)"
    )
    assert said.lang("en") == (
        "Vietnam e-Government Architecture Framework 2.0 "
        "(the model declares version 1.0, which has no rule pack of its own)"
    )


def test_the_framework_own_pack_needs_no_reason() -> None:
    said = rule_packs("vn-egov-2.0", ["vn-egov-2.0"], pinned=True)
    assert said.lang("vi") == "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0"


def test_a_later_framework_in_force_and_a_pinned_pack_say_so() -> None:
    later = rule_packs("vn-egov-2.0", ["vn-dgov-4.0"], pinned=False)
    assert later.lang("vi") == (
        "Khung Kiến trúc Chính phủ số Việt Nam phiên bản 4.0 (mô hình khai báo Khung Kiến "
        "trúc Chính phủ điện tử Việt Nam phiên bản 2.0; áp dụng khung có hiệu lực tại ngày "
        "đánh giá)"
    )
    pinned = rule_packs("vn-egov-3.0", ["vn-egov-2.0"], pinned=True)
    assert "bộ quy tắc do eakit.yaml chỉ định" in pinned.lang("vi")
    assert "its eakit.yaml names the rule pack" in pinned.lang("en")


def test_a_pack_of_the_model_and_several_packs() -> None:
    said = rule_packs("vn-egov-2.0", ["vn-egov-2.0", "packs/local.yaml"], pinned=True)
    assert said.lang("vi").endswith(" và bộ quy tắc riêng 'packs/local.yaml'")
    assert said.lang("en").endswith(" and its own rule pack 'packs/local.yaml'")
    # In running text, only a framework's pack reads "the rules of the …".
    text = rule_packs("vn-egov-2.0", ["vn-egov-2.0", "packs/local.yaml"], True, in_text=True)
    assert text.lang("en") == (
        "the rules of the Vietnam e-Government Architecture Framework 2.0 "
        "and its own rule pack 'packs/local.yaml'"
    )
    assert text.lang("vi") == (
        "bộ quy tắc của Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0 "
        "và bộ quy tắc riêng 'packs/local.yaml'"
    )
    alone = rule_packs("vn-egov-2.0", ["local.yaml"], True, in_text=True)
    assert alone.lang("en") == "its own rule pack 'local.yaml'"


def test_the_bundled_model_summary_names_the_framework_in_both_languages() -> None:
    runner = CliRunner()
    vi = runner.invoke(build_app(), ["check", str(BUNDLED_MODEL)], env={"EAKIT_LANG": ""})
    en = runner.invoke(build_app(), ["check", str(BUNDLED_MODEL), "--lang", "en"])
    summary_vi, summary_en = vi.stdout.splitlines()[-1], en.stdout.splitlines()[-1]
    assert "theo bộ quy tắc của Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0 " in (
        summary_vi
    )
    assert "(mô hình khai báo phiên bản 1.0, chưa có bộ quy tắc riêng)" in summary_vi
    assert "against the rules of the Vietnam e-Government Architecture Framework 2.0" in (
        summary_en
    )
    assert "(the model declares version 1.0, which has no rule pack of its own)" in summary_en
    assert not PACK_CODE.search(summary_vi) and not PACK_CODE.search(summary_en)
