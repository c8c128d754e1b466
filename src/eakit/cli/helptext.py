"""The command line's help (``--help``) in the reader's language.

Typer builds the help from the ``help`` texts of commands and options when it turns the
application into click commands; the code gives catalogue ids there (``help.check.format``,
see :mod:`eakit.messages.catalogue_help`). :func:`catalogue_group` is the class of the
application's click group for one language: it puts that language's words in place of the
ids for every command, option and sub-group, and gives each command a context whose
:class:`HelpFormatter` writes click's own words (``Usage:``, ``Options``, ``default:``...)
in that language too, and turns the errors click raises about the command line into
errors shown in that language (:mod:`eakit.cli.usage_errors`).

The language is known before the application is built: :func:`help_lang` reads ``--lang``
on the command line, else ``EAKIT_LANG``, and ``eakit.cli.main`` passes it in.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from typer import _click as click  # typer runs its own copy of click
from typer._click.exceptions import ClickException
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.exceptions import Abort

from eakit.cli.usage_errors import in_reader_lang
from eakit.messages import CATALOGUE, say

LANGS = ("vi", "en")
HELP_PREFIX = "help."
# The notes typer appends to an option's help: "  [env var: X; default: vi; x>=1]".
_EXTRAS = re.compile(r"  \[([^\[\]]*)\]$")
_HELP_OPTION = "Show this message and exit."  # click's --help, in its own words
_HEADINGS = {"Options": "options", "Arguments": "arguments", "Commands": "commands"}


def help_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the help: the last ``--lang`` on the command line (as click reads
    options), else ``EAKIT_LANG``, else Vietnamese; an unknown value counts as none."""
    chosen = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in LANGS:
            chosen = value
    if chosen is not None:
        return chosen
    env = environ.get("EAKIT_LANG", "")
    return env if env in LANGS else "vi"


def words(text: str | None, lang: str) -> str | None:
    """The catalogue's words for a help id in ``lang``; any other text as it is."""
    if text is not None and text.startswith(HELP_PREFIX) and text in CATALOGUE:
        return say(text).lang(lang)
    return text


def _click_word(key: str, lang: str) -> str:
    return say(f"help.click.{key}").lang(lang)


def _extras(text: str, lang: str) -> str:
    """An option's help with typer's notes (default, environment variable, required) in
    ``lang``; ``x>=1`` and the values stay as they are."""
    if text == _HELP_OPTION:
        return _click_word("help_option", lang)
    found = _EXTRAS.search(text)
    if found is None:
        return text
    notes = []
    for note in found.group(1).split("; "):
        for key, english in (("default", "default: "), ("env_var", "env var: ")):
            if note.startswith(english):
                note = _click_word(key, lang) + note.removeprefix(english)
        if note == "required":
            note = _click_word("required", lang)
        notes.append(note)
    return f"{text[: found.start()]}  [{'; '.join(notes)}]"


class HelpFormatter(click.HelpFormatter):
    """click's help formatter writing its own words in one language."""

    def __init__(self, lang: str, **options: Any) -> None:
        super().__init__(**options)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _click_word("usage", self.lang) + " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        key = _HEADINGS.get(heading)
        super().write_heading(_click_word(key, self.lang) if key else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _extras(text, self.lang)) for term, text in rows], *args, **kwargs)


@cache
def _context_class(lang: str) -> type[click.Context]:
    class CatalogueContext(click.Context):
        def make_formatter(self) -> click.HelpFormatter:
            return HelpFormatter(lang, width=self.terminal_width, max_width=self.max_content_width)

    return CatalogueContext


def translate(command: click.Command, lang: str) -> None:
    """Put the words of ``lang`` in place of the help ids of ``command``, its options and,
    for a group, of every command under it."""
    command.help = words(command.help, lang)
    command.short_help = words(command.short_help, lang)
    command.context_class = _context_class(lang)
    command.options_metavar = say("click.options_metavar").lang(lang)
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = say("click.command_metavar").lang(lang)
    for param in command.params:
        if isinstance(param, TyperOption | TyperArgument):
            param.help = words(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        translate(sub, lang)


@cache
def catalogue_group(lang: str) -> type[TyperGroup]:
    """The class of the application's click group, with its help in ``lang``."""

    class CatalogueGroup(TyperGroup):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            translate(self, lang)

        # Every error click raises while reading the command line passes through one of
        # these two (a command's own parsing runs inside the group's invoke).
        def make_context(self, *args: Any, **options: Any) -> click.Context:
            try:
                return super().make_context(*args, **options)
            except ClickException as error:
                raise in_reader_lang(error, lang) from error

        def invoke(self, ctx: click.Context) -> Any:
            try:
                return super().invoke(ctx)
            except ClickException as error:
                raise in_reader_lang(error, lang) from error
            except (Abort, EOFError):
                # typer would print its English "Aborted!" and end with 1 (an interrupt
                # ends with 130 and no words, as typer does).
                click.echo(file=sys.stderr)
                click.echo(say("click.aborted").lang(lang), file=sys.stderr)
                sys.exit(1)

    return CatalogueGroup
