"""click's own error messages (an unknown option or command, a missing or bad value) in
the reader's language.

typer's copy of click writes these in English, without gettext. :func:`in_reader_lang`
turns an error click raised into one that shows the same facts in one language: the
message is rebuilt from what the exception carries (the option, the candidates, the
validation error pydantic raised) with catalogue words, and ``show`` writes click's
layout (usage line, help hint, ``Error:``) in that language. A message that is not one
of click's known forms is shown as click wrote it, under the translated ``Error:``.
"""

from __future__ import annotations

import re
from typing import IO, Any

from typer._click import echo
from typer._click import exceptions as click

from eakit.messages import Bilingual, in_lang, say

# The forms of click's and typer's messages that carry no structured data of their own.
_NO_SUCH_COMMAND = re.compile(
    r"^No such command '(?P<name>.*)'\.(?: Did you mean (?P<hint>.+)\?)?$"
)
_EXTRA_ARGS = re.compile(r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$")
_REQUIRES_ONE = re.compile(r"^Option '(?P<option>.+)' requires an argument\.$")
_REQUIRES_MANY = re.compile(r"^Option '(?P<option>.+)' requires (?P<count>\d+) arguments\.$")
_NO_VALUE = re.compile(r"^Option '(?P<option>.+)' does not take a value\.$")
_NOT_ONE_OF = re.compile(r"^(?:Value error, )?(?P<got>.+) is not one of (?P<choices>.+)\.$")
# pydantic's error types typer reports for a bad value, and the limit each one names.
_LIMITS = {
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}
_PARSING = ("int_parsing", "float_parsing", "bool_parsing")


def _reason(error: click.BadParameter) -> str:
    """Why a value is bad, in both languages when pydantic says it in a known way (the
    English text is always pydantic's or click's own)."""
    said = error.message
    if isinstance(said, Bilingual):
        return said
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    first: dict[str, Any] = {}
    if callable(errors):
        found = errors()
        first = found[0] if found else {}
    kind = first.get("type", "")
    ctx = first.get("ctx") or {}
    if kind in _LIMITS and _LIMITS[kind] in ctx:
        return Bilingual(say(f"click.value.{kind}", limit=ctx[_LIMITS[kind]]), said)
    if kind in _PARSING:
        return Bilingual(say(f"click.value.{kind}"), said)
    choice = _NOT_ONE_OF.match(said)
    if choice is not None:
        return Bilingual(say("click.value.not_one_of", **choice.groupdict()), said)
    # A validator's own words, without pydantic's English label for them.
    return Bilingual(said.removeprefix("Value error, "), said)


def _param_hint(error: click.BadParameter) -> str | None:
    """The parameter as click names it in an error (``'--lang' (env var: 'EAKIT_LANG')``),
    its note about the environment variable in both languages."""
    hint = error.param_hint or (error.param.get_error_hint() if error.param else None)
    if hint is None:
        return None
    if not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    note = say("help.click.env_var")
    return Bilingual(hint.replace(f"({note.en}", f"({note}"), hint)


def _bad_parameter(error: click.BadParameter) -> str:
    hint = _param_hint(error)
    if isinstance(error, click.MissingParameter):
        english = error.format_message()
        kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
        if kind not in ("option", "argument"):
            kind = "parameter"
        return Bilingual(say(f"click.missing.{kind}", param=hint or ""), english)
    if hint is None:
        return say("click.invalid_value", reason=_reason(error))
    return say("click.invalid_value_for", param=hint, reason=_reason(error))


def message_of(error: click.ClickException) -> str:
    """The message of a click error, in both languages when it is one of click's forms."""
    if isinstance(error, click.BadParameter):
        return _bad_parameter(error)
    if isinstance(error, click.NoSuchOption) and error.message == (
        f"No such option: {error.option_name}"
    ):
        options = sorted(error.possibilities or ())
        hint = say("click.possible_options", options=", ".join(options)) if options else ""
        return say("click.no_such_option", option=error.option_name, hint=hint)
    text = error.format_message()
    if text == "Missing command.":
        return say("click.missing_command")
    for pattern, key in (
        (_EXTRA_ARGS, "click.extra_args"),
        (_REQUIRES_ONE, "click.requires_value"),
        (_REQUIRES_MANY, "click.requires_values"),
        (_NO_VALUE, "click.takes_no_value"),
    ):
        found = pattern.match(text)
        if found is not None:
            return say(key, **found.groupdict())
    found = _NO_SUCH_COMMAND.match(text)
    if found is not None:
        matches = found.group("hint")
        hint = say("click.did_you_mean", options=matches) if matches else ""
        return say("click.no_such_command", name=found.group("name"), hint=hint)
    return text


class ReaderUsageError(click.UsageError):
    """A usage error click raised, shown in one language."""

    def __init__(self, error: click.UsageError, lang: str) -> None:
        super().__init__(error.message, error.ctx)
        self.exit_code = error.exit_code
        self.original = error
        self.lang = lang

    def format_message(self) -> str:
        return str(in_lang(message_of(self.original), self.lang))

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = say(
                    "click.try_help", command=ctx.command_path, option=ctx.help_option_names[0]
                ).lang(self.lang)
                hint += "\n"
            echo(f"{ctx.get_usage()}\n{hint}", file=file, err=True, color=ctx.color)
        text = say("click.error", message=self.format_message()).lang(self.lang)
        echo(text, file=file, err=True, color=ctx.color if ctx else None)


class ReaderError(click.ClickException):
    """Any other error click raised, under ``Error:`` in one language."""

    def __init__(self, error: click.ClickException, lang: str) -> None:
        super().__init__(error.message)
        self.exit_code = error.exit_code
        self.original = error
        self.lang = lang

    def format_message(self) -> str:
        return self.original.format_message()

    def show(self, file: IO[Any] | None = None) -> None:
        text = say("click.error", message=self.format_message()).lang(self.lang)
        echo(text, file=file, err=True, color=self.show_color)


def in_reader_lang(error: click.ClickException, lang: str) -> click.ClickException:
    """``error`` shown in ``lang``; the help click shows for a bare group, and an error
    already in one language, as they are."""
    if isinstance(error, click.NoArgsIsHelpError | ReaderUsageError | ReaderError):
        return error
    if isinstance(error, click.UsageError):
        return ReaderUsageError(error, lang)
    return ReaderError(error, lang)
