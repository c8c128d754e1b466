"""The command line's own messages: errors, status lines, summaries, progress.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.no_component": (
        "không có thành phần nào mang mã '{id}'{hint}",
        "no component with id '{id}'{hint}",
    ),
    "cli.diagram_suffix": (
        "--diagram phải kết thúc bằng .svg, .png hoặc .dot, nhưng đang là '{path}'",
        "--diagram must end in .svg, .png or .dot, got '{path}'",
    ),
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
    "out.home": ("thư mục nhà của người dùng", "the home folder"),
    "out.working": ("thư mục làm việc", "the working folder"),
    "out.fs_root": (
        "từ chối ghi vào {path}: đây là thư mục gốc của một hệ thống tệp",
        "refusing to write into {path}: it is the root of a file system",
    ),
    "out.is": (
        "từ chối thay thế {path}: đây là {label}",
        "refusing to replace {path}: it is {label}",
    ),
    "out.holds": (
        "từ chối thay thế {path}: thư mục này chứa {label} ({folder})",
        "refusing to replace {path}: it holds {label} ({folder})",
    ),
    "out.not_folder": (
        "{path} đã tồn tại và không phải là thư mục",
        "{path} exists and is not a folder",
    ),
    "out.foreign": (
        "{path} không trống và không do eakit ghi ra (không có tệp {marker}); eakit không bao giờ "
        "thay thế thư mục như vậy, dù có --force hay không: hãy chọn thư mục khác, hoặc tự làm "
        "trống hay xóa thư mục này",
        "{path} is not empty and was not written by eakit (it has no {marker} file); eakit never "
        "replaces such a folder, with --force or without: choose another folder, or empty or "
        "remove this one yourself",
    ),
    "out.model_folder": ("thư mục mô hình {path}", "the model folder {path}"),
    "out.input_folder": ("thư mục của tệp đầu vào {path}", "the folder of the input file {path}"),
    "out.not_empty": (
        "{path} không trống; 'eakit {command}' chỉ ghi vào một thư mục mới hoặc trống",
        "{path} is not empty; 'eakit {command}' only writes into a new or empty folder",
    ),
    "out.use_force": ("hãy thêm --force để thay thế", "pass --force to replace it"),
    "out.choose_another": ("hãy chọn thư mục khác", "choose another folder"),
    "out.earlier": (
        "{path} chứa kết quả trước đây của 'eakit {command}'; {advice}",
        "{path} holds an earlier output of 'eakit {command}'; {advice}",
    ),
    "out.other_command": (
        "{path} do 'eakit {owner}' ghi ra, không phải 'eakit {command}'; {advice}",
        "{path} was written by 'eakit {owner}', not by 'eakit {command}'; {advice}",
    ),
    "init.done": (
        "{folder}: đã ghi {count} tệp; bước tiếp theo: eakit check {folder}",
        "{folder}: {count} files written; next: eakit check {folder}",
    ),
    "generate.provinces": (
        "--provinces phải từ 1 đến {limit}, nhưng đang là {got}",
        "--provinces must be between 1 and {limit}, got {got}",
    ),
    "generate.done": (
        "{out}: {provinces} tỉnh, {components} thành phần, {relations} quan hệ trong {files} tệp "
        "({size} MB)",
        "{out}: {provinces} province(s), {components} components, {relations} relations in "
        "{files} files ({size} MB)",
    ),
    "cli.no_file": ("{path}: không có tệp này", "{path}: no such file"),
    "survey.problem": (
        "{count} vấn đề trong {path}; không có gì được ghi",
        "{count} problem in {path}; nothing was written",
    ),
    "survey.problems": (
        "{count} vấn đề trong {path}; không có gì được ghi",
        "{count} problems in {path}; nothing was written",
    ),
    "survey.done": (
        "{output}: {added} thêm mới, {updated} cập nhật, {unchanged} không đổi",
        "{output}: {added} added, {updated} updated, {unchanged} unchanged",
    ),
    "survey.wrote": ("; đã ghi {files}", "; wrote {files}"),
    "report.empty_needs_template": (
        "--empty chỉ dùng cùng --template",
        "--empty only applies with --template",
    ),
    "report.template_is_xlsx": (
        "--template ghi ra một sổ tính: hãy bỏ --format docx",
        "--template writes a workbook: leave out --format docx",
    ),
    "report.template_done": (
        "{path}: mẫu phiếu khảo sát, {count} thành phần",
        "{path}: inventory template, {count} components",
    ),
    "diagram.focus_one_format": (
        "--focus vẽ một tệp: hãy chỉ ghi một --format",
        "--focus draws one file: give one --format",
    ),
    "diagram.focus_and_view": (
        "không thể dùng --focus cùng với --view",
        "--focus and --view cannot be combined",
    ),
    "cli.choice": (
        "{option} phải là {choices}, nhưng đang là '{got}'",
        "{option} must be {choices}, got '{got}'",
    ),
    "cli.one_of": ("một trong {values}", "one of {values}"),
    "cli.written": (
        "{path}: {components} thành phần, {counts}",
        "{path}: {components} components, {counts}",
    ),
    "interop.inside_source": (
        "thư mục kết quả {out} nằm trong mô hình nguồn {source}",
        "the output folder {out} is inside the source model {source}",
    ),
    "interop.unloadable": (
        "mô hình được ghi cho {out} không đọc được; không có gì được ghi (xin báo đây là lỗi của "
        "eakit)",
        "the model written for {out} does not load; nothing was written (please report this as a "
        "bug)",
    ),
    "interop.exchange_problem": ("tệp trao đổi: {problem}", "exchange file: {problem}"),
    "interop.exported": ("đã ghi {output} ({count} phần tử)", "wrote {output} ({count} elements)"),
    "interop.bad_id": (
        "--id '{id}' không phải là mã hợp lệ (a-z, 0-9 và '-')",
        "--id '{id}' is not a valid id (a-z, 0-9 and '-')",
    ),
    "interop.imported": (
        "đã ghi {output} (báo cáo: {report})",
        "wrote {output} (report: {report})",
    ),
    "diff.git_one_model": (
        "với --git chỉ ghi nhiều nhất một thư mục mô hình",
        "with --git give at most one model folder",
    ),
    "diff.two_models": (
        "hãy ghi hai thư mục mô hình (CŨ MỚI), hoặc --git REV1 REV2 [MODEL]",
        "give two model folders (OLD NEW), or --git REV1 REV2 [MODEL]",
    ),
    "merge.two_models": (
        "hãy ghi ít nhất hai thư mục mô hình để hợp nhất",
        "give at least two model folders to merge",
    ),
    "merge.done": (
        "đã ghi {output} (báo cáo: {report}); hãy kiểm tra bằng 'eakit check {output}'",
        "wrote {output} (report: {report}); check it with 'eakit check {output}'",
    ),
    "diff.cannot_check": (
        "không kiểm tra được mô hình; dùng --no-check để chỉ so sánh các mô hình",
        "cannot check the model; use --no-check to compare the models only",
    ),
    "init.bad_id": (
        "--id phải gồm chữ thường không dấu, chữ số và '-', nhưng đang là '{id}'",
        "--id must be lower-case letters, digits and '-', got '{id}'",
    ),
    "init.bad_horizon": (
        "--horizon phải là một năm, nhưng đang là {got}",
        "--horizon must be a year, got {got}",
    ),
    "init.one_line": (
        "{option} phải là một dòng không trống",
        "{option} must be one non-empty line",
    ),
}
