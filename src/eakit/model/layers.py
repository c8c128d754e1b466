"""The layers of the national e-government architecture framework (defined with the
metamodel, :mod:`eakit.metamodel.layers`)."""

from __future__ import annotations

from eakit.metamodel.layers import LAYER_INFO, LAYERS, Layer, LayerInfo

__all__ = ["LAYERS", "LAYER_INFO", "Layer", "LayerInfo"]
