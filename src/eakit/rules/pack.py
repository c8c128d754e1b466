"""Rule packs as data: loading, validation and the rule objects the engine runs.

A pack is a YAML file validated against ``eakit/data/rulepack.schema.json``; packs can
``include`` other pack files (the national packs share ``rules/common.yaml``). A rule's
legal basis can change over time: its ``variants`` give, each for a date range, the
basis texts (and optionally another severity, check or message). At a check date the
most recent variant whose range covers the date and which has a basis text in force
applies (:func:`active_variant`). A rule of the ``convention`` category (modelling good
practice) has no legal basis and always applies.

A rule's message, rationale and remediation are :class:`Bilingual`: the Vietnamese text,
with the English one beside it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from eakit.diagnostics import Diagnostic, Location, Severity
from eakit.loader.confine import names_pack_file, resolve_inside
from eakit.loader.files import MANIFEST
from eakit.messages import Bilingual, did_you_mean, say
from eakit.model import Layer
from eakit.rules.checks import DECLARATIVE, PYTHON, CheckType, Params
from eakit.rules.checks.validation import params_problems, validation_problems
from eakit.rules.legal import (
    LegalDocument,
    builtin_registry_path,
    load_registry,
    parse_documents,
)
from eakit.rules.selectors import Problems, Selector, parse_selector
from eakit.rules.sources import (
    RuleConfigError,
    SourceFile,
    builtin_rules_dir,
    is_bundled,
    read_validated,
)

# Bundled files that are not packs of their own: the legal registry and the rule files
# every national pack includes.
SHARED_FILES = frozenset({"legal-basis.yaml", "common.yaml", "law-2025.yaml"})


def builtin_packs() -> list[str]:
    """Names of the bundled packs (the files of ``rules/`` other than :data:`SHARED_FILES`)."""
    found = sorted(builtin_rules_dir().glob("*.yaml"))
    return [path.stem for path in found if path.name not in SHARED_FILES]


@dataclass(frozen=True)
class BasisRef:
    """A citation of a registry document by a rule: the document and the article (a key
    of the document's ``provisions``, where its quote is kept)."""

    doc: str
    article: str | None = None
    low: bool = False  # the link between text and rule is itself unverified


@dataclass(frozen=True)
class Check:
    """A check as a pack writes it: ``type`` (a check type, or ``python`` for one called
    by ``name``) and its validated parameters."""

    type: str
    name: str
    params: Params

    @property
    def check_type(self) -> CheckType[Any]:
        """The registered check type that runs it."""
        return (PYTHON if self.type == "python" else DECLARATIVE)[self.name]

    @property
    def hops(self) -> int | None:
        """How far from its subject the check reads (``None``: anywhere), as its check
        type's scope says."""
        return self.check_type.hops(self.params)

    @property
    def edges(self) -> tuple[str, ...] | None:
        """The edge types the check walks within :attr:`hops` (``None``: any type)."""
        return self.check_type.edges(self.params)


@dataclass(frozen=True)
class Variant:
    """The basis (and overrides) of a rule for a date range."""

    basis: tuple[BasisRef, ...]
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    severity: Severity | None = None
    check: Check | None = None
    message: Bilingual | None = None
    note: str = ""

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Example:
    """A failing or passing example model of a rule."""

    model: str
    architecture: Mapping[str, Any] = field(default_factory=dict)
    as_of: dt.date | None = None
    expect: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A rule of a pack."""

    id: str
    title: str
    title_en: str
    severity: Severity
    layer: Layer
    rationale: Bilingual
    remediation: Bilingual
    applies_to: Selector
    message: Bilingual
    variants: tuple[Variant, ...]
    check: Check | None
    examples: Mapping[str, Example]
    pack: str
    file: str
    location: Location
    category: str = "legal"  # legal | convention (modelling good practice, no basis)


@dataclass(frozen=True)
class ActiveRule:
    """A rule as it applies at one date: its variant resolved."""

    rule: Rule
    basis: tuple[tuple[BasisRef, LegalDocument], ...]
    severity: Severity
    check: Check
    message: Bilingual


def rule_at(rule: Rule, when: dt.date, docs: Mapping[str, LegalDocument]) -> ActiveRule | None:
    """The rule at ``when``: a convention always applies (with no basis); a legal rule
    as its variant in force gives it (see :func:`active_variant`)."""
    if rule.category == "convention":
        assert rule.check is not None  # the schema requires a check on a convention
        return ActiveRule(rule, (), rule.severity, rule.check, rule.message)
    return active_variant(rule, when, docs)


def _recency(variant: Variant, in_force: tuple[tuple[BasisRef, LegalDocument], ...]) -> dt.date:
    """How recent a variant is: the latest of its explicit start and the dates its texts
    in force took effect."""
    dates = [doc.effective for _ref, doc in in_force]
    if variant.start is not None:
        dates.append(variant.start)
    return max(dates)


def active_variant(
    rule: Rule, when: dt.date, docs: Mapping[str, LegalDocument]
) -> ActiveRule | None:
    """The rule at ``when``, or ``None`` when no variant has a basis in force.

    Every variant whose range covers ``when`` and which cites a text in force is a
    candidate; the most recent one applies (see :func:`_recency`), the first declared on a
    tie (a variant bounded by ``until`` before an open-ended one with the same texts). So a
    variant citing a newer text takes over from the day that text takes effect, even while
    an older variant's texts are still in force.
    """
    best: tuple[dt.date, int] | None = None  # (recency, -position)
    chosen: tuple[Variant, tuple[tuple[BasisRef, LegalDocument], ...]] | None = None
    for index, variant in enumerate(rule.variants):
        if not variant.covers(when):
            continue
        in_force = tuple((b, docs[b.doc]) for b in variant.basis if docs[b.doc].in_force(when))
        if not in_force:
            continue
        key = (_recency(variant, in_force), -index)
        if best is None or key > best:
            best, chosen = key, (variant, in_force)
    if chosen is None:
        return None
    variant, in_force = chosen
    check = variant.check or rule.check
    assert check is not None  # the schema requires a check on the rule or the variant
    return ActiveRule(
        rule=rule,
        basis=in_force,
        severity=variant.severity or rule.severity,
        check=check,
        message=variant.message or rule.message,
    )


@dataclass
class PackSet:
    """The rules of the packs a model uses, with the legal documents they cite."""

    names: list[str]
    rules: list[Rule]
    documents: dict[str, LegalDocument]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _text(raw: Mapping[str, Any], key: str) -> Bilingual:
    """A rule's text and its English version (``<key>_en``), whitespace folded."""
    english = raw.get(f"{key}_en")
    return Bilingual(
        " ".join(raw[key].split()), " ".join(english.split()) if english is not None else None
    )


def _example(raw: str | Mapping[str, Any]) -> Example:
    if isinstance(raw, str):
        return Example(raw)
    return Example(
        raw["model"],
        raw.get("architecture", {}),
        _date(raw.get("as_of")),
        tuple(raw.get("expect", ())),
    )


class _RuleReader:
    """Reads the rules of a (schema-valid) pack, cross-checking them against the model
    vocabulary, the legal documents and the registered checks; collects located
    diagnostics."""

    def __init__(self, source: SourceFile, docs: Mapping[str, LegalDocument]) -> None:
        self.source = source
        self.docs = docs
        self.problems: list[Diagnostic] = []

    def error(self, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Diagnostic(self.source.at(*path), message, code="rulepack"))

    def check(
        self,
        raw: Mapping[str, Any] | None,
        path: tuple[str | int, ...],
        kinds: frozenset[str] | None,
    ) -> Check | None:
        """A check, its parameters validated against its type's model (the fields it names
        against ``kinds``, those the rule selects)."""
        if raw is None:
            return None
        if raw["type"] == "python":
            name = raw["name"]
            check_type = PYTHON.get(name)
            if check_type is None:
                self.error(
                    (*path, "name"),
                    say("pack.unknown_check", name=name, hint=did_you_mean(name, PYTHON)),
                )
                return None
            written: Mapping[str, Any] = raw.get("params") or {}
            at: tuple[str | int, ...] = (*path, "params")
        else:
            name = raw["type"]
            check_type = DECLARATIVE[name]
            written = {k: v for k, v in raw.items() if k != "type"}
            at = path
        for where, message in params_problems(check_type, written):
            self.error((*at, *where), message)
        try:
            params = check_type.params.model_validate(written, context={"kinds": kinds})
        except ValidationError as exc:
            for where, message in validation_problems(check_type, exc):
                self.error((*at, *where), message)
            return None
        return Check(raw["type"], name, params)

    def basis(self, raw: list[dict[str, Any]], path: tuple[str | int, ...]) -> tuple[BasisRef, ...]:
        for index, item in enumerate(raw):
            document = self.docs.get(item["doc"])
            if document is None:
                self.error(
                    (*path, index, "doc"),
                    say(
                        "pack.unknown_doc",
                        doc=item["doc"],
                        hint=did_you_mean(item["doc"], self.docs),
                    ),
                )
                continue
            article = item.get("article")
            if article is not None and article not in document.provisions:
                self.error(
                    (*path, index, "article"),
                    say(
                        "pack.unknown_article",
                        article=article,
                        doc=item["doc"],
                        hint=did_you_mean(article, document.provisions),
                    ),
                )
        return tuple(
            BasisRef(b["doc"], b.get("article"), b.get("confidence") == "low") for b in raw
        )

    def variant(
        self,
        raw: Mapping[str, Any],
        path: tuple[str | int, ...],
        kinds: frozenset[str] | None,
        rule_check: bool,
    ) -> Variant:
        basis = self.basis(raw["basis"], (*path, "basis"))
        check = self.check(raw.get("check"), (*path, "check"), kinds)
        if "check" not in raw and not rule_check:
            self.error(path, say("pack.variant_no_check"))
        start, end = _date(raw.get("from")), _date(raw.get("until"))
        if start and end and end < start:
            self.error((*path, "until"), say("pack.until_before_from"))
        return Variant(
            basis=basis,
            start=start,
            end=end,
            severity=Severity(raw["severity"]) if raw.get("severity") else None,
            check=check,
            message=_text(raw, "message") if raw.get("message") else None,
            note=raw.get("note", ""),
        )

    def rule(self, raw: Mapping[str, Any], index: int, pack: str) -> Rule:
        path: tuple[str | int, ...] = ("rules", index)
        selector_problems: Problems = []
        applies_to = parse_selector(raw.get("applies_to"), problems=selector_problems)
        for where, message in selector_problems:
            self.error((*path, "applies_to", *where), message)
        kinds = applies_to.all_kinds()
        check = self.check(raw.get("check"), (*path, "check"), kinds)
        category = raw.get("category", "legal")
        if category == "legal" and "basis" not in raw and "variants" not in raw:
            self.error(path, say("pack.needs_basis"))
        if category != "legal":
            for key in ("basis", "variants"):
                if key in raw:
                    self.error((*path, key), say("pack.convention_basis", key=key))
        # The schema allows ``basis`` (one variant for all time) or ``variants``, not both.
        variants: tuple[Variant, ...] = ()
        if "basis" in raw:
            variants = (Variant(basis=self.basis(raw["basis"], (*path, "basis"))),)
        variants += tuple(
            self.variant(v, (*path, "variants", number), kinds, "check" in raw)
            for number, v in enumerate(raw.get("variants", ()))
        )
        return Rule(
            id=raw["id"],
            title=raw["title"],
            title_en=raw["title_en"],
            severity=Severity(raw["severity"]),
            layer=Layer(raw["layer"]),
            rationale=_text(raw, "rationale"),
            remediation=_text(raw, "remediation"),
            applies_to=applies_to,
            message=_text(raw, "message"),
            variants=variants,
            check=check,
            examples={k: _example(v) for k, v in raw["examples"].items()},
            pack=pack,
            file=self.source.display,
            location=self.source.at("rules", index),
            category=category,
        )


def _display(path: Path, model_root: Path | None) -> str:
    if model_root is None:
        return path.as_posix()
    return Path(os.path.relpath(path, model_root)).as_posix()


def _confinement(path: Path, model_root: Path | None) -> Path:
    """The folder a pack file's includes must stay in: the bundled packs' folder for a
    bundled pack, else the model folder (the pack's own folder without one)."""
    if is_bundled(path):
        return builtin_rules_dir().resolve()
    return model_root if model_root is not None else path.parent


def load_pack_file(
    path: Path,
    pack_name: str | None,
    docs: dict[str, LegalDocument],
    model_root: Path | None,
    seen: set[Path],
) -> tuple[str, list[Rule]]:
    """Load one pack file and its includes; raises :class:`RuleConfigError`.

    An include is read only when it stays inside the model folder (the bundled packs'
    folder for a bundled pack), links followed: see :mod:`eakit.loader.confine`.
    """
    source = read_validated(path, _display(path, model_root), "rulepack.schema.json", "rulepack")
    data = source.data
    name = pack_name or data["pack"]
    pack_docs = parse_documents(data.get("legal", {}))
    for doc_id, doc in pack_docs.items():
        # The registry's entry wins: a pack only adds the texts the registry lacks.
        docs.setdefault(doc_id, doc)
    rules: list[Rule] = []
    seen.add(path.resolve())
    root = _confinement(path, model_root)
    for index, include in enumerate(data.get("include", ())):
        where = source.at("include", index)
        found = resolve_inside(root, include, where, say("what.included_pack"), base=path.parent)
        if isinstance(found, Diagnostic):
            raise RuleConfigError([found])
        if found in seen:
            continue
        if not found.is_file():
            missing = say("pack.include_not_found", path=include)
            raise RuleConfigError([Diagnostic(where, missing, code="rulepack")])
        _, included = load_pack_file(found, name, docs, model_root, seen)
        rules.extend(included)
    reader = _RuleReader(source, docs)
    rules.extend(reader.rule(raw, i, name) for i, raw in enumerate(data.get("rules", ())))
    if reader.problems:
        raise RuleConfigError(reader.problems)
    return name, rules


# The texts that issued each generation of the national architecture framework, and the
# framework each one issued.
FRAMEWORK_TEXTS: dict[str, str] = {
    "cv-1178-2015": "vn-egov-1.0",
    "qd-2323-2019": "vn-egov-2.0",
    "qd-2568-2023": "vn-egov-3.0",
    "qd-292-2025": "vn-dgov-4.0",
}

# The bundled pack that judges a model of each framework generation.
FRAMEWORK_PACKS: dict[str, str] = {
    "vn-egov-1.0": "vn-egov-2.0",
    "vn-egov-2.0": "vn-egov-2.0",
    "vn-egov-3.0": "vn-egov-2.0",
    "vn-dgov-4.0": "vn-dgov-4.0",
}


def framework_in_force(when: dt.date, docs: Mapping[str, LegalDocument]) -> str | None:
    """The framework generation whose issuing text is in force at ``when`` (the newest when
    two overlap), or ``None`` before the first one."""
    found = [
        (docs[doc].effective, name)
        for doc, name in FRAMEWORK_TEXTS.items()
        if doc in docs and docs[doc].in_force(when)
    ]
    return max(found)[1] if found else None


def packs_for(
    configured: list[str] | None,
    framework: str,
    when: dt.date,
    docs: Mapping[str, LegalDocument],
) -> list[str]:
    """The packs a model is checked with at ``when``: those its manifest pins
    (``configured``), else the pack of the framework in force at that date (of the
    model's own ``framework`` before the first framework text)."""
    if configured:
        return list(configured)
    generation = framework_in_force(when, docs) or framework
    return [FRAMEWORK_PACKS.get(generation, "vn-egov-2.0")]


def find_pack(entry: str, model_root: Path, where: Location) -> Path | Diagnostic | None:
    """The file of a pack entry of ``eakit.yaml``: a bundled name, or a path inside the
    model folder; a diagnostic at ``where`` (the entry) for a path that leaves it (see
    :mod:`eakit.loader.confine`), ``None`` for an unknown name."""
    if names_pack_file(entry):
        return resolve_inside(model_root, entry, where, say("what.rule_pack"))
    candidate = builtin_rules_dir() / f"{entry}.yaml"
    return candidate if candidate.is_file() else None


def resolve_pack(entry: str, model_root: Path) -> Path | None:
    """The file of a pack entry of ``eakit.yaml`` (:func:`find_pack`), ``None`` when it
    is unknown or refused."""
    found = find_pack(entry, model_root, Location(MANIFEST))
    return found if isinstance(found, Path) else None


def load_packs(
    entries: list[str],
    model_root: Path,
    docs: dict[str, LegalDocument],
    manifest: SourceFile | None,
) -> PackSet:
    """Load the packs a model names; a rule id defined twice (not by the same file) is an
    error. Raises :class:`RuleConfigError` with every problem located."""
    names: list[str] = []
    rules: dict[str, Rule] = {}
    problems: list[Diagnostic] = []
    for index, entry in enumerate(entries):
        where = manifest.at("rules", "packs", index) if manifest else Location(MANIFEST)
        path = find_pack(entry, model_root, where)
        if isinstance(path, Diagnostic):
            problems.append(path)
            continue
        if path is None or not path.is_file():
            hint: str = did_you_mean(entry, builtin_packs()) if path is None else ""
            bundled = ", ".join(builtin_packs())
            message = say("pack.not_found", name=entry, hint=hint, bundled=bundled)
            problems.append(Diagnostic(where, message, code="rulepack"))
            continue
        try:
            name, pack_rules = load_pack_file(path, None, docs, model_root, set())
        except RuleConfigError as exc:
            problems.extend(exc.diagnostics)
            continue
        names.append(name)
        for rule in pack_rules:
            previous = rules.get(rule.id)
            if previous is None:
                rules[rule.id] = rule
            elif previous.location != rule.location:
                message = say("pack.rule_twice", id=rule.id, first=str(previous.location))
                problems.append(Diagnostic(rule.location, message, code="rulepack"))
    if problems:
        raise RuleConfigError(problems)
    return PackSet(names, [rules[k] for k in sorted(rules)], docs)


def bundled_registry() -> dict[str, LegalDocument]:
    """The documents of the bundled legal registry by id."""
    registry = builtin_registry_path(builtin_rules_dir())
    return dict(load_registry(registry, registry.as_posix()))


def bundled_rules() -> tuple[dict[str, Rule], dict[str, list[str]], dict[str, LegalDocument]]:
    """Rules of every bundled pack by id, the packs each rule is in, and the documents."""
    folder = builtin_rules_dir()
    docs = bundled_registry()
    rules: dict[str, Rule] = {}
    packs: dict[str, list[str]] = defaultdict(list)
    for name in builtin_packs():
        _pack, loaded = load_pack_file(folder / f"{name}.yaml", None, docs, folder, set())
        for rule in loaded:
            rules.setdefault(rule.id, rule)
            packs[rule.id].append(name)
    return dict(sorted(rules.items())), packs, docs
