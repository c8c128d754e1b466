"""Where each component is documented: its own page (small models) or a row on the page of
its agency's group (large models).

A provincial model has a few hundred components and reads best with one page each. A
national model of tens of thousands would give mkdocs as many pages (minutes of build, a
navigation of thousands of entries), so above :data:`PAGED_THRESHOLD` components the site
has one page per *group*: a root agency (a province's people's committee, a ministry)
with every agency under it, each agency a section (anchor ``#c-<agency id>``) listing the
components it owns as table rows (anchor ``#c-<id>``). A group larger than
:data:`PAGE_SIZE` components is split between agencies onto several pages; components that
belong to no agency share one more page.

The layout depends on the graph only (not on the site language), so diagrams rendered
outside the site (``eakit build``'s ``diagrams/``) link to the same places.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from eakit.graph import ModelGraph
from eakit.model import KIND_CLASSES, kind_of
from eakit.text import vi_sort_key

#: Above this many components the site switches to one page per agency group.
PAGED_THRESHOLD = 1500
#: Components (agencies included) on one group page, at most (unless one agency alone
#: owns more: an agency is never split).
PAGE_SIZE = 4000

#: The page of the components that belong to no agency (national platforms, networks).
OTHER_PAGE = "components/other.md"

_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_CLASSES)}


def anchor(component_id: str) -> str:
    """The HTML anchor of a component's row or an agency's section on a group page."""
    return f"c-{component_id}"


@dataclass(frozen=True)
class Section:
    """An agency and the components it owns (sorted), or, on the page of components
    without an agency, the components of one kind (``agency`` is then ``None``)."""

    agency: str | None
    kind: str | None
    depth: int  # 0 for the root agency of the group, 1 for the units under it, ...
    ids: tuple[str, ...]


@dataclass(frozen=True)
class GroupPage:
    """One page of a group: its path, root agency, part number and sections."""

    path: str
    root: str | None  # None: the page of components without an agency
    part: int  # 1-based
    parts: int  # pages of this group
    sections: tuple[Section, ...]

    @property
    def findings_path(self) -> str:
        """The page listing the findings of this page's components (same name, mirrored)."""
        return f"findings/{self.path}"

    @property
    def agencies(self) -> tuple[str, ...]:
        """The agencies with a section on this page, in page order."""
        return tuple(s.agency for s in self.sections if s.agency is not None)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every component documented on this page (agencies first in their section)."""
        out: list[str] = []
        for section in self.sections:
            if section.agency is not None:
                out.append(section.agency)
            out.extend(section.ids)
        return tuple(out)


class SiteLayout:
    """Maps every component to the page (and anchor) that documents it."""

    def __init__(
        self,
        graph: ModelGraph,
        *,
        threshold: int = PAGED_THRESHOLD,
        page_size: int = PAGE_SIZE,
    ) -> None:
        if page_size < 1:
            raise ValueError("the page size must be 1 or more")
        self.graph = graph
        self.paged = len(graph) > threshold
        self.page_size = page_size

    # --- one page per component -------------------------------------------------------

    def own_page(self, component_id: str) -> str:
        """The page of a component in the one-page-per-component layout."""
        kind = kind_of(self.graph.get(component_id))
        folder = "agencies" if kind == "agency" else "components"
        return f"{folder}/{component_id}.md"

    # --- grouped layout ---------------------------------------------------------------

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Every component's kind, by id."""
        return {cid: kind_of(self.graph.get(cid)) for cid in self.graph.ids()}

    @cached_property
    def sort_keys(self) -> dict[str, tuple[object, ...]]:
        """Every component's display order key: Vietnamese collation of its name, then id
        (names repeat across provinces, so each distinct name is collated once)."""
        collated: dict[str, tuple[object, ...]] = {}
        keys: dict[str, tuple[object, ...]] = {}
        for cid in self.graph.ids():
            name = self.graph.get(cid).name
            key = collated.get(name)
            if key is None:
                key = collated[name] = vi_sort_key(name)
            keys[cid] = (key, cid)
        return keys

    def parent_of(self, agency_id: str) -> str | None:
        """The agency directly above an agency (``parent``), if any."""
        parents = self.graph.targets(agency_id, "part_of")
        return parents[0] if parents else None

    @cached_property
    def roots(self) -> dict[str, str]:
        """Every agency's root agency: the top of its ``parent`` chain."""
        kinds = self.kinds
        agencies = [cid for cid in self.graph.ids() if kinds[cid] == "agency"]
        parent = {a: self.parent_of(a) for a in agencies}
        roots: dict[str, str] = {}
        for agency in agencies:
            chain = [agency]
            seen = {agency}
            current = agency
            while current not in roots:
                above = parent.get(current)
                if above is None or above in seen:  # the top, or a cycle: stop there
                    break
                chain.append(above)
                seen.add(above)
                current = above
            top = roots.get(current, current)
            for member in chain:
                roots[member] = top
        return roots

    def _group_sections(
        self, root: str, group_agencies: list[str], members: dict[str, list[str]]
    ) -> list[Section]:
        """The root's section, then every agency under it depth-first, by name."""
        kinds = self.kinds
        keys = self.sort_keys
        children: dict[str, list[str]] = defaultdict(list)
        group_agencies = sorted((a for a in group_agencies if a != root), key=keys.__getitem__)
        for agency in group_agencies:
            children[self.parent_of(agency) or root].append(agency)

        def owned(agency: str) -> tuple[str, ...]:
            ids = members.get(agency, [])
            ids.sort(key=lambda c: (_KIND_ORDER.get(kinds[c], 99), keys[c]))
            return tuple(ids)

        sections: list[Section] = []
        placed: set[str] = set()
        stack = [(root, 0)]
        while stack:
            agency, depth = stack.pop()
            if agency in placed:
                continue
            placed.add(agency)
            sections.append(Section(agency, None, depth, owned(agency)))
            stack.extend((child, depth + 1) for child in reversed(children.get(agency, [])))
        # An agency whose parent chain loops never hangs below the root: list it last.
        sections.extend(
            Section(agency, None, 1, owned(agency))
            for agency in group_agencies
            if agency not in placed
        )
        return sections

    def _split(self, sections: list[Section]) -> list[list[Section]]:
        """Sections onto pages of at most ``page_size`` components, between agencies."""
        pages: list[list[Section]] = [[]]
        size = 0
        for section in sections:
            count = len(section.ids) + (section.agency is not None)
            if pages[-1] and size + count > self.page_size:
                pages.append([])
                size = 0
            pages[-1].append(section)
            size += count
        return pages

    @cached_property
    def groups(self) -> list[list[GroupPage]]:
        """The pages of every group, groups in name order, the page of components without
        an agency last."""
        if not self.paged:
            return []
        kinds = self.kinds
        roots = self.roots
        members: dict[str, list[str]] = defaultdict(list)  # agency -> components it owns
        loose: dict[str, list[str]] = defaultdict(list)  # kind -> components of no agency
        for cid in self.graph.ids():
            kind = kinds[cid]
            if kind == "agency":
                continue
            agency = self.graph.agency_of(cid)
            if agency is None:
                loose[kind].append(cid)
            else:
                members[agency].append(cid)
        by_root: dict[str, list[str]] = defaultdict(list)
        for agency, root in roots.items():
            by_root[root].append(agency)
        out: list[list[GroupPage]] = []
        for root in sorted(by_root, key=self.sort_keys.__getitem__):
            chunks = self._split(self._group_sections(root, by_root[root], members))
            paths = [f"agencies/{root}.md"] + [
                f"agencies/{root}.p{n}.md" for n in range(2, len(chunks) + 1)
            ]
            out.append(
                [
                    GroupPage(path, root, n, len(chunks), tuple(chunk))
                    for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1)
                ]
            )
        if loose:
            keys = self.sort_keys
            sections = [
                Section(None, kind, 0, tuple(sorted(loose[kind], key=keys.__getitem__)))
                for kind in sorted(loose, key=lambda k: _KIND_ORDER.get(k, 99))
            ]
            chunks = self._split(sections)
            paths = [OTHER_PAGE] + [f"components/other.p{n}.md" for n in range(2, len(chunks) + 1)]
            out.append(
                [
                    GroupPage(path, None, n, len(chunks), tuple(chunk))
                    for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1)
                ]
            )
        return out

    @cached_property
    def _where(self) -> dict[str, str]:
        return {cid: page.path for pages in self.groups for page in pages for cid in page.ids}

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

    def group_pages(self) -> list[GroupPage]:
        """Every group page, in navigation order."""
        return [page for pages in self.groups for page in pages]
