"""What judged a model, in words: the rule packs of a check named by the framework they
belong to, and why when that is not the framework the model declares.

The 2015 bundled model declares framework 1.0, for which there is no pack of its own: the
pack of framework 2.0 judges it. A summary that said "theo vn-egov-2.0" showed a code and
hid that; this one says "bộ quy tắc của Khung Kiến trúc Chính phủ điện tử Việt Nam phiên
bản 2.0 (mô hình khai báo phiên bản 1.0, chưa có bộ quy tắc riêng)".
"""

from __future__ import annotations

from collections.abc import Sequence

from eakit.graph import ModelGraph
from eakit.messages import Bilingual, joined, say
from eakit.model.frameworks import FRAMEWORKS, framework_name
from eakit.rules.pack import FRAMEWORK_PACKS

LANGS = ("vi", "en")


def _declared(declared: str, judging: str) -> Bilingual:
    """The declared framework: by its version alone when it is of the same family as the
    judging one ("phiên bản 1.0"), else by its full name."""
    texts = []
    for lang in LANGS:
        mine, theirs = framework_name(declared, lang), framework_name(judging, lang)
        family, _, version = mine.rpartition(" ")
        if declared in FRAMEWORKS and family and family == theirs.rpartition(" ")[0]:
            version = version.removeprefix("v")
            texts.append(say("judged.version", version=version).lang(lang))
        else:
            texts.append(mine)
    return Bilingual(texts[0], texts[1])


def _pack(pack: str, declared: str, pinned: bool, in_text: bool) -> Bilingual:
    """One pack by the name of its framework (a pack of the model's own by its file name),
    with why it judges a model declaring another framework; ``in_text``: as running text
    says it ("bộ quy tắc của Khung …")."""
    if pack not in FRAMEWORKS:
        return say("judged.own_pack", pack=pack)
    name = Bilingual(framework_name(pack, "vi"), framework_name(pack, "en"))
    if in_text:
        name = say("judged.rules_of", framework=name)
    if pack == declared:
        return name
    if pinned:
        key = "judged.declared.pinned"
    elif FRAMEWORK_PACKS.get(declared) == pack:
        key = "judged.declared.no_pack"
    else:
        key = "judged.declared.in_force"
    return say("judged.with_reason", pack=name, why=say(key, declared=_declared(declared, pack)))


def rule_packs(
    framework: str, packs: Sequence[str], pinned: bool, *, in_text: bool = False
) -> Bilingual:
    """The packs of a check in words, in both languages (``pinned``: named by the model's
    ``eakit.yaml`` rather than chosen by the framework in force; ``in_text``: as running
    text says them, "bộ quy tắc của Khung …", rather than under a "Rule packs" label)."""
    return joined((_pack(p, framework, pinned, in_text) for p in packs), "and")


def judged_by(graph: ModelGraph, framework: str, packs: Sequence[str]) -> Bilingual:
    """:func:`rule_packs` for a check of ``graph``, under a "Rule packs" label."""
    return rule_packs(framework, packs, pinned=bool(graph.manifest.rules.packs))


def rules_of(graph: ModelGraph, framework: str, packs: Sequence[str]) -> Bilingual:
    """``bộ quy tắc của …`` / ``the rules of the …``: what the summary line says judged
    the model."""
    pinned = bool(graph.manifest.rules.packs)
    return rule_packs(framework, packs, pinned, in_text=True)
