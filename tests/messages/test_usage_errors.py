"""click's own errors about the command line (an unknown option or command, a missing or
bad value) in the reader's language: Vietnamese by default, English with ``--lang en`` or
``EAKIT_LANG=en``, chosen as the help's language is; exit code 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from typer._click.exceptions import ClickException
from typer.testing import CliRunner

from eakit.cli.helptext import help_lang
from eakit.cli.main import build_app
from eakit.cli.usage_errors import in_reader_lang
from tests.messages.test_help import VIETNAMESE

CLICK_ENGLISH = ("Usage:", "Try '", "Error:", "[OPTIONS]", "COMMAND [ARGS]", "Invalid value")


def _run(*args: str, **env: str) -> tuple[int, str]:
    """The application as ``eakit.cli.main`` builds it: in the language of the command line
    and the environment."""
    result = CliRunner().invoke(build_app(help_lang(args, env)), list(args), env=env)
    return result.exit_code, result.output


def _eakit(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "EAKIT_LANG"} | env
    return subprocess.run(
        [sys.executable, "-m", "eakit", *args],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )


def test_an_unknown_option_is_vietnamese_by_default_and_english_on_request() -> None:
    vi = _eakit("check", "--nope")
    assert vi.returncode == 2
    assert vi.stderr.splitlines() == [
        "Cách dùng: eakit check [TÙY CHỌN] [model]",
        "Xem 'eakit check --help' để biết cách dùng.",
        "",
        "Lỗi: không có tùy chọn --nope (các tùy chọn gần giống: --ignore)",
    ]
    en = _eakit("check", "--nope", EAKIT_LANG="en")
    assert en.returncode == 2
    assert en.stderr.splitlines() == [
        "Usage: eakit check [OPTIONS] [model]",
        "Try 'eakit check --help' for help.",
        "",
        "Error: No such option: --nope (Possible options: --ignore)",
    ]


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["chek"],
            "Lỗi: không có lệnh 'chek' (có phải là 'check', 'schema'?)",
            "Error: No such command 'chek'. Did you mean 'check', 'schema'?",
        ),
        (
            ["check", "a", "b", "c"],
            "Lỗi: thừa tham số (b c)",
            "Error: Got unexpected extra argument(s) (b c)",
        ),
        (
            ["check", "--format"],
            "Lỗi: tùy chọn '--format' cần một giá trị",
            "Error: Option '--format' requires an argument.",
        ),
        (
            ["check", "--format", "xx"],
            "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'xx' không phải là một trong "
            "'text', 'json', 'sarif', 'junit'",
            "Error: Invalid value for '--format' / '-f': Value error, 'xx' is not one of "
            "'text', 'json', 'sarif', 'junit'.",
        ),
        (
            ["diagram", "--depth", "0"],
            "Lỗi: giá trị không hợp lệ cho '--depth': giá trị phải lớn hơn hoặc bằng 1",
            "Error: Invalid value for '--depth': Input should be greater than or equal to 1",
        ),
        (
            ["diagram", "--depth", "x"],
            "Lỗi: giá trị không hợp lệ cho '--depth': giá trị phải là một số nguyên",
            "Error: Invalid value for '--depth': Input should be a valid integer",
        ),
        (
            ["impact"],
            "Lỗi: thiếu tham số 'component'",
            "Error: Missing argument 'component'.",
        ),
    ],
)
def test_click_errors_follow_the_readers_language(
    args: list[str], vietnamese: str, english: str
) -> None:
    code, vi = _run(*args)
    assert code == 2 and vietnamese in vi
    assert not any(word in vi for word in CLICK_ENGLISH), vi
    by_option = _run(args[0], "--lang", "en", *args[1:])
    for code, en in (by_option, _run(*args, EAKIT_LANG="en")):
        assert code == 2 and english in en
        assert not VIETNAMESE.findall(en.lower()), en


def test_the_usage_line_of_a_group_names_its_parts_in_the_readers_language() -> None:
    code, vi = _run("--nope")
    assert code == 2
    assert "Cách dùng: eakit [TÙY CHỌN] LỆNH [THAM SỐ]..." in vi
    code, en = _run("--nope", EAKIT_LANG="en")
    assert code == 2 and "Usage: eakit [OPTIONS] COMMAND [ARGS]..." in en


def test_an_environment_variable_in_a_parameter_hint_is_named_in_vietnamese() -> None:
    code, vi = _run("check", "--lang", "fr")
    assert code == 2
    assert "(biến môi trường: 'EAKIT_LANG')" in vi and "env var" not in vi


def test_any_other_click_error_is_shown_under_the_readers_error_word() -> None:
    error = ClickException("Could not open file 'x': denied")
    for lang, word in (("vi", "Lỗi"), ("en", "Error")):
        shown = in_reader_lang(error, lang)
        assert shown.exit_code == error.exit_code and in_reader_lang(shown, "en") is shown
        out = io.StringIO()
        shown.show(out)
        assert out.getvalue() == f"{word}: Could not open file 'x': denied\n"


@pytest.mark.parametrize(("lang", "said"), [("vi", "Đã dừng."), ("en", "Aborted!")])
def test_an_interrupted_command_says_so_in_the_readers_language(lang: str, said: str) -> None:
    import typer
    from typer.testing import CliRunner

    from eakit.cli.helptext import catalogue_group

    app = typer.Typer(cls=catalogue_group(lang))

    @app.command()
    def stopped() -> None:
        raise EOFError  # as a prompt meets the end of its input

    @app.command()
    def other() -> None:
        """A second command, so that the group dispatches by name."""

    ran = CliRunner().invoke(app, ["stopped"])
    assert ran.exit_code == 1
    assert said in ran.output
    assert lang == "en" or "Aborted" not in ran.output
