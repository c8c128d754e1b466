"""Byte-stable ``.xlsx`` output: fixed document properties and fixed zip entries.

openpyxl stamps the current time into ``docProps/core.xml`` (whatever the workbook's
properties say) and into every zip entry; the
same model must give the same bytes, so both are pinned to the model's as-of date.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.xml.functions import tostring

CREATOR = "eakit"
CORE_PROPERTIES = "docProps/core.xml"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def pin_properties(workbook: Workbook, when: dt.date, title: str) -> None:
    """Fix creator, title and created/modified dates of the document."""
    stamp = dt.datetime.combine(when, dt.time())
    props = workbook.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.title = title
    props.created = stamp
    props.modified = stamp


def normalise_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite an xlsx archive with fixed entry times and attributes (order kept),
    swapping in the entries of ``replace``."""
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            content = replace.get(entry.filename)
            target.writestr(info, content if content is not None else source.read(entry.filename))
    return out.getvalue()


def workbook_bytes(workbook: Workbook, when: dt.date, title: str) -> bytes:
    """The bytes of ``workbook``, identical for identical content."""
    pin_properties(workbook, when, title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    # Saving stamps the current time as "modified"; pin it again and rewrite the entry.
    pin_properties(workbook, when, title)
    core = tostring(workbook.properties.to_tree())
    return normalise_zip(buffer.getvalue(), {CORE_PROPERTIES: core})
