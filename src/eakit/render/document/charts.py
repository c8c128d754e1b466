"""The report's charts as PNG pictures (matplotlib, no display needed).

Pictures are byte-stable: no creation metadata, fixed size and resolution, and the
fonts fixed to the Noto Sans and DejaVu Sans families, which carry Vietnamese letters.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot

DPI = 200
_FONTS = ["Noto Sans", "DejaVu Sans"]
_SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#e67e22", "info": "#2e86c1"}


def _png(figure: matplotlib.figure.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    pyplot.close(figure)
    return buffer.getvalue()


def severity_bars(labels: Sequence[str], counts: Sequence[int], keys: Sequence[str]) -> bytes:
    """Horizontal bars of the findings by severity (``keys``: error/warning/info)."""
    with matplotlib.rc_context({"font.family": _FONTS, "font.size": 9, "svg.hashsalt": "eakit"}):
        figure, axes = pyplot.subplots(figsize=(6.0, 1.9))
        colours = [_SEVERITY_COLOURS.get(key, "#7f8c8d") for key in keys]
        bars = axes.barh(list(labels), list(counts), color=colours)
        axes.bar_label(bars, padding=3)
        axes.invert_yaxis()
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_xlim(0, max([*counts, 1]) * 1.15)
        axes.xaxis.set_visible(False)
        figure.tight_layout()
        return _png(figure)


def layer_bars(
    labels: Sequence[str],
    now: Sequence[float | None],
    target: Sequence[float | None],
    legend: tuple[str, str],
) -> bytes:
    """Grouped horizontal bars of each layer's pass rate now and at the target (0-100)."""
    with matplotlib.rc_context({"font.family": _FONTS, "font.size": 9}):
        figure, axes = pyplot.subplots(figsize=(6.0, 0.45 * len(labels) + 1.0))
        positions = range(len(labels))
        height = 0.38
        now_values = [v or 0.0 for v in now]
        target_values = [v or 0.0 for v in target]
        first = axes.barh(
            [p - height / 2 for p in positions],
            now_values,
            height,
            label=legend[0],
            color="#2e86c1",
        )
        second = axes.barh(
            [p + height / 2 for p in positions],
            target_values,
            height,
            label=legend[1],
            color="#a9cce3",
        )
        axes.bar_label(first, fmt="%.0f", padding=2, fontsize=8)
        axes.bar_label(second, fmt="%.0f", padding=2, fontsize=8)
        axes.set_yticks(list(positions), list(labels))
        axes.invert_yaxis()
        axes.set_xlim(0, 110)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(
            loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False
        )
        figure.tight_layout()
        return _png(figure)
