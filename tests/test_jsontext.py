"""Report JSON written by orjson reads and looks like the standard library's."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from eakit.jsontext import pretty

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) >= 1e-4)
    | st.text()
)
payloads = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(payloads)
def test_pretty_is_the_standard_indented_text(payload):
    expected = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert pretty(payload) == expected


def test_pretty_on_the_bundled_findings(bundled_graph):
    from eakit.pipeline import check
    from eakit.render.json_report import result_payload

    payload = result_payload(bundled_graph, check(bundled_graph))
    text = pretty(payload)
    assert text == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert "Sở" in text  # Vietnamese kept as text, not \\u escapes
