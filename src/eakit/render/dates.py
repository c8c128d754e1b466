"""Dates as reports show them, and the date a report is produced on.

The production date is today, unless ``SOURCE_DATE_EPOCH`` is set (the
reproducible-builds convention): then it is that moment's date in UTC, so the same
input builds the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os

from eakit.text import vi_date


def generation_date() -> dt.date:
    """The date the report is produced on (``SOURCE_DATE_EPOCH`` when set)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def shown(date: dt.date, lang: str = "vi") -> str:
    """``30/6/2025`` in Vietnamese (:func:`eakit.text.vi_date`), ``30/06/2025`` in English."""
    if lang == "en":
        return f"{date.day:02d}/{date.month:02d}/{date.year}"
    return vi_date(date)
