"""The fast reader of the position scanner agrees with its general reader, and both with
the composer.

:func:`eakit.loader.scan.scan_positions` first tries the line classifier and its runs of
like lines (``_scan_fast``); when that is not sure, the general reader (``_scan_general``)
decides. Whatever the fast reader accepts must be exactly what the general one gives, and
both must give the composer's positions or None (checked by ``_agrees`` of test_scan).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eakit.generate.emit import model_file
from eakit.loader.scan import _scan_fast, _scan_general
from eakit.loader.yamlio import decode
from tests.conftest import BUNDLED_MODEL
from tests.scale.test_scan import _agrees


def _check(text: str) -> bool:
    """Both contracts on one text; True when the fast reader took it."""
    fast = _scan_fast(text)
    if fast is not None:
        assert fast == _scan_general(text), "the fast reader differs from the general one"
    _agrees(text)
    return fast is not None


def _texts(root: Path) -> list[str]:
    texts = [decode(path.read_bytes(), path.name) for path in sorted(root.rglob("*.yaml"))]
    return [text for text in texts if isinstance(text, str)]


def test_generated_files_take_the_fast_reader(province_model: Path) -> None:
    # At national scale nearly every file is located: none may fall back to the slow reader.
    texts = _texts(province_model)
    assert texts
    assert all(_check(text) for text in texts)


@pytest.mark.skipif(not BUNDLED_MODEL.is_dir(), reason="no bundled model")
def test_bundled_files_take_the_fast_reader() -> None:
    # Hand-written: block scalars, comments, blank lines, lists of scalars.
    texts = _texts(BUNDLED_MODEL)
    assert texts
    assert all(_check(text) for text in texts)


@pytest.mark.parametrize(
    "text",
    [
        # Keys the core schema reads as numbers ('_' is ignored among digits).
        "_1: a\n",
        "a:\n  _1e5: x\n  b: y\n",
        "a: {_2: x}\n",
        "a:\n  - _3: x\n",
        # A list item holding ': ' is a mapping, whatever its key looks like.
        "a:\n- a.b: x\n",
        "a:\n- kéy: x\n",
        "a:\n- b:c: d\n",
        "a:\n- 1: 2\n",
        "a:\n  - " + "k" * 200 + ": v\n",
        "a:\n- x:\n",
        # '-' alone is a nested list; ':' before ',' or ']' in a flow makes a key.
        "a:\n- -\n",
        "a: -\n",
        "a: [x:]\n",
        "a: [x:, y]\n",
        "a: {b: c:}\n",
    ],
)
def test_keys_and_items_the_composer_reads_otherwise(text: str) -> None:
    _check(text)


RELATIONS = "".join(
    f"  - {{from: a-{n}, to: b-{n}, type: uses}}\n" for n in range(6)
)  # a run of six relation lines


@pytest.mark.parametrize(
    "text",
    [
        # Runs of keys, broken by every kind of line.
        "components:\n  - id: a\n    kind: b\n    name: Hệ thống một cửa\n  - id: c\n",
        "components:\n  - id: a\n    kind: b\n    tags: [x, y]\n    owner: c\n  - id: d\n",
        "components:\n  - id: a\n    sec:\n      ok: true\n      ref: 1/QĐ\n    since: 2015\n"
        "  - id: b\n    kind: c\n",
        "components:\n  - id: a\n    list:\n    - x\n    - y\n    kind: b\n",
        "components:\n  - id: a\n    list:\n      - x\n      - 'y'\n      - \"z\"\n  - id: b\n",
        "components:\n  - id: a\n    note: |\n      a: colon\n\n      more\n    kind: b\n",
        "components:\n  - id: a\n    # a comment\n    kind: b\n\n  - id: c\n",
        "components:\n  - id: a\n    kind: b  # a comment\n    name: c\n",
        'components:\n  - id: a\n    name: "Sở: Nội vụ"\n    kind: b\n    owner: c\n',
        "components:\n  - id: a\n    name: 'it''s'\n    kind: b\n",
        "components:\n  - id: a\n    name: a\n      continued\n    kind: b\n",
        "components:\n  - id: a\n    kind: b\n  - id: a2\n    kind: b\n    kind: c\n",  # twice
        "components:\n  - id: a\n    true: b\n",
        "components:\n  -   id: a\n      kind: b\n  - id: c\n",
        "components:\n- id: a\n  kind: b\n- id: c\n",
        "components:\n  - id: a\n    kind: b",  # no line break at the end
        "a: 1\nb: 2\nc: x\nd:\n  e: 1\n  f: 2\n",
        # Runs of relations: fewer and more pairs, quotes, flows inside, a key twice.
        "relations:\n" + RELATIONS,
        "relations:\n" + RELATIONS + "  - {from: a}\n  - {from: a, to: b, type: c, d: e, f: g}\n",
        "relations:\n" + RELATIONS + "  - {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7}\n" + RELATIONS,
        "relations:\n" + RELATIONS + '  - {from: a, to: "b, c", type: d}\n' + RELATIONS,
        "relations:\n" + RELATIONS + "  - {from: a, to: [b], type: d}\n",
        "relations:\n" + RELATIONS + "  - {from: a, from: b}\n",
        "relations:\n" + RELATIONS + "  - {from: a, to: b} # ok\n  - {}\n",
        "relations:\n" + RELATIONS + "  - {from: a, to: http://x.vn}\n",
        "relations:\n" + RELATIONS + "  - {from: a,to: b}\n  - { from: a }\n",
        "relations:\n" + RELATIONS + "  - {from: a, null: b}\n",
        "relations:\n" + RELATIONS + "  - [a, b]\n  - x\n",
    ],
)
def test_runs_and_what_breaks_them(text: str) -> None:
    _check(text)


def test_a_run_of_generated_lines_takes_the_fast_reader() -> None:
    components = [
        {"id": f"c{n}", "kind": "application", "name": f"Ứng dụng {n}"} for n in range(50)
    ]
    relations = [{"from": f"c{n}", "to": "c0", "type": "integrates_with"} for n in range(50)]
    assert _check(model_file(components, relations))


# --- property tests -------------------------------------------------------------------------

KEYS = st.sampled_from(["id", "kind", "name", "owner", "from", "to", "type", "a-b", "x_y"])
# Scalars an architect may type, many of which need quotes or make a line leave the subset.
WORDS = st.sampled_from(
    ["a", "b-c", "Hệ thống", "x y", "1", "2020", "true", "null", "http://x.vn", "a#b", "a #b",
     "a, b", "a: b", "x:", "[x]", "{x}", "'q'", '"q"', "-x", "- x", "&a", "*a", "!t", "|", ">",
     "", " ", "QĐ-UBND", "_1", "ê" * 3]
)  # fmt: skip
VALUES = st.one_of(
    WORDS,
    st.lists(WORDS, min_size=1, max_size=9),
    st.dictionaries(KEYS, WORDS, min_size=1, max_size=3),
    st.sampled_from([1, 2.5, True, None]),
)
LINES = st.sampled_from(
    ["  - {a: b}", "    key: value", "    key:", "      - x", "  -", "# c", "", "    true: x",
     "    _1: x", "    _a: y", "    k: 'it''s'", '    k: "a\\"b"', "    k: |", "      text",
     "    k: a # c", "    k: a: b", "  - {a: b, a: c}", "  - {a: [b]}", "  - {a: 'b, c'}",
     "  - [a, b]", "  - x", "  - id: z", "relations:", "components:", "   odd: indent",
     "    k: -", "    k: - x", "    k:x", "  - {a: b,c: d}", "  - { x: y} #",
     "  - {a: b, c: d, e: f, g: h, i: j, k: l, m: n}"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6), max_size=5),
    st.lists(st.dictionaries(KEYS, WORDS, min_size=1, max_size=8), max_size=8),
    st.data(),
)
def test_agrees_on_edited_model_files(
    components: list[dict[str, object]], relations: list[dict[str, object]], data: st.DataObject
) -> None:
    # Files as eakit writes them, then edited by hand: lines put in, replaced, shifted.
    text = model_file(components, relations) if components or relations else "a: 1\n"
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(0, 3))):
        where = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(["insert", "replace", "indent", "dedent"]))
        if edit == "insert":
            lines.insert(where, data.draw(LINES))
        elif edit == "replace":
            lines[where] = data.draw(LINES)
        elif edit == "indent":
            lines[where] = " " + lines[where]
        else:
            lines[where] = lines[where][1:]
    _check("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0, 2, 2, 4, 4, 6, 1, 3]),
            st.sampled_from(["", "", "- ", "-   "]),
            st.one_of(st.none(), KEYS, st.sampled_from(["true", "_1", "a.b", "kéy"])),
            st.sampled_from([": ", ":", ":  "]),
            WORDS,
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["", "\n"]),
)
def test_agrees_on_line_soup(parts: list[tuple[int, str, str | None, str, str]], end: str) -> None:
    lines = ["components:"]
    for indent, dash, key, colon, word in parts:
        body = word if key is None else f"{key}{colon}{word}"
        lines.append(" " * indent + dash + body)
    _check("\n".join(lines) + end)
