"""Escaping and linking for the generated pages.

Model text is untrusted data: every piece of it reaches a page through :func:`h` (HTML) or
:func:`md_inline` (a Markdown heading), never raw; both also show control characters and
bidirectional overrides as escapes (``\\x1b``, ``\\u202e``), which would otherwise reach
the page, its search index, and whoever copies text from it. Page bodies are written as
HTML blocks inside Markdown, so only headings go through the Markdown parser at all (a
large site's bulky blocks skip Markdown altogether: see :mod:`eakit.render.site.slots`).
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import urlsplit

from eakit.text import for_terminal_lines

# Characters Python-Markdown (with the tables and attr_list extensions) treats as syntax
# and lets a backslash escape.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def h(text: object) -> str:
    """HTML-escape any value (quotes too, so it is safe inside attributes)."""
    return html.escape(for_terminal_lines(str(text)), quote=True)


def md_inline(text: str) -> str:
    """Text for a Markdown heading: HTML-escaped, then every Markdown character escaped."""
    flat = " ".join(for_terminal_lines(str(text)).split())  # a newline would end the heading
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute web or mail address, else ``None`` (no ``javascript:``)."""
    if not url:
        return None
    candidate = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in candidate):
        return None
    parts = urlsplit(candidate)
    if parts.scheme.lower() not in _SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return candidate


def html_path(page: str) -> str:
    """The output path of a Markdown page (``use_directory_urls`` is off)."""
    return page[: -len(".md")] + ".html" if page.endswith(".md") else page


@lru_cache(maxsize=1 << 16)
def _relative(from_page: str, to_page: str) -> str:
    # A site links the same few hundred pages from each page again and again (a national
    # model's pages hold hundreds of thousands of links); relpath is slow.
    source_dir = posixpath.dirname(html_path(from_page)) or "."
    return posixpath.relpath(html_path(to_page), source_dir)


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one page (``a/b.md``) to another page or file."""
    target = _relative(from_page, to_page)
    return f"{target}#{anchor}" if anchor else target


def root_prefix(page: str) -> str:
    """The relative path from a page's folder back to the site root (``""`` or ``../``...)."""
    depth = page.count("/")
    return "../" * depth


def link(
    from_page: str, to_page: str, text: str, *, anchor: str | None = None, cls: str = ""
) -> str:
    """An ``<a>`` element with escaped text."""
    klass = f' class="{h(cls)}"' if cls else ""
    return f'<a href="{h(href(from_page, to_page, anchor))}"{klass}>{h(text)}</a>'


def slug(text: str) -> str:
    """An anchor id made of ``[a-z0-9-]`` (rule ids, layer names)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def table(
    headers: list[str],
    rows: list[list[str]],
    *,
    attrs: list[str] | None = None,
    columns: list[str] | None = None,
) -> str:
    """An HTML table; ``headers`` are escaped here, cells must already be HTML.

    The table itself has no class: Material styles (and makes scrollable) only such tables.
    ``columns`` names each column: a ``<col class="eakit-col-NAME">`` sets its width, and
    every cell carries its header as ``data-label`` for the narrow-screen card layout.
    """
    out = ["<table>"]
    labels = [""] * len(headers)
    if columns:
        out.append(
            "<colgroup>"
            + "".join(f'<col class="eakit-col-{h(name)}">' for name in columns)
            + "</colgroup>"
        )
        labels = [f' data-label="{h(header)}"' for header in headers]
    out.append("<thead><tr>")
    out.extend(f"<th>{h(header)}</th>" for header in headers)
    out.append("</tr></thead>")
    out.append("<tbody>")
    for index, row in enumerate(rows):
        row_attrs = f" {attrs[index]}" if attrs else ""
        cells = "".join(f"<td{label}>{cell}</td>" for label, cell in zip(labels, row, strict=False))
        out.append(f"<tr{row_attrs}>" + cells + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def block(inner: str, *, cls: str = "", searched: bool = True) -> str:
    """A raw HTML block for a Markdown page: blank lines around, so Markdown leaves it be.
    ``searched=False`` keeps it out of the site's search index."""
    klass = f' class="{h(cls)}"' if cls else ""
    exclude = "" if searched else " data-search-exclude"
    return f"\n<div{klass}{exclude}>\n{inner}\n</div>\n"
