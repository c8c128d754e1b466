"""The synthetic generator: deterministic, realistic in size, and valid."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from typer.testing import CliRunner

from eakit.atomic import MARKER
from eakit.cli.main import build_app
from eakit.generate import build_files, generate_model, render_files
from eakit.loader import load_model
from eakit.text import strip_diacritics


def _tree(root: Path) -> dict[str, bytes]:
    """The model's files, without the marker that says eakit wrote the folder."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != MARKER
    }


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    first = generate_model(tmp_path / "a", provinces=1, seed=3)
    second = generate_model(tmp_path / "b", provinces=1, seed=3)
    assert _tree(first.root) == _tree(second.root)
    assert first.bytes == sum(len(data) for data in _tree(first.root).values())


def test_another_seed_gives_another_model() -> None:
    one = render_files(build_files(1, 1), 1, 1)
    two = render_files(build_files(1, 2), 1, 2)
    assert one.keys() == two.keys()  # same layout of files
    assert one != two


def test_a_province_is_the_same_in_every_model_that_has_it() -> None:
    small = render_files(build_files(1, 9), 1, 9)
    large = render_files(build_files(3, 9), 3, 9)
    first = {rel: text for rel, text in small.items() if rel.startswith("01-")}
    assert first
    assert first == {rel: text for rel, text in large.items() if rel.startswith("01-")}
    assert any(rel.startswith("03-") for rel in large)


def test_size_per_province_is_realistic() -> None:
    files = build_files(2, 1)
    components, relations = files.counts()
    # About 3,000 components and 9,000 declared relations per province (issue 7).
    assert 2 * 2_700 < components < 2 * 3_300
    assert 2 * 8_000 < relations < 2 * 10_000
    kinds = set(files.kinds.values())
    assert {"agency", "application", "database", "public_service", "lan"} <= kinds
    assert len(kinds) == 14  # every kind of the model format occurs


def test_layout_is_a_folder_per_province_and_a_file_per_layer_or_agency() -> None:
    texts = render_files(build_files(2, 1), 2, 1)
    folders = {rel.split("/")[0] for rel in texts if "/" in rel}
    assert folders == {"00-quoc-gia", "01-ha-noi", "02-hue"}
    assert "01-ha-noi/dich-vu-cong/so-tu-phap.yaml" in texts
    assert "02-hue/ung-dung/so-y-te.yaml" in texts
    assert max(len(text) for text in texts.values()) < 1_000_000  # no giant file


def test_generated_model_loads_without_errors_and_keeps_vietnamese(province_model: Path) -> None:
    model = load_model(province_model)
    names = [c.name for c in model.components.values()]
    assert len(model.components) > 2_700
    assert len(model.relations) > 8_000
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    with_marks = [n for n in names if strip_diacritics(n) != n]
    assert len(with_marks) > len(names) // 2
    assert "Sở Tư pháp" in names


def test_gaps_are_present_in_a_realistic_share(province_model: Path) -> None:
    model = load_model(province_model)
    apps = [c for c in model.components.values() if c.kind == "application"]  # type: ignore[attr-defined]
    missing_level = sum(1 for a in apps if a.security_level is None) / len(apps)  # type: ignore[attr-defined]
    assert 0.03 < missing_level < 0.4
    planned = sum(1 for c in model.components.values() if c.status == "planned")
    assert planned > 0


def test_files_are_plain_yaml_that_any_parser_reads(province_model: Path) -> None:
    for path in sorted(province_model.rglob("*.yaml"))[:10]:
        data = yaml.safe_load(path.read_text("utf-8"))
        assert isinstance(data, dict)


def test_cli_writes_and_refuses_to_overwrite_other_folders(tmp_path: Path) -> None:
    runner = CliRunner()
    app = build_app()
    out = tmp_path / "national"
    result = runner.invoke(app, ["generate", str(out), "-n", "1", "--seed", "4", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "1 province(s)" in result.output
    assert (out / "eakit.yaml").is_file()
    # Its own output may be replaced ...
    again = runner.invoke(app, ["generate", str(out), "-n", "1", "--seed", "4"])
    assert again.exit_code == 0
    # ... a folder eakit did not write may not, even forced.
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    refused = runner.invoke(app, ["generate", str(other), "-n", "1", "--lang", "en"])
    assert refused.exit_code == 2
    assert "not written by eakit" in refused.output
    forced = runner.invoke(app, ["generate", str(other), "-n", "1", "--force"])
    assert forced.exit_code == 2
    assert (other / "notes.txt").read_text() == "keep me"
    bad = runner.invoke(app, ["generate", str(tmp_path / "x"), "--provinces", "0", "--lang", "en"])
    assert bad.exit_code == 2


def test_the_command_writes_numbers_as_its_reader_does(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eakit.cli.main import build_app

    vi = CliRunner().invoke(build_app(), ["generate", str(tmp_path / "vi")])
    assert vi.exit_code == 0, vi.output
    assert re.search(r"1 tỉnh, \d\.\d{3} thành phần, \d\.\d{3} quan hệ .*\(\d+,\d MB\)", vi.output)
    en = CliRunner().invoke(build_app(), ["generate", str(tmp_path / "en"), "--lang", "en"])
    assert re.search(r"\d,\d{3} components, \d,\d{3} relations .*\(\d+\.\d MB\)", en.output)
