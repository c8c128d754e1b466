"""Material's own interface words in Vietnamese, complete.

Material for MkDocs ships a Vietnamese translation that leaves some keys in English
("Initializing search", "Contributors", "Tabs") and words "back to top" as "back to the
table of contents". The site overrides it: :func:`write_overrides` writes a theme folder
(``custom_dir``) whose ``partials/languages/vi.html`` takes the place of Material's, so no
English word of the theme reaches a Vietnamese page. English pages keep Material's words.
"""

from __future__ import annotations

import json
from pathlib import Path

# Material's translation keys (those of its ``en.html``), in Vietnamese. ``#`` is the
# number Material puts in.
MATERIAL_VI: dict[str, str] = {
    "language": "vi",
    "direction": "ltr",
    "action.edit": "Sửa trang này",
    "action.skip": "Chuyển đến nội dung",
    "action.view": "Xem mã nguồn của trang",
    "announce.dismiss": "Không hiển thị lại",
    "blog.archive": "Lưu trữ",
    "blog.authors": "Tác giả",
    "blog.categories": "Chuyên mục",
    "blog.categories.in": "trong",
    "blog.continue": "Đọc tiếp",
    "blog.draft": "Bản nháp",
    "blog.index": "Về danh sách bài viết",
    "blog.meta": "Thông tin bài viết",
    "blog.references": "Liên kết liên quan",
    "clipboard.copy": "Sao chép",
    "clipboard.copied": "Đã sao chép",
    "consent.accept": "Đồng ý",
    "consent.manage": "Cài đặt",
    "consent.reject": "Từ chối",
    "footer": "Chân trang",
    "footer.next": "Trang sau",
    "footer.previous": "Trang trước",
    "header": "Đầu trang",
    "meta.comments": "Bình luận",
    "meta.source": "Mã nguồn",
    "nav": "Điều hướng",
    "readtime.one": "1 phút đọc",
    "readtime.other": "# phút đọc",
    "rss.created": "Nguồn tin RSS",
    "rss.updated": "Nguồn tin RSS về nội dung cập nhật",
    "search": "Tìm kiếm",
    # The search plugin's own settings (config.search_plugin) take precedence over these.
    "search.config.lang": "vi",
    "search.config.pipeline": "trimmer",
    "search.config.separator": "[\\s\\-]+",
    "search.placeholder": "Tìm kiếm",
    "search.share": "Chia sẻ",
    "search.reset": "Xóa",
    "search.result.initializer": "Đang chuẩn bị tìm kiếm",
    "search.result.placeholder": "Gõ từ khóa để tìm",
    "search.result.none": "Không tìm thấy kết quả nào",
    "search.result.one": "1 kết quả",
    "search.result.other": "# kết quả",
    "search.result.more.one": "thêm 1 kết quả trong trang này",
    "search.result.more.other": "thêm # kết quả trong trang này",
    "search.result.term.missing": "Không có",
    "select.language": "Chọn ngôn ngữ",
    "select.version": "Chọn phiên bản",
    "source": "Đến kho mã nguồn",
    "source.file.contributors": "Người đóng góp",
    "source.file.date.created": "Ngày tạo",
    "source.file.date.updated": "Cập nhật lần cuối",
    "tabs": "Thẻ",
    "toc": "Mục lục",
    "top": "Về đầu trang",
}

_OVERRIDES = {"vi": MATERIAL_VI}


def translation_template(words: dict[str, str]) -> str:
    """A Material translation file (a Jinja macro ``t(key)``) holding ``words``."""
    # JSON strings are valid Jinja string literals.
    entries = ",\n".join(
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in words.items()
    )
    return "{% macro t(key) %}{{ {\n" + entries + "\n}[key] }}{% endmacro %}\n"


def write_overrides(folder: Path, lang: str) -> Path:
    """Write the theme override folder for ``lang`` into ``folder``; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    words = _OVERRIDES.get(lang)
    if words is not None:
        target = folder / "partials" / "languages" / f"{lang}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(translation_template(words), "utf-8")
    return folder
