"""The fast position scanner agrees with the composer, or steps aside.

The contract of :func:`eakit.loader.scan.scan_positions`: for any text it returns the
composer's positions exactly, or None. On files yaml_rs reads but the composer rejects it
must return None, so the composer's verdict is never skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eakit.generate.emit import model_file
from eakit.loader.scan import scan_positions
from eakit.loader.yamlio import YamlError, compose, decode, parse_fast
from tests.conftest import BUNDLED_MODEL, FIXTURES


def _agrees(text: str) -> bool:
    """The contract, checked on one text; True when the fast path was taken."""
    fast = scan_positions(text)
    try:
        precise = compose(text).positions
    except YamlError:
        try:
            parse_fast(text)
        except (ValueError, RecursionError):
            return False  # neither parser reads it: the loader reports it before locating
        assert fast is None, "the scanner located a file the composer rejects"
        return False
    if fast is not None:
        assert fast == precise
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
