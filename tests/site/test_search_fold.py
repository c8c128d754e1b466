"""The hidden title fields of the search index: folded, accented and the cost of longer words."""

from __future__ import annotations

from eakit.render.site.config import search_plugin
from eakit.render.site.search_fold import UNIQUE_MARK, fold_index, title_words


def bare(field: str) -> list[str]:
    """The words of a hidden field without their marks."""
    return [token.split(UNIQUE_MARK)[0] for token in field.split()]


def test_title_words_fold_and_keep_the_accented_forms_apart():
    words = title_words("Mạng LAN Sở Tư pháp", 7)
    assert bare(words.folded) == ["mang", "lan", "so", "tu", "phap"]
    # Words without diacritics are in the folded field only: one typed word, one match.
    assert bare(words.accented) == ["mạng", "sở", "tư", "pháp"]
    assert all(token.endswith(f"{UNIQUE_MARK}7{UNIQUE_MARK}") for token in words.folded.split())


def test_every_proper_prefix_of_a_folded_word_is_listed_once():
    words = title_words("Lãnh đạo", 0)
    assert bare(words.longer) == ["l", "la", "lan", "d", "da"]
    # Typed "lan" begins the prefix "lan" of "lanh" (one letter more, one cost), but no
    # prefix of the word "lan" itself.
    assert "lan" not in bare(title_words("Mạng LAN", 1).longer)


def test_tokens_are_unique_to_their_entry_and_never_shared_between_fields():
    index = fold_index({"docs": [{"title": "Mạng LAN", "text": ""}, {"title": "LAN", "text": ""}]})
    tokens = [
        set(doc[field].split())
        for doc in index["docs"]
        for field in ("title_folded", "title_accented", "title_longer")
    ]
    assert sum(len(t) for t in tokens) == len(set().union(*tokens))


def test_digits_do_not_start_a_title_word():
    assert bare(title_words("Mạng LAN (31)", 0).folded) == ["mang", "lan"]


def test_the_fields_are_declared_with_names_above_the_title_and_longer_words_costing():
    fields = search_plugin("vi")["fields"]
    assert fields["title_folded"]["boost"] > fields["title_accented"]["boost"] > 1000
    assert -fields["title_longer"]["boost"] * 20 < fields["title_folded"]["boost"]
    assert fields["title_longer"]["boost"] < 0
