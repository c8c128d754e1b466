"""Writing a folder of generated Markdown pages (the rule and legal references), or
checking that it is current: one command-line behaviour for both references."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from eakit import atomic
from eakit.rules.sources import RuleConfigError


def sync_pages(
    argv: list[str] | None,
    *,
    prog: str,
    description: str | None,
    default_folder: Path,
    source: str,
    render: Callable[[], dict[str, str]],
) -> int:
    """Write the pages ``render`` makes into a folder (removing pages it no longer makes),
    or with ``--check`` only say which are stale; ``source`` names what they come from."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("folder", type=Path, nargs="?", default=default_folder)
    parser.add_argument("--check", action="store_true", help="Fail if the pages are stale.")
    args = parser.parse_args(argv)
    try:
        pages = render()
    except RuleConfigError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        return 2
    folder: Path = args.folder
    stale = sorted(
        name
        for name, text in pages.items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    )
    extra = (
        sorted(p.name for p in folder.glob("*.md") if p.name not in pages)
        if folder.is_dir()
        else []
    )
    if args.check:
        for name in stale + extra:
            print(f"{folder / name}: out of date with {source}", file=sys.stderr)
        return 1 if stale or extra else 0
    for name in stale:
        atomic.write_text(folder / name, pages[name])
    for name in extra:
        (folder / name).unlink()
    print(f"{len(pages)} pages in {folder} ({len(stale)} written, {len(extra)} removed)")
    return 0
