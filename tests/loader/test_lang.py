"""Diagnostics in the user's language: Vietnamese by default, English with ``--lang en``
(or ``EAKIT_LANG=en``), the ``file:line:col:`` prefix kept, exit code 2, no traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from tests.loader.support import INVALID, VALID, diagnostics_of

# English words that must not appear in a Vietnamese message once what it quotes from
# the model (between quotes) is left out.
ENGLISH = re.compile(
    r"\b(error|warning|missing|unknown|expected|found|must|refers|duplicate|invalid|got|"
    r"allowed|not|file|key|value|mapping|list|line|column|folder|link|limit|characters|"
    r"did you mean|required|problems?|should)\b",
    re.IGNORECASE,
)
LOCATED = re.compile(r"^(?P<where>[^:]+:\d+:\d+): (?P<rest>.+)$")


def english_words(message: str) -> list[str]:
    """The English words of a message outside what it quotes (model text, YAML keys and
    values, the values a field accepts after ``chấp nhận:``)."""
    bare = re.sub(r"'[^']*'", "''", message).split("chấp nhận:")[0]
    return ENGLISH.findall(bare)


CASES = sorted(path for path in INVALID.iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_every_loader_diagnostic_is_vietnamese_by_default(case: Path) -> None:
    for line in diagnostics_of(case, lang="vi"):
        assert LOCATED.match(line), line
        assert not english_words(line.split(": ", 1)[1]), line


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(build_app(), list(args), env=env)


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(source, target)
    return target


def _pack_with_bad_parameter(tmp_path: Path) -> Path:
    model = _copy(VALID / "mini", tmp_path)
    manifest = model / "eakit.yaml"
    text = manifest.read_text("utf-8").replace("packs: [vn-egov-2.0]", "packs: [local.yaml]")
    manifest.write_text(text, "utf-8")
    (model / "local.yaml").write_text(
        "pack: local\n"
        "title: Bộ quy tắc riêng\n"
        "rules:\n"
        "  - id: LOC-001\n"
        "    title: Ứng dụng tích hợp LGSP\n"
        "    title_en: Applications integrate with the LGSP\n"
        "    severity: error\n"
        "    layer: applications\n"
        "    category: convention\n"
        "    rationale: Kết nối qua LGSP.\n"
        "    remediation: Khai báo quan hệ tích hợp.\n"
        "    applies_to: {kind: application}\n"
        "    check: {type: required_relation, edge: integrates_wth}\n"
        "    message: '{name} chưa tích hợp LGSP'\n"
        "    examples:\n"
        "      fail: 'components: []'\n"
        "      pass: 'components: []'\n",
        "utf-8",
    )
    return model


def _bad_waiver(tmp_path: Path) -> Path:
    model = _copy(VALID / "mini", tmp_path)
    with (model / "eakit.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("waivers: waivers.yaml\n")
    (model / "waivers.yaml").write_text(
        "waivers:\n"
        "  - rule: GOV-02\n"
        "    component: mot-cua\n"
        "    reason: Đang triển khai\n"
        "    owner: so-tt-tt\n"
        "    expires: 2099-01-01\n",
        "utf-8",
    )
    return model


# (name, model, a Vietnamese and an English fragment of the first diagnostic)
BAD_MODELS = [
    ("missing field", INVALID / "missing-name", "thiếu trường bắt buộc 'tên' (name)",
     "missing required key 'name'"),
    ("wrong type", INVALID / "wrong-type-text-for-integer", "phải là một số nguyên",
     "must be an integer"),
    ("unknown reference", INVALID / "dangling-reference", "thành phần không tồn tại",
     "refers to unknown component"),
    ("YAML syntax", INVALID / "yaml-unclosed-bracket", "YAML không hợp lệ",
     "invalid YAML"),
    ("duplicate id", INVALID / "duplicate-id-across-files", "bị trùng", "duplicate id"),
    ("unknown kind", INVALID / "unknown-kind-typo", "loại thành phần không hợp lệ",
     "unknown kind"),
    ("wrong value", INVALID / "enum-typo", "không hợp lệ cho", "must be"),
]  # fmt: skip


def _check_both_languages(model: Path, vi: str, en: str) -> None:
    for args, env, fragment in (
        ([], {"EAKIT_LANG": ""}, vi),
        (["--lang", "en"], None, en),
        ([], {"EAKIT_LANG": "en"}, en),
    ):
        result = run("check", str(model), *args, env=env)
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        lines = result.stderr.splitlines()
        assert lines and "Traceback" not in result.stderr
        located = [line for line in lines if LOCATED.match(line)]
        assert located, result.stderr
        assert fragment in result.stderr, result.stderr
        word = "lỗi" if fragment is vi else "error"
        for line in located:
            rest = LOCATED.match(line)["rest"]  # type: ignore[index]
            assert rest.startswith(f"{word}: "), line
            if fragment is vi:
                assert not english_words(rest), line
        summary = lines[-1]
        assert ("vấn đề trong" in summary) if fragment is vi else ("problem" in summary)


@pytest.mark.parametrize(("name", "model", "vi", "en"), BAD_MODELS, ids=[m[0] for m in BAD_MODELS])
def test_check_speaks_vietnamese_by_default_and_english_on_request(
    name: str, model: Path, vi: str, en: str
) -> None:
    _check_both_languages(model, vi, en)


def test_a_bad_pack_parameter_in_both_languages(tmp_path: Path) -> None:
    model = _pack_with_bad_parameter(tmp_path)
    _check_both_languages(
        model,
        "loại quan hệ không hợp lệ 'integrates_wth'",
        "unknown relation type 'integrates_wth'",
    )


def test_a_waiver_for_no_rule_in_both_languages(tmp_path: Path) -> None:
    model = _bad_waiver(tmp_path)
    _check_both_languages(model, "không khớp quy tắc nào", "matches no rule")


def test_command_line_errors_in_both_languages() -> None:
    vi = run("check", str(VALID / "mini"), "--select", "GOV-02", env={"EAKIT_LANG": ""})
    en = run("check", str(VALID / "mini"), "--select", "GOV-02", "--lang", "en")
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr.startswith("eakit: lỗi: --select 'GOV-02' không khớp quy tắc nào")
    assert "(có phải là 'GOV-002'?)" in vi.stderr
    assert en.stderr.startswith("eakit: error: --select 'GOV-02' matches no rule")
    assert "(did you mean 'GOV-002'?)" in en.stderr


def test_the_summary_line_of_a_check_in_both_languages() -> None:
    vi = run("check", str(VALID / "mini"), env={"EAKIT_LANG": ""})
    en = run("check", str(VALID / "mini"), "--lang", "en")
    framework = "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0"
    assert f"thành phần theo bộ quy tắc của {framework} tại ngày 31/12/2020:" in vi.stdout
    assert re.search(r"\d+ lỗi, \d+ cảnh báo, \d+ thông tin, \d+ được miễn trừ", vi.stdout)
    framework_en = "Vietnam e-Government Architecture Framework 2.0"
    assert f"components checked against the rules of the {framework_en} as of 2020-12-31:" in (
        en.stdout
    )
    assert re.search(r"\d+ errors, \d+ warnings, \d+ info, \d+ waived", en.stdout)
    assert not re.search(r": (ERROR|WARNING|INFO) ", vi.stdout)


def test_json_diagnostics_follow_the_language() -> None:
    import json

    case = str(INVALID / "missing-name")
    vi = json.loads(run("check", case, "-f", "json", env={"EAKIT_LANG": ""}).stdout)
    en = json.loads(run("check", case, "-f", "json", "--lang", "en").stdout)
    assert "thiếu trường bắt buộc" in vi["diagnostics"][0]["message"]
    assert "missing required key" in en["diagnostics"][0]["message"]
