"""Reading ids and the cursor's place from a model file's text."""

from __future__ import annotations

from eakit.lsp.diagnostics import span
from eakit.lsp.yamltext import occurrences, place_at

TEXT = """\
components:
  - id: app-a   # the application
    kind: application
    name: Ứng dụng app-b
    owner: so-a
    depends_on:
      - app-b
      - 'app-c'
    deployed_at: [so-a, so-b]
relations:
  - {from: app-a, to: lgsp, type: integrates_with}
  - from: app-b
    to: lgsp
"""


def test_occurrences_are_the_values_of_id_keys_only() -> None:
    found = [(o.id, o.line, o.start, o.declaration) for o in occurrences(TEXT)]
    assert found == [
        ("app-a", 1, 8, True),
        ("so-a", 4, 11, False),
        ("app-b", 6, 8, False),
        ("app-c", 7, 9, False),
        ("so-a", 8, 18, False),
        ("so-b", 8, 24, False),
        ("app-a", 10, 11, False),
        ("lgsp", 10, 22, False),
        ("app-b", 11, 10, False),
        ("lgsp", 12, 8, False),
    ]  # the name 'Ứng dụng app-b' and the comment are text, not references


def test_place_knows_the_key_the_kind_and_the_section() -> None:
    lines = TEXT.splitlines()
    owner = place_at(lines, 4, len("    owner: so"))
    assert (owner.key, owner.kind, owner.section, owner.prefix) == (
        "owner",
        "application",
        "components",
        "so",
    )
    assert "name" in owner.keys and "depends_on" in owner.keys
    item = place_at(lines, 6, len("      - app"))
    assert (item.key, item.kind) == ("depends_on", "application")
    flow = place_at(lines, 10, len("  - {from: app-a, to: "))
    assert (flow.key, flow.section) == ("to", "relations")
    new_key = place_at([*lines, "    "], len(lines), 4)
    assert new_key.key is None


def test_a_problem_at_a_key_spans_the_value_it_quotes() -> None:
    message = "'owner' refers to unknown component 'so-a' (did you mean 'so-b'?)"
    found = span(TEXT, 5, 5, message)
    assert (found.start.line, found.start.character, found.end.character) == (4, 11, 15)
    unknown = span(TEXT, 5, 5, "unknown key 'owner' (did you mean 'so-a'?)")
    assert (unknown.start.character, unknown.end.character) == (4, 9)


def test_place_reads_the_values_of_a_flow_mapping_item() -> None:
    lines = TEXT.splitlines()
    flow = place_at(lines, 10, len("  - {from: app-a, to: "))
    assert flow.values == {"from": "app-a", "to": "lgsp", "type": "integrates_with"}
    block = place_at(lines, 12, len("    to: "))
    assert (block.key, block.values) == ("to", {"from": "app-b", "to": "lgsp"})
