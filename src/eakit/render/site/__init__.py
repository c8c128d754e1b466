"""The documentation site of a model: MkDocs + Material, offline, built from the graph and
the check result (``eakit docs``)."""

from __future__ import annotations

from eakit.render.site.build import SiteBuildError, build_site

__all__ = ["SiteBuildError", "build_site"]
