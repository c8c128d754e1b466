"""The command line's own messages: errors, status lines, summaries, progress.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "import.value_not_valid_for": (
        "'{name}' = '{text}' không hợp lệ cho {kind}: {reason}; giữ trong 'properties'",
        "'{name}' = '{text}' is not valid for {kind}: {reason}; kept in 'properties'",
    ),
    "import.value_not_valid": (
        "không hợp lệ: {reason}; giữ trong 'properties'",
        "not valid: {reason}; kept in 'properties'",
    ),
    "import.why.value_not_valid": (
        "giá trị không hợp lệ cho trường (giữ trong properties)",
        "value not valid for the field (kept in properties)",
    ),
    "import.no_kind": (
        "eakit không có loại thành phần cho kiểu phần tử ArchiMate này",
        "eakit has no kind for this ArchiMate element type",
    ),
    "import.why.no_kind": (
        "không có loại eakit cho kiểu phần tử",
        "no eakit kind for the element type",
    ),
    "import.not_valid_component": (
        "không phải {kind} hợp lệ: '{where}' {msg}",
        "not a valid {kind}: '{where}' {msg}",
    ),
    "import.why.not_valid_component": ("không phải thành phần hợp lệ", "not a valid component"),
    "import.why.reference_missing": (
        "thiếu một tham chiếu bắt buộc",
        "a required reference is missing",
    ),
    "import.view_empty": (
        "không phần tử nào nó thể hiện được giữ lại",
        "none of the elements it shows was kept",
    ),
    "import.why.view_empty": ("không thể hiện phần tử nào được giữ", "shows no kept element"),
    "import.end_is_relationship": (
        "'{end}' là một quan hệ: quan hệ của eakit nối các thành phần",
        "'{end}' is a relationship: eakit relations connect components",
    ),
    "import.why.end_is_relationship": ("một đầu là quan hệ", "an end is a relationship"),
    "import.end_not_kept": (
        "'{end}' không được nhập thành thành phần",
        "'{end}' was not imported as a component",
    ),
    "import.why.end_not_kept": ("một đầu không được giữ", "an end was not kept"),
    "import.archimate_refused": (
        "ArchiMate không cho phép {type} từ {source_kind} '{source}' ({source_type}) tới "
        "{target_kind} '{target}' ({target_type}); được phép: {allowed}",
        "ArchiMate does not allow {type} from {source_kind} '{source}' ({source_type}) to "
        "{target_kind} '{target}' ({target_type}); it allows: {allowed}",
    ),
    "import.why.not_allowed": (
        "không được phép giữa hai loại",
        "not allowed between the kinds",
    ),
    "import.self_loop": (
        "quan hệ nối một phần tử với chính nó",
        "it connects an element to itself",
    ),
    "import.why.self_loop": ("nối phần tử với chính nó", "connects an element to itself"),
    "import.duplicate": (
        "một quan hệ {relation} thứ hai từ '{source}' tới '{target}' (eakit giữ một)",
        "a second {relation} from '{source}' to '{target}' (eakit keeps one)",
    ),
    "import.why.duplicate": ("trùng với một quan hệ khác", "duplicate of another relationship"),
    "import.eakit_refused": (
        "quan hệ '{relation}' của eakit không thể đi từ {source_kind} '{source}' tới "
        "{target_kind} '{target}'",
        "eakit's '{relation}' cannot go from {source_kind} '{source}' to {target_kind} '{target}'",
    ),
    "import.invalid_relation": ("quan hệ không hợp lệ: {msg}", "invalid relation: {msg}"),
    "import.why.invalid_relation": ("không phải quan hệ hợp lệ", "not a valid relation"),
    "import.date.option": ("{date} (theo --as-of)", "{date} (from --as-of)"),
    "import.date.eakit": (
        "{date} (theo eakit:as_of của tệp)",
        "{date} (from the file's eakit:as_of)",
    ),
    "import.date.today": (
        "{date} (ngày hôm nay: tệp không ghi ngày; dùng --as-of YYYY-MM-DD để đặt ngày khác)",
        "{date} (from today's date: the file gives no date; pass --as-of YYYY-MM-DD to set "
        "another)",
    ),
    "import.date.file": ("{date} (theo {where})", "{date} (from {where})"),
    "import.summary": (
        "{source}: giữ {components}/{elements} phần tử thành thành phần ({elements_share}); "
        "giữ {kept}/{relationships} quan hệ ({relationships_share}: {fields} thành trường "
        "tham chiếu, {relations} thành quan hệ); giữ {views_kept}/{views} khung nhìn; không "
        "giữ {lost_elements} phần tử và {lost_relationships} quan hệ",
        "{source}: {components} of {elements} elements kept as components ({elements_share}); "
        "{kept} of {relationships} relationships kept ({relationships_share}: {fields} as "
        "reference fields, {relations} as relations); {views_kept} of {views} views kept; "
        "{lost_elements} elements and {lost_relationships} relationships not kept",
    ),
    "import.what.element": ("phần tử", "element"),
    "import.what.relationship": ("quan hệ", "relationship"),
    "import.what.attribute": ("thuộc tính", "attribute"),
    "import.what.view": ("khung nhìn", "view"),
    "import.line.date": ("ngày: {date}", "date: {date}"),
    "import.line.not_kept": (
        "không giữ: {what} {type} '{identifier}' ({name}): {reason}",
        "not kept: {what} {type} '{identifier}' ({name}): {reason}",
    ),
    "import.line.count": ("không giữ: {n} {what}: {why}", "not kept: {n} {what}s: {why}"),
    "import.line.assumed": ("giả định: {text} ({count}×)", "assumed: {text} ({count}×)"),
    "import.line.ignored": ("bỏ qua: {text}", "ignored: {text}"),
    "import.md.title": ("# Báo cáo nhập: {source}", "# Import report: {source}"),
    "import.md.date": (
        "Ngày của mô hình (`as_of`): {date}.",
        "Date of the model (`as_of`): {date}.",
    ),
    "import.md.by_reason": ("Không giữ, theo lý do", "Not kept, by reason"),
    "import.md.by_reason_head": ("| loại | lý do | số lượng |", "| what | why | count |"),
    "import.md.not_kept.element": ("Phần tử không giữ", "Elements not kept"),
    "import.md.not_kept.relationship": ("Quan hệ không giữ", "Relationships not kept"),
    "import.md.not_kept.attribute": ("Thuộc tính không giữ", "Attributes not kept"),
    "import.md.not_kept.view": ("Khung nhìn không giữ", "Views not kept"),
    "import.md.items_head": (
        "| kiểu ArchiMate | định danh | tên | lý do |",
        "| ArchiMate type | identifier | name | reason |",
    ),
    "import.md.assumed": ("Giá trị giả định (cần kiểm tra)", "Assumed values (check them)"),
    "import.md.ignored": ("Không nhập", "Not imported"),
    "import.framework_kind": (
        "{type} → {label} ({kind}): {count} phần tử",
        "{type} → {label} ({kind}): {count} elements",
    ),
    "import.line.framework_kind": ("thành loại của khung: {text}", "framework kind: {text}"),
    "import.md.framework_kinds": (
        "Phần tử thành loại của khung kiến trúc",
        "Elements that became framework kinds",
    ),
    "import.md.framework_note": (
        "Các phần tử này không ghi loại eakit (`eakit:kind`); kiểu ArchiMate của chúng mang "
        "nghĩa chung của một loại trong khung kiến trúc, nên các quy tắc của khung đánh giá "
        "chúng và báo những gì tệp chưa ghi (cơ quan chủ quản, nơi đặt, cấp độ…). Thuộc tính "
        "`eakit:<trường>` của phần tử điền vào trường đó. Để giữ một phần tử thành loại chung, "
        "ghi cho nó thuộc tính `eakit:kind` (ví dụ `application_component`).",
        "These elements name no eakit kind (`eakit:kind`); their ArchiMate type has the "
        "general meaning of a framework kind, so the framework's rules judge them and report "
        "what the file does not say (owner agency, hosting, security level, ...). An "
        "element's `eakit:<field>` property fills that field. To keep an element generic, "
        "give it the property `eakit:kind` (for example `application_component`).",
    ),
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
    "ci.unverified": ("chưa đối chiếu", "unverified"),
    "ci.unverified_long": ("chưa đối chiếu với văn bản", "not checked against the text"),
    "ci.verified_long": ("đã đối chiếu với văn bản", "checked against the text"),
    "ci.source": ("nguồn", "source"),
    "ci.basis": ("Căn cứ", "Basis"),
    "ci.remediation": ("Cách khắc phục", "Remediation"),
    "ci.see": ("Xem {page}.", "See {page}."),
    "ci.waived": (
        "{reason} (người chịu trách nhiệm: {owner}, hết hạn ngày {expires})",
        "{reason} (owner: {owner}, expires {expires})",
    ),
    "ci.skipped": ("miễn trừ: {reason}", "waived: {reason}"),
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
        "{count} phát hiện ({counts}), mức độ sẵn sàng {ratio}",
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
    "out.home": ("thư mục nhà (home) của người sử dụng", "the home folder"),
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
    # click's own errors (see eakit.cli.usage_errors); the English texts are click's.
    "click.error": ("Lỗi: {message}", "Error: {message}"),
    "click.aborted": ("Đã dừng.", "Aborted!"),
    "click.try_help": (
        "Xem '{command} {option}' để biết cách dùng.",
        "Try '{command} {option}' for help.",
    ),
    "click.options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "click.command_metavar": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "click.no_such_option": ("không có tùy chọn {option}{hint}", "No such option: {option}{hint}"),
    "click.possible_options": (
        " (các tùy chọn gần giống: {options})",
        " (Possible options: {options})",
    ),
    "click.no_such_command": ("không có lệnh '{name}'{hint}", "No such command '{name}'.{hint}"),
    "click.did_you_mean": (" (có phải là {options}?)", " Did you mean {options}?"),
    "click.missing_command": ("chưa nêu lệnh nào", "Missing command."),
    "click.extra_args": (
        "thừa tham số ({args})",
        "Got unexpected extra argument(s) ({args})",
    ),
    "click.requires_value": (
        "tùy chọn '{option}' cần một giá trị",
        "Option '{option}' requires an argument.",
    ),
    "click.requires_values": (
        "tùy chọn '{option}' cần {count} giá trị",
        "Option '{option}' requires {count} arguments.",
    ),
    "click.takes_no_value": (
        "tùy chọn '{option}' không nhận giá trị",
        "Option '{option}' does not take a value.",
    ),
    "click.invalid_value_for": (
        "giá trị không hợp lệ cho {param}: {reason}",
        "Invalid value for {param}: {reason}",
    ),
    "click.invalid_value": ("giá trị không hợp lệ: {reason}", "Invalid value: {reason}"),
    "click.missing.option": ("thiếu tùy chọn {param}", "Missing option {param}."),
    "click.missing.argument": ("thiếu tham số {param}", "Missing argument {param}."),
    "click.missing.parameter": ("thiếu tham số {param}", "Missing parameter {param}."),
    "click.value.greater_than_equal": (
        "giá trị phải lớn hơn hoặc bằng {limit}",
        "Input should be greater than or equal to {limit}",
    ),
    "click.value.greater_than": (
        "giá trị phải lớn hơn {limit}",
        "Input should be greater than {limit}",
    ),
    "click.value.less_than_equal": (
        "giá trị phải nhỏ hơn hoặc bằng {limit}",
        "Input should be less than or equal to {limit}",
    ),
    "click.value.less_than": ("giá trị phải nhỏ hơn {limit}", "Input should be less than {limit}"),
    "click.value.int_parsing": (
        "giá trị phải là một số nguyên",
        "Input should be a valid integer",
    ),
    "click.value.float_parsing": ("giá trị phải là một số", "Input should be a valid number"),
    "click.value.bool_parsing": (
        "giá trị phải là true hoặc false",
        "Input should be a valid boolean",
    ),
    "click.value.not_one_of": (
        "{got} không phải là một trong {choices}",
        "{got} is not one of {choices}.",
    ),
    "view.unknown_format": (
        "định dạng sơ đồ '{fmt}' không hợp lệ; hãy dùng {choices}",
        "unknown diagram format '{fmt}'; use one of {choices}",
    ),
    "view.no_format": ("chưa chọn định dạng sơ đồ nào", "no diagram format given"),
    "view.unknown_lang": (
        "ngôn ngữ '{lang}' không hợp lệ; hãy dùng {choices}",
        "unknown language '{lang}'; use one of {choices}",
    ),
    "view.unknown": (
        "không có sơ đồ nào tên '{name}'{hint}; các sơ đồ của mô hình này: {known}",
        "no view named '{name}'{hint}; views of this model: {known}",
    ),
    "view.missing_id": (
        "sơ đồ '{view}': mục {key} nêu '{id}', không phải mã của thành phần nào{hint}",
        "view '{view}': {key} names '{id}', which is not a component id{hint}",
    ),
    "view.twice": (
        "có hai sơ đồ cùng tên '{name}'; hãy đổi tên một sơ đồ",
        "two views are named '{name}'; rename one of them",
    ),
    "view.not_builtin": (
        "'{name}' không phải là sơ đồ có sẵn{hint}; các sơ đồ có sẵn: {known}",
        "'{name}' is not a built-in view{hint}; built-in views: {known}",
    ),
    "view.depth": (
        "độ sâu phải từ 1 trở lên, nhưng đang là {depth}",
        "depth must be 1 or more, got {depth}",
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
