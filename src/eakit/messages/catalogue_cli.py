"""The command line's own messages: errors, status lines, summaries, progress.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.bad_date": (
        "{option} phải là một ngày dạng YYYY-MM-DD, nhưng đang là '{value}'",
        "{option} must be a date YYYY-MM-DD, got '{value}'",
    ),
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "severity.info": ("thông tin", "info"),
    "cli.problem_count": ("{count} vấn đề trong {model}", "{count} problem in {model}"),
    "cli.problems_count": ("{count} vấn đề trong {model}", "{count} problems in {model}"),
    "cli.error": ("eakit: lỗi: {message}", "eakit: error: {message}"),
    "cli.cannot_write": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "progress.reading": ("Đang đọc mô hình", "Reading the model"),
    "text.waived": (" [miễn trừ: {reason}]", " [waived: {reason}]"),
    "text.summary": (
        "{id}: đã kiểm tra {count} thành phần theo {packs} tại ngày {date}: {counts}",
        "{id}: {count} components checked against {packs} as of {date}: {counts}",
    ),
    "text.counts": (
        "{errors} lỗi, {warnings} cảnh báo, {infos} thông tin, {waived} được miễn trừ",
        "{errors} errors, {warnings} warnings, {infos} info, {waived} waived",
    ),
    "watch.counts": ("{count} phát hiện ({counts})", "{count} findings ({counts})"),
    "watch.counts_ready": (
        "{count} phát hiện ({counts}), mức sẵn sàng {ratio}",
        "{count} findings ({counts}), readiness {ratio}",
    ),
    "watch.more": ("… và {count} phát hiện nữa", "… and {count} more"),
    "watch.the_model": ("mô hình", "the model"),
    "watch.more_files": (" và {count} tệp khác", " and {count} more files"),
    "watch.rechecked_full": (
        "[{time}] {where}: đọc và kiểm tra toàn bộ trong {seconds} giây: {new} mới, {fixed} đã "
        "khắc phục; {counts}",
        "[{time}] {where}: loaded and checked in full in {seconds} s: {new} new, {fixed} fixed; "
        "{counts}",
    ),
    "watch.rechecked": (
        "[{time}] {where}: kiểm tra lại trong {seconds} giây: {new} mới, {fixed} đã khắc phục; "
        "{counts}",
        "[{time}] {where}: re-checked in {seconds} s: {new} new, {fixed} fixed; {counts}",
    ),
    "watch.checked": (
        "[{time}] đã kiểm tra trong {seconds} giây: {counts}",
        "[{time}] checked in {seconds} s: {counts}",
    ),
    "watch.watching": (
        "[{time}] đang theo dõi thay đổi trong {model} (Ctrl+C để dừng)",
        "[{time}] watching {model} for changes (Ctrl+C stops)",
    ),
    "watch.cannot_watch": (
        "không thể tiếp tục theo dõi {model}: {reason}",
        "cannot watch {model} any more: {reason}",
    ),
    "watch.stopped": ("[{time}] đã dừng", "[{time}] stopped"),
    "watch.not_loading": (
        "[{time}] {where}: mô hình không đọc được ({count} vấn đề); kết quả kiểm tra hợp lệ gần "
        "nhất vẫn giữ nguyên:",
        "[{time}] {where}: the model does not load ({count} problems); the last valid check "
        "stands:",
    ),
    "watch.not_loading_one": (
        "[{time}] {where}: mô hình không đọc được ({count} vấn đề); kết quả kiểm tra hợp lệ gần "
        "nhất vẫn giữ nguyên:",
        "[{time}] {where}: the model does not load ({count} problem); the last valid check stands:",
    ),
    "check.watch_needs_output": (
        "--watch với --format {format} cần --output FILE để ghi lại",
        "--watch with --format {format} needs --output FILE to rewrite",
    ),
    "check.watch_needs_folder": (
        "--watch cần một thư mục mô hình; {model} không phải",
        "--watch needs a model folder; {model} is not one",
    ),
}
