"""Fixtures of the site tests: sites built once per session with the real mkdocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.pipeline import load_graph
from eakit.render.site import build_site
from eakit.render.site.layout import SiteLayout
from tests.conftest import BUNDLED_MODEL, FIXTURES
from tests.site.helpers import sample_result

XSS_MODEL = FIXTURES / "valid" / "xss"
MINI_MODEL = FIXTURES / "valid" / "mini"


def site_model() -> Path:
    """The bundled model when it loads, else the small fixture model."""
    try:
        load_graph(BUNDLED_MODEL)
    except Exception:  # the bundled model is being written by another engineer
        return MINI_MODEL
    return BUNDLED_MODEL


@pytest.fixture(scope="session")
def model_graph():
    return load_graph(site_model())


@pytest.fixture(scope="session")
def model_result(model_graph):
    return sample_result(model_graph)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, model_graph, model_result) -> Path:
    """The Vietnamese site of the bundled model, with diagrams when the renderer exists."""
    out = tmp_path_factory.mktemp("site") / "site"
    return build_site(model_graph, model_result, out, lang="vi", diagrams=True)


@pytest.fixture(scope="session")
def xss_graph():
    return load_graph(XSS_MODEL)


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory, xss_graph) -> Path:
    out = tmp_path_factory.mktemp("xss") / "site"
    return build_site(xss_graph, sample_result(xss_graph), out, lang="vi", diagrams=True)


@pytest.fixture(scope="session")
def xss_paged_site(tmp_path_factory, xss_graph) -> Path:
    """The hostile model as a large model's site: a page per agency group, tables spliced
    in after mkdocs (not through Markdown)."""
    out = tmp_path_factory.mktemp("xss-paged") / "site"
    layout = SiteLayout(xss_graph, threshold=1)
    return build_site(
        xss_graph, sample_result(xss_graph), out, lang="vi", diagrams=True, layout=layout
    )


@pytest.fixture(scope="session")
def english_site(tmp_path_factory, model_graph, model_result) -> Path:
    """The English site of the bundled model, without diagrams."""
    out = tmp_path_factory.mktemp("site-en") / "site"
    return build_site(model_graph, model_result, out, lang="en", diagrams=False)
