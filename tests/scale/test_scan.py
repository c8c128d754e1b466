"""The fast position scanner agrees with the composer, or steps aside.

The contract of :func:`eakit.loader.scan.scan_positions`: for any text it returns the
composer's positions exactly, or None. On files yaml_rs reads but the composer rejects it
must return None, so the composer's verdict is never skipped. Told which paths are
needed, it returns a part of those positions that holds every needed one (a key given
twice may then go unnoticed: such files are never read that way).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eakit.generate.emit import model_file
from eakit.loader.scan import needed_paths, scan_positions
from eakit.loader.yamlio import YamlError, YamlPath, compose, decode, nearest_position, parse_fast
from tests.conftest import BUNDLED_MODEL, FIXTURES


def _asked(positions: dict[YamlPath, tuple[int, int]]) -> list[YamlPath]:
    """Paths a check could ask about: some of those in the file (all list items, and one
    in five of the rest) and some that are not (a field the object lacks)."""
    paths = sorted(positions, key=repr)
    asked = [p for n, p in enumerate(paths) if n % 5 == 0 or (p and isinstance(p[-1], int))]
    return asked + [(*p, "name_en") for p in paths[1::4]]


def _agrees_where_needed(text: str, precise: dict[YamlPath, tuple[int, int]]) -> None:
    """A scan told which paths are needed finds each where the composer does, and what
    else it records is right too."""
    asked = _asked(precise)
    partial = scan_positions(text, needed_paths(asked))
    assert partial is not None
    assert partial.items() <= precise.items()
    for path in asked:
        assert nearest_position(partial, path) == nearest_position(precise, path)


def _agrees(text: str) -> bool:
    """The contract, checked on one text; True when the fast path was taken."""
    fast = scan_positions(text)
    try:
        precise = compose(text).positions
    except YamlError as exc:
        try:
            parse_fast(text)
        except (ValueError, RecursionError):
            return False  # neither parser reads it: the loader reports it before locating
        assert fast is None, "the scanner located a file the composer rejects"
        if not exc.message.startswith("duplicate key"):
            assert scan_positions(text, needed_paths([()])) is None
        return False
    if fast is not None:
        assert fast == precise
        _agrees_where_needed(text, precise)
    return fast is not None


def _model_texts(*roots: Path) -> list[tuple[str, str]]:
    texts = []
    for root in roots:
        for path in sorted(root.rglob("*.yaml")):
            text = decode(path.read_bytes(), path.name)
            if isinstance(text, str):
                texts.append((path.relative_to(root).as_posix(), text))
    return texts


def test_generated_files_take_the_fast_path_and_agree(province_model: Path) -> None:
    texts = _model_texts(province_model)
    assert texts
    assert all(_agrees(text) for _, text in texts)


def test_a_check_s_questions_leave_most_keys_unread(province_model: Path) -> None:
    """What locating a check's findings asks of a generated file: every component, a few
    of their fields, some relations. The answers are the composer's; the keys of the
    relations and the unasked fields are not recorded."""
    for _, text in _model_texts(province_model):
        precise = compose(text).positions
        items = [p for p in precise if len(p) == 2 and p[0] in ("components", "relations")]
        asked = items + [(*p, "description") for p in items if p[0] == "components"][::2]
        partial = scan_positions(text, needed_paths(asked))
        assert partial is not None
        assert partial.items() <= precise.items()
        assert all(nearest_position(partial, p) == nearest_position(precise, p) for p in asked)
        assert not [p for p in partial if p[:1] == ("relations",) and len(p) > 2]
        if items:  # a file of components: their other keys are left out
            assert len(partial) < len(precise)


def test_bundled_and_fixture_models_agree() -> None:
    roots = [FIXTURES] + ([BUNDLED_MODEL] if BUNDLED_MODEL.is_dir() else [])
    results = [_agrees(text) for _, text in _model_texts(*roots)]
    assert results
    # Hand-written files use block scalars, comments and blank lines: still the fast path.
    assert sum(results) / len(results) > 0.8


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
def test_outside_the_subset_the_scanner_steps_aside(text: str) -> None:
    assert scan_positions(text) is None
    _agrees(text)


def test_deep_nesting_is_left_to_the_composer() -> None:
    # yaml_rs reads it; the composer rejects it (nesting deeper than 64 levels).
    text = "".join(f"{' ' * depth}k{depth}:\n" for depth in range(70)) + " " * 70 + "k: v\n"
    assert scan_positions(text) is None


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
