"""The site as a reviewer uses it, in headless Chromium: the findings table fits the page on
a laptop and a phone with the legal basis on screen, diagrams open full size with zoom and
pan, and search finds a component by its name before pages that only mention it.

Screenshots go to a tmp folder and, for people to look at, to /tmp/eakit-shots/.
"""

from __future__ import annotations

import pytest

from eakit.text import strip_diacritics
from tests.site import test_browser as _browser
from tests.site.test_browser import save, search, wait

# The same Chromium fixtures as test_browser.py.
driver = _browser.driver
shots = _browser.shots

pytestmark = pytest.mark.browser

LAPTOP = (1280, 900)
PHONE = (390, 844)
SIZES = pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["1280", "390"])


def label(size: tuple[int, int]) -> str:
    return f"reviewer-{size[0]}"


@SIZES
def test_findings_table_fits_and_shows_the_legal_basis(driver, built_site, shots, size):
    driver.set_window_size(*size)
    driver.get((built_site / "findings.html").as_uri())
    box = driver.execute_script(
        """
        var wrap = document.querySelector('.eakit-findings-all');
        var table = wrap.querySelector('table');
        var row = table.querySelector('tbody tr');
        var basis = row.lastElementChild.getBoundingClientRect();
        return {
          table: table.scrollWidth, wrap: wrap.clientWidth,
          page: document.documentElement.scrollWidth, view: window.innerWidth,
          left: basis.left, right: basis.right, width: basis.width,
          label: getComputedStyle(row.lastElementChild, '::before').content,
        };
        """
    )
    save(driver, shots, f"{label(size)}-findings")
    assert box["table"] <= box["wrap"], box
    assert box["page"] <= box["view"], box  # nothing sticks out of the page
    assert box["width"] > 50 and box["left"] >= 0 and box["right"] <= box["view"], box
    if size == PHONE:
        assert "Căn cứ" in box["label"], box  # a card names each field
    else:
        headers = driver.execute_script(
            "return Array.from(document.querySelectorAll('.eakit-findings-all th'))"
            ".map(function (th) { var r = th.getBoundingClientRect();"
            " return [th.textContent, r.right <= window.innerWidth && r.width > 40]; })"
        )
        assert headers[-1] == ["Căn cứ", True], headers
        assert all(visible for _, visible in headers), headers


@SIZES
def test_filtered_rows_stay_hidden_in_cards(driver, built_site, size):
    driver.set_window_size(*size)
    driver.get((built_site / "findings.html").as_uri() + "#severity=error")
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('.eakit-findings-all tbody tr'))"
        ".filter(function (r) { return r.offsetHeight > 0; })"
        ".map(function (r) { return r.getAttribute('data-severity'); })"
    )
    assert shown and set(shown) == {"error"}


def _scale(driver) -> float:
    return float(driver.find_element("css selector", ".eakit-viewer").get_attribute("data-scale"))


@SIZES
def test_diagram_opens_full_size_and_zooms(driver, built_site, shots, size):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    if not (built_site / "diagrams.html").exists():
        pytest.skip("the site has no diagrams (Graphviz missing)")
    driver.set_window_size(*size)
    driver.get((built_site / "diagrams.html").as_uri())
    inline = driver.find_element(By.CSS_SELECTOR, "figure.eakit-figure svg.eakit-svg")
    inline_width = inline.rect["width"]
    button = driver.find_element(By.CSS_SELECTOR, "button.eakit-zoom-open")
    assert button.is_displayed() and button.text == "Xem cỡ lớn"
    button.click()
    viewer = wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".eakit-viewer"))
    fitted = _scale(driver)
    for _ in range(4):
        driver.find_element(By.CSS_SELECTOR, ".eakit-viewer-in").click()
    zoomed = _scale(driver)
    assert zoomed == pytest.approx(fitted * 1.25**4, rel=1e-3)
    svg = viewer.find_element(By.CSS_SELECTOR, "svg.eakit-viewer-svg")
    assert svg.rect["width"] > 1.5 * inline_width  # bigger than the page can show
    save(driver, shots, f"{label(size)}-diagram-viewer")
    # The wheel zooms around the pointer; a drag moves the drawing.
    driver.execute_script(
        "document.querySelector('.eakit-viewer-stage').dispatchEvent(new WheelEvent('wheel',"
        " {deltaY: -300, clientX: 100, clientY: 200, bubbles: true, cancelable: true}));"
    )
    assert _scale(driver) > zoomed
    before = svg.get_attribute("style")
    driver.execute_script(
        """
        var stage = document.querySelector('.eakit-viewer-stage');
        function fire(type, x) {
          stage.dispatchEvent(new PointerEvent(type, {pointerId: 7, clientX: x, clientY: 300,
                                                      bubbles: true, isPrimary: true}));
        }
        fire('pointerdown', 200); fire('pointermove', 260); fire('pointerup', 260);
        """
    )
    assert svg.get_attribute("style") != before
    driver.find_element(By.CSS_SELECTOR, "body").send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".eakit-viewer"))


def test_a_click_on_the_diagram_background_opens_the_viewer(driver, built_site):
    from selenium.webdriver.common.by import By

    if not (built_site / "diagrams.html").exists():
        pytest.skip("the site has no diagrams (Graphviz missing)")
    driver.set_window_size(*LAPTOP)
    driver.get((built_site / "diagrams.html").as_uri())
    driver.execute_script(
        "document.querySelector('figure.eakit-figure svg.eakit-svg')"
        ".dispatchEvent(new MouseEvent('click', {bubbles: true}));"
    )
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".eakit-viewer"))
    driver.find_element(By.CSS_SELECTOR, ".eakit-viewer-close").click()
    assert not driver.find_elements(By.CSS_SELECTOR, ".eakit-viewer")


def test_search_ranks_the_component_named_first(driver, built_site, model_graph, shots):
    named = [c for c in model_graph.components() if "(LGSP)" in c.name]
    if not named:
        pytest.skip("the site model has no LGSP")
    driver.set_window_size(*LAPTOP)
    driver.get((built_site / "index.html").as_uri())
    titles = search(driver, "LGSP", phone=False)
    save(driver, shots, "reviewer-1280-search-lgsp")
    # Rules, findings and layer pages mention the LGSP in their text; its page comes first.
    assert titles[0] == named[0].name, titles


def _lan_named(model_graph) -> list[str]:
    names = [c.name for c in model_graph.components() if c.name.startswith("Mạng LAN")]
    if not names:
        pytest.skip("the site model has no LAN")
    return names


@pytest.mark.parametrize("query", ["mạng LAN", "mang lan", "LAN"])
def test_search_ranks_whole_words_of_names_first(driver, built_site, model_graph, shots, query):
    # "lan" begins "lanh" (Lãnh đạo, folded): a title holding the typed words as whole
    # words comes before one whose rarer word merely starts with one of them.
    lans = _lan_named(model_graph)
    driver.set_window_size(*LAPTOP)
    driver.get((built_site / "index.html").as_uri())
    titles = search(driver, query, phone=False)
    save(driver, shots, f"reviewer-1280-search-{query.replace(' ', '-')}")
    assert titles[0] in lans, titles


@pytest.mark.parametrize("folded", [False, True], ids=["accented", "folded"])
def test_search_ranks_an_agency_named_first(driver, built_site, model_graph, folded):
    # The provincial committee's name is the start of its office's name; its page comes first.
    agencies = {a.id: a.name for a in model_graph.by_kind("agency")}
    if "ubnd-tinh" not in agencies:
        pytest.skip("the site model has no provincial people's committee")
    name = agencies["ubnd-tinh"]
    driver.set_window_size(*LAPTOP)
    driver.get((built_site / "index.html").as_uri())
    titles = search(driver, strip_diacritics(name) if folded else name, phone=False)
    assert titles[0] == name, titles


@SIZES
def test_a_large_models_findings_list_fits_too(driver, xss_paged_site, size):
    driver.set_window_size(*size)
    driver.get((xss_paged_site / "findings/agencies/ubnd.html").as_uri())
    box = driver.execute_script(
        """
        var wrap = document.querySelector('.eakit-findings-list');
        var table = wrap.querySelector('table');
        return {table: table.scrollWidth, wrap: wrap.clientWidth,
                page: document.documentElement.scrollWidth, view: window.innerWidth,
                rows: table.querySelectorAll('tbody tr').length};
        """
    )
    assert box["rows"] and box["table"] <= box["wrap"] and box["page"] <= box["view"], box


@SIZES
def test_relations_table_fits_a_phone(driver, built_site, model_graph, shots, size):
    # The LGSP: the component with the most relations, with long names on both ends.
    hubs = [c for c in model_graph.components() if "(LGSP)" in c.name]
    if not hubs:
        pytest.skip("the site model has no LGSP")
    busiest = hubs[0]
    driver.set_window_size(*size)
    pages = sorted(built_site.rglob(f"{busiest.id}.html"))
    assert pages, busiest.id
    driver.get(pages[0].as_uri())
    box = driver.execute_script(
        """
        var wrap = document.querySelector('.eakit-relations');
        if (!wrap) { return null; }
        var table = wrap.querySelector('table');
        var cell = table.querySelector('tbody td:last-child');
        return {table: table.scrollWidth, wrap: wrap.clientWidth,
                page: document.documentElement.scrollWidth, view: window.innerWidth,
                label: getComputedStyle(cell, '::before').content};
        """
    )
    save(driver, shots, f"{label(size)}-relations")
    assert box is not None
    assert box["table"] <= box["wrap"] and box["page"] <= box["view"], box
    if size == PHONE:
        assert "Chi tiết" in box["label"], box  # a card names each field
