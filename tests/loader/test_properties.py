"""Property tests: the two YAML parsers agree, positions are real, valid models round-trip."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eakit.loader import load_model
from eakit.loader.yamlio import compose, parse_fast, resolve_plain
from eakit.model import KIND_CLASSES

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
LETTERS = VIETNAMESE + VIETNAMESE.upper() + "fjwzFJWZ"
# Strings a YAML reader may take for something else when they are written plain.
LOOKALIKES = [
    "2020-01-01",
    "2020-1-1",
    "12:30",
    "1_000",
    "0x1F",
    "0X1f",
    "0o17",
    "0b101",
    "1e3",
    "-2.5e-3",
    ".5",
    "+1",
    "007",
    "1.",
    "yes",
    "no",
    "on",
    "off",
    "True",
    "FALSE",
    "Null",
    "~",
    "null",
    ".inf",
    "-.Inf",
    "3.14",
    "1,000",
    "0.1",
    "_1",
    "1_",
    "+0x1F",
    "QĐ-UBND",
]
PLAIN_CHARS = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")

text = st.text(alphabet=LETTERS + "0123456789 .,-/()&'\"", min_size=1, max_size=30)
words = st.one_of(text, st.sampled_from(LOOKALIKES))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    words,
)
# Keys stay text ('True' and 'TRUE' would both be the key true: a duplicate).
keys = st.text(alphabet=LETTERS + "_", min_size=1, max_size=12).filter(
    lambda k: resolve_plain(k) == k
)
documents = st.dictionaries(
    keys,
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=12,
    ),
    min_size=1,
    max_size=5,
)
styles = st.sampled_from(["plain", "single", "double"])


def plain_ok(value: str) -> bool:
    """Whether a string can be written plain (both parsers then resolve it themselves)."""
    return bool(PLAIN_CHARS.match(value)) and value == value.strip() and " #" not in value


def scalar_text(value: Any, style: str, faithful: bool = False) -> str:
    """``value`` in YAML; ``faithful`` quotes strings a reader would take for another type."""
    if value is None:
        return "null" if style == "plain" else "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if style == "plain" and plain_ok(value) and not (faithful and resolve_plain(value) != value):
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def emit(value: Any, indent: int, style: str, flow: bool, faithful: bool = False) -> list[str]:
    """Block-style YAML lines for a mapping or list (lists of scalars in flow style if asked)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                nested = emit(item, indent + 2, style, flow, faithful)
                if len(nested) == 1 and nested[0].lstrip().startswith("["):
                    lines.append(f"{pad}{key}: {nested[0].strip()}")
                else:
                    lines.append(f"{pad}{key}:")
                    lines.extend(nested)
            elif isinstance(item, dict | list):
                lines.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{pad}{key}: {scalar_text(item, style, faithful)}")
        return lines
    if flow and all(not isinstance(i, dict | list) for i in value):
        return [pad + "[" + ", ".join(scalar_text(i, style, faithful) for i in value) + "]"]
    for item in value:
        if isinstance(item, dict | list) and item:
            lines.append(f"{pad}-")
            lines.extend(emit(item, indent + 2, style, flow, faithful))
        elif isinstance(item, dict | list):
            lines.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}")
        else:
            lines.append(f"{pad}- {scalar_text(item, style, faithful)}")
    return lines


def same(a: Any, b: Any) -> bool:
    """Equal, with types (1 is not True, 1.0 is not 1), and NaN equal to itself."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


# How a file may open: the fast parser reads those with one document marker too.
OPENINGS = st.sampled_from(["", "---\n", "# đầu tệp\n\n--- # tài liệu\n", "---\t\n"])


@settings(max_examples=80, deadline=None)
@given(documents, styles, st.booleans(), OPENINGS)
def test_fast_and_precise_parsers_read_the_same_values(
    doc: dict, style: str, flow: bool, opening: str
) -> None:
    text = opening + "\n".join(emit(doc, 0, style, flow)) + "\n"
    fast = parse_fast(text)
    precise = compose(text).data
    assert same(fast, precise), text


@settings(max_examples=60, deadline=None)
@given(words)
def test_plain_scalars_resolve_alike(word: str) -> None:
    if plain_ok(word):
        assert same(parse_fast(f"a: {word}\n")["a"], resolve_plain(word))


@settings(max_examples=60, deadline=None)
@given(documents, styles, st.booleans())
def test_every_reported_position_is_inside_the_text(doc: dict, style: str, flow: bool) -> None:
    text = "\n".join(emit(doc, 0, style, flow)) + "\n"
    lines = text.split("\n")
    for path, (line, col) in compose(text).positions.items():
        assert 1 <= line <= len(lines), path
        assert 1 <= col <= len(lines[line - 1]) + 1, path


# --- a valid model written from generated components round-trips -------------------------------

ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
names = st.text(alphabet=LETTERS + " ", min_size=1, max_size=40).map(str.strip).filter(bool)
years = st.integers(min_value=1990, max_value=2100)


@st.composite
def components(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few valid agencies and applications, the applications owned by the agencies."""
    unique = draw(st.lists(ids, min_size=2, max_size=8, unique=True))
    agencies, apps = unique[: len(unique) // 2], unique[len(unique) // 2 :]
    result: list[dict[str, Any]] = []
    for cid in agencies:
        agency = {
            "id": cid,
            "kind": "agency",
            "name": draw(names),
            "agency_type": draw(st.sampled_from(["department", "district", "commune"])),
        }
        if draw(st.booleans()):
            agency["computer_ratio"] = draw(st.floats(min_value=0, max_value=1))
        result.append(agency)
    for cid in apps:
        app: dict[str, Any] = {
            "id": cid,
            "kind": "application",
            "name": draw(names),
            "owner": draw(st.sampled_from(agencies)),
            "status": draw(st.sampled_from(["current", "planned", "retired"])),
            "since": draw(years),
            "security_level": draw(st.integers(min_value=1, max_value=5)),
            "shared": draw(st.booleans()),
            "tags": draw(st.lists(st.one_of(names, st.sampled_from(LOOKALIKES)), max_size=3)),
            "properties": draw(st.dictionaries(keys, scalars.filter(lambda v: v is not None))),
        }
        if draw(st.booleans()):
            app["description"] = draw(names)
        result.append(app)
    return result


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(components(), styles, st.booleans())
def test_generated_model_round_trips_through_the_loader(
    tmp_path_factory: pytest.TempPathFactory, items: list[dict[str, Any]], style: str, flow: bool
) -> None:
    root: Path = tmp_path_factory.mktemp("model")
    (root / "eakit.yaml").write_text(
        "eakit: 1\narchitecture:\n  id: tinh-mau\n  name: Tỉnh Mẫu\n"
        "  framework: vn-egov-2.0\n  as_of: 2020-12-31\n  horizon: 2025\n",
        encoding="utf-8",
    )
    text = "\n".join(emit({"components": items}, 0, style, flow, faithful=True)) + "\n"
    (root / "model.yaml").write_text(text, encoding="utf-8")
    model = load_model(root)
    expected = {item["id"]: KIND_CLASSES[item["kind"]].model_validate(item) for item in items}
    assert model.components == expected
    for index, item in enumerate(items):
        assert model.component_sources[item["id"]].path == ("components", index)
