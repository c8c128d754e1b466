"""Byte-stable zip packages (docx): the same content always gives the same bytes.

Office packages are zip archives whose entries carry the time they were written; a
report built twice from the same model must not differ for that.
"""

from __future__ import annotations

import io
import zipfile

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def pinned_entry(name: str, size: int = 0, mode: int = 0o644) -> zipfile.ZipInfo:
    """A deflated zip entry whose time, creating system and permissions are fixed
    (``size``: lets zipfile choose zip64 headers only when an entry needs them)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = mode << 16
    info.file_size = size
    return info


def stable_zip(data: bytes) -> bytes:
    """``data`` (a zip archive) with every entry's time, system and permissions pinned,
    entries in their original order, deflated."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(pinned_entry(entry.filename), source.read(entry.filename))
    return out.getvalue()
