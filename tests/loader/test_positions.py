"""Positions come from one path whatever the YAML style, and are the composer's.

The contract of :func:`eakit.loader.positions.yaml_positions`: for any text it returns
exactly the composer's positions, or raises the composer's error. Told which paths
are asked about, it returns a part of those positions that holds what each needs (a key
given twice may then go unnoticed: yaml_rs refuses such files before).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eakit.generate import generate_model
from eakit.generate.emit import model_file
from eakit.loader.positions import yaml_positions
from eakit.loader.yamlio import YamlError, YamlPath, compose, decode, nearest_position
from tests.conftest import BUNDLED_MODEL, FIXTURES


@pytest.fixture(scope="module")
def province_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated one-province model, read-only by convention."""
    return generate_model(tmp_path_factory.mktemp("generated") / "model", 1, 5).root


def _asked(positions: dict[YamlPath, tuple[int, int]]) -> list[YamlPath]:
    """Paths a check could ask about: some of those in the file (all list items, and one
    in five of the rest) and some that are not (a field the object lacks)."""
    paths = sorted(positions, key=repr)
    asked = [p for n, p in enumerate(paths) if n % 5 == 0 or (p and isinstance(p[-1], int))]
    return asked + [(*p, "name_en") for p in paths[1::4]]


def _agrees_where_asked(text: str, precise: dict[YamlPath, tuple[int, int]]) -> None:
    """Told which paths are asked about, it finds each where the composer does, and what
    else it records is right too."""
    asked = _asked(precise)
    partial = yaml_positions(text, asked)
    assert partial.items() <= precise.items()
    for path in asked:
        assert nearest_position(partial, path) == nearest_position(precise, path)


def _agrees(text: str) -> None:
    """The contract, checked on one text."""
    try:
        precise = compose(text).positions
    except YamlError as exc:
        with pytest.raises(YamlError) as raised:
            yaml_positions(text)
        assert (raised.value.line, raised.value.col, raised.value.message) == (
            exc.line,
            exc.col,
            exc.message,
        )
        if not getattr(exc.message, "en", exc.message).startswith("duplicate key"):
            # A path the text does not hold is only known to be absent at the end.
            with pytest.raises(YamlError):
                yaml_positions(text, [("\0absent",)])
        return
    assert yaml_positions(text) == precise
    _agrees_where_asked(text, precise)


def _model_texts(*roots: Path) -> list[str]:
    texts = []
    for root in roots:
        for path in sorted(root.rglob("*.yaml")):
            text = decode(path.read_bytes(), path.name)
            if isinstance(text, str):
                texts.append(text)
    return texts


def _block_style(text: str) -> str:
    """The same data as PyYAML writes it in block style (keys sorted, as its default)."""
    return yaml.safe_dump(yaml.safe_load(text), default_flow_style=False, allow_unicode=True)


def test_generated_files_agree_in_every_style(province_model: Path) -> None:
    texts = _model_texts(province_model)
    assert texts
    for text in texts:
        _agrees(text)
        _agrees(_block_style(text))


def test_a_check_s_questions_leave_most_keys_unread(province_model: Path) -> None:
    """What locating a check's findings asks of a generated file: every component, a few
    of their fields, some relations. The answers are the composer's; the keys of the
    relations and the unasked fields are not recorded."""
    for text in _model_texts(province_model):
        precise = compose(text).positions
        items = [p for p in precise if len(p) == 2 and p[0] in ("components", "relations")]
        asked = items + [(*p, "description") for p in items if p[0] == "components"][::2]
        partial = yaml_positions(text, asked)
        assert partial.items() <= precise.items()
        assert all(nearest_position(partial, p) == nearest_position(precise, p) for p in asked)
        assert not [p for p in partial if p[:1] == ("relations",) and len(p) > 2]
        if items:  # a file of components: their other keys are left out
            assert len(partial) < len(precise)


def test_bundled_and_fixture_models_agree() -> None:
    roots = [FIXTURES] + ([BUNDLED_MODEL] if BUNDLED_MODEL.is_dir() else [])
    texts = _model_texts(*roots)
    assert texts
    for text in texts:
        _agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "components:\n  - &a {id: x}\n  - *a\n",  # anchors and aliases
        "components:\n  - !!str x\n",  # tags
        "components:\n  - {id: x,\n     kind: agency}\n",  # a flow mapping over two lines
        'components:\n  - "quoted key": 1\n',  # quoted keys
        "components:\n  - id: x\n    name: 'a\n      b'\n",  # multi-line quoted value
        "components:\n\t- id: x\n",  # tabs
        "? [a, b]\n: c\n",  # complex keys
        "a: 1\n---\nb: 2\n",  # two documents
        "- a\n- b\n",  # not a mapping
        "components:\n  - id: x\n    true: 1\n",  # a key that is not a string
    ],
)
def test_what_the_composer_judges_is_its_answer(text: str) -> None:
    _agrees(text)


def test_deep_nesting_is_the_composer_s_error() -> None:
    # yaml_rs reads it; the composer rejects it (nesting deeper than 64 levels).
    text = "".join(f"{' ' * depth}k{depth}:\n" for depth in range(70)) + " " * 70 + "k: v\n"
    with pytest.raises(YamlError, match="lồng sâu hơn"):  # "nesting deeper" in Vietnamese
        yaml_positions(text, [("k0", "k1", "absent")])  # read to where k1 ends
    _agrees(text)


# --- property tests -------------------------------------------------------------------------

KEYS = st.sampled_from(
    ["id", "kind", "name", "name_en", "owner", "tags", "description", "properties", "x-y", "a_b"]
)
# Text a model file may hold (no control characters or surrogates), with YAML's indicators.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"),
        st.sampled_from(list(":#-[]{},&*!|>'\"%@`? ")),
    ),
    max_size=30,
)
SCALARS = st.one_of(
    TEXT, st.integers(-5, 3000), st.booleans(), st.none(), st.floats(allow_nan=False)
)
TEXT_ITEMS = st.dictionaries(
    KEYS, st.one_of(TEXT, st.lists(TEXT, max_size=9)), min_size=1, max_size=5
)
STYLES = ["plain", "block", "folded", "flow", "items", "comment"]
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=12,
)
DOCUMENTS = st.fixed_dictionaries(
    {},
    optional={
        "components": st.lists(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6), max_size=4),
        "relations": st.lists(st.dictionaries(KEYS, SCALARS, min_size=1, max_size=4), max_size=3),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    DOCUMENTS,
    st.sampled_from([False, None]),
    st.sampled_from([2, 4]),
    st.sampled_from([40, 80, 1000]),
)
def test_agrees_with_the_composer_on_pyyaml_dumps(
    document: dict[str, object], flow: bool | None, indent: int, width: int
) -> None:
    text = yaml.safe_dump(
        document,
        allow_unicode=True,
        default_flow_style=flow,
        indent=indent,
        width=width,
        sort_keys=False,
    )
    _agrees(text)


VALUE_OBJECTS = st.one_of(
    st.lists(VALUES, min_size=1, max_size=3),
    st.dictionaries(KEYS, VALUES, min_size=1, max_size=3),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(VALUE_OBJECTS, min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(0, 2), KEYS, st.integers(0, 2)), min_size=1, max_size=8),
    st.sampled_from([False, None]),
)
def test_agrees_on_dumps_that_reuse_objects(
    shared: list[list[object] | dict[str, object]],
    places: list[tuple[int, str, int]],
    flow: bool | None,
) -> None:
    # A generator that puts one object in several places: PyYAML anchors it where it is
    # first written and writes an alias wherever it is met again, in components, in
    # their fields, or inside another shared object.
    components: list[dict[str, object]] = [{"id": f"c{n}"} for n in range(3)]
    for component, key, index in places:
        components[component][key] = shared[index % len(shared)]
    if len(shared) > 1 and isinstance(shared[0], dict):
        shared[0]["properties"] = shared[-1]
    text = yaml.safe_dump(
        {"components": components}, allow_unicode=True, default_flow_style=flow, sort_keys=False
    )
    _agrees(text)
    # Any few paths asked about, below aliases or not, with anchors read past or not.
    precise = compose(text).positions
    paths = sorted(precise, key=repr)
    for start in range(min(len(paths), 6)):
        asked = [*paths[start::7], (*paths[-1 - start], "name_en")]
        partial = yaml_positions(text, asked)
        assert partial.items() <= precise.items()
        for path in asked:
            assert nearest_position(partial, path) == nearest_position(precise, path)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, {b: 2}]\nc: *x\nd: [*x, *x]\n",  # aliases as values and as items
        "a: &s v\nb: *s\nc: [*s]\n",  # an anchored scalar
        "a: &x {b: &y [1, 2], c: *y}\nd: *x\n",  # an anchor inside an anchor
        "- &x {a: 1}\n- *x\n- &y [*x]\n- *y\n",  # an alias inside an anchor
        "a: &x {null: 1, b: 2}\nc: *x\n",  # a key that moves its mapping's position
        "a: *x\n",  # an alias before its anchor
        "a: &x [*x]\n",  # an alias inside its own anchor
        "a: &x 1\nb: &x 2\nc: *x\n",  # an anchor given twice
        "&x a: 1\nb: 2\n",  # an anchored key
        "a: &x 1\n*x : 2\n",  # an alias as a key
        "a: &x [&y [&z [1]]]\n" + "".join(f"k{n}: *x\n" for n in range(3)),
    ],
)
def test_anchors_and_aliases(text: str) -> None:
    _agrees(text)


def test_aliases_nested_too_deep_are_the_composer_s_error() -> None:
    # Each level alone is shallow; an alias repeats its anchor's depth where it stands.
    text = "a: &x " + "[" * 40 + "1" + "]" * 40 + "\nb: " + "[" * 30 + "*x" + "]" * 30 + "\n"
    with pytest.raises(YamlError):
        compose(text)
    _agrees(text)
    # Through an anchor holding a deeper anchor.
    text = "a: &x [&y " + "[" * 40 + "1" + "]" * 41 + "\nc: " + "[" * 30 + "*x" + "]" * 30
    with pytest.raises(YamlError):
        compose(text)
    _agrees(text)
    # Through an anchor whose alias inside adds the depth of another.
    text = "a: &x " + "[" * 40 + "1" + "]" * 40 + "\nb: &y [*x]\nc: " + "[" * 30 + "*y" + "]" * 30
    with pytest.raises(YamlError):
        compose(text)
    _agrees(text)


def test_an_alias_bomb_is_the_composer_s_error() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 7)]
    text = "\n".join(lines) + "\n"
    with pytest.raises(YamlError, match="bom bí danh"):  # "alias bomb"
        compose(text)
    _agrees(text)


def test_files_with_aliases_are_located_without_the_composer(
    province_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a generator that reuses objects writes is read from the parser's events, asked
    about in part or in full."""
    import eakit.loader.positions as positions_module

    texts = []
    for text in _model_texts(province_model):
        data = yaml.safe_load(text)
        items = data.get("components") or []
        if len(items) > 1:
            items[1]["tags"] = items[0].setdefault("tags", ["chung"])
            texts.append(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert texts and all("&id001" in text and "*id001" in text for text in texts)
    expected = [compose(text).positions for text in texts]

    def refused(text: str) -> None:
        raise AssertionError("composed")

    monkeypatch.setattr(positions_module, "compose", refused)
    for text, precise in zip(texts, expected, strict=True):
        assert yaml_positions(text) == precise
        asked = [("components", 1, "tags", 0), ("components", 0, "name")]
        partial = yaml_positions(text, asked)
        assert all(nearest_position(partial, p) == nearest_position(precise, p) for p in asked)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(TEXT_ITEMS, max_size=4),
    st.lists(st.dictionaries(KEYS, TEXT, min_size=1, max_size=4), max_size=4),
    st.sampled_from(["", "# a comment\n", "\n\n"]),
)
def test_agrees_with_the_composer_on_eakit_emitted_files(
    components: list[dict[str, object]], relations: list[dict[str, object]], prefix: str
) -> None:
    text = prefix + model_file(components, relations) if (components or relations) else "a: 1\n"
    _agrees(text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_agrees_on_hand_edited_variations(data: st.DataObject) -> None:
    # Comments, blank lines, block scalars, extra spaces after dashes, trailing comments.
    lines = ["# header", "components:"]
    for number in range(data.draw(st.integers(1, 4))):
        dash = " " * data.draw(st.integers(0, 3))
        pad = " " * data.draw(st.integers(1, 3))
        lines.append(f"{dash}-{pad}id: c{number}")
        inner = " " * (len(dash) + 1 + len(pad))
        for key in data.draw(st.lists(KEYS.filter(lambda k: k != "id"), unique=True, max_size=4)):
            style = data.draw(st.sampled_from(STYLES))
            if style == "plain":
                lines.append(f"{inner}{key}: giá trị {number}  # ghi chú")
            elif style == "block":
                lines += [f"{inner}{key}: |", f"{inner}  dòng một", "", f"{inner}    dòng hai"]
            elif style == "folded":
                lines += [f"{inner}{key}: >-", f"{inner}  một: hai # ba", f"{inner}  bốn"]
            elif style == "flow":
                lines.append(f"{inner}{key}: [a, \"b, c\", 'd''e', f]")
            elif style == "items":
                lines += [f"{inner}{key}:", f"{inner}- x", f'{inner}-   "y"']
            else:
                lines += [f"{inner}# {key}", ""]
    lines += ["relations:", '  - {from: a, to: "b}", type: t}  # ok', "  - {}"]
    _agrees("\n".join(lines) + "\n")


# --- hand-edited files ----------------------------------------------------------------------


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
    _agrees(text)


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
    _agrees(text)


def test_a_run_of_generated_lines() -> None:
    components = [
        {"id": f"c{n}", "kind": "application", "name": f"Ứng dụng {n}"} for n in range(50)
    ]
    relations = [{"from": f"c{n}", "to": "c0", "type": "integrates_with"} for n in range(50)]
    _agrees(model_file(components, relations))


EDIT_KEYS = st.sampled_from(["id", "kind", "name", "owner", "from", "to", "type", "a-b", "x_y"])
# Scalars an architect may type, many of which need quotes or make a line leave the subset.
WORDS = st.sampled_from(
    ["a", "b-c", "Hệ thống", "x y", "1", "2020", "true", "null", "http://x.vn", "a#b", "a #b",
     "a, b", "a: b", "x:", "[x]", "{x}", "'q'", '"q"', "-x", "- x", "&a", "*a", "!t", "|", ">",
     "", " ", "QĐ-UBND", "_1", "ê" * 3]
)  # fmt: skip
EDIT_VALUES = st.one_of(
    WORDS,
    st.lists(WORDS, min_size=1, max_size=9),
    st.dictionaries(EDIT_KEYS, WORDS, min_size=1, max_size=3),
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
    st.lists(st.dictionaries(EDIT_KEYS, EDIT_VALUES, min_size=1, max_size=6), max_size=5),
    st.lists(st.dictionaries(EDIT_KEYS, WORDS, min_size=1, max_size=8), max_size=8),
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
    _agrees("\n".join(lines))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0, 2, 2, 4, 4, 6, 1, 3]),
            st.sampled_from(["", "", "- ", "-   "]),
            st.one_of(st.none(), EDIT_KEYS, st.sampled_from(["true", "_1", "a.b", "kéy"])),
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
    _agrees("\n".join(lines) + end)


def test_reading_stops_once_every_asked_path_is_found_or_absent() -> None:
    # What follows the asked paths is not read: here, text the composer would reject.
    text = "components:\n  - id: x\n    kind: agency\nrelations: [\n"
    with pytest.raises(YamlError):
        compose(text)
    asked = [("components", 0, "kind"), ("components", 0, "owner")]  # owner: absent
    positions = yaml_positions(text, asked)
    assert nearest_position(positions, asked[0]) == (3, 5)
    assert nearest_position(positions, asked[1]) == (2, 5)  # at its component
    with pytest.raises(YamlError):  # something asked after the defect: it is read
        yaml_positions(text, [*asked, ("relations", 0)])
