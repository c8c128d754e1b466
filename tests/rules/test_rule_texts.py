"""Every rule speaks Vietnamese and English, names things as people do, and cites the law
honestly: conventions cite nothing, legal citations name their article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from eakit.labels import VALUE_LABELS
from eakit.model import KIND_CLASSES
from eakit.rules.legal import ARTICLE_KEY
from eakit.rules.pack import Rule, bundled_rules

from .conftest import RULES
from .examples import run_example

RULE_SET, _PACKS, DOCS = bundled_rules()
IDS = sorted(RULE_SET)
COMMON = RULES / "common.yaml"

# Words that betray English in a Vietnamese message.
ENGLISH_WORDS = (" the ", " has ", " is ", " must ", " no ", " not ", " with ", " set ", " add ")
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)


def _snake_values() -> set[str]:
    """Enumerated values and kind names of the model that a message must not show."""
    values = {v for table in VALUE_LABELS.values() for v in table if "_" in v}
    return values | {k for k in KIND_CLASSES if "_" in k}


SNAKE = _snake_values()


def _texts(rule: Rule) -> list[tuple[str, str, str]]:
    """(what, Vietnamese, English) of every text of a rule."""
    found = [
        ("title", rule.title, rule.title_en),
        ("message", str(rule.message), rule.message.en),
        ("rationale", str(rule.rationale), rule.rationale.en),
        ("remediation", str(rule.remediation), rule.remediation.en),
    ]
    for number, variant in enumerate(rule.variants):
        if variant.message is not None:
            found.append((f"variant {number} message", str(variant.message), variant.message.en))
    return found


@pytest.mark.parametrize("rule_id", IDS)
def test_every_text_exists_in_both_languages(rule_id: str) -> None:
    for what, vi, en in _texts(RULE_SET[rule_id]):
        assert vi.strip() and en.strip(), f"{rule_id} {what}: a language is missing"
        assert vi != en, f"{rule_id} {what}: the English text is the Vietnamese one"


def test_the_pack_files_write_both_languages() -> None:
    # A missing _en falls back to Vietnamese when loading: the bundled packs must not rely on it.
    for path in sorted(RULES.glob("*.yaml")):
        if path.name == "legal-basis.yaml":
            continue
        for raw in yaml.safe_load(path.read_text("utf-8")).get("rules") or ():
            for key in ("title", "message", "rationale", "remediation"):
                assert raw.get(f"{key}_en"), f"{raw['id']}: no {key}_en"
            for variant in raw.get("variants", ()):
                if "message" in variant:
                    assert variant.get("message_en"), f"{raw['id']}: a variant has no message_en"


def _names(rule: Rule) -> list[str]:
    components = (yaml.safe_load(rule.examples["fail"].model) or {}).get("components") or []
    names = [str(c.get(k)) for c in components for k in ("name", "name_en") if c.get(k)]
    names += [str(subject) for c in components for subject in c.get("master_for") or ()]
    return sorted(names, key=len, reverse=True)


def _ids(rule: Rule) -> list[str]:
    components = (yaml.safe_load(rule.examples["fail"].model) or {}).get("components") or []
    return [str(c["id"]) for c in components]


def _without_names(message: str, rule: Rule) -> str:
    """The message without the model's own words (names, data subjects) and the texts'
    numbers."""
    for name in _names(rule):
        message = message.replace(name, "")
    for doc in DOCS.values():
        message = message.replace(doc.citation, "").replace(doc.number, "")
    return message


@pytest.mark.parametrize("rule_id", IDS)
def test_fail_messages_read_as_people_write_them(rule_id: str, tmp_path: Path) -> None:
    rule = RULE_SET[rule_id]
    for lang in ("vi", "en"):
        result = run_example(rule, "fail", RULES / rule.file, tmp_path / lang, lang=lang)
        assert result.findings, rule_id
        for finding in result.findings:
            message = finding.message
            assert "`" not in message and "None" not in message, message
            assert "{" not in message, f"{rule_id}: a placeholder is left: {message}"
            words = set(re.findall(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", message))
            assert not words & SNAKE, f"{rule_id}: an enum value in {message!r}"
            assert not words & set(_ids(rule)), f"{rule_id}: an id in {message!r}"
            plain = _without_names(message, rule)
            if lang == "vi":
                padded = f" {plain.lower()} "
                leaked = [w for w in ENGLISH_WORDS if w in padded]
                assert not leaked, f"{rule_id}: English {leaked} in {message!r}"
            else:
                assert not VIETNAMESE_LETTERS.search(plain), f"{rule_id}: Vietnamese in {message!r}"
            remediation = finding.remediation
            assert remediation == (rule.remediation.en if lang == "en" else str(rule.remediation))


@pytest.mark.parametrize("rule_id", IDS)
def test_conventions_cite_nothing_and_legal_citations_name_an_article(rule_id: str) -> None:
    rule = RULE_SET[rule_id]
    if rule.category == "convention":
        assert rule.variants == (), f"{rule_id}: a convention cites a legal text"
        return
    assert rule.category == "legal"
    assert rule.variants, f"{rule_id}: a legal rule without a basis"
    for variant in rule.variants:
        for ref in variant.basis:
            provisions = DOCS[ref.doc].provisions
            if provisions:  # the article is one of the text's quoted provisions
                assert ref.article in provisions, (rule_id, ref.doc, ref.article)
                assert ARTICLE_KEY.match(ref.article), (rule_id, ref.doc, ref.article)
            else:  # no provision of the text has been read yet: shown as unverified
                assert ref.article is None, (rule_id, ref.doc, ref.article)


def test_most_legal_citations_name_an_article() -> None:
    refs = [ref for rule in RULE_SET.values() for variant in rule.variants for ref in variant.basis]
    with_article = [ref for ref in refs if ref.article]
    assert len(with_article) >= 0.7 * len(refs), (len(with_article), len(refs))


def test_the_audit_conventions_are_conventions() -> None:
    conventions = {r for r, rule in RULE_SET.items() if rule.category == "convention"}
    assert conventions == {
        "USR-001", "BUS-002", "BUS-003", "BUS-004", "APP-003", "INF-007", "GOV-004",
        "GOV-007", "GOV-008", "GOV-009", "GOV-010", "GOV-011", "GOV-012",
    }  # fmt: skip


def test_legal_obligations_apply_whatever_pack_the_model_names() -> None:
    # Date-bound law lives in the shared file, not in a framework pack.
    common = {raw["id"] for raw in yaml.safe_load(COMMON.read_text("utf-8"))["rules"]}
    assert {"DAT-002", "DAT-004", "DAT-009", "INT-007", "APP-007", "APP-008"} <= common
    for pack in ("vn-egov-2.0.yaml", "vn-dgov-4.0.yaml"):
        assert not yaml.safe_load((RULES / pack).read_text("utf-8")).get("rules"), pack


def test_the_unverified_note_is_in_the_output_language(tmp_path: Path) -> None:
    rule = RULE_SET["SEC-008"]  # rests on a text whose provisions were not read yet
    vi = run_example(rule, "fail", COMMON, tmp_path / "vi").findings[0].message
    en = run_example(rule, "fail", COMMON, tmp_path / "en", lang="en").findings[0].message
    assert "(căn cứ chưa đối chiếu: Chỉ thị 14/CT-TTg" in vi
    assert "(basis unverified: 14/CT-TTg" in en
