"""Reading the engine's own YAML files (rule packs, the legal registry, waivers) with
positions, and validating them against a JSON Schema into located diagnostics."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eakit.diagnostics import Diagnostic, Location, ModelLoadError
from eakit.loader.positions import yaml_positions
from eakit.loader.yamlio import (
    MAX_FILE_BYTES,
    YamlError,
    YamlPath,
    compose,
    decode,
    nearest_position,
    parse_fast,
)
from eakit.messages import Bilingual, os_reason, say
from eakit.speed.switches import plain

if TYPE_CHECKING:
    # jsonschema has no inline types, and types-jsonschema is not among the dependencies.
    import jsonschema  # type: ignore[import-untyped]
    from referencing import Registry


class RuleConfigError(ModelLoadError):
    """A rule pack, the legal registry or a waivers file is invalid (exit code 2).

    A :class:`eakit.diagnostics.ModelLoadError`, so every command that reports model
    problems reports these the same way (``file:line:col: message``).
    """


@dataclass
class SourceFile:
    """A parsed YAML file: its data and the line/column of every node."""

    display: str  # the path shown in messages
    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def at(self, *path: str | int) -> Location:
        """The location of ``path`` in the file, or of its nearest located parent."""
        return Location(self.display, *nearest_position(self.positions, tuple(path)))


def read_source(path: Path, display: str) -> SourceFile:
    """Read and parse ``path``; raises :class:`RuleConfigError` on unreadable, oversized
    (over :data:`MAX_FILE_BYTES`, like a model file) or bad YAML."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = say("io.file_over_limit", size=size, limit=MAX_FILE_BYTES)
            raise RuleConfigError([Diagnostic(Location(display), message, code="io")])
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleConfigError(
            [Diagnostic(Location(display), say("io.cannot_read", reason=os_reason(exc)), code="io")]
        ) from None
    text = decode(raw, display)
    if isinstance(text, Diagnostic):
        raise RuleConfigError([text])
    # Values from the fast parser, positions from the parser's events; the composer only
    # for what the fast parser refuses (it then says where the problem is, or gives the
    # values: plain scalars resolved by node style, so numbers would arrive as text from
    # the C composer, which is why it is not the first choice).
    try:
        try:
            return SourceFile(display, parse_fast(text), yaml_positions(text))
        except ValueError:
            composed = compose(text)
            return SourceFile(display, composed.data, composed.positions)
    except YamlError as exc:
        raise RuleConfigError(
            [Diagnostic(Location(display, exc.line, exc.col), exc.message, code="yaml")]
        ) from None


SCHEMAS = ("rulepack.schema.json", "legal-basis.schema.json", "waivers.schema.json")


@cache
def bundled_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``eakit/data`` (rule packs, legal registry, waivers)."""
    text = resources.files("eakit.data").joinpath(name).read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    # The pack schema refers to the registry schema's document definition by its $id.
    resources_ = [
        (bundled_schema(n)["$id"], Resource.from_contents(bundled_schema(n))) for n in SCHEMAS
    ]
    return Registry().with_resources(resources_)


def schema_problems(source: SourceFile, schema_name: str, code: str) -> list[Diagnostic]:
    """Validate ``source.data`` against a bundled JSON Schema; one diagnostic per error."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(bundled_schema(schema_name), registry=_registry())
    problems = []
    for error in sorted(validator.iter_errors(source.data), key=lambda e: list(e.absolute_path)):
        path = tuple(error.absolute_path)
        where = "/".join(str(p) for p in path) or say("schema.the_file")
        message = _explain(error)
        problems.append(
            Diagnostic(source.at(*path), say("schema.at", where=where, message=message), code=code)
        )
    return problems


MAX_MESSAGE_CHARS = 240  # of a schema message, which quotes the value it is about
MAX_VALUE_CHARS = 60  # of that value


def _shown(value: Any) -> str:
    """A value quoted in a message: a mapping or list by its kind, text cut short (a
    file that is one long string must not be printed whole)."""
    if isinstance(value, dict):
        return say("shown.mapping")
    if isinstance(value, list):
        return say("shown.list")
    text = repr(value)
    if len(text) > MAX_VALUE_CHARS:
        return say("shown.long_repr", head=text[: MAX_VALUE_CHARS - 4], count=len(str(value)))
    return text


def _short(error: jsonschema.ValidationError, message: str) -> str:
    """``message`` with the value it quotes shortened, and no longer than
    :data:`MAX_MESSAGE_CHARS`."""
    quoted = repr(error.instance)
    if len(quoted) > MAX_VALUE_CHARS and quoted in message:
        message = message.replace(quoted, _shown(error.instance))
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 3] + "..."
    return message


def _explain(error: jsonschema.ValidationError) -> str:
    """A short message for a schema error (the best sub-error of a oneOf/anyOf): the
    validator's English words, and Vietnamese ones said from what failed."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

        error = best_match(error.context)
    if error.validator == "additionalProperties":
        english = error.message.replace("Additional properties are not allowed", "unknown key(s)")
    else:
        english = error.message
    return Bilingual(_short(error, _vietnamese(error)), _short(error, english))


_TYPE_WORDS = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": "danh sách",
    "object": "bảng khóa: giá trị",
    "null": "giá trị rỗng",
}


def _vietnamese(error: jsonschema.ValidationError) -> str:
    """A schema error in Vietnamese, from the validator that failed and its value."""
    value, expected = _shown(error.instance), error.validator_value
    if error.validator == "required":
        missing = [
            k for k in expected if isinstance(error.instance, dict) and k not in error.instance
        ]
        return say("jschema.required", keys=", ".join(f"'{k}'" for k in missing))
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        return say("jschema.unknown_keys", keys=", ".join(f"'{k}'" for k in extra))
    if error.validator == "type":
        kinds = [expected] if isinstance(expected, str) else list(expected)
        words = " hoặc ".join(_TYPE_WORDS.get(k, k) for k in kinds)
        return say("jschema.type", value=value, expected=words)
    if error.validator in ("enum", "const"):
        options = expected if isinstance(expected, list) else [expected]
        return say("jschema.enum", value=value, options=", ".join(map(str, options)))
    if error.validator == "pattern":
        return say("jschema.pattern", value=value, pattern=expected)
    if error.validator in ("minimum", "exclusiveMinimum"):
        return say("jschema.minimum", value=value, limit=expected)
    if error.validator in ("maximum", "exclusiveMaximum"):
        return say("jschema.maximum", value=value, limit=expected)
    if error.validator in ("minLength", "minItems", "minProperties"):
        return say("jschema.too_short", value=value, limit=expected)
    if error.validator in ("maxLength", "maxItems", "maxProperties"):
        return say("jschema.too_long", value=value, limit=expected)
    if error.validator == "format":
        return say("jschema.format", value=value, format=expected)
    return say("jschema.other", value=value, rule=error.validator)


def builtin_rules_dir() -> Path:
    """The folder of the bundled packs: ``rules/`` at the repository root (src layout),
    or ``eakit/data/rules`` when the packs are installed as package data."""
    repo = Path(__file__).resolve().parents[3] / "rules"
    if repo.is_dir():
        return repo
    return Path(__file__).resolve().parents[1] / "data" / "rules"


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is one of eakit's own rule files (packs, legal registry)."""
    try:
        return path.resolve().is_relative_to(builtin_rules_dir().resolve())
    except OSError:
        return False


_VALIDATED: dict[tuple[str, int, int, str, str], SourceFile] = {}


def read_validated(path: Path, display: str, schema_name: str, code: str) -> SourceFile:
    """Read a file and validate it against a bundled schema; raises
    :class:`RuleConfigError`. Valid files are cached in-process by path, size and
    modification time (the bundled packs are read once per process, not per check).

    eakit's own rule files are part of the program and are validated by its test suite
    (``tests/rules/test_bundled_schemas.py``), not on every run, as its Python modules
    are; the plain path (:func:`eakit.speed.switches.plain`) validates them too. Every other file
    (a model's packs, registry and waivers) is validated each time it is read."""
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, display, schema_name)
    except OSError:
        key = None
    if key is not None and key in _VALIDATED:
        return _VALIDATED[key]
    source = read_source(path, display)
    trusted = is_bundled(path) and not plain()
    problems = [] if trusted else schema_problems(source, schema_name, code)
    if problems:
        raise RuleConfigError(problems)
    if key is not None:
        _VALIDATED[key] = source
    return source
