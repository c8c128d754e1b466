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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

# defusedxml has no inline types, and types-defusedxml is not among the dependencies.
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring as safe_fromstring  # type: ignore[import-untyped]
from pydantic import TypeAdapter, ValidationError

from eakit.interop.archimate_mapping import (
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
from eakit.model import KIND_CLASSES, LAYERS, BaseComponent, Manifest, Relation, relation_types
from eakit.model.manifest import Architecture, RulesConfig
from eakit.model.refs import RefField, ref_fields
from eakit.text import nfc

A = "{" + ARCHIMATE_NS + "}"
XSI_TYPE = "{" + XSI_NS + "}type"
XML_LANG = "{" + XML_NS + "}lang"
DEFAULT_FRAMEWORK = "vn-egov-2.0"
HORIZON_YEARS = 5
REPORT_FILE = "import-report.md"
# A declared field always has an annotation (pydantic types it as optional).
_VIEWS: TypeAdapter[Any] = TypeAdapter(cast(Any, Manifest.model_fields["views"].annotation))
RELATION_ATTRIBUTES = tuple(
    name for name in Relation.model_fields if name not in ("from_", "to", "type")
)


class ArchimateImportError(Exception):
    """The file cannot be imported at all (not an exchange file, no date, ...)."""


@dataclass(frozen=True)
class Unmapped:
    """Something in the exchange file that did not become part of the eakit model."""

    what: str  # element | relationship | attribute
    archimate_type: str
    identifier: str
    name: str
    reason: str


@dataclass
class ImportReport:
    """What was imported, what was assumed and what could not be mapped."""

    source: str
    elements: int = 0
    relationships: int = 0
    components: int = 0
    relations: int = 0
    fields: int = 0
    unmapped: list[Unmapped] = field(default_factory=list)
    assumptions: Counter[str] = field(default_factory=Counter)
    ignored: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One paragraph for the terminal."""
        elements = sum(1 for u in self.unmapped if u.what == "element")
        relationships = sum(1 for u in self.unmapped if u.what == "relationship")
        return (
            f"{self.source}: {self.components} of {self.elements} elements imported as "
            f"components; {self.relations + self.fields} of {self.relationships} relationships "
            f"imported ({self.fields} as reference fields, {self.relations} as relations); "
            f"{elements} elements and {relationships} relationships not mapped"
        )

    def lines(self) -> list[str]:
        """Every unmapped item and assumption, one per line (for the terminal)."""
        result = [
            f"not mapped: {u.what} {u.archimate_type} '{u.identifier}' ({u.name}): {u.reason}"
            for u in self.unmapped
        ]
        result += [
            f"assumed: {text} ({count}×)" for text, count in sorted(self.assumptions.items())
        ]
        result += [f"ignored: {text}" for text in self.ignored]
        return result

    def to_markdown(self) -> str:
        """The report written beside the imported model."""
        out = [f"# Import report: {self.source}", "", self.summary() + ".", ""]
        for what, title in (
            ("element", "Elements not mapped"),
            ("relationship", "Relationships not mapped"),
            ("attribute", "Attributes not kept"),
        ):
            items = [u for u in self.unmapped if u.what == what]
            if not items:
                continue
            out += [f"## {title} ({len(items)})", ""]
            out += ["| ArchiMate type | identifier | name | reason |", "|---|---|---|---|"]
            out += [
                f"| {u.archimate_type} | `{u.identifier}` | {_cell(u.name)} | {_cell(u.reason)} |"
                for u in items
            ]
            out.append("")
        if self.assumptions:
            out += ["## Assumed values (check them)", ""]
            out += [f"- {text}: {count}" for text, count in sorted(self.assumptions.items())]
            out.append("")
        if self.ignored:
            out += ["## Not imported", ""]
            out += [f"- {text}" for text in self.ignored]
            out.append("")
        return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@dataclass
class ImportResult:
    """The imported model: manifest, components and relations, and the report."""

    manifest: Manifest
    components: list[BaseComponent]
    relations: list[Relation]
    report: ImportReport

    def files(self) -> dict[str, str]:
        """The model folder as relative path → text: the manifest, one file per layer,
        ``relations.yaml`` and the import report."""
        header = f"Imported from {self.report.source} by 'eakit import archimate'."
        files = {"eakit.yaml": render_manifest(self.manifest, header)}
        for info in LAYERS:
            members = sorted(
                (c for c in self.components if c.layer == info.layer), key=lambda c: c.id
            )
            if members:
                files[f"{info.layer.value}.yaml"] = render_model_file(
                    members, [], f"{info.name} ({info.name_en})\n{header}"
                )
        if self.relations:
            files["relations.yaml"] = render_model_file(
                [], sorted(self.relations, key=lambda r: r.key), header
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
        definition = definitions.get(prop.get("propertyDefinitionRef", ""))
        values = _texts(prop, "value")
        if definition is not None and values:
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
    doc, doc_en = _pick(_texts(node, "documentation"))
    raw: dict[str, Any] = {"kind": kind, "name": main or identifier}
    if en:
        raw["name_en"] = en
    if doc:
        raw["description"] = doc
    if doc_en and doc_en != doc:
        raw["description_en"] = doc_en
    free: dict[str, Any] = {}
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
                        f"'{definition.name}' = '{text}' is not valid for {kind}: {exc}; "
                        "kept in 'properties'",
                    )
                )
        free[definition.name] = decode_free(text, definition.type)
    if free:
        raw["properties"] = free
    if not from_eakit:
        mapping = KIND_IMPORT[archimate_type]
        for key, value in mapping.defaults.items():
            if key not in raw:
                raw[key] = value
                report.assumptions[f"{archimate_type} → {kind}: {key} = {value}"] += 1
    return raw


def _validate(kind: str, component_id: str, raw: dict[str, Any]) -> BaseComponent:
    adapter: TypeAdapter[Any] = TypeAdapter(KIND_CLASSES[kind])
    return adapter.validate_python({"id": component_id, **raw})  # type: ignore[no-any-return]


def _problem(kind: str, component_id: str, raw: dict[str, Any], refs_pending: bool) -> str | None:
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
            return f"not a valid {kind}: '{where}' {error['msg']}"
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
                    "eakit has no kind for this ArchiMate element type",
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
            report.unmapped.append(Unmapped("element", archimate_type, identifier, name, problem))
            continue
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


def _relation_type(
    node: ET.Element,
    props: list[tuple[_PropertyDefinition, str]],
    source: _Element,
    target: _Element,
) -> tuple[str, _Element, _Element] | None:
    archimate_type = node.get(XSI_TYPE, "")
    declared = next((value for d, value in props if d.name == RELATION_PROPERTY), None)
    if declared in RELATION_EXPORT:
        if RELATION_EXPORT[declared].reverse:
            return declared, target, source
        return declared, source, target
    access = node.get("accessType", "Access")
    for rule in RELATION_IMPORT:
        if rule.matches(archimate_type, source.kind, target.kind, access):
            return (
                (rule.relation, target, source) if rule.reverse else (rule.relation, source, target)
            )
    return None


def _relation_attributes(
    node: ET.Element,
    props: list[tuple[_PropertyDefinition, str]],
    report: ImportReport,
    identifier: str,
    archimate_type: str,
) -> dict[str, Any]:
    doc = _pick(_texts(node, "documentation"))[0] or _pick(_texts(node, "name"))[0]
    attributes: dict[str, Any] = {"description": doc} if doc else {}
    for definition, text in props:
        if definition.name == RELATION_PROPERTY:
            continue
        field_name = definition.name.removeprefix(PROPERTY_PREFIX)
        reason = "eakit relations have no free-form properties"
        if definition.name.startswith(PROPERTY_PREFIX) and field_name in RELATION_ATTRIBUTES:
            try:
                attributes[field_name] = decode(Relation.model_fields[field_name].annotation, text)
                continue
            except ValueError as exc:
                reason = f"not valid: {exc}"
        report.unmapped.append(
            Unmapped(
                "attribute",
                archimate_type,
                identifier,
                f"{definition.name} = {text}",
                reason,
            )
        )
    return attributes


def _read_relationships(
    root: ET.Element,
    definitions: dict[str, _PropertyDefinition],
    elements: dict[str, _Element],
    report: ImportReport,
) -> list[Relation]:
    nodes = root.findall(f"{A}relationships/{A}relationship")
    report.relationships = len(nodes)
    types = relation_types()
    relations: dict[tuple[str, str, str], Relation] = {}
    stated: set[tuple[str, str, str]] = set()

    names = {
        node.get("identifier", ""): _pick(_texts(node, "name"))[0] or node.get("identifier") or ""
        for node in root.findall(f"{A}elements/{A}element")
    }

    def skip(node: ET.Element, reason: str) -> None:
        source_id, target_id = node.get("source", ""), node.get("target", "")
        report.unmapped.append(
            Unmapped(
                "relationship",
                node.get(XSI_TYPE, ""),
                node.get("identifier", ""),
                f"{names.get(source_id, source_id)} → {names.get(target_id, target_id)}",
                reason,
            )
        )

    for node in nodes:
        identifier = node.get("identifier", "")
        archimate_type = node.get(XSI_TYPE, "")
        source = elements.get(node.get("source", ""))
        target = elements.get(node.get("target", ""))
        if source is None or target is None:
            missing = node.get("source") if source is None else node.get("target")
            skip(node, f"'{missing}' was not imported as a component")
            continue
        props = _properties(node, definitions)
        found = _relation_type(node, props, source, target)
        if found is None:
            skip(
                node,
                f"no eakit relation for {archimate_type} from {source.kind} '{source.id}' "
                f"to {target.kind} '{target.id}'",
            )
            continue
        relation, start, end = found
        if start.id == end.id:
            skip(node, "it connects an element to itself")
            continue
        key = (start.id, relation, end.id)
        if key in stated:
            report.assumptions[f"duplicate {relation} relationships merged"] += 1
            continue
        attributes = _relation_attributes(node, props, report, identifier, archimate_type)
        slot = None if attributes else _field_for(relation, start, end)
        if slot is not None and _place_in_field(*slot):
            report.fields += 1
            stated.add(key)
            continue
        if not types[relation].allows(start.kind, end.kind):
            skip(
                node,
                f"eakit's '{relation}' cannot go from {start.kind} '{start.id}' to "
                f"{end.kind} '{end.id}'",
            )
            continue
        try:
            relations[key] = Relation.model_validate(
                {"from": start.id, "to": end.id, "type": relation, **attributes}
            )
        except ValidationError as exc:
            skip(node, f"invalid relation: {exc.errors()[0]['msg']}")
            continue
        stated.add(key)
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
                Unmapped("element", element.archimate_type, identifier, element.name, problem)
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


def _metadata_date(root: ET.Element) -> dt.date | None:
    node = root.find(f"{A}metadata/{{{DC_NS}}}date")
    if node is None or not node.text:
        return None
    try:
        return dt.date.fromisoformat(node.text.strip()[:10])
    except ValueError:
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
    elif "as_of" not in raw:
        found = _metadata_date(root)
        if found is None:
            raise ArchimateImportError(
                "the file does not say which date the model describes: pass --as-of YYYY-MM-DD"
            )
        raw["as_of"] = found
        report.assumptions[f"as_of = {found} (from the file's Dublin Core date)"] += 1
    if horizon is not None:
        raw["horizon"] = horizon
    elif "horizon" not in raw:
        year = dt.date.fromisoformat(str(raw["as_of"])).year + HORIZON_YEARS
        raw["horizon"] = year
        report.assumptions[f"horizon = {year} (as_of + {HORIZON_YEARS} years)"] += 1
    if framework is not None:
        raw["framework"] = framework
    elif "framework" not in raw:
        raw["framework"] = DEFAULT_FRAMEWORK
        report.assumptions[f"framework = {DEFAULT_FRAMEWORK}"] += 1
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


def import_archimate(
    data: bytes,
    *,
    source: str = "exchange file",
    architecture_id: str | None = None,
    as_of: dt.date | None = None,
    horizon: int | None = None,
    framework: str | None = None,
) -> ImportResult:
    """Turn the bytes of an exchange file into an eakit model.

    Raises :class:`ArchimateImportError` when the file is not an ArchiMate 3 exchange
    file or lacks what a manifest needs (the ``as_of`` date) and no option supplies it.
    """
    root = _parse(data, source)
    report = ImportReport(source)
    definitions = _property_definitions(root)
    elements = _read_elements(root, definitions, report)
    relations = _read_relationships(root, definitions, elements, report)
    _drop_incomplete(elements, relations, report)
    components = {e.id: _validate(e.kind, e.id, e.raw) for e in elements.values()}
    report.components = len(components)
    architecture, rules, views_config = _architecture(
        root,
        definitions,
        components,
        report,
        architecture_id=architecture_id,
        as_of=as_of,
        horizon=horizon,
        framework=framework,
    )
    views = root.findall(f"{A}views/{A}diagrams/{A}view")
    if views:
        report.ignored.append(
            f"{len(views)} views: eakit draws its diagrams from the model ('eakit diagram')"
        )
    if root.find(f"{A}organizations") is not None:
        report.ignored.append("folders (organizations): the model files are arranged by layer")
    manifest = Manifest(eakit=1, architecture=architecture, rules=rules, views=views_config)
    return ImportResult(manifest, list(components.values()), relations, report)


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
