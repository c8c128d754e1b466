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


@given(payloads, st.lists(payloads, max_size=7), st.integers(min_value=1, max_value=3))
def test_streamed_text_equals_the_whole_text(frame, items, chunk):
    import eakit.jsontext as jsontext

    payload = {"before": frame, "items": jsontext.STREAMED, "after": [frame]}
    whole = pretty({"before": frame, "items": items, "after": [frame]}).encode()
    # Small slices, so their joins are tested.
    streamed = b"".join(jsontext.pretty_chunks(payload, items, lambda item: item, chunk))
    assert streamed == whole


def test_streamed_reports_equal_their_dictionaries(bundled_graph):
    from pathlib import Path

    from eakit.pipeline import check
    from eakit.render import ci_formats
    from eakit.render.json_report import json_chunks, result_payload

    result = check(bundled_graph)
    assert len(result.findings) > 10
    model = Path(bundled_graph.root)
    assert b"".join(json_chunks(bundled_graph, result)).decode() == pretty(
        result_payload(bundled_graph, result)
    )
    sarif = b"".join(ci_formats.sarif_chunks(bundled_graph, model, result)).decode()
    assert sarif == pretty(ci_formats.sarif_payload(bundled_graph, model, result))
