"""The check types, registered in one place.

Each family module lists its :class:`~eakit.rules.checks.base.CheckType` records in
``CHECKS``: a function, the pydantic model of its parameters and its scope. A pack calls
one as ``check: {type: <name>, ...}`` or, for those marked ``python``, as
``check: {type: python, name: <name>, params: {...}}``. Adding a check type to a family
touches that module alone.
"""

from __future__ import annotations

from typing import Any

from eakit.rules.checks import attributes, master_data, model, relations
from eakit.rules.checks.base import CheckType, Params

_ALL: tuple[CheckType[Any], ...] = (
    *attributes.CHECKS,
    *relations.CHECKS,
    *model.CHECKS,
    *master_data.CHECKS,
)

DECLARATIVE: dict[str, CheckType[Any]] = {c.name: c for c in _ALL if not c.python}
"""Check types a pack names as ``type``."""

PYTHON: dict[str, CheckType[Any]] = {c.name: c for c in _ALL if c.python}
"""Check types a pack names as ``type: python, name: ...``."""

assert len(DECLARATIVE) + len(PYTHON) == len(_ALL), "a check type is registered twice"

__all__ = ["DECLARATIVE", "PYTHON", "CheckType", "Params"]
