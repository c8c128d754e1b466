"""What every sheet needs to know: the graph, the result, the language, and names."""

from __future__ import annotations

from dataclasses import dataclass

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.labels import layer_label
from eakit.render.dates import generation_date, shown
from eakit.render.excel.labels import Lang, t


@dataclass(frozen=True)
class Context:
    """The inputs of one workbook and the display helpers the sheets share."""

    graph: ModelGraph
    result: CheckResult | None
    lang: Lang

    @property
    def architecture_name(self) -> str:
        arch = self.graph.architecture
        return arch.name_en if self.lang == "en" and arch.name_en else arch.name

    @property
    def subtitle(self) -> str:
        """``<architecture> · judging date <dd/mm/yyyy> · horizon <year> · report date
        <dd/mm/yyyy>`` for sheet headings (printed on every page's first rows)."""
        arch = self.graph.architecture
        as_of = self.result.as_of if self.result is not None else arch.as_of
        return (
            f"{self.architecture_name} · {t('fact.as_of', self.lang)}: "
            f"{shown(as_of, self.lang)} · {t('fact.horizon', self.lang)}: {arch.horizon} · "
            f"{t('fact.generated', self.lang)}: {shown(generation_date(), self.lang)}"
        )

    @property
    def footer(self) -> str:
        return f"{self.architecture_name} · eakit"

    def name_of(self, component_id: str | None) -> str:
        """Display name of a component id (the id itself when it is not in the model)."""
        if component_id is None:
            return ""
        if component_id not in self.graph:
            return component_id
        component = self.graph.get(component_id)
        if self.lang == "en" and component.name_en:
            return component.name_en
        return component.name

    def layer_name(self, layer: str) -> str:
        """Display name of a layer code (unknown codes are shown as they are)."""
        return layer_label(layer, self.lang)
