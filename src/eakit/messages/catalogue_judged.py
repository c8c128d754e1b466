"""How a check names what judged the model: its rule packs by the framework they belong to.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

JUDGED: dict[str, tuple[str, str]] = {
    "judged.rules_of": ("bộ quy tắc của {framework}", "the rules of the {framework}"),
    "judged.with_reason": ("{pack} ({why})", "{pack} ({why})"),
    "judged.version": ("phiên bản {version}", "version {version}"),
    "judged.declared.no_pack": (
        "mô hình khai báo {declared}, chưa có bộ quy tắc riêng",
        "the model declares {declared}, which has no rule pack of its own",
    ),
    "judged.declared.in_force": (
        "mô hình khai báo {declared}; áp dụng khung có hiệu lực tại ngày đánh giá",
        "the model declares {declared}; the framework in force at the check date applies",
    ),
    "judged.declared.pinned": (
        "mô hình khai báo {declared}; bộ quy tắc do eakit.yaml chỉ định",
        "the model declares {declared}; its eakit.yaml names the rule pack",
    ),
    "judged.own_pack": ("bộ quy tắc riêng '{pack}'", "its own rule pack '{pack}'"),
}
