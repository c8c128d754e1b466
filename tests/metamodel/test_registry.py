"""The metamodel registry: every kind has every entry, and everything reads it."""

from __future__ import annotations

import unicodedata

import pytest

from eakit import metamodel
from eakit.interop.archimate_mapping import (
    ARCHIMATE_31_ELEMENT_TYPES,
    ARCHIMATE_ELEMENT_TYPES,
    KIND_EXPORT,
)
from eakit.metamodel import KIND_SPECS, Aspect, Layer
from eakit.model.components import KIND_CLASSES, BaseComponent, GenericComponent
from eakit.render.diagrams import labels as diagram_labels
from eakit.render.diagrams import style
from eakit.render.excel.labels import VALUE_LABELS
from eakit.render.excel.layout import FIELD_LABELS, layer_columns, sheet_kinds
from eakit.render.site.i18n import words

KINDS = list(KIND_SPECS)
# Element types without a kind: none (junctions are the kinds and_junction/or_junction).
JUNCTIONS: tuple[str, ...] = ()
GRAPHVIZ_SHAPES = {
    "box", "ellipse", "egg", "trapezium", "parallelogram", "house", "pentagon", "hexagon",
    "octagon", "invtrapezium", "invhouse", "Msquare", "cylinder", "note", "tab", "folder",
    "box3d", "component", "cds", "rarrow", "larrow",
}  # fmt: skip
GRAPHVIZ_STYLES = {"", "rounded", "diagonals"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_every_entry(kind: str) -> None:
    spec = metamodel.spec(kind)
    assert spec.kind == kind
    assert isinstance(spec.layer, Layer) and isinstance(spec.aspect, Aspect)
    for text in (spec.label, spec.label_en, spec.plural, spec.plural_en):
        assert text.strip() and unicodedata.is_normalized("NFC", text), (kind, text)
    assert spec.archimate in ARCHIMATE_ELEMENT_TYPES + ARCHIMATE_31_ELEMENT_TYPES
    assert spec.archimate not in JUNCTIONS
    assert spec.shape in GRAPHVIZ_SHAPES and spec.style in GRAPHVIZ_STYLES
    cls = KIND_CLASSES[kind]
    assert issubclass(cls, BaseComponent)
    assert (cls is GenericComponent) != spec.framework
    sample = cls.model_construct(id="x", name="X", kind=kind)
    assert (sample.layer, sample.label, sample.label_en) == (spec.layer, spec.label, spec.label_en)


@pytest.mark.parametrize("kind", KINDS)
def test_every_output_names_and_draws_every_kind(kind: str) -> None:
    for lang in ("vi", "en"):
        assert diagram_labels.kind_label(kind, lang) == metamodel.label(kind, lang)
        assert diagram_labels.aggregate_noun(kind, None, None, lang) == metamodel.plural(kind, lang)
        assert words(lang).kind(kind) == metamodel.label(kind, lang)
    assert VALUE_LABELS["kind"][kind] == (metamodel.label(kind), metamodel.label(kind, "en"))
    assert KIND_EXPORT[kind].archimate == metamodel.archimate_type(kind)
    assert style.kind_shape(kind) == (metamodel.spec(kind).shape, metamodel.spec(kind).style)
    fill, line = style.kind_colours(kind)
    assert fill.startswith("#") and line.startswith("#")


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_every_kind_has_an_inventory_column(kind: str) -> None:
    layer = metamodel.spec(kind).layer
    keys = {c.key for c in layer_columns(layer, sheet_kinds(layer, [kind]))}
    for name in metamodel.fields(kind):
        if name not in ("properties", "security_dossier"):
            assert name in keys and name in FIELD_LABELS, (kind, name)


def test_the_classes_follow_the_registry_order() -> None:
    assert list(KIND_CLASSES) == KINDS
    assert list(metamodel.kinds(framework=True)) == KINDS[:14]
    framework = [KIND_CLASSES[k] for k in metamodel.kinds(framework=True)]
    assert len(set(framework)) == len(framework)  # one class per framework kind
    assert {KIND_CLASSES[k] for k in metamodel.kinds(framework=False)} == {GenericComponent}


def test_each_kind_looks_different_from_the_others() -> None:
    looks = [(*style.kind_shape(k), *style.kind_colours(k)) for k in KINDS]
    assert len(set(looks)) == len(looks)


def test_generic_kinds_take_archimate_colours_by_archimate_layer() -> None:
    assert style.kind_colours("business_process")[0] == "#FFFFB5"  # business yellow
    assert style.kind_colours("application_service")[0] == "#B5FFFF"  # application blue
    assert style.kind_colours("node")[0] == "#C9E7B7"  # technology green
    assert style.kind_colours("goal")[0] == "#CCCCFF"  # motivation purple
    assert style.kind_colours("capability")[0] == "#F5DEAA"  # strategy tan
    assert style.kind_colours("work_package")[0] == "#FFE0E0"  # implementation pink
    # The framework's kinds keep the colour of their framework layer.
    assert style.kind_colours("application") == ("#CFE6FA", "#1F5F99")


def test_generic_kinds_share_one_set_of_fields() -> None:
    common = set(BaseComponent.model_fields) | {"kind", "owner"}
    for kind in metamodel.kinds(framework=False):
        assert set(metamodel.fields(kind)) == common, kind
        assert [r.name for r in metamodel.references(kind)] == ["replaces", "depends_on", "owner"]


def test_every_archimate_element_type_has_a_kind() -> None:
    for element_type in ARCHIMATE_ELEMENT_TYPES + ARCHIMATE_31_ELEMENT_TYPES:
        found = metamodel.kind_for_archimate(element_type)
        if element_type in JUNCTIONS:
            assert found is None
        else:
            assert found is not None and metamodel.archimate_type(found) == element_type


@pytest.mark.parametrize("kind", KINDS)
def test_the_archimate_mapping_is_exact_both_ways(kind: str) -> None:
    element_type = metamodel.archimate_type(kind)
    assert metamodel.kind_for_archimate(element_type, declared=kind) == kind
    if metamodel.spec(kind).framework:
        assert kind in metamodel.specialisations(element_type)


def test_a_framework_kind_is_a_specialisation_of_its_element() -> None:
    assert metamodel.kind_for_archimate("BusinessActor") == "business_actor"
    assert metamodel.kind_for_archimate("BusinessActor", declared="agency") == "agency"
    # An eakit:kind that is not written as that element type is not believed.
    assert metamodel.kind_for_archimate("Node", declared="agency") == "node"
    assert metamodel.kind_for_archimate("BusinessFunction") == "business_function"
    assert metamodel.specialisations("ApplicationComponent") == (
        "portal",
        "application",
        "integration_platform",
    )


def test_relation_types_of_a_kind_come_from_the_relation_table() -> None:
    outgoing, incoming = metamodel.relation_types_of("database")
    assert "integrates_with" in outgoing and "reads_from" in incoming
    outgoing, incoming = metamodel.relation_types_of("capability")
    assert "depends_on" in outgoing and "realises" in incoming
    assert "integrates_with" not in outgoing


def test_layers_place_every_kind() -> None:
    placed = [k for layer in Layer for k in metamodel.kinds_in_layer(layer)]
    assert sorted(placed) == sorted(KINDS)
    assert metamodel.kinds_in_layer("governance")[0] == "roadmap_item"
