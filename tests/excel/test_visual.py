"""The workbook as LibreOffice prints it (slow: runs soffice headless)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from eakit.render.excel import write_workbook

pytestmark = pytest.mark.slow


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="needs LibreOffice and poppler-utils",
)
def test_prints_without_overflow(graph, result, tmp_path):
    path = write_workbook(graph, result, tmp_path / "readiness.xlsx")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "readiness.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    assert "BÁO CÁO MỨC ĐỘ SẴN SÀNG KIẾN TRÚC" in pages[0]
    assert "###" not in text  # no number too wide for its column
    # every sheet prints its heading (print areas cover the tables)
    for heading in ("Danh sách phát hiện", "Độ phủ các năng lực chính", "Danh mục quy tắc"):
        assert heading in text
    # the injection text is printed as text, not evaluated
    assert "+1 Sở Y tế" in text
