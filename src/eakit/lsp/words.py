"""The server's own text, in Vietnamese and English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]


_WORDS: dict[str, tuple[str, str]] = {
    "kind": ("Loại", "Kind"),
    "layer": ("Lớp kiến trúc", "Layer"),
    "owner": ("Chủ quản", "Owner"),
    "status": ("Trạng thái", "Status"),
    "findings": ("Phát hiện", "Findings"),
    "no_findings": ("Không có phát hiện nào.", "No findings."),
    "basis": ("Căn cứ", "Basis"),
    "waived": ("đã miễn trừ", "waived"),
    "fix_to": ("Sửa thành '{0}'", "Change to '{0}'"),
    "add_field": ("Thêm trường bắt buộc '{0}'", "Add the required field '{0}'"),
    "waive": ("Miễn trừ {0} cho '{1}'", "Waive {0} for '{1}'"),
    "waiver_reason": ("TODO: lý do miễn trừ", "TODO: why this is accepted"),
    "waiver_owner": ("TODO: người chịu trách nhiệm", "TODO: who answers for it"),
    "rename_clash": (
        "Không đổi tên được: mã '{0}' đã có trong mô hình",
        "Cannot rename: the id '{0}' already exists in the model",
    ),
    "rename_invalid": (
        "Không đổi tên được: '{0}' không phải là mã hợp lệ (chữ thường không dấu, chữ số, '-')",
        "Cannot rename: '{0}' is not a valid id (lower-case letters, digits, '-')",
    ),
    "rename_unknown": (
        "Không đổi tên được: '{0}' không phải là mã của thành phần nào",
        "Cannot rename: '{0}' is not the id of a component",
    ),
}


def word(key: str, lang: Lang, *args: object) -> str:
    """The text ``key`` in ``lang``, with ``args`` put in its ``{0}``, ``{1}`` places."""
    vi, en = _WORDS[key]
    return (vi if lang == "vi" else en).format(*args)
