"""The pieces behind the messages: decoding, YAML explanations, words for types, hints."""

from __future__ import annotations

import itertools
import math
import re

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from eakit.diagnostics import Diagnostic, Location
from eakit.loader.errors import closest, field_name, shown, slug, suggest, translate
from eakit.loader.expect import describe, field_at
from eakit.loader.suggest import IdSuggester
from eakit.loader.yamlio import (
    _FIRST_LINE_HINT,
    _LONG_NUMBER_RUN,
    _NOT_ALLOWED,
    MAX_BLOCK_RUN,
    MAX_NUMBER_DIGITS,
    YamlError,
    _has_long_number_run,
    _may_be_refused,
    _may_have_tag,
    compose,
    decode,
    needs_precise,
    resolve_plain,
)
from eakit.messages import in_lang
from eakit.model import KIND_CLASSES, Manifest, Relation


def en(text: object) -> object:
    """A message in English (the tests below assert the English words)."""
    return in_lang(text, "en")


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("a: 1\n".encode("utf-16"), "the file is UTF-16; save it as UTF-8"),
        ("a: 1\n".encode("utf-16-be"), "the file is UTF-16; save it as UTF-8"),
        ("a: 1\n".encode("utf-16-le"), "the file is UTF-16; save it as UTF-8"),
        ("a: 1\n".encode("utf-32"), "the file is UTF-32; save it as UTF-8"),
    ],
)
def test_wide_encodings_are_named(raw: bytes, message: str) -> None:
    result = decode(raw, "a.yaml")
    assert isinstance(result, Diagnostic)
    assert (str(result.location), en(result.message)) == ("a.yaml:1:1", message)


def test_binary_zeros_are_not_taken_for_utf16() -> None:
    result = decode(b"\x00" * 64, "a.yaml")
    assert isinstance(result, Diagnostic)
    assert en(result.message) == "NUL character: this is not a text file"


def test_bom_and_line_ends_are_normalised() -> None:
    assert decode(b"\xef\xbb\xbfa: 1\r\nb: 2\rc: 3\n", "a.yaml") == "a: 1\nb: 2\nc: 3\n"


def test_text_is_normalised_to_nfc() -> None:
    decomposed = "tên: Việt".encode().replace("ệ".encode(), "e\u0323\u0302".encode())
    assert decode(decomposed, "a.yaml") == "tên: Việt"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("a: x\x07\n", "a.yaml:1:5", "control character U+0007: remove it"),
        ("a: 1\nb: x\x85y\n", "a.yaml:2:5", "line separator U+0085: use a plain line break"),
        ("a: \u2029\n", "a.yaml:1:4", "line separator U+2029: use a plain line break"),
        ("a: \x7f\n", "a.yaml:1:4", "control character U+007F: remove it"),
    ],
)
def test_characters_the_parsers_disagree_on_are_refused(
    text: str, where: str, message: str
) -> None:
    result = decode(text.encode(), "a.yaml")
    assert isinstance(result, Diagnostic)
    assert (str(result.location), en(result.message)) == (where, message)


def test_every_refused_character_is_found_past_the_quick_test() -> None:
    """Whatever the regex refuses, the quick test on the bytes sends to it: every code
    point, alone and among the Vietnamese text and dashes that make the quick test look
    closer (U+2013 shares its first two bytes with U+2028)."""
    refused = 0
    for code in itertools.chain(range(0xD800), range(0xE000, 0x110000)):
        char = chr(code)
        if char == "\r":
            continue  # a line end, made LF before the test
        for text in (f"a: {char}\n", f"a: Sở – {char} “x”\n"):
            if _NOT_ALLOWED.search(text) is not None:
                assert _may_be_refused(text.encode()), hex(code)
                refused += 1
    # C0 but tab, LF and CR; DEL; C1; U+2028 and U+2029; U+FFFE and U+FFFF
    assert refused == 2 * (0x20 - 3 + 1 + 0x20 + 2 + 2)
    assert not _may_be_refused("tên: Sở Thông tin – 2016–2020 “x”\r\n".encode())


def test_invalid_utf8_is_located_by_character() -> None:
    result = decode("a: Sở\nb: ".encode() + b"\xff\n", "a.yaml")
    assert isinstance(result, Diagnostic)
    assert str(result.location) == "a.yaml:2:4"


# --- the composer ----------------------------------------------------------------------------


def test_composer_types_plain_scalars_like_yaml_rs() -> None:
    text = "a: 1\nb: true\nc: ~\nd: '1'\ne: 0x1F\nf: 2020-01-01\ng: 1.5\nh:\n"
    assert compose(text).data == yaml_rs.loads(text, parse_datetime=False)
    assert compose(text).data == {
        "a": 1,
        "b": True,
        "c": None,
        "d": "1",
        "e": 31,
        "f": "2020-01-01",
        "g": 1.5,
        "h": None,
    }


def test_plain_scalar_resolution_matches_yaml_rs_on_every_short_string() -> None:
    atoms = ["", "_", "0", "1", "7", "9", "a", "f", "x", "O", "b", ".", "e", "+", "-", "inf", "NaN"]
    checked = 0
    for size in (1, 2, 3):
        for parts in itertools.product(atoms, repeat=size):
            value = "".join(parts)
            try:
                expected = yaml_rs.loads(f"a: {value}\n", parse_datetime=False)["a"]
            except yaml_rs.YAMLDecodeError:
                continue  # not a plain scalar ('-', '- 1', ...)
            got = resolve_plain(value)
            both_nan = isinstance(got, float) and math.isnan(got) and math.isnan(expected)
            assert both_nan or (type(got), got) == (type(expected), expected), value
            checked += 1
    assert checked > 4000


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("a: [1, 2\nb: 3\n", 1, 4, "invalid YAML: '[' is never closed"),
        ("a: {x: 1\n", 1, 4, "invalid YAML: '{' is never closed"),
        ("a: 'x\n", 1, 4, "invalid YAML: this quote is never closed"),
        ("a:\n\t- 1\n", 2, 1, "tab character: indent with spaces, not tabs"),
        ("a: `x`\n", 1, 4, "invalid YAML: a value cannot start with '`'; put it in quotes"),
        ("a: *nope\n", 1, 4, "alias '*nope' has no anchor '&nope' before it"),
        ("a: 1\n---\nb: 2\n", 2, 1, "a model file holds one YAML document"),
        ("a: " + "[" * 70 + "]" * 70 + "\n", 1, 68, "nesting deeper than 64 levels"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first defined at line 1)"),
        ("<<: {a: 1}\n", 1, 1, "merge keys ('<<') are not allowed"),
        ("a: !!binary aGk=\n", 1, 4, "tag 'tag:yaml.org,2002:binary' is not allowed"),
    ],
)
def test_yaml_problems_are_explained(text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(YamlError) as caught:
        compose(text)
    assert (caught.value.line, caught.value.col) == (line, col)
    assert en(caught.value.message).startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        "a: !tag x\n",
        "a: [!!str x]\n",
        "<<: *x\n",
        "? [a]\n: 1\n",
        "- ? a\n  : 1\n",
        "---\na: 1\n---\nb: 2\n",
        "---\n---\n",
        "a: 1\n---\n",
        "--- |\n  x\n",
        "--- {a: 1}\n",
        "---#x\na: 1\n",
        "---\n? a\n: 1\n",
        "---\na: 1\n...\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\n" + " " * 300 + "b: 1\n",
        "a:\n" + "- " * 200 + "x\n",
    ],
)
def test_texts_only_the_composer_reads_right_are_sent_to_it(text: str) -> None:
    assert needs_precise(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n",
        "a: Cổng dịch vụ công! (mới)\n",
        "a: 'x? y'\n",
        "a: b<c\n",
        "a: '---'\n",
        # One document marker opening the file, as yamllint asks by default.
        "---\na: 1\n",
        "# Sở KH&CN\n\n  # 2026\n---\na: 1\n",
        "--- # tài liệu\na: 1\n",
        "---\n- a\n",
        "---\n",
    ],
)
def test_plain_files_take_the_fast_path(text: str) -> None:
    assert not needs_precise(text)


# --- what a field expects, in words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "loc", "words"),
    [
        ("application", ("security_level",), "an integer from 1 to 5"),
        ("application", ("since",), "a year from 1990 to 2100"),
        ("agency", ("computer_ratio",), "a number from 0 to 1"),
        ("network", ("connection_points",), "an integer of at least 0"),
        ("application", ("shared",), "true or false"),
        ("agency", ("valid_to",), "a date YYYY-MM-DD"),
        ("application", ("status",), "current, planned or retired"),
        ("application", ("deployed_at",), "a list of ids, like [so-tu-phap, so-tt-tt]"),
        ("application", ("deployed_at", 0), "an id (lower-case letters, digits and '-', like"),
        ("application", ("tags",), "a list"),
        ("application", ("security_dossier",), "a mapping of keys to values"),
        ("application", ("security_dossier", "date"), "a date YYYY-MM-DD"),
        ("application", ("properties", "x"), "text, a number or true or false"),
        ("roadmap_item", ("period",), "two years like 2016-2020"),
    ],
)
def test_fields_are_described_in_plain_words(cls: str, loc: tuple, words: str) -> None:
    assert en(describe(field_at(KIND_CLASSES[cls], loc))).startswith(words)

    horizon = en(describe(field_at(Manifest, ("architecture", "horizon"))))
    assert horizon == "a year from 1990 to 2100"
    assert (
        en(describe(field_at(Manifest, ("architecture", "horizon")))) == "a year from 1990 to 2100"
    )
    assert en(describe(field_at(Relation, ("sync_mode",)))) == "realtime, batch or manual"
    assert field_at(Relation, ("no_such_field",)) == []


def test_values_of_another_yaml_type_are_refused_not_converted() -> None:
    # pydantic's lax mode would read true as 1, 1 and 0 as booleans and 20200101 as a
    # Unix time; the model classes refuse them, and the message names what is expected.
    cls = KIND_CLASSES["application"]
    raw = {
        "id": "a",
        "kind": "application",
        "name": "A",
        "security_level": True,
        "since": 2015,
        "shared": 1,
        "internet_facing": False,
        "security_dossier": {"approved": 0, "date": 20200101},
    }
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(cls).validate_python(raw)
    found = {
        d.location.file: en(d.message)
        for d in translate(caught.value, cls, "x", lambda loc: Location(field_name(loc)))
    }
    assert found == {
        "security_dossier.approved": "'security_dossier.approved' must be true or false, got 0",
        "security_dossier.date": "'security_dossier.date' must be a date YYYY-MM-DD, got 20200101",
        "security_level": "'security_level' must be an integer from 1 to 5, got true",
        "shared": "'shared' must be true or false, got 1",
    }


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("security_level", "3", "'security_level' must be an integer from 1 to 5, got '3'"),
        ("since", 2015.0, "'since' must be a year from 1990 to 2100, got 2015.0"),
        ("shared", "yes", "'shared' must be true or false, got 'yes'"),
    ],
)
def test_text_and_fractions_are_not_read_as_numbers_or_booleans(key, value, message) -> None:
    # Quoted in YAML, a number or a boolean is text: refused as the other wrong types are.
    cls = KIND_CLASSES["application"]
    raw = {"id": "a", "kind": "application", "name": "A", key: value}
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(cls).validate_python(raw)
    found = translate(caught.value, cls, "x", lambda loc: Location(field_name(loc)))
    assert [en(d.message) for d in found] == [message]
    assert [d.code for d in found] == ["schema.type"]  # one code for every wrong type


# --- hints ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "options", "expected"),
    [
        ("active", ["current", "planned", "retired"], "current"),
        ("Deprecated", ["current", "planned", "retired"], "retired"),
        ("dự kiến", ["current", "planned", "retired"], "planned"),
        ("PLANNED", ["current", "planned", "retired"], "planned"),
        ("departmnt", ["department", "district"], "department"),
        ("xyz", ["current", "planned", "retired"], None),
        ("a" * 1000, ["a"], None),
    ],
)
def test_closest_option(word: str, options: list[str], expected: str | None) -> None:
    assert closest(word, options) == expected
    assert en(suggest(word, options)) == (f" (did you mean '{expected}'?)" if expected else "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sở TT&TT", "so-tt-tt"), ("Đắk Lắk", "dak-lak"), ("so_y_te", "so-y-te"), ("__", "")],
)
def test_slug_suggests_an_id(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_values_are_shown_as_written_and_shortened() -> None:
    assert en(shown(None)) == "an empty value"
    assert en(shown(True)) == "true"
    assert en(shown(2.5)) == "2.5"
    assert en(shown([1])) == "a list"
    assert en(shown({"a": 1})) == "a mapping"
    assert en(shown("x" * 100)) == f"'{'x' * 57}...' (100 characters)"


def test_id_suggestions_among_a_national_number_of_ids() -> None:
    ids = {f"so-{n}-tinh-{p}" for n in range(50) for p in range(1000)} | {"so-tt-tt", "lgsp"}
    suggester = IdSuggester(ids)
    assert suggester.closest("so-tt-t") == "so-tt-tt"
    assert suggester.closest("lgps") == "lgsp"
    assert suggester.closest("so-7-tinh-999x") == "so-7-tinh-999"
    assert suggester.closest("vnpt") is None
    assert en(suggester.hint("so-tt-tt-x")) == " (did you mean 'so-tt-tt'?)"


# needs_precise as first written, its line hints in one regex: the faster form (a regex
# per hint) must decide alike.
_ONE_HINT = re.compile(
    rf"\n(?:---|\.\.\.|%|[ ]*(?:-[ ]+)*\?(?=[ \t\n]|\Z)|[ ?:-]{{{MAX_BLOCK_RUN}}})"
)


def _after_an_opening_marker(text: str) -> str:
    """``text`` after its first '---' line, if only blank and comment lines come before
    it and nothing but a comment follows it on its line."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip(" \t") or line.lstrip(" \t").startswith("#"):
            continue
        after = line[3:]
        if line.startswith("---") and (
            not after or (after[0] in " \t" and after.strip(" \t")[:1] in ("", "#"))
        ):
            return "\n".join(lines[number + 1 :])
        break
    return text


def _needs_precise_as_first_written(text: str) -> bool:
    text = _after_an_opening_marker(text)
    return bool(
        _may_have_tag(text)
        or "<<" in text
        or _FIRST_LINE_HINT.match(text)
        or _ONE_HINT.search(text)
    )


_DEEP_STARTS = [" " * MAX_BLOCK_RUN, "- " * (MAX_BLOCK_RUN // 2), ": " * (MAX_BLOCK_RUN // 2)]
_LINE_START = st.sampled_from(
    [
        "---",
        "...",
        "%",
        "?",
        "? ",
        "- ? ",
        "  -  ?\t",
        "?x",
        "-",
        "#",
        "",
        "<",
        " <<",
        *_DEEP_STARTS,
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE_START, st.text("ab?:- \t%.<!", max_size=6)), max_size=6))
def test_the_line_hints_decide_as_first_written(lines: list[tuple[str, str]]) -> None:
    text = "\n".join(start + rest for start, rest in lines)
    assert needs_precise(text) == _needs_precise_as_first_written(text)


# Runs of number characters around the limit, anywhere: before, across and after the
# offsets the quick search measures runs at.
_RUN_LENGTH = st.one_of(
    st.integers(0, 12), st.integers(MAX_NUMBER_DIGITS - 3, MAX_NUMBER_DIGITS + 3)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_RUN_LENGTH, st.sampled_from("0aF_9"), st.text(" x\n:gé-", max_size=5))))
def test_long_numbers_are_found_as_the_regex_finds_them(parts) -> None:
    text = "".join(char * length + rest for length, char, rest in parts)
    assert _has_long_number_run(text) == (_LONG_NUMBER_RUN.search(text) is not None)


def test_a_long_number_anywhere_needs_the_composer() -> None:
    for before in ("", "a: ", "x" * (MAX_NUMBER_DIGITS - 5) + "\nb: "):
        assert needs_precise(before + "1" * (MAX_NUMBER_DIGITS + 1) + "\n")
        assert not needs_precise(before + "1" * MAX_NUMBER_DIGITS + "\n")


@settings(max_examples=300, deadline=None)
@given(st.text(" \t\n\r\x0b\x0c\x1c\x85\u2028#a", max_size=12))
def test_a_file_of_comments_is_told_as_line_by_line(text: str) -> None:
    from eakit.loader import only_comments

    lines = text.splitlines()
    assert only_comments(text) is all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines)


def test_reference_suggestion_is_of_the_kind_the_field_accepts(tmp_path) -> None:
    """An agency field suggests an agency, not the LAN whose id is closest (a renamed
    department: `owner: so-tt-tt` once suggested `lan-so-tt-tt`)."""
    from tests.loader.support import diagnostics_of

    (tmp_path / "eakit.yaml").write_text(
        "eakit: 1\narchitecture:\n  id: tinh-mau\n  name: Kiến trúc tỉnh Mẫu\n"
        "  framework: vn-dgov-4.0\n  as_of: 2026-01-01\n  horizon: 2030\n",
        encoding="utf-8",
    )
    (tmp_path / "m.yaml").write_text(
        "components:\n"
        "  - {id: ubnd-tinh, kind: agency, agency_type: provincial_people_committee,"
        " name: UBND tỉnh}\n"
        "  - {id: so-kh-cn, kind: agency, agency_type: department, name: Sở KH&CN,"
        " parent: ubnd-tinh}\n"
        "  - {id: lan-so-tt-tt, kind: lan, name: LAN Sở TT&TT, agency: so-kh-cn}\n"
        "  - {id: mot-cua, kind: application, name: Một cửa, owner: so-tt-tt}\n"
        "  - {id: van-ban, kind: application, name: Văn bản, owner: lan-so-kh-cn}\n",
        encoding="utf-8",
    )
    lines = diagnostics_of(tmp_path)
    assert lines == [
        "m.yaml:5:53: 'owner' refers to unknown component 'so-tt-tt'",
        "m.yaml:6:53: 'owner' refers to unknown component 'lan-so-kh-cn'"
        " (did you mean 'so-kh-cn'?)",
    ]
