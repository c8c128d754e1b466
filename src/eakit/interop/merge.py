"""Merging the models of several provinces into one (e.g. Sóc Trăng + Hậu Giang → Cần Thơ).

Rules, applied in this order:

1. Shared national systems are kept once: components that are ``scope: national`` in
   every source and have the same kind and either the same id or the same name. The
   copy of the first source (in the order given) is kept; attributes on which the
   copies disagree are reported as conflicts.
2. Any other id used by more than one source is a clash. Clashing ids are renamed in
   every source that uses them to ``<source architecture id>--<id>``
   (``soc-trang--so-tu-phap``), and every reference and relation follows.
3. Relations stated by several sources are kept once.

The merged model keeps each source's components in ``<source id>/<original file>``
and shared national systems in ``shared/national.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from eakit import metamodel
from eakit.graph import ModelGraph
from eakit.interop.diff import field_changes, show_value
from eakit.interop.ids import is_id
from eakit.interop.values import plain
from eakit.interop.yaml_writer import render_manifest, render_model_file
from eakit.messages import Bilingual, in_lang, joined_by, say
from eakit.model import BaseComponent, Manifest, Relation, Scope, kind_of
from eakit.model.frameworks import framework_name
from eakit.model.manifest import FRAMEWORKS, Architecture, RulesConfig
from eakit.model.refs import ref_fields
from eakit.text import nfc

SHARED_FILE = "shared/national.yaml"
REPORT_FILE = "merge-report.md"
OnClash = Literal["rename", "fail"]


class MergeError(Exception):
    """The sources cannot be merged as asked."""


class ClashError(MergeError):
    """Ids clash and the caller asked to fail rather than rename."""


@dataclass(frozen=True)
class Clash:
    """An id used by several sources for different things, and what it became in each."""

    id: str
    renamed: tuple[tuple[str, str], ...]  # (source architecture id, new id)


@dataclass(frozen=True)
class Dedup:
    """A shared national system kept once."""

    kept: str
    kind: str
    name: str
    members: tuple[tuple[str, str], ...]  # (source architecture id, id in that source)
    reason: str  # "same id" | "same kind and name"


@dataclass(frozen=True)
class Conflict:
    """An attribute on which copies of one national system (or one relation) disagree."""

    subject: str
    field: str
    values: tuple[tuple[str, Any], ...]  # (source architecture id, value)


@dataclass
class MergeResult:
    """The merged model and the report of what the merge did."""

    manifest: Manifest
    files: dict[str, tuple[list[BaseComponent], list[Relation]]]
    headers: dict[str, Bilingual]
    sources: list[str]
    clashes: list[Clash] = field(default_factory=list)
    dedups: list[Dedup] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[Bilingual] = field(default_factory=list)

    @property
    def component_ids(self) -> list[str]:
        """Every id of the merged model, sorted."""
        return sorted(c.id for comps, _ in self.files.values() for c in comps)

    def lines(self, lang: str = "vi") -> list[str]:
        """The report, one line per item, for the terminal, in ``lang``."""
        out = [
            say(
                "merge.summary",
                sources=", ".join(self.sources),
                into=self.manifest.architecture.id,
                components=len(self.component_ids),
                clashes=len(self.clashes),
                dedups=len(self.dedups),
                conflicts=len(self.conflicts),
            ).lang(lang)
        ]
        for clash in self.clashes:
            renamed = ", ".join(
                say("merge.renamed_from", new=new, source=source).lang(lang)
                for source, new in clash.renamed
            )
            out.append(say("merge.clash", id=clash.id, renamed=renamed).lang(lang))
        for dedup in self.dedups:
            members = ", ".join(f"{source}:{cid}" for source, cid in dedup.members)
            out.append(
                say(
                    "merge.kept_once",
                    reason=_reason(dedup.reason),
                    kept=dedup.kept,
                    name=dedup.name,
                    members=members,
                ).lang(lang)
            )
        for conflict in self.conflicts:
            values = "; ".join(f"{source}: {show_value(v, lang)}" for source, v in conflict.values)
            out.append(
                say(
                    "merge.conflict",
                    subject=conflict.subject,
                    field=conflict.field,
                    values=values,
                    kept=conflict.values[0][0],
                ).lang(lang)
            )
        out += [say("merge.note", note=note).lang(lang) for note in self.notes]
        return out

    def to_markdown(self, lang: str = "vi") -> str:
        """The report written beside the merged model, in ``lang``."""
        arch = self.manifest.architecture

        def t(message_id: str, **params: Any) -> str:
            return say(message_id, **params).lang(lang)

        sources = ", ".join(f"`{s}`" for s in self.sources)
        out = [
            t("merge.md.heading", id=arch.id),
            "",
            t("merge.md.sources", sources=sources, components=len(self.component_ids)),
            "",
        ]
        if self.clashes:
            out += [t("merge.md.clashes"), "", t("merge.md.clash_head"), "|---|---|"]
            out += [
                f"| `{c.id}` | " + ", ".join(f"`{new}` ({src})" for src, new in c.renamed) + " |"
                for c in self.clashes
            ]
            out.append("")
        if self.dedups:
            out += [t("merge.md.dedups"), "", t("merge.md.dedup_head"), "|---|---|---|---|---|"]
            out += [
                f"| `{d.kept}` | {metamodel.label(d.kind, lang)} | {d.name} | "
                + ", ".join(f"{s}: `{cid}`" for s, cid in d.members)
                + f" | {in_lang(_reason(d.reason), lang)} |"
                for d in self.dedups
            ]
            out.append("")
        if self.conflicts:
            out += [t("merge.md.conflicts"), "", t("merge.md.conflict_head"), "|---|---|---|"]
            out += [
                f"| {c.subject} | `{c.field}` | "
                + "<br>".join(f"{s}: `{show_value(v, lang)}`" for s, v in c.values)
                + " |"
                for c in self.conflicts
            ]
            out.append("")
        if self.notes:
            out += [t("merge.md.notes"), ""] + [f"- {in_lang(n, lang)}" for n in self.notes]
            out.append("")
        return "\n".join(out)

    def texts(self, lang: str = "vi") -> dict[str, str]:
        """The merged model folder as relative path → text (with the report in ``lang``)."""
        header = say("merge.header", into=self.manifest.architecture.id).lang(lang)
        files = {"eakit.yaml": render_manifest(self.manifest, header)}
        for rel, (components, relations) in sorted(self.files.items()):
            if components or relations:
                header = in_lang(self.headers[rel], lang)
                files[rel] = render_model_file(components, relations, header)
        files[REPORT_FILE] = self.to_markdown(lang)
        return files


def _norm(name: str) -> str:
    return " ".join(nfc(name).casefold().split())


def _national(component: BaseComponent) -> bool:
    return component.scope == Scope.NATIONAL


class _Groups:
    """Union-find over (source index, component id) pairs."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(self, item: tuple[int, str]) -> tuple[int, str]:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: tuple[int, str], b: tuple[int, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earliest source leads

    def groups(self) -> dict[tuple[int, str], list[tuple[int, str]]]:
        result: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for item in sorted(self.parent):
            result.setdefault(self.find(item), []).append(item)
        return {root: members for root, members in result.items() if len(members) > 1}


def _shared_groups(
    graphs: Sequence[ModelGraph],
) -> tuple[dict[tuple[int, str], tuple[int, str]], dict[tuple[int, str], str]]:
    """National systems kept once: member → (source, id) of the kept copy, and why."""
    union = _Groups()
    reasons: dict[tuple[int, str], str] = {}
    by_id: dict[tuple[str, str], tuple[int, str]] = {}
    by_name: dict[tuple[str, str], tuple[int, str]] = {}
    for index, graph in enumerate(graphs):
        for component in graph.components():
            if not _national(component):
                continue
            item = (index, component.id)
            kind = kind_of(component)
            first = by_id.setdefault((kind, component.id), item)
            if first[0] != index:
                union.union(first, item)
                reasons[item] = "same id"
            first = by_name.setdefault((kind, _norm(component.name)), item)
            if first[0] != index:
                union.union(first, item)
                reasons.setdefault(item, "same kind and name")
    kept: dict[tuple[int, str], tuple[int, str]] = {}
    why: dict[tuple[int, str], str] = {}
    for root, members in union.groups().items():
        for member in members:
            kept[member] = root
        why[root] = (
            "same id"
            if all(reasons.get(m) == "same id" for m in members if m != root)
            else "same kind and name"
        )
    return kept, why


def _remap(component: BaseComponent, new_id: str, mapping: dict[str, str]) -> BaseComponent:
    update: dict[str, Any] = {"id": new_id}
    for ref in ref_fields(type(component)):
        value = getattr(component, ref.name)
        if value is None:
            continue
        update[ref.name] = (
            [mapping.get(v, v) for v in value] if ref.many else mapping.get(value, value)
        )
    return component.model_copy(update=update)


def _comparable(component: BaseComponent) -> dict[str, Any]:
    data: dict[str, Any] = plain(component.model_dump(by_alias=True))
    data.pop("id", None)
    return data


def _manifest(
    graphs: Sequence[ModelGraph],
    into: str,
    name: str | None,
    name_en: str | None,
    province: str | None,
    owner_agency: str | None,
    notes: list[Bilingual],
) -> Manifest:
    architectures = [g.architecture for g in graphs]
    frameworks = {a.framework for a in architectures}
    framework = max(frameworks, key=FRAMEWORKS.index)
    if len(frameworks) > 1:
        notes.append(
            say(
                "merge.note.frameworks",
                frameworks=joined_by((framework_name(f) for f in sorted(frameworks)), ", "),
                framework=framework_name(framework),
            )
        )
    sources: list[str] = []
    for architecture in architectures:
        for item in architecture.sources:
            if item not in sources:
                sources.append(item)
    packs: list[str] = []
    disable: set[str] = set()
    severity: dict[str, Any] = {}
    for graph in graphs:
        rules = graph.manifest.rules
        packs += [p for p in rules.packs if p not in packs]
        disable.update(rules.disable)
        for rule, level in rules.severity.items():
            if severity.setdefault(rule, level) != level:
                notes.append(say("merge.note.severity", rule=rule, level=severity[rule]))
        if graph.manifest.waivers:
            notes.append(
                say(
                    "merge.note.waivers",
                    source=graph.architecture.id,
                    waivers=str(graph.manifest.waivers),
                )
            )
    architecture = Architecture(
        id=into,
        name=name or "Kiến trúc hợp nhất: " + " + ".join(a.name for a in architectures),
        name_en=name_en,
        framework=framework,
        as_of=max(a.as_of for a in architectures),
        horizon=max(a.horizon for a in architectures),
        province=province,
        owner_agency=owner_agency,
        adopted_from="Hợp nhất từ: " + ", ".join(a.id for a in architectures),
        sources=sources,
    )
    return Manifest(
        eakit=1,
        architecture=architecture,
        rules=RulesConfig(packs=packs, disable=sorted(disable), severity=severity),
    )


def _source_file(headers: dict[str, Bilingual], sid: str, graph: ModelGraph, file: str) -> str:
    """The merged model's file for ``file`` of the source ``sid``, its "from source" header
    written with the first thing it receives."""
    rel = f"{sid}/{file}"
    headers.setdefault(
        rel, say("merge.from_source", source=sid, name=graph.architecture.name, file=file)
    )
    return rel


def merge_models(
    graphs: Sequence[ModelGraph],
    into: str,
    *,
    name: str | None = None,
    name_en: str | None = None,
    province: str | None = None,
    owner_agency: str | None = None,
    on_clash: OnClash = "rename",
) -> MergeResult:
    """Merge several models into one architecture with id ``into``.

    Raises :class:`MergeError` when fewer than two models are given, two sources share
    an architecture id, a renamed id is invalid or taken, ``on_clash="fail"`` meets a
    clash (the message lists the renaming that ``"rename"`` would apply), or
    ``province``/``owner_agency`` is not an agency of the merged model.
    """
    if len(graphs) < 2:
        raise MergeError(say("merge.two_models"))
    if not is_id(into):
        raise MergeError(say("merge.bad_into", into=into))
    source_ids = [g.architecture.id for g in graphs]
    for index, sid in enumerate(source_ids):
        if sid in source_ids[:index]:
            raise MergeError(say("merge.same_source", id=sid))
    notes: list[Bilingual] = []
    kept, why = _shared_groups(graphs)

    # Ids still used by several sources after sharing national systems are clashes.
    users: dict[str, list[int]] = {}
    for index, graph in enumerate(graphs):
        for cid in graph.ids():
            item = (index, cid)
            if item in kept and kept[item] != item:
                continue  # a copy of a shared system: it disappears into the kept one
            users.setdefault(cid, []).append(index)
    clashing = {cid: holders for cid, holders in sorted(users.items()) if len(holders) > 1}
    mapping: list[dict[str, str]] = [{} for _ in graphs]
    clashes = []
    for cid, holders in clashing.items():
        renamed = tuple((source_ids[i], f"{source_ids[i]}--{cid}") for i in holders)
        for (_, new), i in zip(renamed, holders, strict=True):
            mapping[i][cid] = new
        clashes.append(Clash(cid, renamed))
    if clashes and on_clash == "fail":
        listing = "; ".join(
            f"'{c.id}' → " + ", ".join(new for _, new in c.renamed) for c in clashes
        )
        raise ClashError(say("merge.clashes", count=len(clashes), listing=listing))
    final_ids = {cid for cid, holders in users.items() if len(holders) == 1}
    for clash in clashes:
        for source, new in clash.renamed:
            if not is_id(new):
                raise MergeError(say("merge.rename_invalid", id=clash.id, source=source, new=new))
            if new in final_ids:
                raise MergeError(say("merge.rename_taken", id=clash.id, source=source, new=new))
            final_ids.add(new)
    for (index, cid), (root_index, root_id) in kept.items():
        mapping[index][cid] = mapping[root_index].get(root_id, root_id)

    files: dict[str, tuple[list[BaseComponent], list[Relation]]] = {}
    headers: dict[str, Bilingual] = {}
    shared: dict[str, BaseComponent] = {}
    conflicts: list[Conflict] = []
    copies: dict[str, list[tuple[int, str, BaseComponent]]] = {}
    for index, graph in enumerate(graphs):
        sid = source_ids[index]
        ordered = sorted(graph.ids(), key=lambda c: (graph.file_of(c), graph.location(c).line, c))
        for cid in ordered:
            new_id = mapping[index].get(cid, cid)
            component = _remap(graph.get(cid), new_id, mapping[index])
            if (index, cid) in kept:
                copies.setdefault(new_id, []).append((index, cid, component))
                continue
            rel = _source_file(headers, sid, graph, graph.file_of(cid))
            files.setdefault(rel, ([], []))[0].append(component)
    dedups = []
    for new_id, members in sorted(copies.items()):
        first_index, first_id, first = members[0]
        shared[new_id] = first
        dedups.append(
            Dedup(
                new_id,
                kind_of(first),
                first.name,
                tuple((source_ids[i], cid) for i, cid, _ in members),
                why[kept[(first_index, first_id)]],
            )
        )
        base = _comparable(first)
        for index, _, component in members[1:]:
            for change in field_changes(base, _comparable(component)):
                conflicts.append(
                    Conflict(
                        f"'{new_id}'",
                        change.field,
                        ((source_ids[first_index], change.old), (source_ids[index], change.new)),
                    )
                )
    if shared:
        headers[SHARED_FILE] = say("merge.shared_header")
        files[SHARED_FILE] = ([shared[c] for c in sorted(shared)], [])

    seen: dict[tuple[str, str, str], tuple[int, Relation]] = {}
    for index, graph in enumerate(graphs):
        sid = source_ids[index]
        declared = [e.relation for e in graph.edges() if e.relation is not None]
        for relation in declared:
            ends = (
                mapping[index].get(relation.from_, relation.from_),
                mapping[index].get(relation.to, relation.to),
            )
            moved = relation.model_copy(update={"from_": ends[0], "to": ends[1]})
            if moved.from_ == moved.to:
                notes.append(
                    say(
                        "merge.note.self_relation",
                        relation=f"{relation.from_} --{relation.type}--> {relation.to}",
                        source=sid,
                    )
                )
                continue
            if moved.key in seen:
                first_index, first_relation = seen[moved.key]
                skip = ("from", "to", "type")
                for change in field_changes(
                    {
                        k: v
                        for k, v in plain(first_relation.model_dump(by_alias=True)).items()
                        if k not in skip
                    },
                    {
                        k: v
                        for k, v in plain(moved.model_dump(by_alias=True)).items()
                        if k not in skip
                    },
                ):
                    conflicts.append(
                        Conflict(
                            f"relation {moved.from_} --{moved.type}--> {moved.to}",
                            change.field,
                            ((source_ids[first_index], change.old), (sid, change.new)),
                        )
                    )
                continue
            seen[moved.key] = (index, moved)
            location = graph.relation_location(relation)
            rel = _source_file(headers, sid, graph, location.file if location else "relations.yaml")
            files.setdefault(rel, ([], []))[1].append(moved)

    all_ids = {c.id: c for comps, _ in files.values() for c in comps}
    for label, value in (("--province", province), ("--owner-agency", owner_agency)):
        if value is not None and (value not in all_ids or kind_of(all_ids[value]) != "agency"):
            raise MergeError(say("merge.not_agency", label=label, value=value))
    manifest = _manifest(graphs, into, name, name_en, province, owner_agency, notes)
    return MergeResult(manifest, files, headers, source_ids, clashes, dedups, conflicts, notes)


def _reason(reason: str) -> Bilingual:
    """Why copies were kept once (``same id``, ``same kind and name``) in words."""
    return say(f"merge.reason.{reason.replace(' ', '_')}")
