"""Safe YAML reading with two parsers: a fast one and a precise one.

Most files are parsed by ``yaml_rs`` (a Rust parser, several times faster than
PyYAML's C loader) which rejects duplicate keys and bounds alias expansion. It keeps
no positions: where something must be located, :mod:`eakit.loader.positions` reads them
from PyYAML's C parser. The precise parser, PyYAML's C composer, reads the files
``yaml_rs`` would read otherwise than eakit means (tags, merge keys, several
documents, ...) and explains parse errors; it builds the same values (YAML 1.2 core
schema, like ``yaml_rs``) together with a map from YAML path to line and column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml_rs

from eakit.diagnostics import Diagnostic, Location
from eakit.messages import say
from eakit.text import nfc

# The names of the YAML files eakit reads: model files, rule packs, waivers.
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES_PER_BYTE = 4  # alias expansion may not blow a file up beyond this many nodes/byte
MIN_NODE_BUDGET = 100_000
MAX_KEY_CHARS = 1024  # PyYAML's limit on a plain key; yaml_rs has none, so we state it
# yaml_rs recurses once per block level and overflows its stack (a crash, not an error)
# somewhere past 10,000 levels. A block level needs one more column of indentation or
# indicator, so only a long run of leading spaces and '- ', '? ', ': ' can nest deeply:
# such files go to the composer, which bounds nesting.
MAX_BLOCK_RUN = 4 * MAX_DEPTH

YamlPath = tuple[str | int, ...]

# At a line start: a document marker or directive, a complex key '? ', or a run of
# indentation and indicators long enough to nest deeply. Searched as "\n" + each (a
# literal prefix the regex engine finds quickly) plus the first line on its own.
_MARKER_LINE = r"---|\.\.\.|%"  # document markers and directives
_KEY_LINE = r"[ ]*(?:-[ ]+)*\?(?=[ \t\n]|\Z)"  # a complex key
_DEEP_LINE = rf"[ ?:-]{{{MAX_BLOCK_RUN}}}"  # deep block nesting
_FIRST_LINE_HINT = re.compile(rf"(?:{_MARKER_LINE}|{_KEY_LINE}|{_DEEP_LINE})")
# The same after a line break, one regex each: a search for one alternative skips from
# line break to line break in C, while the three together try each at every line (three
# times as slow over a national model's 55 MB, in the worker that parses it).
_LINE_HINTS = (re.compile(rf"\n(?:{_MARKER_LINE})"), re.compile(rf"\n{_DEEP_LINE}"))
_KEY_LINE_HINT = re.compile(rf"\n{_KEY_LINE}")
# One '---' line may open the file, after blank and comment lines only (yamllint asks
# for it by default): both parsers read the one document that follows alike.
_OPENING_MARKER = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*---(?:[ \t]+(?:#[^\n]*)?)?(?:\n|\Z)")
# YAML's printable set minus the line breaks PyYAML (YAML 1.1) knows and yaml_rs
# (YAML 1.2) does not: with them the two parsers would see different lines.
_NOT_ALLOWED = re.compile(
    r"[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Bytes that cannot begin a character _NOT_ALLOWED refuses: all but the C0 controls
# (tab, LF and CR aside), DEL, and the lead bytes of U+0080-U+009F (C2), of U+2028 and
# U+2029 (E2) and of U+FFFE and U+FFFF (EF). Deleting them from a file's bytes takes a
# fraction of the time of searching its text with the regex, which a file needs only
# when something is left.
_CANNOT_BE_REFUSED = bytes(
    b for b in range(256) if (b >= 0x20 or b in b"\t\n\r") and b not in b"\x7f\xc2\xe2\xef"
)
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}

# YAML 1.2 core schema, as yaml_rs resolves plain scalars (timestamps stay strings:
# pydantic parses dates where a field wants one, and a quoted date stays text).
_PLAIN_WORDS = {
    **dict.fromkeys(("~", "null", "Null", "NULL", ""), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
# Numbers as yaml_rs (which reads most files) resolves them, so that the composer reads
# the same values: an optional sign, then 0x/0o/0b digits (either case), or digits and
# a float form, with '_' ignored anywhere after the sign. Checked against yaml_rs on
# every short string of digits, letters, signs, dots and '_' (see tests/loader).
_RADIX = re.compile(r"^0([xXoObB])([0-9a-fA-F_]*)$")
_BASES = {"x": 16, "o": 8, "b": 2}
_DIGITS = re.compile(r"^[0-9]+$")
_FLOAT = re.compile(r"^(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# Python turns at most 4,300 decimal digits into an int (and back into text); no model
# needs a number anywhere near this long, and refusing it early keeps every later step
# (messages, JSON output) from failing on one.
MAX_NUMBER_DIGITS = 1000
# A run of characters a number can be written with, longer than any number eakit reads:
# such a file goes to the composer, which says where the number is.
_LONG_NUMBER_RUN = re.compile(rf"[0-9a-fA-F_]{{{MAX_NUMBER_DIGITS + 1}}}")
_NUMBER_RUN = re.compile(r"[0-9a-fA-F_]*")
_INF = (".inf", ".Inf", ".INF")
_NAN = (".nan", ".NaN", ".NAN")


MAX_EXCERPT_CHARS = 60  # of a key, tag or alias quoted in a message
MAX_PROBLEM_CHARS = 200  # of a parser's own words, which may quote the file


def excerpt(text: str, limit: int = MAX_EXCERPT_CHARS) -> str:
    """``text`` cut to ``limit`` characters: a message quotes a file, never prints it."""
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


class YamlError(Exception):
    """A YAML-level problem at a location."""

    def __init__(self, line: int, col: int, message: str, related: tuple[int, int] | None = None):
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message
        self.related = related


def nearest_position(positions: dict[YamlPath, tuple[int, int]], path: YamlPath) -> tuple[int, int]:
    """The (line, column) of ``path``, or of its nearest parent that has one (1:1 when
    none has): a message about a value points at the value, its key or its object."""
    while path:
        found = positions.get(path)
        if found is not None:
            return found
        path = path[:-1]
    return (1, 1)


def number_too_long(value: str) -> bool:
    """Whether the plain scalar ``value`` is an integer of more than
    :data:`MAX_NUMBER_DIGITS` digits (in any base)."""
    if len(value) <= MAX_NUMBER_DIGITS:
        return False
    body = value[1:] if value[:1] in ("+", "-") else value
    radix = _RADIX.match(body)
    digits = radix.group(2) if radix is not None else body
    plain = digits.replace("_", "")
    return len(plain) > MAX_NUMBER_DIGITS and (radix is not None or bool(_DIGITS.match(plain)))


def resolve_plain(value: str) -> Any:
    """Resolve an untagged plain scalar: YAML 1.2 core schema, as yaml_rs reads it."""
    if value in _PLAIN_WORDS:
        return _PLAIN_WORDS[value]
    sign = value[:1] if value[:1] in ("+", "-") else ""
    body = value[len(sign) :]
    radix = _RADIX.match(body)
    if radix is not None:
        digits = radix.group(2).replace("_", "")
        try:
            return int(sign + digits, _BASES[radix.group(1).lower()]) if digits else value
        except ValueError:  # a digit too big for the base: '0o8'
            return value
    plain = body.replace("_", "")
    if _DIGITS.match(plain):
        try:
            return int(sign + plain)
        except ValueError:  # more digits than Python converts: the loader refuses it
            return value
    if _FLOAT.match(plain):
        return float(sign + plain)
    if body in _INF:
        return -math.inf if sign == "-" else math.inf
    if value in _NAN:
        return math.nan
    return value


def plain_key(value: str) -> Any:
    """A plain mapping key as the composer reads it: resolved, but for NaN (never equal
    to itself, so never found again), which stays text."""
    key = resolve_plain(value)
    return value if isinstance(key, float) and math.isnan(key) else key


@dataclass
class Composed:
    """Values of one file with the line and column of every mapping key and node."""

    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)


def _too_long(node: yaml.Node) -> YamlError:
    mark = node.start_mark
    message = say("yaml.long_number", digits=len(node.value), limit=MAX_NUMBER_DIGITS)
    return YamlError(mark.line + 1, mark.column + 1, message)


class _Builder:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.positions: dict[YamlPath, tuple[int, int]] = {}
        self.built: set[int] = set()
        # Path of the alias being expanded (outermost): an alias node is the anchored node
        # itself, so its own position is lost; the key holding it is where to point.
        self.expanding: YamlPath | None = None

    def _bomb(self, where: tuple[int, int]) -> YamlError:
        path = self.expanding or ()
        while path and not (isinstance(path[-1], str) and path in self.positions):
            path = path[:-1]
        if path:
            where = self.positions[path]
        return YamlError(*where, say("yaml.alias_bomb"))

    def build(self, node: yaml.Node, path: YamlPath, depth: int) -> Any:
        seen = id(node) in self.built
        if seen and self.expanding is None:
            self.expanding = path
            try:
                return self.build_node(node, path, depth)
            finally:
                self.expanding = None
        if not seen:
            self.built.add(id(node))
        return self.build_node(node, path, depth)

    def build_node(self, node: yaml.Node, path: YamlPath, depth: int) -> Any:
        self.budget -= 1
        mark = node.start_mark
        where = (mark.line + 1, mark.column + 1)
        if self.budget < 0:
            raise self._bomb(where)
        if depth > MAX_DEPTH:
            raise YamlError(*where, say("yaml.too_deep", limit=MAX_DEPTH))
        if node.tag not in _STANDARD_TAGS:
            raise YamlError(*where, say("yaml.tag_plain", tag=excerpt(node.tag)))
        self.positions.setdefault(path, where)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            seen: dict[Any, tuple[int, int]] = {}  # key -> where it is first given
            for key_node, value_node in node.value:
                km = key_node.start_mark
                at = (km.line + 1, km.column + 1)
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlError(*at, say("yaml.key_scalar"))
                if key_node.value == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlError(*at, say("yaml.merge_key"))
                if not key_node.style and number_too_long(key_node.value):
                    raise _too_long(key_node)
                if key_node.tag not in _STANDARD_TAGS:
                    raise YamlError(*at, say("yaml.tag", tag=excerpt(key_node.tag)))
                key = plain_key(key_node.value) if not key_node.style else key_node.value
                if key in seen:
                    first = seen[key]
                    message = say("yaml.duplicate_key", key=excerpt(key_node.value), line=first[0])
                    raise YamlError(*at, message, related=first)
                seen[key] = at
                child_path = (*path, key) if isinstance(key, str | int) else path
                self.positions[child_path] = at
                result[key] = self.build(value_node, child_path, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        if not node.style:  # plain: None from PyYAML, "" from its C composer
            if number_too_long(node.value):
                raise _too_long(node)
            return resolve_plain(node.value)
        return node.value


def _line(text: str, number: int) -> str:
    """Line ``number`` (1-based) of ``text``, without its newline."""
    lines = text.split("\n", number)
    return lines[number - 1] if len(lines) >= number else ""


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    """PyYAML's parser error in the words of someone editing the file."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = exc.context or ""
    start = exc.context_mark
    opened = (start.line + 1, start.column + 1) if start else None
    problem = exc.problem or context or ""
    char = _line(text, line)[col - 1 : col]
    if "maximum nesting depth" in problem:
        return YamlError(line, col, say("yaml.too_deep", limit=MAX_DEPTH))
    if problem.startswith("did not find expected ','") and opened:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return YamlError(
            *opened, say("yaml.never_closed", bracket=bracket, closing=closing, line=line, col=col)
        )
    if "quoted scalar" in context and "end of stream" in problem and opened:
        return YamlError(*opened, say("yaml.quote_open"))
    if problem == "found character that cannot start any token":
        if char == "\t":
            return YamlError(line, col, say("yaml.tab"))
        return YamlError(line, col, say("yaml.bad_start", char=char))
    if problem == "mapping values are not allowed in this context":
        before = _line(text, line)[: col - 1].strip().lstrip("-? ").strip()
        if len(before) > MAX_KEY_CHARS:
            return YamlError(
                line, col, say("yaml.long_key", length=len(before), limit=MAX_KEY_CHARS)
            )
        return YamlError(line, col, say("yaml.unexpected_colon"))
    if problem == "could not find expected ':'" and opened:
        # The key runs to the last ': ' on its line (a long key has one; a value may not).
        key = _line(text, opened[0])[opened[1] - 1 :].rsplit(": ", 1)[0].strip()
        if len(key) > MAX_KEY_CHARS:
            return YamlError(*opened, say("yaml.long_key", length=len(key), limit=MAX_KEY_CHARS))
        return YamlError(*opened, say("yaml.expected_colon"))
    if problem in ("did not find expected '-' indicator", "did not find expected key"):
        return YamlError(line, col, say("yaml.indentation"))
    if problem == "found undefined alias":
        name = re.match(r"\*?([^\s,\[\]{}]*)", _line(text, line)[col - 1 :])
        alias = excerpt(name.group(1)) if name else ""
        return YamlError(line, col, say("yaml.undefined_alias", alias=alias))
    if context.startswith("found duplicate anchor") and opened:
        return YamlError(line, col, say("yaml.anchor_twice", line=opened[0]), related=opened)
    if context == "expected a single document in the stream":
        return YamlError(line, col, say("yaml.second_document"))
    if context and context not in problem:
        problem = f"{problem} ({context})"
    return YamlError(line, col, invalid_yaml(problem))


def invalid_yaml(problem: str) -> str:
    """A parser's own problem text: in English only (it comes from the parser), after
    words saying what the problem is about."""
    if not problem:
        return say("yaml.invalid")
    return say("yaml.invalid_because", problem=excerpt(problem, MAX_PROBLEM_CHARS))


def compose(text: str) -> Composed:
    """Parse ``text`` precisely: values plus positions; raises :class:`YamlError`."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)  # type: ignore[attr-defined]
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, invalid_yaml(str(exc))) from None
    if node is None:
        return Composed(None)
    builder = _Builder(max(MIN_NODE_BUDGET, MAX_NODES_PER_BYTE * len(text)))
    return Composed(builder.build(node, (), 0), builder.positions)


def _may_have_tag(text: str) -> bool:
    """A '!' where a tag can start: first, or after a space, bracket, ',', ':' or '-'."""
    index = text.find("!")
    while index != -1:  # str.find is far faster than a regex here, and '!' is rare
        if index == 0 or text[index - 1] in " \t\n[{,:-":
            return True
        index = text.find("!", index + 1)
    return False


def needs_precise(text: str) -> bool:
    """Whether ``text`` uses YAML that only the composer reads as eakit means it.

    Tags, merge keys, complex keys, several documents, directives and deep block
    nesting are read differently by yaml_rs, or not safely; cheap substring tests
    come first because most files have none of them. A file may open with one
    document marker (see :data:`_OPENING_MARKER`).
    """
    opening = _OPENING_MARKER.match(text)
    if opening is not None:
        text = text[opening.end() :]
    return bool(
        _may_have_tag(text)
        or ("<" in text and "<<" in text)  # '<' is rare, and found faster alone
        or _FIRST_LINE_HINT.match(text)
        or any(hint.search(text) for hint in _LINE_HINTS)
        or ("?" in text and _KEY_LINE_HINT.search(text))
        or _has_long_number_run(text)
    )


def _has_long_number_run(text: str) -> bool:
    """Whether ``text`` holds a run of more than :data:`MAX_NUMBER_DIGITS` characters a
    number can be written with (what ``_LONG_NUMBER_RUN.search`` finds).

    Such a run covers a multiple of :data:`MAX_NUMBER_DIGITS`, so only the runs through
    those offsets are measured, each by its end: searching the whole text with the regex
    tries it at every letter a to f, and took most of the time spent sorting files for
    the two parsers."""
    step = MAX_NUMBER_DIGITS
    for offset in range(0, len(text), step):
        run = _NUMBER_RUN.match(text, offset)  # empty unless a run goes through here
        if (
            run is not None
            and run.end() > step
            and _LONG_NUMBER_RUN.match(text, run.end() - step - 1)
        ):
            return True
    return False


def parse_fast(text: str) -> Any:
    """Parse ``text`` with yaml_rs; raises ``ValueError`` on anything unusual.

    The caller falls back to :func:`compose` to locate the problem; callers check
    :func:`needs_precise` first.
    """
    if needs_precise(text):
        raise ValueError("needs the precise parser")
    return yaml_rs.loads(
        text,
        parse_datetime=False,
        duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        alias_limits=yaml_rs.AliasLimits(
            max_total_replayed_events=max(MIN_NODE_BUDGET, MAX_NODES_PER_BYTE * len(text)),
            max_replay_stack_depth=MAX_DEPTH,
        ),
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - text.rfind("\n", 0, offset)


def _may_be_refused(raw: bytes) -> bool:
    """Whether UTF-8 ``raw`` may hold a character :func:`decode` refuses (``False``: it
    holds none)."""
    left = raw.translate(None, _CANNOT_BE_REFUSED)
    if not left:
        return False
    if left.strip(b"\xe2"):
        return True
    # Only E2 lead bytes, common in Vietnamese text (dashes, quotes): U+2028 or U+2029?
    return b"\xe2\x80\xa8" in raw or b"\xe2\x80\xa9" in raw


def _utf16(raw: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when the bytes look like it (with or without a BOM)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:200]
    half = len(head) // 2
    # ASCII text in UTF-16 has a NUL in every other byte and none in the others.
    for nuls, text in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if half >= 2 and nuls.count(0) > half // 2 and text.count(0) <= half // 8:
            return "UTF-16"
    return None


def decode(raw: bytes, rel: str) -> str | Diagnostic:
    """Decode model-file bytes as UTF-8 (a BOM is allowed) and normalise to NFC.

    Line ends become ``\n``; NUL, control characters and the Unicode line separators
    are refused, because the two parsers would not agree on them.
    """
    wide = _utf16(raw)
    if wide is not None:
        return Diagnostic(Location(rel), say("encoding.wide", encoding=wide), code="encoding")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        return Diagnostic(
            Location(rel, line, col),
            say("encoding.not_utf8", byte=f"{raw[exc.start]:02x}"),
            code="encoding",
        )
    if b"\r" in raw:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _NOT_ALLOWED.search(text) if _may_be_refused(raw) else None
    if bad is not None:
        char = bad.group()
        if char == "\x00":
            what = say("encoding.nul")
        elif char in "\x85\u2028\u2029":
            what = say("encoding.line_separator", code=f"{ord(char):04X}")
        else:
            what = say("encoding.control", code=f"{ord(char):04X}")
        return Diagnostic(Location(rel, *_position(text, bad.start())), what, code="encoding")
    return nfc(text)
