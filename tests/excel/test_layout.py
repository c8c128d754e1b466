"""The inventory layout covers every field of every kind, with unambiguous headings."""

from __future__ import annotations

import pytest

from eakit.model.components import KIND_CLASSES, SecurityDossier
from eakit.model.layers import LAYERS
from eakit.render.excel.labels import LANGS, LAYER_SHORT, inventory_sheet_name
from eakit.render.excel.layout import FIELD_LABELS, layer_columns
from eakit.survey.reader import fold

LAYER_CODES = [info.layer.value for info in LAYERS]


@pytest.mark.parametrize("layer", LAYER_CODES)
def test_every_field_has_a_column(layer):
    keys = {c.key for c in layer_columns(layer)}
    for cls in KIND_CLASSES.values():
        if cls.layer != layer:
            continue
        for name in cls.model_fields:
            if name == "properties":
                continue
            if name == "security_dossier":
                assert {f"{name}.{sub}" for sub in SecurityDossier.model_fields} <= keys
            else:
                assert name in keys, f"{cls.__name__}.{name}"


@pytest.mark.parametrize("layer", LAYER_CODES)
def test_headings_are_labelled_and_unique(layer):
    columns = layer_columns(layer)
    for column in columns:
        assert column.key in FIELD_LABELS, column.key
    for lang in LANGS:
        folded = [fold(c.header(lang)) for c in columns]
        assert len(folded) == len(set(folded)), (layer, lang)


@pytest.mark.parametrize("layer", LAYER_CODES)
def test_printed_columns_come_first(layer):
    printed = [c.printed for c in layer_columns(layer)]
    assert printed[0] and printed == sorted(printed, reverse=True)


def test_sheet_names_are_valid_and_distinct():
    for lang in LANGS:
        names = [inventory_sheet_name(layer, lang) for layer in LAYER_SHORT]
        assert len(set(names)) == len(names)
        for name in names:
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
