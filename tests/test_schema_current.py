"""The JSON Schemas committed beside the bundled model (for editors) are the ones
``eakit schema`` writes today."""

from __future__ import annotations

import pytest

from eakit.schema import schema_json
from tests.conftest import ROOT


@pytest.mark.parametrize("which", ["model", "manifest"])
def test_committed_schema_is_current(which: str) -> None:
    committed = (ROOT / "model" / "schema" / f"{which}.schema.json").read_text("utf-8")
    assert committed == schema_json(which), (
        f"model/schema/{which}.schema.json is stale: run "
        f"eakit schema --for {which} -o model/schema/{which}.schema.json"
    )
