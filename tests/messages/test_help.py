"""``--help`` in the reader's language: Vietnamese by default, English with ``EAKIT_LANG=en``
or ``--lang en``, every command's and option's text from the catalogue, none left in the
other language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from eakit.cli.helptext import help_lang
from eakit.cli.main import build_app
from eakit.messages import CATALOGUE

# Function words that give English away once quoted text, options and file names are gone.
ENGLISH = re.compile(
    r"\b(the|and|or|of|to|with|for|from|this|that|is|are|when|each|every|not|only|into|"
    r"default|write|show|list|file|files|folder|model|models|usage|options|arguments|"
    r"commands|required|env var)\b",
    re.IGNORECASE,
)
# Letters only Vietnamese writes (lower case; the texts are compared lower-cased).
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]")


def _bare(text: str) -> str:
    """The text without what it quotes: '...', `...`, options, file and folder names."""
    text = re.sub(r"'[^']*'|`[^`]*`", "", text)
    text = re.sub(r"--[\w-]+|\S+\.(xlsx|docx|yaml|json|sarif|txt|md|xml|svg|png|dot)\b", "", text)
    return re.sub(r"\b(OUTPUT|OUT|REV\d)\S*|\(mặc định: model\)", "", text)


def _commands(command: Any, path: str = "eakit") -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, f"{path} {name}")


def _texts(lang: str) -> list[tuple[str, str]]:
    """(where, text) for every command's and every option's help of the application."""
    group = typer.main.get_command(build_app(lang))
    out = []
    for path, command in _commands(group):
        out.append((path, command.help or ""))
        for param in command.params:
            out.append((f"{path} {param.name}", getattr(param, "help", None) or ""))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_and_option_has_a_help_text_from_the_catalogue(lang: str) -> None:
    helps = {vi for vi, _ in CATALOGUE.values()} | {en for _, en in CATALOGUE.values()}
    for where, text in _texts(lang):
        assert text, f"{where} has no help"
        assert not text.startswith("help."), f"{where}: id without a catalogue entry"
        assert text in helps, f"{where}: help not from the catalogue: {text!r}"


def test_no_vietnamese_help_text_is_left_in_english() -> None:
    for where, text in _texts("vi"):
        assert not ENGLISH.findall(_bare(text)), f"{where}: {text!r}"


def test_no_english_help_text_is_left_in_vietnamese() -> None:
    for where, text in _texts("en"):
        assert not VIETNAMESE.findall(text.lower()), f"{where}: {text!r}"


def _help(*args: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "EAKIT_LANG"} | env
    done = subprocess.run(
        [sys.executable, "-m", "eakit", *args],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())  # as one line: the help wraps at the terminal's width


def test_eakit_help_is_vietnamese_by_default_and_english_on_request() -> None:
    vi = _help("--help")
    assert vi.startswith("Cách dùng: eakit")
    assert "Tùy chọn:" in vi and "Lệnh:" in vi and "Hiển thị phiên bản." in vi
    assert "Nạp, xác thực và kiểm tra mô hình" in vi
    assert "Usage" not in vi and "Show the version" not in vi
    en = _help("--help", EAKIT_LANG="en")
    assert en.startswith("Usage: eakit")
    assert "Options:" in en and "Commands:" in en and "Show the version." in en
    assert "Load, validate and check a model" in en
    assert not VIETNAMESE.findall(en.lower())


def test_eakit_check_help_follows_eakit_lang_and_the_lang_option() -> None:
    vi = _help("check", "--help")
    assert vi.startswith("Cách dùng: eakit check")
    assert "Định dạng kết quả." in vi and "[mặc định: text]" in vi
    assert "[biến môi trường: EAKIT_LANG; mặc định: vi]" in vi
    assert "Hiển thị trợ giúp này rồi thoát." in vi
    # Past the usage line ([OPTIONS] is click's syntax), no English word but the names
    # of arguments and their value types (model <path>, <list[str]>) and the default model.
    described = re.sub(r"\S* ?<[^>]*>|\[mặc định: model\]", "", vi.split("[model]", 1)[1])
    assert not ENGLISH.findall(_bare(described))
    for english in (
        _help("check", "--help", EAKIT_LANG="en"),
        _help("check", "--help", "--lang", "en"),
    ):
        assert english.startswith("Usage: eakit check")
        assert "Output format. [default: text]" in english
        assert "Show this message and exit." in english
        assert not VIETNAMESE.findall(english.lower())


@pytest.mark.parametrize(
    ("argv", "env", "lang"),
    [
        ([], {}, "vi"),
        ([], {"EAKIT_LANG": "en"}, "en"),
        (["check", "--lang", "en"], {}, "en"),
        (["check", "--lang=en"], {}, "en"),
        (["check", "--lang", "vi"], {"EAKIT_LANG": "en"}, "vi"),
        (["check", "--lang", "en", "--lang", "vi"], {}, "vi"),
        (["check", "--lang", "fr"], {"EAKIT_LANG": "en"}, "en"),
        (["check", "--", "--lang", "en"], {}, "vi"),
        (["check", "--lang"], {}, "vi"),
        ([], {"EAKIT_LANG": "de"}, "vi"),
    ],
)
def test_the_help_language_is_read_before_the_application_is_built(argv, env, lang) -> None:
    assert help_lang(argv, env) == lang
