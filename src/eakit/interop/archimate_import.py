"""Reading an ArchiMate 3 Open Exchange Format file into an eakit model.

Elements become components and relationships become reference fields or relations,
following :mod:`eakit.interop.archimate_mapping`. Files written by eakit carry the
eakit kind, relation type and attributes as properties and come back exactly; files
from other tools are mapped by element and relationship type, and everything that has
no place in eakit is listed in an :class:`ImportReport` rather than dropped silently.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

# defusedxml has no inline types, and types-defusedxml is not among the dependencies.
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring as safe_fromstring  # type: ignore[import-untyped]
from pydantic import TypeAdapter, ValidationError

from eakit.interop.archimate_mapping import (
    ACCESS_TYPE_IMPORT,
    ARCHITECTURE_TEXT_FIELDS,
    KIND_IMPORT,
    KIND_PROPERTY,
    PROPERTY_PREFIX,
    RELATION_EXPORT,
    RELATION_IMPORT,
    RELATION_PROPERTY,
    TEXT_FIELDS,
)
from eakit.interop.ids import IdAllocator, is_id, slugify
from eakit.interop.values import decode, decode_free
from eakit.interop.xsd import ARCHIMATE_NS, DC_NS, XML_NS, XSI_NS
from eakit.interop.yaml_writer import render_manifest, render_model_file, write_model_folder
from eakit.messages import Bilingual, date_words, in_lang, say
from eakit.metamodel import KIND_SPECS
from eakit.model import KIND_CLASSES, LAYERS, BaseComponent, Manifest, Relation, relation_types
from eakit.model.archimate_table import allowed_relationships, element_type_of, kinds_fit
from eakit.model.manifest import Architecture, RulesConfig
from eakit.model.refs import RefField, ref_fields
from eakit.model.relations import ATTRIBUTE_OWNER
from eakit.text import nfc, numerals

A = "{" + ARCHIMATE_NS + "}"
XSI_TYPE = "{" + XSI_NS + "}type"
XML_LANG = "{" + XML_NS + "}lang"
DEFAULT_FRAMEWORK = "vn-egov-2.0"
HORIZON_YEARS = 5
REPORT_FILE = "import-report.md"
# A declared field always has an annotation (pydantic types it as optional).
_VIEWS: TypeAdapter[Any] = TypeAdapter(cast(Any, Manifest.model_fields["views"].annotation))
# Relation fields written as eakit properties (the ArchiMate attributes and free-form
# properties of a relation are written as themselves).
RELATION_ATTRIBUTES = tuple(
    name
    for name in Relation.model_fields
    if name not in ("from_", "to", "type", "properties", *ATTRIBUTE_OWNER)
)


class ArchimateImportError(Exception):
    """The file cannot be imported at all (not an exchange file, no date, ...)."""


@dataclass(frozen=True)
class Unmapped:
    """Something in the exchange file that did not become part of the eakit model."""

    what: str  # element | relationship | attribute | view
    archimate_type: str
    identifier: str
    name: str
    reason: str  # a Bilingual text, shown in the output language
    why: str = "other"  # the reason's category (Bilingual), for the counts of the report


@dataclass
class ImportReport:
    """What was imported, what was assumed and what could not be mapped."""

    source: str
    elements: int = 0
    relationships: int = 0
    components: int = 0
    relations: int = 0
    fields: int = 0
    views: int = 0
    views_kept: int = 0
    date_source: str = ""  # a Bilingual text: the date and where it comes from
    unmapped: list[Unmapped] = field(default_factory=list)
    assumptions: Counter[str] = field(default_factory=Counter)
    ignored: list[str] = field(default_factory=list)
    # (element type, framework kind) → elements without eakit:kind that became that kind
    framework_kinds: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def relationships_kept(self) -> int:
        """Relationships kept, as relations or as reference fields."""
        return self.relations + self.fields

    def summary(self, lang: str = "vi") -> str:
        """One paragraph for the terminal, in ``lang``."""
        elements = sum(1 for u in self.unmapped if u.what == "element")
        relationships = sum(1 for u in self.unmapped if u.what == "relationship")
        return say(
            "import.summary",
            source=self.source,
            components=self.components,
            elements=self.elements,
            elements_share=_percent(self.components, self.elements),
            kept=self.relationships_kept,
            relationships=self.relationships,
            relationships_share=_percent(self.relationships_kept, self.relationships),
            fields=self.fields,
            relations=self.relations,
            views_kept=self.views_kept,
            views=self.views,
            lost_elements=elements,
            lost_relationships=relationships,
        ).lang(lang)

    def counts(self) -> list[tuple[str, str, int]]:
        """(what, why, how many) of everything not kept, sorted (``why`` in both languages)."""
        tally = Counter((u.what, u.why) for u in self.unmapped)
        return [(what, why, n) for (what, why), n in sorted(tally.items())]

    def lines(self, lang: str = "vi") -> list[str]:
        """Every item not kept and every assumption, one per line (for the terminal)."""
        said = [say("import.line.date", date=self.date_source)] if self.date_source else []
        said += [
            say(
                "import.line.not_kept",
                what=say(f"import.what.{u.what}"),
                type=u.archimate_type,
                identifier=u.identifier,
                name=u.name,
                reason=u.reason,
            )
            for u in self.unmapped
        ]
        said += [
            say("import.line.count", n=n, what=say(f"import.what.{what}"), why=why)
            for what, why, n in self.counts()
        ]
        said += [say("import.line.framework_kind", text=text) for text in self._framework_lines()]
        said += [
            say("import.line.assumed", text=text, count=count)
            for text, count in sorted(self.assumptions.items())
        ]
        said += [say("import.line.ignored", text=text) for text in self.ignored]
        return [in_lang(line, lang) for line in said]

    def _framework_lines(self) -> list[Bilingual]:
        """One line per element type mapped onto a framework kind: "ApplicationComponent →
        Ứng dụng (application): 3 phần tử"."""
        return [
            say(
                "import.framework_kind",
                type=archimate_type,
                label=Bilingual(KIND_SPECS[kind].label, KIND_SPECS[kind].label_en),
                kind=kind,
                count=count,
            )
            for (archimate_type, kind), count in sorted(self.framework_kinds.items())
        ]

    def to_markdown(self) -> str:
        """The report written beside the imported model: in Vietnamese, then in English."""
        return self._markdown("vi") + "\n---\n\n" + self._markdown("en")

    def _markdown(self, lang: str) -> str:
        def t(message_id: str, **params: Any) -> str:
            return say(message_id, **params).lang(lang)

        out = [t("import.md.title", source=self.source), "", self.summary(lang) + ".", ""]
        if self.date_source:
            out += [t("import.md.date", date=self.date_source), ""]
        if self.unmapped:
            out += [
                f"## {t('import.md.by_reason')}",
                "",
                t("import.md.by_reason_head"),
                "|---|---|---|",
            ]
            out += [
                f"| {t('import.what.' + what)} | {in_lang(why, lang)} | {n} |"
                for what, why, n in self.counts()
            ]
            out.append("")
        for what in ("element", "relationship", "attribute", "view"):
            items = [u for u in self.unmapped if u.what == what]
            if not items:
                continue
            out += [f"## {t('import.md.not_kept.' + what)} ({len(items)})", ""]
            out += [t("import.md.items_head"), "|---|---|---|---|"]
            out += [
                f"| {u.archimate_type} | `{u.identifier}` | {_cell(u.name)} | "
                f"{_cell(in_lang(u.reason, lang))} |"
                for u in items
            ]
            out.append("")
        if self.framework_kinds:
            out += [f"## {t('import.md.framework_kinds')}", "", t("import.md.framework_note"), ""]
            out += [f"- {line.lang(lang)}" for line in self._framework_lines()]
            out.append("")
        if self.assumptions:
            out += [f"## {t('import.md.assumed')}", ""]
            out += [f"- {text}: {count}" for text, count in sorted(self.assumptions.items())]
            out.append("")
        if self.ignored:
            out += [f"## {t('import.md.ignored')}", ""]
            out += [f"- {text}" for text in self.ignored]
            out.append("")
        return "\n".join(out)


def _framework_at(when: dt.date) -> str:
    """The framework generation in force at ``when`` by the legal registry (a model drawn
    today follows today's framework); before the first framework text, the oldest
    generation with a pack of its own."""
    from eakit.rules.legal import builtin_registry_path, load_registry
    from eakit.rules.pack import builtin_rules_dir, framework_in_force

    registry = builtin_registry_path(builtin_rules_dir())
    return framework_in_force(when, load_registry(registry, registry.as_posix())) or (
        DEFAULT_FRAMEWORK
    )


def _date_words(value: object) -> Bilingual | str:
    """A date as the report's languages write it (``01/7/2025``, ``2025-07-01``); text the
    file gave that is not a date, as it is."""
    if isinstance(value, dt.date):
        return date_words(value)
    try:
        return date_words(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _percent(part: int, whole: int) -> Bilingual:
    """The share ``part``/``whole`` as Vietnamese administrative texts write it, "72,3%" (a
    decimal comma, no space, so the sign never wraps onto the next line), and in English
    "72.3%"; a whole number without decimals ("100%"); nothing out of nothing is all."""
    value = round(100 * part / whole, 1) if whole else 100.0
    text = f"{value:.1f}".removesuffix(".0") + "%"
    return Bilingual(numerals(text, "vi"), text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@dataclass
class ImportResult:
    """The imported model: manifest, components and relations, and the report.

    ``folders``: the model file of a component or relation (by component id or relation
    key) that the exchange file placed in a folder (its ``organizations``); everything
    else goes to one file per layer and ``relations.yaml``.
    """

    manifest: Manifest
    components: list[BaseComponent]
    relations: list[Relation]
    report: ImportReport
    folders: dict[object, str] = field(default_factory=dict)

    def files(self) -> dict[str, str]:
        """The model folder as relative path → text: the manifest, the model files and
        the import report."""
        header = f"Imported from {self.report.source} by 'eakit import archimate'."
        files = {"eakit.yaml": render_manifest(self.manifest, header)}
        layer_files = {info.layer: f"{info.layer.value}.yaml" for info in LAYERS}
        titles = {f"{info.layer.value}.yaml": f"{info.name} ({info.name_en})" for info in LAYERS}
        members: dict[str, list[BaseComponent]] = {}
        for component in self.components:
            path = self.folders.get(component.id) or layer_files[component.layer]
            members.setdefault(path, []).append(component)
        relations: dict[str, list[Relation]] = {}
        for relation in self.relations:
            path = self.folders.get(relation.key) or "relations.yaml"
            relations.setdefault(path, []).append(relation)
        for path in sorted(members.keys() | relations.keys()):
            title = titles.get(path, path.removesuffix(".yaml"))
            files[path] = render_model_file(
                sorted(members.get(path, []), key=lambda c: c.id),
                sorted(relations.get(path, []), key=lambda r: r.key),
                f"{title}\n{header}" if path in members else header,
            )
        files[REPORT_FILE] = self.report.to_markdown()
        return files


# --- reading the XML ----------------------------------------------------------------------


# A DTD is where XML declares entities (XXE, "billion laughs"); an exchange file needs none.
_DTD_MARKERS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_NO_DTD = "DOCTYPE and entity declarations are not accepted"


def _parse(data: bytes, source: str) -> ET.Element:
    """The root element of an exchange file; raises :class:`ArchimateImportError`.

    A DTD is refused in any encoding: by its bytes in UTF-8, UTF-16 or UTF-32, and by
    the parser (defusedxml forbids a DTD, whatever encoding the file declares).
    """
    if any(marker in data for marker in _DTD_MARKERS):
        raise ArchimateImportError(f"{source}: {_NO_DTD}")
    try:
        root = safe_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ArchimateImportError(f"{source}: {_NO_DTD}") from None
    except ET.ParseError as exc:
        line, col = exc.position
        raise ArchimateImportError(f"{source}:{line}:{col + 1}: not well-formed XML") from None
    if root.tag != A + "model":
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        hint = (
            "; this looks like an ArchiMate 2 exchange file: open it in Archi and export it "
            "as ArchiMate 3 Open Exchange Format"
            if "archimate" in namespace
            else ""
        )
        raise ArchimateImportError(
            f"{source}: not an ArchiMate 3 exchange file (root element {root.tag}){hint}"
        )
    return root


def _texts(node: ET.Element, tag: str) -> list[tuple[str | None, str]]:
    return [
        (child.get(XML_LANG), nfc((child.text or "").strip()))
        for child in node.findall(A + tag)
        if (child.text or "").strip()
    ]


def _pick(texts: list[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    """(Vietnamese-or-default text, English text) from language-tagged strings."""

    def first(test: Any) -> str | None:
        return next((text for lang, text in texts if test(lang)), None)

    vi = first(lambda lang: lang is not None and lang.lower().startswith("vi"))
    en = first(lambda lang: lang is not None and lang.lower().startswith("en"))
    untagged = first(lambda lang: lang is None)
    main = vi or untagged or en or (texts[0][1] if texts else None)
    return main, en


def _pick_documentation(
    texts: list[tuple[str | None, str]],
) -> tuple[str | None, str | None]:
    """(description, description_en): English documentation goes to the English field
    only; the Vietnamese field takes Vietnamese or untagged text, else (no English either)
    the first other language."""
    main, en = _pick(texts)
    if (
        en is not None
        and main == en
        and not any(lang is None or lang.lower().startswith("vi") for lang, _ in texts)
    ):
        return None, en
    return main, en


def _other_languages(tag: str, texts: list[tuple[str | None, str]]) -> dict[str, str]:
    """The texts :func:`_pick` does not keep, as properties ``<tag>@<language>``."""
    main, en = _pick(texts)
    result: dict[str, str] = {}
    for lang, text in texts:
        if text in (main, en):
            continue
        key = f"{tag}@{lang or 'und'}"
        result[key] = f"{result[key]}\n{text}" if key in result else text
    return result


@dataclass(frozen=True)
class _PropertyDefinition:
    name: str
    type: str


def _property_definitions(root: ET.Element) -> dict[str, _PropertyDefinition]:
    result = {}
    for node in root.iter(A + "propertyDefinition"):
        names = _texts(node, "name")
        # ``get(key) or ""``: after an ``or``, mypy would type ``get(key, "")`` as optional.
        name = names[0][1] if names else node.get("name") or node.get("identifier") or ""
        result[node.get("identifier", "")] = _PropertyDefinition(name, node.get("type", "string"))
    return result


def _properties(
    node: ET.Element, definitions: dict[str, _PropertyDefinition]
) -> list[tuple[_PropertyDefinition, str]]:
    holder = node.find(A + "properties")
    if holder is None:
        return []
    result = []
    for prop in holder.findall(A + "property"):
        ref = prop.get("propertyDefinitionRef", "")
        # A property whose definition is missing (some tools write none) is kept by the
        # name its reference gives.
        definition = definitions.get(ref) or _PropertyDefinition(ref, "string")
        values = _texts(prop, "value")
        if ref and values:
            result.append((definition, _pick(values)[0] or ""))
    return result


# --- elements -----------------------------------------------------------------------------


@dataclass
class _Element:
    identifier: str
    archimate_type: str
    name: str
    id: str
    kind: str
    raw: dict[str, Any]


def _field_annotation(cls: type[Any], name: str) -> Any:
    return cls.model_fields[name].annotation


def _element_kind(
    archimate_type: str, props: list[tuple[_PropertyDefinition, str]]
) -> tuple[str | None, bool]:
    """(eakit kind, whether eakit wrote it) of an element."""
    declared = next((value for d, value in props if d.name == KIND_PROPERTY), None)
    if declared in KIND_CLASSES:
        return declared, True
    mapping = KIND_IMPORT.get(archimate_type)
    return (mapping.kind if mapping else None), False


def _element_raw(
    node: ET.Element,
    kind: str,
    from_eakit: bool,
    archimate_type: str,
    props: list[tuple[_PropertyDefinition, str]],
    report: ImportReport,
    identifier: str,
    name: str,
) -> dict[str, Any]:
    cls = KIND_CLASSES[kind]
    refs = {f.name for f in ref_fields(cls)}
    main, en = _pick(_texts(node, "name"))
    doc, doc_en = _pick_documentation(_texts(node, "documentation"))
    raw: dict[str, Any] = {"kind": kind, "name": main or identifier}
    if en:
        raw["name_en"] = en
    if doc:
        raw["description"] = doc
    if doc_en and doc_en != doc:
        raw["description_en"] = doc_en
    free: dict[str, Any] = {}
    if not from_eakit:
        free |= _other_languages("name", _texts(node, "name"))
        free |= _other_languages("documentation", _texts(node, "documentation"))
    for definition, text in props:
        if definition.name == KIND_PROPERTY:
            continue
        field_name = definition.name.removeprefix(PROPERTY_PREFIX)
        if (
            definition.name.startswith(PROPERTY_PREFIX)
            and field_name in cls.model_fields
            and field_name not in TEXT_FIELDS
            and field_name not in refs
            and field_name != "properties"
        ):
            try:
                raw[field_name] = decode(_field_annotation(cls, field_name), text)
                continue
            except ValueError as exc:
                report.unmapped.append(
                    Unmapped(
                        "attribute",
                        archimate_type,
                        identifier,
                        name,
                        say(
                            "import.value_not_valid_for",
                            name=definition.name,
                            text=text,
                            kind=kind,
                            reason=str(exc),
                        ),
                        say("import.why.value_not_valid"),
                    )
                )
        free[definition.name] = decode_free(text, definition.type)
    if free:
        raw["properties"] = free
    mapping = KIND_IMPORT.get(archimate_type)
    if not from_eakit and mapping is not None and mapping.kind == kind:
        for key, value in mapping.defaults.items():
            if key not in raw:
                raw[key] = value
                report.assumptions[f"{archimate_type} → {kind}: {key} = {value}"] += 1
    return raw


def _validate(kind: str, component_id: str, raw: dict[str, Any]) -> BaseComponent:
    adapter: TypeAdapter[Any] = TypeAdapter(KIND_CLASSES[kind])
    return adapter.validate_python({"id": component_id, **raw})  # type: ignore[no-any-return]


def _problem(
    kind: str, component_id: str, raw: dict[str, Any], refs_pending: bool
) -> Bilingual | None:
    """Why ``raw`` is not a valid component, or ``None``. With ``refs_pending`` a missing
    reference field is not a problem yet: relationships fill those in later."""
    try:
        _validate(kind, component_id, raw)
    except ValidationError as exc:
        refs = {f.name for f in ref_fields(KIND_CLASSES[kind])}
        for error in exc.errors():
            if refs_pending and error["type"] == "missing" and error["loc"][0] in refs:
                continue
            where = ".".join(str(p) for p in error["loc"])
            return say("import.not_valid_component", kind=kind, where=where, msg=error["msg"])
    return None


def _read_elements(
    root: ET.Element, definitions: dict[str, _PropertyDefinition], report: ImportReport
) -> dict[str, _Element]:
    nodes = root.findall(f"{A}elements/{A}element")
    report.elements = len(nodes)
    pending: list[tuple[ET.Element, str, str, str, bool, list[Any]]] = []
    allocator = IdAllocator()
    wanted: dict[str, str] = {}
    for node in nodes:
        identifier = node.get("identifier", "")
        archimate_type = node.get(XSI_TYPE, "")
        name = _pick(_texts(node, "name"))[0] or identifier
        props = _properties(node, definitions)
        kind, from_eakit = _element_kind(archimate_type, props)
        if kind is None:
            report.unmapped.append(
                Unmapped(
                    "element",
                    archimate_type,
                    identifier,
                    name,
                    say("import.no_kind"),
                    say("import.why.no_kind"),
                )
            )
            continue
        # eakit's own identifiers (id-<component id>) come back as the same ids.
        own = identifier.removeprefix("id-")
        if from_eakit and identifier.startswith("id-") and is_id(own) and allocator.reserve(own):
            wanted[identifier] = own
        pending.append((node, identifier, archimate_type, kind, from_eakit, props))
    result: dict[str, _Element] = {}
    for node, identifier, archimate_type, kind, from_eakit, props in pending:
        name = _pick(_texts(node, "name"))[0] or identifier
        component_id = wanted.get(identifier) or allocator.allocate(slugify(name, "element"))
        raw = _element_raw(node, kind, from_eakit, archimate_type, props, report, identifier, name)
        problem = _problem(kind, component_id, raw, refs_pending=True)
        if problem is not None:
            report.unmapped.append(
                Unmapped(
                    "element",
                    archimate_type,
                    identifier,
                    name,
                    problem,
                    say("import.why.not_valid_component"),
                )
            )
            continue
        if not from_eakit and KIND_SPECS[kind].framework:
            report.framework_kinds[(archimate_type, kind)] += 1
        result[identifier] = _Element(identifier, archimate_type, name, component_id, kind, raw)
    return result


# --- relationships ------------------------------------------------------------------------


def _field_for(
    relation: str, source: _Element, target: _Element
) -> tuple[_Element, RefField, str] | None:
    """The reference field that states ``source --relation--> target``, if one exists:
    (component holding it, the field, the id it holds)."""
    for ref in ref_fields(KIND_CLASSES[source.kind]):
        fits = not ref.ref.kinds or target.kind in ref.ref.kinds
        if ref.ref.edge == relation and not ref.ref.reverse and fits:
            return source, ref, target.id
    for ref in ref_fields(KIND_CLASSES[target.kind]):
        fits = not ref.ref.kinds or source.kind in ref.ref.kinds
        if ref.ref.edge == relation and ref.ref.reverse and fits:
            return target, ref, source.id
    return None


def _place_in_field(holder: _Element, ref: RefField, value: str) -> bool:
    if ref.many:
        values = holder.raw.setdefault(ref.name, [])
        if value not in values:
            values.append(value)
        return True
    if holder.raw.get(ref.name) in (None, value):
        holder.raw[ref.name] = value
        return True
    return False  # a single-valued field already holds another id: state it as a relation


def _generic(archimate_type: str) -> str | None:
    """The eakit relation that is the ArchiMate relationship ``archimate_type`` itself."""
    for name, spec in relation_types().items():
        if spec.archimate_table and spec.archimate == archimate_type:
            return name
    return None


def _relation_type(
    node: ET.Element,
    props: list[tuple[_PropertyDefinition, str]],
    source: _Element,
    target: _Element,
) -> tuple[str, _Element, _Element] | None:
    """(eakit relation type, from, to) of a relationship: the type eakit wrote, else the
    first import rule that matches and that eakit allows between the kinds, else the
    ArchiMate relationship itself when ArchiMate's table allows it between the kinds."""
    archimate_type = node.get(XSI_TYPE, "")
    declared = next((value for d, value in props if d.name == RELATION_PROPERTY), None)
    if declared in RELATION_EXPORT:
        if RELATION_EXPORT[declared].reverse:
            return declared, target, source
        return declared, source, target
    access = node.get("accessType", "Access")
    types = relation_types()
    for rule in RELATION_IMPORT:
        if rule.matches(archimate_type, source.kind, target.kind, access):
            start, end = (target, source) if rule.reverse else (source, target)
            if types[rule.relation].allows(start.kind, end.kind):
                return rule.relation, start, end
    generic = _generic(archimate_type)
    if generic is not None and kinds_fit(archimate_type, source.kind, target.kind):
        return generic, source, target
    return None


def _archimate_attributes(node: ET.Element, relation: str) -> dict[str, Any]:
    """The attributes of an ArchiMate relationship that an eakit relation of ``relation``
    keeps: the access type, the influence strength, the direction of an association."""
    owner = {v: k for k, v in ATTRIBUTE_OWNER.items()}.get(relation)
    if owner == "access_type" and node.get("accessType") in ACCESS_TYPE_IMPORT:
        return {"access_type": ACCESS_TYPE_IMPORT[node.get("accessType", "")]}
    if owner == "strength" and (node.get("modifier") or "").strip():
        return {"strength": (node.get("modifier") or "").strip()}
    if owner == "directed" and (node.get("isDirected") or "").strip().lower() == "true":
        return {"directed": True}
    return {}


def _relation_attributes(
    node: ET.Element,
    props: list[tuple[_PropertyDefinition, str]],
    report: ImportReport,
    identifier: str,
    archimate_type: str,
    from_eakit: bool,
) -> dict[str, Any]:
    """A relation's description (the documentation), eakit attributes and free-form
    properties (the relationship's name and other properties)."""
    names, docs = _texts(node, "name"), _texts(node, "documentation")
    doc = _pick(docs)[0]
    attributes: dict[str, Any] = {"description": doc} if doc else {}
    free: dict[str, Any] = {}
    if not from_eakit:
        name, name_en = _pick(names)
        if name:
            free["name"] = name
        # A relation has no English text fields: English text is kept as a property.
        if name_en and name_en != name:
            free["name@en"] = name_en
        doc_en = _pick(docs)[1]
        if doc_en and doc_en != doc:
            free["documentation@en"] = doc_en
        free |= _other_languages("name", names)
        free |= _other_languages("documentation", docs)
    for definition, text in props:
        if definition.name == RELATION_PROPERTY:
            continue
        field_name = definition.name.removeprefix(PROPERTY_PREFIX)
        if definition.name.startswith(PROPERTY_PREFIX) and field_name in RELATION_ATTRIBUTES:
            try:
                attributes[field_name] = decode(Relation.model_fields[field_name].annotation, text)
                continue
            except ValueError as exc:
                report.unmapped.append(
                    Unmapped(
                        "attribute",
                        archimate_type,
                        identifier,
                        f"{definition.name} = {text}",
                        say("import.value_not_valid", reason=str(exc)),
                        say("import.why.value_not_valid"),
                    )
                )
        free[definition.name] = decode_free(text, definition.type)
    if free:
        attributes["properties"] = free
    return attributes


def _read_relationships(
    root: ET.Element,
    definitions: dict[str, _PropertyDefinition],
    elements: dict[str, _Element],
    report: ImportReport,
    folders: dict[object, str],
    file_folders: dict[str, str],
    kept: dict[str, str],
) -> list[Relation]:
    """The relationships as relations or reference fields (the report lists the others);
    fills ``folders`` (relation key → model file) and ``kept`` (relationship identifier
    → eakit relation type)."""
    nodes = root.findall(f"{A}relationships/{A}relationship")
    report.relationships = len(nodes)
    types = relation_types()
    relations: dict[tuple[str, str, str], Relation] = {}
    stated: set[tuple[str, str, str]] = set()
    relationship_ids = {node.get("identifier", "") for node in nodes}

    names = {
        node.get("identifier", ""): _pick(_texts(node, "name"))[0] or node.get("identifier") or ""
        for node in root.findall(f"{A}elements/{A}element")
    }

    def skip(node: ET.Element, reason: Bilingual, why: Bilingual) -> None:
        source_id, target_id = node.get("source", ""), node.get("target", "")
        report.unmapped.append(
            Unmapped(
                "relationship",
                node.get(XSI_TYPE, ""),
                node.get("identifier", ""),
                f"{names.get(source_id, source_id)} → {names.get(target_id, target_id)}",
                reason,
                why,
            )
        )

    for node in nodes:
        identifier = node.get("identifier", "")
        archimate_type = node.get(XSI_TYPE, "")
        source = elements.get(node.get("source", ""))
        target = elements.get(node.get("target", ""))
        if source is None or target is None:
            missing = node.get("source") if source is None else node.get("target")
            if missing in relationship_ids:
                skip(
                    node,
                    say("import.end_is_relationship", end=missing),
                    say("import.why.end_is_relationship"),
                )
            else:
                skip(
                    node,
                    say("import.end_not_kept", end=missing),
                    say("import.why.end_not_kept"),
                )
            continue
        props = _properties(node, definitions)
        from_eakit = any(d.name == RELATION_PROPERTY for d, _ in props)
        found = _relation_type(node, props, source, target)
        if found is None:
            allowed = ", ".join(
                sorted(
                    allowed_relationships(
                        element_type_of(source.kind), element_type_of(target.kind)
                    )
                )
            )
            skip(
                node,
                say(
                    "import.archimate_refused",
                    type=archimate_type,
                    source_kind=source.kind,
                    source=source.id,
                    source_type=element_type_of(source.kind),
                    target_kind=target.kind,
                    target=target.id,
                    target_type=element_type_of(target.kind),
                    allowed=allowed or "—",
                ),
                say("import.why.not_allowed"),
            )
            continue
        relation, start, end = found
        if start.id == end.id:
            skip(node, say("import.self_loop"), say("import.why.self_loop"))
            continue
        key = (start.id, relation, end.id)
        if key in stated:
            skip(
                node,
                say("import.duplicate", relation=relation, source=start.id, target=end.id),
                say("import.why.duplicate"),
            )
            continue
        attributes = _relation_attributes(
            node, props, report, identifier, archimate_type, from_eakit
        )
        attributes |= _archimate_attributes(node, relation)
        slot = None if attributes else _field_for(relation, start, end)
        if slot is not None and _place_in_field(*slot):
            report.fields += 1
            stated.add(key)
            kept[identifier] = relation
            continue
        if not types[relation].allows(start.kind, end.kind):
            skip(
                node,
                say(
                    "import.eakit_refused",
                    relation=relation,
                    source_kind=start.kind,
                    source=start.id,
                    target_kind=end.kind,
                    target=end.id,
                ),
                say("import.why.not_allowed"),
            )
            continue
        try:
            relations[key] = Relation.model_validate(
                {"from": start.id, "to": end.id, "type": relation, **attributes}
            )
        except ValidationError as exc:
            skip(
                node,
                say("import.invalid_relation", msg=exc.errors()[0]["msg"]),
                say("import.why.invalid_relation"),
            )
            continue
        if identifier in file_folders:
            folders[key] = file_folders[identifier]
        stated.add(key)
        kept[identifier] = relation
    report.relations = len(relations)
    return list(relations.values())


def _drop_incomplete(
    elements: dict[str, _Element], relations: list[Relation], report: ImportReport
) -> None:
    """Remove components still invalid once every relationship is placed (a required
    reference the file never states), and every reference and relation to them."""
    while True:
        broken = {
            identifier: problem
            for identifier, element in elements.items()
            if (problem := _problem(element.kind, element.id, element.raw, False)) is not None
        }
        if not broken:
            return
        gone = set()
        for identifier, problem in broken.items():
            element = elements.pop(identifier)
            gone.add(element.id)
            report.unmapped.append(
                Unmapped(
                    "element",
                    element.archimate_type,
                    identifier,
                    element.name,
                    problem,
                    say("import.why.reference_missing"),
                )
            )
        for element in elements.values():
            for ref in ref_fields(KIND_CLASSES[element.kind]):
                value = element.raw.get(ref.name)
                if ref.many and isinstance(value, list):
                    element.raw[ref.name] = [v for v in value if v not in gone]
                elif value in gone:
                    del element.raw[ref.name]
        relations[:] = [r for r in relations if r.from_ not in gone and r.to not in gone]
        report.relations = len(relations)


# --- the model ----------------------------------------------------------------------------


DCTERMS_NS = "http://purl.org/dc/terms/"
# Model properties that tools use for the date of a model (compared in lower case).
DATE_PROPERTIES = ("date", "dc:date", "dcterms:date", "as_of", "as-of", "modified", "created")


def _as_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _file_date(
    root: ET.Element, props: list[tuple[_PropertyDefinition, str]]
) -> tuple[dt.date, str] | None:
    """The date the file gives its model, and where it was found: its Dublin Core
    metadata (``dc:date`` or ``dcterms:date``/``modified``/``created``), else a model
    property named like a date."""
    metadata = root.find(f"{A}metadata")
    if metadata is not None:
        for namespace, tag in (
            (DC_NS, "date"),
            (DCTERMS_NS, "date"),
            (DCTERMS_NS, "modified"),
            (DCTERMS_NS, "created"),
        ):
            node = metadata.find(f".//{{{namespace}}}{tag}")
            found = _as_date(node.text if node is not None else None)
            if found is not None:
                prefix = "dc" if namespace == DC_NS else "dcterms"
                return found, f"the file's metadata ({prefix}:{tag})"
    for definition, text in props:
        found = _as_date(text)
        if definition.name.lower() in DATE_PROPERTIES and found is not None:
            return found, f"the model property '{definition.name}'"
    return None


def _architecture(
    root: ET.Element,
    definitions: dict[str, _PropertyDefinition],
    components: dict[str, BaseComponent],
    report: ImportReport,
    *,
    architecture_id: str | None,
    as_of: dt.date | None,
    horizon: int | None,
    framework: str | None,
    today: dt.date | None = None,
) -> tuple[Architecture, RulesConfig, Any]:
    name, name_en = _pick(_texts(root, "name"))
    doc, doc_en = _pick(_texts(root, "documentation"))
    props = _properties(root, definitions)
    from_eakit = any(d.name.startswith(PROPERTY_PREFIX) for d, _ in props)
    raw: dict[str, Any] = {}
    rules = RulesConfig()
    views = None
    for definition, text in props:
        field_name = definition.name.removeprefix(PROPERTY_PREFIX)
        if definition.name.startswith(PROPERTY_PREFIX) and field_name == "rules":
            try:
                rules = RulesConfig.model_validate_json(text)
                continue
            except ValidationError:
                pass
        elif definition.name.startswith(PROPERTY_PREFIX) and field_name == "views":
            try:
                views = _VIEWS.validate_json(text)
                continue
            except ValidationError:
                pass
        elif (
            definition.name.startswith(PROPERTY_PREFIX)
            and field_name in Architecture.model_fields
            and field_name not in ARCHITECTURE_TEXT_FIELDS
        ):
            try:
                raw[field_name] = decode(Architecture.model_fields[field_name].annotation, text)
                continue
            except ValueError:
                pass
        report.ignored.append(f"model property '{definition.name}' = '{text}'")
    model_identifier = root.get("identifier", "")
    own = model_identifier.removeprefix("model-")
    if architecture_id is None:
        if from_eakit and model_identifier.startswith("model-") and is_id(own):
            architecture_id = own
        else:
            architecture_id = slugify(name or "", "imported")
    raw.update(id=architecture_id, name=name or architecture_id)
    if name_en:
        raw["name_en"] = name_en
    if doc:
        raw["description"] = doc
    if doc_en and doc_en != doc:
        raw["description_en"] = doc_en
    if as_of is not None:
        raw["as_of"] = as_of
        report.date_source = say("import.date.option", date=_date_words(as_of))
    elif "as_of" in raw:
        report.date_source = say("import.date.eakit", date=_date_words(raw["as_of"]))
    else:
        found = _file_date(root, props)
        if found is None:
            date = today or dt.date.today()
            report.date_source = say("import.date.today", date=_date_words(date))
        else:
            date, where = found
            report.date_source = say("import.date.file", date=_date_words(date), where=where)
        raw["as_of"] = date
    if horizon is not None:
        raw["horizon"] = horizon
    elif "horizon" not in raw:
        year = dt.date.fromisoformat(str(raw["as_of"])).year + HORIZON_YEARS
        raw["horizon"] = year
        report.assumptions[f"horizon = {year} (as_of + {HORIZON_YEARS} years)"] += 1
    if framework is not None:
        raw["framework"] = framework
    elif "framework" not in raw:
        chosen = _framework_at(dt.date.fromisoformat(str(raw["as_of"])))
        raw["framework"] = chosen
        report.assumptions[f"framework = {chosen}"] += 1
    for name_ref in ("province", "owner_agency"):
        target = raw.get(name_ref)
        if target is not None and (target not in components or components[target].kind != "agency"):  # type: ignore[attr-defined]
            report.ignored.append(f"architecture {name_ref} '{target}': no such agency imported")
            del raw[name_ref]
    try:
        return Architecture.model_validate(raw), rules, views
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise ArchimateImportError(f"architecture '{where}': {problem['msg']}") from None


def _organizations(root: ET.Element) -> dict[str, str]:
    """The model file of each identifier the file puts in a folder: the folder labels,
    made ids, as a path (``Business/Actors`` → ``business/actors.yaml``)."""
    result: dict[str, str] = {}

    def walk(item: ET.Element, path: tuple[str, ...]) -> None:
        for child in item.findall(f"{A}item"):
            ref = child.get("identifierRef")
            if ref is not None:
                if path:
                    result.setdefault(ref, "/".join(path) + ".yaml")
                continue
            label = _pick(_texts(child, "label"))[0] or ""
            walk(child, (*path, slugify(label, "folder")))

    holder = root.find(f"{A}organizations")
    if holder is not None:
        walk(holder, ())
    return result


def _diagram_nodes(node: ET.Element) -> Iterator[ET.Element]:
    for child in node.findall(f"{A}node"):
        yield child
        yield from _diagram_nodes(child)


def _views(
    root: ET.Element,
    elements: dict[str, _Element],
    kept: dict[str, str],
    report: ImportReport,
) -> list[Any]:
    """The diagrams of a file from another tool as eakit views: the components it shows
    and the relation types of the relationships it draws. ``kept``: relationship
    identifier → the eakit relation type it became."""
    allocator = IdAllocator()
    result: list[Any] = []
    nodes = root.findall(f"{A}views/{A}diagrams/{A}view")
    report.views = len(nodes)
    for node in nodes:
        identifier = node.get("identifier", "")
        title, title_en = _pick(_texts(node, "name"))
        members = sorted(
            {
                elements[ref].id
                for child in _diagram_nodes(node)
                if (ref := child.get("elementRef")) is not None and ref in elements
            }
        )
        if not members:
            report.unmapped.append(
                Unmapped(
                    "view",
                    node.get(XSI_TYPE, ""),
                    identifier,
                    title or identifier,
                    say("import.view_empty"),
                    say("import.why.view_empty"),
                )
            )
            continue
        relations = sorted(
            {
                kept[ref]
                for child in node.iter(f"{A}connection")
                if (ref := child.get("relationshipRef")) is not None and ref in kept
            }
        )
        spec: dict[str, Any] = {
            "name": allocator.allocate(slugify(title or identifier, "view")),
            "title": title or identifier,
            "include": [{"ids": members}],
            "relations": relations,
        }
        if title_en and title_en != title:
            spec["title_en"] = title_en
        result.append(spec)
    report.views_kept = len(result)
    return result


def import_archimate(
    data: bytes,
    *,
    source: str = "exchange file",
    architecture_id: str | None = None,
    as_of: dt.date | None = None,
    horizon: int | None = None,
    framework: str | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Turn the bytes of an exchange file into an eakit model.

    Without ``as_of``, the model's date is the file's own (its metadata or a date
    property), else ``today`` (default: the current date); the report says which.
    Raises :class:`ArchimateImportError` when the file is not an ArchiMate 3 exchange
    file.
    """
    root = _parse(data, source)
    report = ImportReport(source)
    definitions = _property_definitions(root)
    # A file eakit wrote arranges its folders by layer and draws its diagrams from the
    # manifest's views: both come back as they were, not as folders and views.
    from_eakit = any(d.name.startswith(PROPERTY_PREFIX) for d in definitions.values())
    file_folders = {} if from_eakit else _organizations(root)
    elements = _read_elements(root, definitions, report)
    folders: dict[object, str] = {}
    kept: dict[str, str] = {}
    relations = _read_relationships(
        root, definitions, elements, report, folders, file_folders, kept
    )
    _drop_incomplete(elements, relations, report)
    components = {e.id: _validate(e.kind, e.id, e.raw) for e in elements.values()}
    report.components = len(components)
    for identifier, element in elements.items():
        if identifier in file_folders:
            folders[element.id] = file_folders[identifier]
    architecture, rules, views_config = _architecture(
        root,
        definitions,
        components,
        report,
        architecture_id=architecture_id,
        as_of=as_of,
        horizon=horizon,
        framework=framework,
        today=today,
    )
    if views_config is None and not from_eakit:
        views_config = _VIEWS.validate_python(_views(root, elements, kept, report)) or None
    elif from_eakit:
        report.views = report.views_kept = len(views_config or [])
    manifest = Manifest(eakit=1, architecture=architecture, rules=rules, views=views_config)
    return ImportResult(manifest, list(components.values()), relations, report, folders)


def import_archimate_file(path: Path, **options: Any) -> ImportResult:
    """Read and import an exchange file from disk."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArchimateImportError(f"{path}: cannot be read: {exc.strerror}") from None
    return import_archimate(data, source=path.name, **options)


def write_import(
    result: ImportResult,
    out_dir: Path,
    verify: Callable[[Path], object] | None = None,
    owner: str = "import archimate",
) -> list[Path]:
    """Write the imported model (and its report) as the folder ``out_dir``, atomically."""
    return write_model_folder(out_dir, result.files(), verify, owner=owner)
