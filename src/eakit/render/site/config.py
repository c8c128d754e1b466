"""The ``mkdocs.yml`` of a model's site: Material theme, offline, no CDN, folded search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eakit.render.site.i18n import Words
from eakit.render.site.markup import h
from eakit.render.site.search_fold import FOLDED_FIELDS, SEARCH_SEPARATOR

ASSETS = Path(__file__).with_name("assets")
ASSET_FILES = ("eakit.css", "eakit.js", "iframe-worker-shim.js")
SEARCH_HOOK = Path(__file__).with_name("search_fold.py")
SLOTS_HOOK = Path(__file__).with_name("slots.py")


def search_plugin(lang: str) -> dict[str, Any]:
    """Search settings: Vietnamese word characters, no stop words, folded fields."""
    if lang == "vi":
        # lunr's Vietnamese trimmer keeps ơ, ư, đ... inside words; its stop-word list would
        # drop real words of agency names, so only the trimmer stays.
        languages, pipeline = ["vi"], ["trimmer"]
    else:
        languages, pipeline = ["en", "vi"], ["trimmer", "stemmer"]
    return {
        "lang": languages,
        "separator": SEARCH_SEPARATOR,
        "pipeline": pipeline,
        "fields": {name: dict(spec) for name, spec in FOLDED_FIELDS.items()},
    }


def mkdocs_config(
    *,
    site_name: str,
    words: Words,
    nav: list[Any],
    docs_dir: Path,
    site_dir: Path,
    footer: str,
    theme_dir: Path,
) -> dict[str, Any]:
    """The configuration dictionary written as the site's ``mkdocs.yml``.

    ``theme_dir`` holds the overrides of Material's templates
    (:func:`eakit.render.site.theme_words.write_overrides`).
    """
    return {
        # Material writes the site name into the page unescaped.
        "site_name": h(site_name),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Pages open from a folder or a zip: links end in .html, no server needed.
        "use_directory_urls": False,
        "copyright": h(footer),
        "theme": {
            "name": "material",
            "language": words.lang,
            "custom_dir": str(theme_dir),
            "font": False,  # no Google Fonts: the system fonts render Vietnamese well
            "features": [
                "navigation.tabs",
                "navigation.indexes",
                "navigation.top",
                "navigation.footer",
                "search.highlight",
                "toc.follow",
            ],
            "palette": [
                {
                    "media": "(prefers-color-scheme: light)",
                    "scheme": "default",
                    "primary": "indigo",
                    "accent": "red",
                    "toggle": {"icon": "material/weather-night", "name": words("dark_mode")},
                },
                {
                    "media": "(prefers-color-scheme: dark)",
                    "scheme": "slate",
                    "primary": "indigo",
                    "accent": "red",
                    "toggle": {"icon": "material/weather-sunny", "name": words("light_mode")},
                },
            ],
        },
        "plugins": [{"search": search_plugin(words.lang)}, "offline"],
        "hooks": [str(SEARCH_HOOK), str(SLOTS_HOOK)],
        "markdown_extensions": ["tables", "attr_list", "md_in_html", {"toc": {"permalink": False}}],
        "extra_css": ["assets/eakit.css"],
        "extra_javascript": ["assets/eakit.js"],
        "extra": {
            # The offline plugin would load this shim from a CDN; a vendored copy is used.
            "polyfills": ["assets/iframe-worker-shim.js"],
            "generator": False,
        },
        "nav": nav,
    }
