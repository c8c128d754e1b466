"""The single points of failure page in a real browser (headless Chromium) at 1280 px:
heading, diagram and tables shown, nothing wider than the window.

The screenshot goes to a tmp folder and, for people to look at, to /tmp/eakit-shots/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.site import test_browser as _browser
from tests.site.test_browser import save

# The same Chromium fixtures as test_browser.py.
driver = _browser.driver
shots = _browser.shots

pytestmark = pytest.mark.browser

WIDTH = 1280


def test_page_at_1280_pixels(driver, built_site: Path, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.set_window_size(WIDTH, 1000)
    driver.get((built_site / "resilience.html").as_uri())
    assert driver.find_element(By.CSS_SELECTOR, "article h1").text.startswith("Điểm lỗi đơn")
    headings = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "article h2")]
    assert headings[:2] == ["Mạng tích hợp, chia sẻ dữ liệu", "Hạ tầng kết nối"]
    if shutil.which("dot"):
        figure = driver.find_element(By.CSS_SELECTOR, ".eakit-figure svg")
        assert figure.size["width"] > 300
    assert "tslcd" in driver.find_element(By.TAG_NAME, "article").text
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    save(driver, shots, "resilience-1280")
