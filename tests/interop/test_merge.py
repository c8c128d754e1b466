"""Merging two provinces: exact ids, clash report, shared national systems, loadable result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.graph import ModelGraph
from eakit.interop.merge import (
    REPORT_FILE,
    SHARED_FILE,
    Clash,
    ClashError,
    Conflict,
    Dedup,
    MergeError,
    merge_models,
)
from eakit.interop.yaml_writer import write_model_folder
from eakit.messages import in_lang
from eakit.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "interop" / "merge"
LOCAL = ("lgsp", "mot-cua", "so-tt-tt", "so-tu-phap", "ubnd-tinh")


@pytest.fixture(scope="module")
def sources() -> list[ModelGraph]:
    return [load_graph(FIXTURES / "a"), load_graph(FIXTURES / "b")]


def test_merged_ids_clashes_and_shared_systems(sources: list[ModelGraph]) -> None:
    result = merge_models(sources, "can-tho")
    assert result.component_ids == sorted(
        [
            "bo-tt-tt",
            "cong-dvcqg",
            "ndxp",
            "his-y-te",
            "so-y-te",
            "tt-du-lieu",
            "tt-du-lieu-hg",
            *(f"soc-trang--{cid}" for cid in LOCAL),
            *(f"hau-giang--{cid}" for cid in LOCAL),
        ]
    )
    assert result.clashes == [
        Clash(cid, (("soc-trang", f"soc-trang--{cid}"), ("hau-giang", f"hau-giang--{cid}")))
        for cid in LOCAL
    ]
    assert result.dedups == [
        Dedup(
            "bo-tt-tt",
            "agency",
            "Bộ Thông tin và Truyền thông",
            (("soc-trang", "bo-tt-tt"), ("hau-giang", "bo-tt-tt")),
            "same id",
        ),
        Dedup(
            "cong-dvcqg",
            "portal",
            "Cổng Dịch vụ công quốc gia",
            (("soc-trang", "cong-dvcqg"), ("hau-giang", "dvc-quoc-gia")),
            "same kind and name",
        ),
        Dedup(
            "ndxp",
            "integration_platform",
            "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
            (("soc-trang", "ndxp"), ("hau-giang", "ndxp")),
            "same id",
        ),
    ]
    assert result.conflicts == [
        Conflict(
            "'cong-dvcqg'",
            "name",
            (
                ("soc-trang", "Cổng Dịch vụ công quốc gia"),
                ("hau-giang", "Cổng dịch vụ công Quốc gia"),
            ),
        ),
        Conflict("'ndxp'", "since", (("soc-trang", 2019), ("hau-giang", 2020))),
    ]


def test_references_and_relations_follow_the_renaming(sources: list[ModelGraph]) -> None:
    result = merge_models(sources, "can-tho")
    components = {c.id: c for comps, _ in result.files.values() for c in comps}
    assert components["soc-trang--mot-cua"].owner == "soc-trang--so-tt-tt"  # type: ignore[attr-defined]
    assert components["soc-trang--mot-cua"].deployed_at == ["soc-trang--so-tu-phap"]  # type: ignore[attr-defined]
    assert components["hau-giang--lgsp"].hosted_on == "tt-du-lieu-hg"  # type: ignore[attr-defined]
    assert components["his-y-te"].owner == "so-y-te"  # type: ignore[attr-defined]
    assert components["hau-giang--so-tu-phap"].parent == "hau-giang--ubnd-tinh"  # type: ignore[attr-defined]
    relations = {r.key for _, rels in result.files.values() for r in rels}
    assert relations == {
        ("soc-trang--lgsp", "integrates_with", "ndxp"),
        ("soc-trang--mot-cua", "integrates_with", "soc-trang--lgsp"),
        ("soc-trang--mot-cua", "exchanges_with", "cong-dvcqg"),
        ("cong-dvcqg", "integrates_with", "ndxp"),  # stated by both sources, kept once
        ("hau-giang--lgsp", "integrates_with", "ndxp"),
        ("hau-giang--mot-cua", "integrates_with", "hau-giang--lgsp"),
        ("his-y-te", "integrates_with", "hau-giang--lgsp"),
        ("hau-giang--mot-cua", "exchanges_with", "cong-dvcqg"),
    }
    assert sorted(result.files) == [
        "hau-giang/to-chuc.yaml",
        "hau-giang/ung-dung.yaml",
        SHARED_FILE,
        "soc-trang/agencies.yaml",
        "soc-trang/systems.yaml",
    ]


def test_merged_model_loads_and_has_the_new_manifest(
    sources: list[ModelGraph], tmp_path: Path
) -> None:
    result = merge_models(
        sources, "can-tho", name="Kiến trúc số thành phố Cần Thơ", owner_agency="bo-tt-tt"
    )
    write_model_folder(tmp_path / "can-tho", result.texts())
    graph = load_graph(tmp_path / "can-tho")
    assert graph.ids() == result.component_ids
    architecture = graph.architecture
    assert (architecture.id, architecture.name) == ("can-tho", "Kiến trúc số thành phố Cần Thơ")
    assert architecture.as_of == dt.date(2021, 6, 30)  # the latest of the sources
    assert architecture.owner_agency == "bo-tt-tt"
    assert graph.file_of("soc-trang--mot-cua") == "soc-trang/systems.yaml"
    assert graph.file_of("ndxp") == SHARED_FILE
    report = (tmp_path / "can-tho" / REPORT_FILE).read_text("utf-8")
    assert "| `so-tu-phap` | `soc-trang--so-tu-phap` (soc-trang), " in report
    # Deterministic: merging again gives the same files.
    assert (
        merge_models(
            sources, "can-tho", name="Kiến trúc số thành phố Cần Thơ", owner_agency="bo-tt-tt"
        ).texts()
        == result.texts()
    )


def test_fail_on_clash_lists_the_renaming(sources: list[ModelGraph]) -> None:
    with pytest.raises(ClashError, match="'lgsp' → soc-trang--lgsp, hau-giang--lgsp"):
        merge_models(sources, "can-tho", on_clash="fail")


def test_invalid_requests_are_refused(sources: list[ModelGraph]) -> None:
    def english(call) -> str:
        with pytest.raises(MergeError) as refused:
            call()
        return in_lang(refused.value.args[0], "en")

    assert "at least two" in english(lambda: merge_models(sources[:1], "can-tho"))
    same = english(lambda: merge_models([sources[0], sources[0]], "can-tho"))
    assert "two sources have the architecture id" in same
    assert "not a valid id" in english(lambda: merge_models(sources, "Cần Thơ"))
    province = english(lambda: merge_models(sources, "can-tho", province="ubnd-tinh"))
    assert "--province 'ubnd-tinh' is not an agency" in province
    # Vietnamese by default.
    with pytest.raises(MergeError, match="không phải mã hợp lệ"):
        merge_models(sources, "Cần Thơ")


def test_the_merge_lines_and_report_are_vietnamese_by_default(sources: list[ModelGraph]) -> None:
    result = merge_models(sources, "can-tho")
    assert result.lines()[0].startswith("đã hợp nhất soc-trang, hau-giang thành can-tho: ")
    assert any(line.startswith("giữ một bản (") for line in result.lines())
    report = result.texts()[REPORT_FILE]
    english = "\n".join(result.lines("en"))
    assert english.startswith("merged soc-trang, hau-giang into can-tho: ")
    for word in ("merged ", "clash:", "kept once", "conflict:", "note:"):
        assert word not in "\n".join(result.lines())
    assert report.startswith("# Báo cáo hợp nhất: can-tho")
    assert result.texts("en")[REPORT_FILE].startswith("# Merge report: can-tho")
    # The comment at the top of each merged file too.
    assert "Hợp nhất bằng 'eakit merge' thành can-tho." in result.texts()["eakit.yaml"]
    assert "Merged by 'eakit merge' into can-tho." in result.texts("en")["eakit.yaml"]
    heads = [text.splitlines()[0] for name, text in result.texts().items() if "/" in name]
    assert heads and all("From " not in head and "Shared " not in head for head in heads)


def test_cli_merge_writes_a_model_that_loads(tmp_path: Path) -> None:
    out = tmp_path / "can-tho"
    runner = CliRunner()
    args = [
        "merge", str(FIXTURES / "a"), str(FIXTURES / "b"), "--into", "can-tho", "-o", str(out),
        "--lang", "en",
    ]  # fmt: skip
    result = runner.invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    assert "clash: 'so-tu-phap' → soc-trang--so-tu-phap (from soc-trang)" in result.output
    assert len(load_graph(out)) == 17
    again = runner.invoke(build_app(), args)
    assert again.exit_code == 2 and "pass --force" in again.output
    failing = runner.invoke(build_app(), [*args, "--force", "--on-clash", "fail"])
    assert failing.exit_code == 1
    into_source = runner.invoke(
        build_app(),
        [
            "merge",
            str(FIXTURES / "a"),
            str(FIXTURES / "b"),
            "--into",
            "x",
            "-o",
            str(FIXTURES / "a"),
            "--force",
            "--lang",
            "en",
        ],
    )
    assert into_source.exit_code == 2 and "refusing to replace" in into_source.output
