"""JSON Schema of the model format, for editors (``# yaml-language-server: $schema=``).

The schema is generated from the pydantic models, then made useful in an editor:
every property carries a description (from the model, from the reference it makes,
or from the table below), ``kind`` completes to the 14 kinds with their Vietnamese
labels, and each kind's fields apply through ``if``/``then`` so an editor reports the
problems of the kind written rather than of every kind at once.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter

from eakit import metamodel
from eakit.model import Manifest, Relation, relation_types
from eakit.model.components import GenericComponent
from eakit.model.refs import ref_fields

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Fields the model classes leave undescribed; a field means the same on every kind.
FIELD_HELP = {
    "kind": "What the component is; it picks the component's fields.",
    "description_en": "English description.",
    "tags": "Free labels for grouping and search.",
    "actor_type": "Which group of users (nhóm người sử dụng).",
    "agency_type": "Level or type of the organisation (loại cơ quan, đơn vị).",
    "valid_from": "Date it was established (YYYY-MM-DD).",
    "valid_to": "Date it was dissolved or merged (YYYY-MM-DD).",
    "security_dossier": "The approved security-level dossier (hồ sơ đề xuất cấp độ).",
    "processes_personal_data": "Whether it processes personal data (dữ liệu cá nhân).",
    "internet_facing": "Whether it is reachable from the Internet.",
    "vendor": "Supplier or developer (đơn vị cung cấp, phát triển).",
    "url": "Address where users reach it.",
    "app_type": "Type of application.",
    "sector": "Sector (lĩnh vực).",
    "channel_type": "Type of access channel.",
    "dc_type": "Data centre, disaster-recovery site, cloud or server room.",
    "security_level": "Security level 1..5 (cấp độ an toàn hệ thống thông tin).",
    "location": "Where it is (address).",
    "db_type": "Type of database.",
    "classification": "Importance of the data: core, important or other.",
    "platform_type": "Type of integration platform.",
    "internet_access": "Whether the LAN has Internet access.",
    "network_type": "Type of network.",
    "phase": "Deployment phase of the network (giai đoạn).",
    "connection_points": "Number of connection points (điểm kết nối).",
    "provider": "Telecommunications provider.",
    "portal_type": "Type of portal.",
    "fee": "Whether the service charges a fee (phí, lệ phí).",
    "result_signed": "Whether the result is returned digitally signed.",
    "funding": "Source of funds (nguồn vốn).",
    "capability_type": "Type of security capability.",
    "approved": "Whether the dossier is approved.",
    "date": "Date of the decision (YYYY-MM-DD).",
    "approved_by": "Who approved it.",
    "description": "What it is and why it matters.",
    "status": "current | planned | retired",
    "since": "Year it came into operation.",
    "target": "Target year, when planned.",
    "sync_mode": "How data is exchanged: realtime, batch or manual.",
    "source": "Where the fact comes from (citation).",
    "components": "The components declared in this file.",
    "relations": "The relations declared in this file.",
    "decision_ref": "Number of the approving decision (số quyết định).",
    "issuer": "Who issued the decision.",
    "id": "Id: lower-case letters, digits and '-'.",
    "name": "Vietnamese name, shown first everywhere.",
    "name_en": "English name.",
    "version": "Version of the document.",
    "approval": "The decision approving the architecture document.",
    "sources": "Documents the model is drawn from.",
    "packs": "Rule packs that apply: built-in names or paths to pack files.",
    "disable": "Rule ids switched off for this model.",
    "architecture": "What the model describes, for which framework, at which date.",
    "include": "Globs of the model files, relative to the folder of eakit.yaml.",
    "exclude": "Globs of files to leave out.",
    "rules": "Which rule packs apply and how.",
    "waivers": "File of accepted deviations (waivers.yaml), inside the model folder.",
}


def _ref_help(cls: type[BaseModel]) -> dict[str, str]:
    """Descriptions of the reference fields of ``cls``, from the relation they make."""
    types = relation_types()
    result = {}
    for field in ref_fields(cls):
        kinds = " or ".join(field.ref.kinds) if field.ref.kinds else "any component"
        edge = types[field.ref.edge]
        what = f"Ids of {kinds}" if field.many else f"Id of the {kinds}"
        verb = edge.reverse_en if field.ref.reverse else edge.label_en
        label = edge.reverse if field.ref.reverse else edge.label
        result[field.name] = f"{what}: {verb} ({label})."
    return result


def _subschemas(schema: dict[str, Any]) -> list[Any]:
    found: list[Any] = [schema.get(k) for k in ("items", "additionalProperties", "then")]
    for key in ("anyOf", "allOf", "oneOf"):
        found.extend(schema.get(key, []))
    found.extend(schema.get("properties", {}).values())
    return found


def _fill_descriptions(schema: Any, helps: dict[str, str]) -> None:
    """Give every property a description, in this schema and the ones inside it.

    ``helps`` (descriptions of reference fields) apply to this schema's own properties;
    deeper ones take the common table, then their title.
    """
    if not isinstance(schema, dict):
        return
    for name, prop in schema.get("properties", {}).items():
        if isinstance(prop, dict) and "description" not in prop:
            prop["description"] = helps.get(name) or FIELD_HELP.get(name) or prop.get("title", name)
    for sub in _subschemas(schema):
        _fill_descriptions(sub, {})


GENERIC = "GenericComponent"
"""The one definition every generic ArchiMate kind shares (their fields are the same)."""


def _definition_of(kind: str) -> str:
    return metamodel.component_class(kind).__name__ if metamodel.spec(kind).framework else GENERIC


def _kind_dispatch(defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one component: ``kind`` from a list, then that kind's fields."""
    kinds = sorted(metamodel.KIND_SPECS)
    return {
        "type": "object",
        "description": "A component of the architecture; 'kind' picks its fields.",
        "required": ["id", "kind", "name"],
        "properties": {
            "kind": {
                "description": FIELD_HELP["kind"],
                "enum": kinds,
                "enumDescriptions": [
                    f"{metamodel.label(k)} ({metamodel.label(k, 'en')})" for k in kinds
                ],
            }
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/$defs/{_definition_of(kind)}"},
            }
            for kind in kinds
            if _definition_of(kind) in defs
        ],
    }


def _generic_definition(defs: dict[str, Any]) -> dict[str, Any]:
    """The definition of the generic ArchiMate kinds: their shared fields, ``kind`` one of
    them."""
    generic = metamodel.kinds(framework=False)
    cls = metamodel.component_class(generic[0])
    definition = TypeAdapter(cls).json_schema(by_alias=True, ref_template="#/$defs/{model}")
    defs.update(definition.pop("$defs", {}))
    definition["title"] = GENERIC
    definition["description"] = " ".join((GenericComponent.__doc__ or "").split())
    _fill_descriptions(definition, _ref_help(cls))
    definition["properties"]["kind"] = {
        "description": "An ArchiMate element kind.",
        "enum": list(generic),
        "enumDescriptions": [
            f"{metamodel.label(k)} ({metamodel.label(k, 'en')}), ArchiMate "
            f"{metamodel.archimate_type(k)}"
            for k in generic
        ],
    }
    return definition


def model_file_schema() -> dict[str, Any]:
    """JSON Schema of a model file (``components`` and ``relations``)."""
    defs: dict[str, Any] = {}
    classes = {kind: metamodel.component_class(kind) for kind in metamodel.kinds(framework=True)}
    models: tuple[type[BaseModel], ...] = (*classes.values(), Relation)
    for cls in models:
        schema = TypeAdapter(cls).json_schema(by_alias=True, ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[cls.__name__] = schema
    for kind, cls in classes.items():
        spec = metamodel.spec(kind)
        definition = defs[cls.__name__]
        definition["description"] = (
            f"{spec.label} ({spec.label_en}): {definition.get('description', '')}".strip()
        )
        _fill_descriptions(definition, _ref_help(cls))
        definition["properties"]["kind"]["description"] = f"'{kind}': {spec.label}."
    defs[GENERIC] = _generic_definition(defs)
    _fill_descriptions(defs["Relation"], {})
    types = relation_types()
    names = defs["Relation"]["properties"]["type"].get("enum", sorted(types))
    defs["Relation"]["properties"]["type"]["enumDescriptions"] = [
        f"{types[n].label} ({types[n].label_en})" for n in names
    ]
    for name, definition in defs.items():
        if name not in ("Relation", GENERIC, *(c.__name__ for c in classes.values())):
            _fill_descriptions(definition, {})
    schema = {
        "$schema": DRAFT,
        "$id": "https://eakit.dev/schema/model-file.json",
        "title": "eakit model file",
        "description": "Components and relations of an eakit architecture model.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "components": {"type": "array", "items": _kind_dispatch(defs)},
            "relations": {"type": "array", "items": {"$ref": "#/$defs/Relation"}},
        },
        "$defs": defs,
    }
    _fill_descriptions(schema, {})
    return schema


def manifest_schema() -> dict[str, Any]:
    """JSON Schema of ``eakit.yaml``."""
    schema = Manifest.model_json_schema(by_alias=True)
    schema["$schema"] = DRAFT
    schema["$id"] = "https://eakit.dev/schema/manifest.json"
    _fill_descriptions(schema, {})
    for definition in schema.get("$defs", {}).values():
        _fill_descriptions(definition, {"kind": "Kind of component."})
    return schema


def schema_json(which: Literal["model", "manifest"] = "model") -> str:
    """The schema as stable, pretty JSON text (``model`` or ``manifest``)."""
    schema = model_file_schema() if which == "model" else manifest_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
