"""Checks that compare subjects with each other: who is the master source of which data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from eakit.rules import messages as msg
from eakit.rules.checks.base import Across, CheckType, Params, SelectorParam
from eakit.rules.checks.relations import NoParams
from eakit.rules.context import CheckContext, Hit
from eakit.rules.selectors import parse_selector


def master_data_unique(ctx: CheckContext, p: NoParams) -> Iterator[Hit]:
    """Each data subject (``master_for``) has one authoritative database among the subjects."""
    claims: dict[str, list[str]] = defaultdict(list)
    for cid in ctx.subjects:
        for subject in ctx.get(cid).master_for:  # type: ignore[attr-defined]
            claims[subject].append(cid)
    for cid in ctx.subjects:
        clashes = sorted(
            subject
            for subject in ctx.get(cid).master_for  # type: ignore[attr-defined]
            if len(claims[subject]) > 1
        )
        if clashes:
            others = sorted({o for s in clashes for o in claims[s]} - {cid})
            yield Hit(
                cid,
                field=("master_for",),
                params={"value": ", ".join(clashes), "others": msg.ref(ctx.graph, *others)},
            )


class NoNationalDuplicate(Params):
    national: SelectorParam = parse_selector({"kind": "database"})


def no_national_duplicate(ctx: CheckContext, p: NoNationalDuplicate) -> Iterator[Hit]:
    """A provincial database is not master of data a national database is master of."""
    owners: dict[str, str] = {}
    for other in ctx.select(p.national):
        for subject in ctx.get(other).master_for:  # type: ignore[attr-defined]
            owners.setdefault(subject, other)
    for cid in ctx.subjects:
        clashes = sorted(
            s
            for s in ctx.get(cid).master_for  # type: ignore[attr-defined]
            if s in owners and owners[s] != cid
        )
        if clashes:
            yield Hit(
                cid,
                field=("master_for",),
                params={
                    "value": ", ".join(clashes),
                    "others": msg.ref(ctx.graph, *sorted({owners[s] for s in clashes})),
                },
            )


CHECKS: tuple[CheckType[Any], ...] = (
    CheckType("master_data_unique", master_data_unique, NoParams, Across(), python=True),
    CheckType(
        "no_national_duplicate", no_national_duplicate, NoNationalDuplicate, Across(), python=True
    ),
)
