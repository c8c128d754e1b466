"""Locations are shown as paths from the current folder, the same for every file of a
model whether or not the model folder's prefix is reused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eakit.diagnostics import Location
from eakit.render.paths import PathDisplay, _display_file

FOLDERS = ["model", ".", "./model", "a/../model", "../model", "..", "/srv/mô hình", "/", "x/"]
NAMES = st.sampled_from(["eakit.yaml", "a", "b.yaml", "..", ".", "", "sở", "c d", "\\e"])
FILES = st.lists(NAMES, min_size=1, max_size=4).map("/".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FOLDERS), FILES)
def test_each_file_is_shown_as_on_its_own(folder: str, file: str) -> None:
    shown = PathDisplay(Path(folder))(Location(file, 3, 7))
    assert shown == f"{_display_file(str(Path(folder)), file, os.getcwd())}:3:7"


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("model", "model/so/he-thong.yaml:3:7"),
        (".", "so/he-thong.yaml:3:7"),
        ("./model/", "model/so/he-thong.yaml:3:7"),
        ("/srv/model", "/srv/model/so/he-thong.yaml:3:7"),
    ],
)
def test_paths_shown(folder: str, expected: str) -> None:
    assert PathDisplay(Path(folder))(Location("so/he-thong.yaml", 3, 7)) == expected
