"""Where each component is documented: its own page (small models) or a section of a
paged list (large models).

A provincial model has a few hundred components and reads best with one page each. A
national model of tens of thousands would give mkdocs as many pages (minutes of build,
a navigation of thousands of entries), so above :data:`PAGED_THRESHOLD` components are
grouped onto list pages of at most :data:`PAGE_SIZE` sections, one list per layer plus
one for the agencies, each component a section with the anchor ``#c-<id>``.

The layout depends on the graph only (not on the site language), so diagrams rendered
outside the site (``eakit build``'s ``diagrams/``) link to the same places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from eakit.graph import ModelGraph
from eakit.model import KIND_CLASSES, LAYERS, Layer
from eakit.text import vi_sort_key

#: Above this many components the site switches to paged list pages.
PAGED_THRESHOLD = 1500
#: Components (sections) on one list page.
PAGE_SIZE = 200
#: Findings on one page of the paged findings list.
FINDINGS_PAGE_SIZE = 500

_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_CLASSES)}


def anchor(component_id: str) -> str:
    """The HTML anchor of a component's section on a list page."""
    return f"c-{component_id}"


@dataclass(frozen=True)
class ListPage:
    """One list page: its path, the list it belongs to, its number and its components."""

    path: str
    group: str  # a layer value, or "agency"
    number: int  # 1-based
    count: int  # pages in this list
    ids: tuple[str, ...]


class SiteLayout:
    """Maps every component to the page (and anchor) that documents it."""

    def __init__(
        self,
        graph: ModelGraph,
        *,
        threshold: int = PAGED_THRESHOLD,
        page_size: int = PAGE_SIZE,
        findings_page_size: int = FINDINGS_PAGE_SIZE,
    ) -> None:
        if page_size < 1 or findings_page_size < 1:
            raise ValueError("page sizes must be 1 or more")
        self.graph = graph
        self.paged = len(graph) > threshold
        self.page_size = page_size
        self.findings_page_size = findings_page_size

    # --- one page per component -------------------------------------------------------

    def own_page(self, component_id: str) -> str:
        """The page of a component in the one-page-per-component layout."""
        kind = self.graph.g.nodes[component_id]["kind"]
        folder = "agencies" if kind == "agency" else "components"
        return f"{folder}/{component_id}.md"

    # --- paged layout -----------------------------------------------------------------

    def _order_key(self, component_id: str) -> tuple[object, ...]:
        # Agency ids carry their province (``ha-noi-so-tu-phap``), so ordering by the
        # owning agency keeps a province, then an agency, together on consecutive pages.
        component = self.graph.get(component_id)
        kind = self.graph.g.nodes[component_id]["kind"]
        owner = component_id if kind == "agency" else (self.graph.agency_of(component_id) or "")
        return (owner, _KIND_ORDER.get(kind, 99), vi_sort_key(component.name), component_id)

    @cached_property
    def lists(self) -> dict[str, list[ListPage]]:
        """The list pages by group (``agency`` first, then layers in framework order)."""
        if not self.paged:
            return {}
        groups: dict[str, list[str]] = {"agency": []}
        groups.update({info.layer.value: [] for info in LAYERS})
        for component_id in self.graph.ids():
            kind = self.graph.g.nodes[component_id]["kind"]
            key = "agency" if kind == "agency" else self.graph.g.nodes[component_id]["layer"]
            groups[Layer(key).value if key != "agency" else key].append(component_id)
        out: dict[str, list[ListPage]] = {}
        for group, ids in groups.items():
            ids.sort(key=self._order_key)
            chunks = [ids[i : i + self.page_size] for i in range(0, len(ids), self.page_size)]
            folder = "agencies" if group == "agency" else f"layers/{group}"
            out[group] = [
                ListPage(f"{folder}/p{n:03d}.md", group, n, len(chunks), tuple(chunk))
                for n, chunk in enumerate(chunks, start=1)
            ]
        return out

    @cached_property
    def _where(self) -> dict[str, str]:
        return {
            cid: page.path for pages in self.lists.values() for page in pages for cid in page.ids
        }

    # --- the answer every link asks for -----------------------------------------------

    def page_of(self, component_id: str) -> str:
        """The Markdown page that documents a component."""
        if self.paged:
            return self._where[component_id]
        return self.own_page(component_id)

    def anchor_of(self, component_id: str) -> str | None:
        """The anchor of a component on its page (``None`` when it has the page to itself)."""
        return anchor(component_id) if self.paged else None

    def target(self, component_id: str) -> tuple[str, str | None]:
        """``(page, anchor)`` of a component."""
        return self.page_of(component_id), self.anchor_of(component_id)

    def all_list_pages(self) -> list[ListPage]:
        """Every list page, in list order."""
        return [page for pages in self.lists.values() for page in pages]
