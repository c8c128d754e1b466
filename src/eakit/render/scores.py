"""How every report words a readiness score: its status, the method, the column heads.

One source for the workbook, the site and the report document, so a score reads the
same everywhere (see ``docs/scoring.md`` for the method itself).
"""

from __future__ import annotations

import datetime as dt

from eakit.findings import Score
from eakit.render.dates import shown
from eakit.rules.scoring import WEIGHTS

_STATUS: dict[str, tuple[str, str]] = {
    "met": ("Đạt", "Met"),
    "met_with_warnings": ("Đạt, còn cảnh báo", "Met, warnings remain"),
    "not_met": ("Chưa đạt", "Not met"),
}
_NONE = ("Không áp dụng", "Not applicable")

_METHOD = (
    "Cách tính: mỗi quy tắc được kiểm tra trên từng thành phần thuộc phạm vi áp dụng; mỗi lần "
    "kiểm tra có trọng số theo mức độ (lỗi {error}, cảnh báo {warning}, thông tin không "
    "tính). Tỷ lệ là tổng trọng số các lần kiểm tra đạt chia cho tổng trọng số các lần "
    "kiểm tra áp dụng; phát hiện đã miễn trừ không được tính. Các quy ước (không phải yêu "
    "cầu pháp lý) được tính riêng. Còn bất kỳ lỗi nào thì kết luận là “Chưa đạt”, dù tỷ lệ "
    "cao đến đâu; không còn lỗi nhưng còn cảnh báo thì là “Đạt, còn cảnh báo”. Cột "
    "“Hiện trạng” đánh giá các thành phần đang vận hành tại ngày đánh giá; cột “Khi hoàn "
    "thành lộ trình” đánh giá kiến trúc như đã lập kế hoạch (thành phần đang vận hành và "
    "dự kiến, trừ thành phần ngừng sử dụng) — đó là dự báo theo kế hoạch, không phải chỉ "
    "tiêu. Danh sách phát hiện gồm cả lỗi của thành phần dự kiến, nên số lỗi ở đó có thể "
    "lớn hơn số lỗi còn tồn tại ở hiện trạng.",
    "Method: every rule is checked on each component it applies to; each check weighs by "
    "severity (error {error}, warning {warning}, information not counted). The percentage "
    "is the weight of the checks met over the weight of the checks that apply; waived "
    "findings are not counted. Conventions (not legal requirements) are scored apart. "
    "While any error stands the verdict is “Not met”, however high the percentage; with "
    "no error but warnings left it is “Met, warnings remain”. The “Current state” column "
    "judges the components in operation on the judging date; the “When the roadmap is "
    "complete” column judges the architecture as planned (current and planned components, "
    "retired ones left out) — a forecast from the plan, not a target. The findings list "
    "also holds the errors of planned components, so it can count more errors than stand "
    "in the current state.",
)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def status_label(score: Score | None, lang: str = "vi") -> str:
    """ "Đạt", "Đạt, còn cảnh báo", "Chưa đạt" or "Không áp dụng" (English with ``en``)."""
    status = score.status if score is not None else None
    return _pick(_STATUS[status] if status else _NONE, lang)


def errors_note(score: Score | None, lang: str = "vi") -> str:
    """ "3 lỗi còn tồn tại" / "3 errors stand"; empty without errors."""
    if score is None or not score.errors:
        return ""
    if lang == "en":
        return f"{score.errors} error{'s' if score.errors != 1 else ''} stand"
    return f"{score.errors} lỗi còn tồn tại"


def percent(score: Score | None) -> str:
    """ "75%" (rounded; "–" when nothing applies), as the site and Vietnamese administrative
    texts write it: no space, so the sign never wraps onto the next line."""
    ratio = score.ratio if score is not None else None
    return "–" if ratio is None else f"{round(ratio * 100)}%"


def verdict(score: Score | None, lang: str = "vi") -> str:
    """ "Chưa đạt — 75% (39 lỗi còn tồn tại)": the status first, then the share."""
    if score is None or score.status is None:
        return status_label(score, lang)
    note = errors_note(score, lang)
    text = f"{status_label(score, lang)} — {percent(score)}"
    return f"{text} ({note})" if note else text


def method(lang: str = "vi") -> str:
    """The scoring method in one paragraph."""
    return _pick(_METHOD, lang).format(error=WEIGHTS["error"], warning=WEIGHTS["warning"])


def now_label(as_of: dt.date, lang: str = "vi") -> str:
    """ "Hiện trạng (31/12/2015)" / "Current state (31/12/2015)"."""
    return f"{_pick(('Hiện trạng', 'Current state'), lang)} ({shown(as_of, lang)})"


def target_label(horizon: int, lang: str = "vi") -> str:
    """ "Khi hoàn thành lộ trình (2020)" / "When the roadmap is complete (2020)"."""
    text = _pick(("Khi hoàn thành lộ trình", "When the roadmap is complete"), lang)
    return f"{text} ({horizon})"


def conventions_label(lang: str = "vi") -> str:
    return _pick(("Quy ước (tính riêng)", "Conventions (scored apart)"), lang)


def status_head(lang: str = "vi") -> str:
    return _pick(("Kết luận", "Verdict"), lang)


def headline(
    now: Score | None, later: Score | None, as_of: dt.date, horizon: int, lang: str
) -> str:
    """One sentence: the verdict now and when the roadmap is complete."""
    if lang == "en":
        return (
            f"Overall score (weighted by severity): {now_label(as_of, lang)}: "
            f"{verdict(now, lang)}; {target_label(horizon, lang).lower()}: "
            f"{verdict(later, lang)}."
        )
    return (
        f"Điểm tổng hợp (có trọng số theo mức độ): {now_label(as_of, lang)}: "
        f"{verdict(now, lang)}; {target_label(horizon, lang).lower()}: {verdict(later, lang)}."
    )
