"""The single points of failure page in a real browser (headless Chromium) at 1280 px:
heading, diagram and tables shown, nothing wider than the window.

The screenshot goes to a tmp folder and, for people to look at, to /tmp/eakit-shots/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path("/tmp/eakit-shots")
WIDTH = 1280


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--allow-file-access-from-files",
    ):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield browser
    browser.quit()


def test_page_at_1280_pixels(driver, built_site: Path, tmp_path: Path) -> None:
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
    shot = tmp_path / "resilience-1280.png"
    driver.save_screenshot(str(shot))
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SHOTS / shot.name)
    except OSError:
        pass  # the copy for people is a convenience
