"""Readiness scores: severity weights, conventions apart, a status an error caps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eakit.findings import Readiness, Score
from eakit.pipeline import check
from eakit.render import scores
from eakit.rules.scoring import WEIGHTS, ViewOutcome, readiness

AGENCIES = {"a": "so-a", "b": "so-b", "c": None}


def _outcome(
    rule: str,
    failed: set[str],
    severity: str = "error",
    category: str = "legal",
    layer: str = "security",
) -> ViewOutcome:
    return ViewOutcome(rule, layer, ["a", "b", "c"], frozenset(failed), severity, category)


def _score(*outcomes: ViewOutcome, waived: frozenset[tuple[str, str]] = frozenset()) -> Readiness:
    return readiness(list(outcomes), list(outcomes), set(waived), AGENCIES)


def _all_scores(result: Readiness) -> Iterator[Score]:
    yield result.overall
    yield result.overall_horizon
    yield result.conventions
    yield result.conventions_horizon
    for group in (
        result.by_layer,
        result.by_layer_horizon,
        result.by_agency,
        result.by_agency_horizon,
    ):
        yield from group.values()


def test_weights_error_three_warning_one_info_none() -> None:
    assert dict(WEIGHTS) == {"error": 3, "warning": 1, "info": 0}
    result = _score(
        _outcome("E", {"a"}, "error"),  # 2 of 3 pass, weight 3: 6 / 9
        _outcome("W", set(), "warning"),  # 3 of 3 pass, weight 1: 3 / 3
        _outcome("I", {"a", "b", "c"}, "info"),  # not counted
    )
    assert (result.overall.passed, result.overall.total) == (9, 12)
    assert result.overall.errors == 1
    assert result.overall.status == "not_met"


def test_one_error_outweighs_three_warnings() -> None:
    error = _score(_outcome("E", {"a"}, "error"), _outcome("W", set(), "warning"))
    warning = _score(_outcome("E", set(), "error"), _outcome("W", {"a"}, "warning"))
    assert error.overall.ratio is not None and warning.overall.ratio is not None
    assert error.overall.ratio < warning.overall.ratio
    assert warning.overall.status == "met_with_warnings"
    assert warning.overall.errors == 0


def test_conventions_scored_apart() -> None:
    result = _score(
        _outcome("LEGAL", set()),
        _outcome("CONV", {"a", "b"}, category="convention", layer="governance"),
    )
    assert (result.overall.passed, result.overall.total) == (9, 9)
    assert result.overall.status == "met"
    assert "governance" not in result.by_layer  # the layer only has a convention
    assert (result.conventions.passed, result.conventions.total) == (3, 9)
    assert result.conventions.errors == 2
    assert result.by_agency["so-a"].errors == 0  # conventions do not enter agency scores
    payload = result.to_dict()
    assert payload["conventions"]["ratio"] == round(3 / 9, 4)
    assert payload["overall"]["status"] == "met"


def test_waived_error_counts_neither_way() -> None:
    result = _score(_outcome("E", {"a"}), waived=frozenset({("E", "a")}))
    assert (result.overall.passed, result.overall.total, result.overall.errors) == (6, 6, 0)
    assert result.overall.status == "met"


def test_errors_by_layer_and_agency() -> None:
    result = _score(_outcome("E", {"a", "c"}), _outcome("W", {"b"}, "warning", layer="users"))
    assert result.by_layer["security"].errors == 2
    assert result.by_layer["users"].status == "met_with_warnings"
    assert result.by_agency["so-a"].status == "not_met"
    assert result.by_agency["so-b"].status == "met_with_warnings"


def test_nothing_applies_has_no_status() -> None:
    assert Score(0, 0).status is None
    assert scores.status_label(Score(0, 0), "en") == "Not applicable"
    assert scores.verdict(None, "vi") == "Không áp dụng"


_outcomes = st.lists(
    st.builds(
        _outcome,
        rule=st.sampled_from(["R1", "R2", "R3", "R4"]),
        failed=st.sets(st.sampled_from(["a", "b", "c"])),
        severity=st.sampled_from(["error", "warning", "info"]),
        category=st.sampled_from(["legal", "legal", "convention"]),
        layer=st.sampled_from(["security", "users"]),
    ),
    max_size=8,
)


@given(_outcomes)
def test_no_score_reads_met_while_an_error_stands(outcomes: list[ViewOutcome]) -> None:
    for score in _all_scores(_score(*outcomes)):
        if score.errors:
            assert score.status == "not_met"
            for lang, word in (("vi", "Chưa đạt"), ("en", "Not met")):
                assert scores.status_label(score, lang) == word
                assert scores.verdict(score, lang).startswith(word)
        if score.status == "met":
            assert score.passed == score.total and not score.errors


@given(_outcomes)
def test_an_error_always_lowers_the_share(outcomes: list[ViewOutcome]) -> None:
    for score in _all_scores(_score(*outcomes)):
        if score.errors:
            assert score.ratio is not None and score.ratio < 1


@pytest.mark.parametrize("as_of", [None, dt.date(2021, 1, 1)])  # 2026: the model has ended
def test_bundled_model_cannot_read_ready_beside_its_errors(bundled_graph, as_of) -> None:
    result = check(bundled_graph, as_of=as_of)
    ready = result.readiness
    assert ready is not None
    assert result.counts()["error"] > 0
    for score in _all_scores(ready):
        if score.errors:
            assert score.status == "not_met"
    overall = ready.overall
    assert overall.errors > 0 and overall.status == "not_met"
    assert overall.ratio is not None and overall.ratio < 0.8
    assert scores.verdict(overall, "vi").startswith("Chưa đạt — ")
    assert "lỗi còn tồn tại" in scores.verdict(overall, "vi")


def test_column_heads_say_what_they_compare() -> None:
    assert scores.now_label(dt.date(2015, 12, 31), "vi") == "Hiện trạng (31/12/2015)"
    assert scores.target_label(2020, "vi") == "Khi hoàn thành lộ trình (2020)"
    assert scores.now_label(dt.date(2015, 12, 31), "en") == "Current state (31/12/2015)"
    assert "not a target" in scores.method("en")
    assert "lỗi 3, cảnh báo 1" in scores.method("vi")


def test_engine_reads_the_rule_category(bundled_graph, monkeypatch) -> None:
    import dataclasses

    from eakit.rules.pack import Rule

    if "category" in {f.name for f in dataclasses.fields(Rule)}:
        # Once rules carry the field, the packs decide: conventions stay apart all the same.
        result = check(bundled_graph)
        assert result.readiness is not None
        return
    monkeypatch.setattr(Rule, "category", "convention", raising=False)
    result = check(bundled_graph, select=["BUS-001"])
    ready = result.readiness
    assert ready is not None
    assert ready.overall.total == 0 and not ready.by_layer
    assert ready.conventions.errors > 0 and ready.conventions.status == "not_met"
