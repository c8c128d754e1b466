"""What a check type is: a function, a pydantic model of its parameters and its scope.

The scope says what a check reads besides its subject's own fields, and everything the
executors need follows from it: which subjects an edit can change the verdict of (the
incremental re-check), whether the subjects can be split between processes (the forked
executor), and which subjects can differ between the *now* and *horizon* views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    WithJsonSchema,
)

from eakit.messages import did_you_mean, say
from eakit.model import relation_types
from eakit.rules.context import CheckContext, Hit
from eakit.rules.selectors import Selector, field_problem, parse_selector


class Params(BaseModel):
    """The parameters of a check: an unknown or misspelt one is a pack error at load."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


P = TypeVar("P", bound=Params)

# --- parameter types the packs share ----------------------------------------------------

REF = "x-eakit-def"
"""In a parameter's JSON Schema: the rule-pack schema definition it is (see
:mod:`eakit.rules.checks.schema`)."""


def _names(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _known_edges(names: tuple[str, ...]) -> tuple[str, ...]:
    known = relation_types()
    for name in names:
        if name not in known:
            raise ValueError(
                say("pack.unknown_relation", type=name, hint=did_you_mean(name, known))
            )
    return names


EdgeNames = Annotated[
    tuple[str, ...],
    BeforeValidator(_names),
    AfterValidator(_known_edges),
    WithJsonSchema({REF: "edges"}),
]
"""One relation type or a list of them (each must exist)."""


def _kinds(info: ValidationInfo) -> frozenset[str] | None:
    """The kinds the rule's ``applies_to`` can select (``None``: any), from the context."""
    context = info.context if isinstance(info.context, dict) else {}
    kinds = context.get("kinds")
    return kinds if kinds else None


def _component_field(name: str, info: ValidationInfo) -> str:
    problem = field_problem(name, _kinds(info))
    if problem is not None:
        raise ValueError(problem)
    return name


FieldName = Annotated[str, AfterValidator(_component_field)]
"""A (dotted) field of the components the rule selects (``properties.x`` for a free one)."""

FieldNames = Annotated[
    tuple[FieldName, ...], BeforeValidator(_names), WithJsonSchema({REF: "strings"})
]
"""One field or a list of them."""


def _selector(value: Any) -> Any:
    return value if isinstance(value, Selector) else parse_selector(value)


SelectorParam = Annotated[Selector, BeforeValidator(_selector), WithJsonSchema({REF: "selector"})]
"""A selector (see :mod:`eakit.rules.selectors`); the pack loader checks it where it is
written, with the location of each of its keys."""


# --- scopes ---------------------------------------------------------------------------------

Hops = int | None | Callable[[Any], int | None]
Edges = tuple[str, ...] | None | Callable[[Any], tuple[str, ...]]


@dataclass(frozen=True)
class Own:
    """The check reads its subject's own fields only."""


@dataclass(frozen=True)
class Along:
    """The check reads its subject and the components up to ``hops`` steps away over
    edges of the types ``edges`` (either way; ``None``: any type), each given as a value
    or as a function of the parameters; ``hops`` ``None``: no bound."""

    edges: Edges
    hops: Hops = 1


@dataclass(frozen=True)
class Across:
    """The check compares subjects with each other (or with other components anywhere):
    a subject's verdict can depend on any component."""


@dataclass(frozen=True)
class WholeModel:
    """The check judges the model as a whole: one verdict, on the model. ``subjects``:
    whether it reads the components ``applies_to`` selects (else the manifest alone)."""

    subjects: bool = True


Scope = Own | Along | Across | WholeModel

CheckFunction = Callable[[CheckContext, Any], Iterable[Hit]]


@dataclass(frozen=True)
class CheckType(Generic[P]):
    """A check type: ``function(ctx, params)`` yields the hits on ``ctx.subjects``.

    ``python``: the pack calls it as ``{type: python, name: <name>, params: {...}}``
    (else as ``{type: <name>, ...}``). ``whole_walk``: its cost does not depend on how
    many subjects it judges (one walk back from every goal), so a forked executor gives
    it to one process whole rather than splitting its subjects.
    """

    name: str
    function: CheckFunction
    params: type[P]
    scope: Scope
    python: bool = False
    whole_walk: bool = False

    def hops(self, params: P) -> int | None:
        """How far from its subject the check reads (``None``: anywhere)."""
        scope = self.scope
        if isinstance(scope, Own):
            return 0
        if isinstance(scope, Along):
            return scope.hops(params) if callable(scope.hops) else scope.hops
        return None

    def edges(self, params: P) -> tuple[str, ...] | None:
        """The edge types the check walks within :meth:`hops` (``None``: any type)."""
        scope = self.scope
        if isinstance(scope, Own):
            return ()
        if isinstance(scope, Along):
            return scope.edges(params) if callable(scope.edges) else scope.edges
        return None

    @property
    def model_wide(self) -> bool:
        """Whether the check judges the model as a whole."""
        return isinstance(self.scope, WholeModel)

    @property
    def one_by_one(self) -> bool:
        """Whether the check judges each subject on its own (its subjects can be split)."""
        return isinstance(self.scope, Own | Along)

    @property
    def reads_subjects(self) -> bool:
        """Whether the check reads the components ``applies_to`` selects."""
        return not isinstance(self.scope, WholeModel) or self.scope.subjects
