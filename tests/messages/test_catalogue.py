"""The message catalogue: every message in both languages, with the same placeholders."""

from __future__ import annotations

import unicodedata

import pytest

from eakit.messages import CATALOGUE, Bilingual, in_lang, joined_by, or_list, placeholders, say

IDS = sorted(CATALOGUE)


@pytest.mark.parametrize("message_id", IDS)
def test_every_message_renders_in_both_languages(message_id: str) -> None:
    vi, en = CATALOGUE[message_id]
    assert vi.strip() and en.strip(), f"{message_id} lacks a language"
    assert placeholders(vi) == placeholders(en), f"{message_id}: placeholders differ"
    assert unicodedata.is_normalized("NFC", vi), message_id
    said = say(message_id, **{name: f"<{name}>" for name in placeholders(vi)})
    for name in placeholders(vi):
        assert f"<{name}>" in said.lang("vi") and f"<{name}>" in said.lang("en")
    assert "{" not in said.lang("vi").replace("{from", "").replace("{{", "")


def test_a_message_without_a_template_in_one_language_is_refused() -> None:
    with pytest.raises(KeyError):
        say("no.such.message")


def test_catalogue_parts_do_not_redefine_an_id() -> None:
    from eakit.messages.catalogue_analysis import ANALYSIS
    from eakit.messages.catalogue_cli import CLI
    from eakit.messages.catalogue_help import HELP
    from eakit.messages.catalogue_interop import INTEROP
    from eakit.messages.catalogue_judged import JUDGED
    from eakit.messages.catalogue_loader import LOADER
    from eakit.messages.catalogue_rules import RULES
    from eakit.messages.catalogue_tools import TOOLS

    parts = (CLI, LOADER, RULES, ANALYSIS, INTEROP, TOOLS, HELP, JUDGED)
    assert len(CATALOGUE) == sum(len(part) for part in parts)


def test_bilingual_parameters_give_each_language_its_words() -> None:
    said = say("schema.missing", field=Bilingual("'tên' (name)", "'name'"), where="x")
    assert said == "thiếu trường bắt buộc 'tên' (name) trong x"
    assert said.lang("en") == "missing required key 'name' in x"
    assert in_lang(said, "en") == said.en and in_lang("plain", "en") == "plain"


def test_joining_keeps_both_languages() -> None:
    words = or_list([say("expect.text"), say("expect.bool")])
    assert (words.lang("vi"), words.lang("en")) == (
        "văn bản hoặc true hoặc false",
        "text or true or false",
    )
    both = joined_by([say("watch.the_model"), "x"], "; ") + say("watch.the_model")
    assert isinstance(both, Bilingual)
    assert (both.lang("vi"), both.lang("en")) == ("mô hình; xmô hình", "the model; xthe model")


def test_a_bilingual_text_survives_pickling() -> None:
    import pickle

    said = say("yaml.tab")
    back = pickle.loads(pickle.dumps(said))
    assert (back.lang("vi"), back.lang("en")) == (said.lang("vi"), said.lang("en"))
