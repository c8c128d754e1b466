"""The site in a real browser (headless Chromium): navigation, search, no script from data.

Screenshots go to a tmp folder and, for people to look at, to /tmp/eakit-shots/.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path("/tmp/eakit-shots")
LAPTOP = (1366, 900)
PHONE = (390, 844)
WAIT = 30  # seconds: an upper bound for conditions, never a sleep


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
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
    ):
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shots")


def save(driver, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    driver.save_screenshot(str(path))
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SHOTS / path.name)
    except OSError:
        pass  # the copy for people is a convenience


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


def wait(driver, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def search(driver, query: str, phone: bool) -> list[str]:
    """Type a query into Material's search and return the result titles."""
    from selenium.webdriver.common.by import By

    if phone:
        driver.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__search']").click()
    box = wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "input.md-search__input"))
    wait(driver, lambda d: box.is_displayed())
    box.click()
    box.clear()
    box.send_keys(query)

    def titles(d):
        found = [
            e.text for e in d.find_elements(By.CSS_SELECTOR, ".md-search-result__item h1") if e.text
        ]
        return found or False

    return wait(driver, titles)


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_browse_home_agency_component_over_http(driver, server, shots, model_graph, size):
    from selenium.webdriver.common.by import By

    label = "laptop" if size == LAPTOP else "phone"
    driver.set_window_size(*size)
    driver.get(f"{server}/index.html")
    assert model_graph.architecture.name in driver.title
    save(driver, shots, f"{label}-1-home")
    driver.get(f"{server}/agencies/index.html")
    driver.find_element(By.CSS_SELECTOR, "article a[href$='so-tu-phap.html']").click()
    wait(driver, lambda d: d.current_url.endswith("agencies/so-tu-phap.html"))
    assert driver.find_element(By.CSS_SELECTOR, "article h1").text == "Sở Tư pháp"
    save(driver, shots, f"{label}-2-agency")
    component = driver.find_element(
        By.CSS_SELECTOR, "article .eakit-relations a[href*='components/']"
    )
    name = component.text
    component.click()
    wait(driver, lambda d: "/components/" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, "article h1").text == name
    save(driver, shots, f"{label}-3-component")
    driver.get(f"{server}/findings.html#severity=error")
    rows = driver.find_elements(By.CSS_SELECTOR, ".eakit-findings-all tbody tr")
    visible = [r for r in rows if r.is_displayed()]
    assert rows and visible and all(r.get_attribute("data-severity") == "error" for r in visible)
    save(driver, shots, f"{label}-4-findings")


@pytest.mark.parametrize("query", ["so tu phap", "Sở Tư pháp"])
@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_search_offline_from_folder(driver, built_site, shots, query, size):
    label = "laptop" if size == LAPTOP else "phone"
    driver.set_window_size(*size)
    driver.get((built_site / "index.html").as_uri())
    titles = search(driver, query, phone=size == PHONE)
    assert titles[0] == "Sở Tư pháp", titles
    folded = "folded" if query.isascii() else "accented"
    save(driver, shots, f"{label}-5-search-{folded}")


def _runs_nothing(driver, site, pages) -> None:
    """Open each page; no injected script ran and no alert is open."""
    from selenium.common.exceptions import NoAlertPresentException

    driver.set_window_size(*LAPTOP)
    for page in pages:
        driver.get((site / page).as_uri())
        assert driver.execute_script("return typeof window.__xss") == "undefined", page
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018 - reading it raises when no alert is open


def test_hostile_text_runs_nothing(driver, xss_site, shots):
    pages = (
        "index.html",
        "agencies/ubnd.html",
        "components/markdown-breaker.html",
        "components/index.html",
        "findings.html",
        "components/safe-link.html",
    )
    _runs_nothing(driver, xss_site, pages)
    heading = driver.execute_script("return document.querySelector('article h1').textContent")
    assert heading == "Cổng \"thông tin\" 'tỉnh' & <b>bold</b>"
    driver.get((xss_site / "components/markdown-breaker.html").as_uri())
    heading = driver.execute_script("return document.querySelector('article h1').textContent")
    assert (
        heading == "*star* _under_ [link](javascript:window.__xss=7) | pipe | {#id} `tick` # hash"
    )
    save(driver, shots, "laptop-6-hostile-text")


def test_hostile_text_runs_nothing_on_grouped_pages(driver, xss_paged_site, shots):
    pages = (
        "index.html",
        "agencies/ubnd.html",
        "agencies/index.html",
        "findings/agencies/ubnd.html",
        "layers/applications/index.html",
    )
    _runs_nothing(driver, xss_paged_site, pages)
    driver.get((xss_paged_site / "agencies/ubnd.html").as_uri() + "#c-markdown-breaker")
    name = driver.execute_script(
        "return document.querySelector('#c-markdown-breaker strong').textContent"
    )
    assert name == "*star* _under_ [link](javascript:window.__xss=7) | pipe | {#id} `tick` # hash"
    save(driver, shots, "laptop-7-hostile-grouped")


def test_grouped_page_filter_and_search(driver, xss_paged_site, shots):
    """The row filter of a group page, diacritic-free, and search finding an agency section."""
    from selenium.webdriver.common.by import By

    driver.set_window_size(*LAPTOP)
    driver.get((xss_paged_site / "agencies/ubnd.html").as_uri())
    box = driver.find_element(By.CSS_SELECTOR, "form.eakit-filter input[type=search]")
    box.send_keys("ung dung")  # the kind "Ứng dụng", typed without diacritics
    rows = driver.find_elements(By.CSS_SELECTOR, "div.eakit-rows tbody tr")
    visible = [r.get_attribute("id") for r in rows if r.is_displayed()]
    assert visible == ["c-markdown-breaker"]
    driver.get((xss_paged_site / "index.html").as_uri())
    titles = search(driver, "so tu phap", phone=False)
    # Results are grouped by page: the agency is a section of its group's page.
    assert titles[0] == "</title><script>window.__xss=5</script>", titles
    first = driver.find_element(By.CSS_SELECTOR, ".md-search-result__list > li")
    sections = [e.text for e in first.find_elements(By.CSS_SELECTOR, "h2") if e.text]
    assert sections[0] == "Sở Tư pháp", sections
    save(driver, shots, "laptop-8-grouped-search")
