"""The messages of rule packs, the legal registry, waivers and rule selections.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    # words a finding's message adds itself (eakit.rules.messages.word)
    "word.unset": ("chưa khai báo", "not set"),
    "word.model": ("mô hình", "model"),
    "word.unverified": ("căn cứ chưa đối chiếu", "basis unverified"),
    "selector.unknown_key": (
        "khóa bộ chọn không hợp lệ '{key}'{hint}",
        "unknown selector key '{key}'{hint}",
    ),
    "selector.value_type": (
        "{value} không phải {category} như trường '{field}'",
        "{value} is not {category}, as field '{field}' is",
    ),
    "selector.present_bool": ("'present' nhận true hoặc false", "'present' takes true or false"),
    "selector.scope_kinds": ("thành phần loại {kinds}", "components of kind {kinds}"),
    "selector.scope_any": ("bất kỳ loại thành phần nào", "any component kind"),
    "selector.no_field": (
        "'{path}' không phải là trường của {scope}{hint}; dùng 'properties.<khóa>' cho thuộc "
        "tính tự do",
        "'{path}' is not a field of {scope}{hint}; use 'properties.<key>' for a free-form property",
    ),
    "pack.no_architecture_field": (
        "phần kiến trúc của tệp eakit.yaml không có trường '{field}'{hint}",
        "the manifest's architecture has no field '{field}'{hint}",
    ),
    "check.unknown_param": (
        "'{name}' không phải là tham số của kiểm tra '{check}'{hint}; tham số nhận: {known}",
        "'{name}' is not a parameter of check '{check}'{hint}; it takes: {known}",
    ),
    "check.missing_param": (
        "kiểm tra '{check}' cần tham số '{name}'",
        "check '{check}' needs the parameter '{name}'",
    ),
    "pack.unknown_kind": (
        "loại thành phần không hợp lệ '{kind}'{hint}",
        "unknown kind '{kind}'{hint}",
    ),
    "pack.no_field": (
        "không loại thành phần nào được chọn ở đây có trường '{field}'{hint}",
        "no kind selected here has a field '{field}'{hint}",
    ),
    "pack.unknown_operator": ("toán tử không hợp lệ '{op}'{hint}", "unknown operator '{op}'{hint}"),
    "pack.unknown_relation": (
        "loại quan hệ không hợp lệ '{type}'{hint}",
        "unknown relation type '{type}'{hint}",
    ),
    "pack.unknown_check": (
        "phép kiểm tra đã đăng ký không tồn tại '{name}'{hint}",
        "unknown registered check '{name}'{hint}",
    ),
    "pack.unknown_doc": (
        "văn bản pháp lý không có trong danh mục '{doc}'{hint} (hãy thêm vào danh mục văn bản "
        "pháp lý hoặc mục 'legal' của bộ quy tắc)",
        "unknown legal document '{doc}'{hint} (add it to the legal registry or the pack's 'legal' "
        "section)",
    ),
    "pack.unknown_article": (
        "'{article}' không phải là một điều khoản của '{doc}'{hint} (điều khoản viết dạng 'Điều "
        "N', 'Điều N khoản M' hoặc 'Điều N khoản M điểm x' và phải có trong mục 'provisions' của "
        "văn bản trong danh mục văn bản pháp lý)",
        "'{article}' is not a provision of '{doc}'{hint} (articles are written 'Điều N', 'Điều N "
        "khoản M' or 'Điều N khoản M điểm x' and must be listed under the document's 'provisions' "
        "in the legal registry)",
    ),
    "pack.needs_basis": (
        "một quy tắc pháp lý cần 'basis' hoặc 'variants' (hoặc 'category: convention')",
        "a legal rule needs 'basis' or 'variants' (or 'category: convention')",
    ),
    "pack.convention_basis": (
        "một quy ước không có căn cứ pháp lý: hãy bỏ '{key}'",
        "a convention has no legal basis: remove '{key}'",
    ),
    "pack.variant_no_check": (
        "phiên bản này không có phép kiểm tra và quy tắc cũng không có",
        "variant has no check and the rule has none either",
    ),
    "pack.until_before_from": ("'until' ở trước 'from'", "'until' is before 'from'"),
    "what.included_pack": ("tệp quy tắc được include", "included pack file"),
    "pack.include_not_found": (
        "không tìm thấy tệp quy tắc được include '{path}'",
        "included pack file '{path}' not found",
    ),
    "pack.not_found": (
        "không tìm thấy bộ quy tắc '{name}'{hint}; các bộ quy tắc có sẵn: {bundled}, hoặc ghi "
        "đường dẫn tới một tệp bộ quy tắc",
        "rule pack '{name}' not found{hint}; bundled packs: {bundled}, or give a path to a pack "
        "file",
    ),
    "pack.rule_twice": (
        "quy tắc '{id}' đã được khai báo tại {first}",
        "rule '{id}' is already defined at {first}",
    ),
    "waivers.not_found": ("không tìm thấy tệp miễn trừ", "waivers file not found"),
    "waivers.bad_date": (
        "'{value}' không phải là một ngày có thật (YYYY-MM-DD)",
        "'{value}' is not a valid date (YYYY-MM-DD)",
    ),
    "waivers.expired": (
        "miễn trừ cho {rule}@{component} đã hết hạn ngày {date} (người chịu trách nhiệm: "
        "{owner}): miễn trừ không còn áp dụng; hãy gia hạn hoặc khắc phục các phát hiện",
        "waiver for {rule}@{component} expired on {date} (owner: {owner}): it no longer applies; "
        "renew it with a new date or fix the findings",
    ),
    "waivers.unused": (
        "miễn trừ cho {rule}@{component} không khớp phát hiện nào: hãy bỏ nó, hoặc sửa mã quy tắc "
        "hay mẫu thành phần",
        "waiver for {rule}@{component} matches no finding: remove it, or correct the rule id or "
        "component pattern",
    ),
    "rules.no_match": (
        "{option} '{pattern}' không khớp quy tắc nào{hint}",
        "{option} '{pattern}' matches no rule{hint}",
    ),
    "rules.waiver_no_match": (
        "quy tắc '{rule}' của miễn trừ không khớp quy tắc nào{hint}",
        "waiver rule '{rule}' matches no rule{hint}",
    ),
    "io.file_over_limit": (
        "tệp có {size} byte, vượt giới hạn {limit} byte",
        "file is {size} bytes, over the {limit}-byte limit",
    ),
    "schema.the_file": ("tệp", "the file"),
    "schema.at": ("{where}: {message}", "{where}: {message}"),
    "jschema.required": ("thiếu trường bắt buộc {keys}", "missing required keys {keys}"),
    "jschema.unknown_keys": ("khóa không hợp lệ: {keys}", "unknown keys: {keys}"),
    "jschema.type": ("{value} phải là {expected}", "{value} must be {expected}"),
    "jschema.enum": (
        "giá trị {value} không hợp lệ; chấp nhận: {options}",
        "value {value} is not allowed; allowed: {options}",
    ),
    "jschema.pattern": ("{value} không khớp mẫu {pattern}", "{value} does not match {pattern}"),
    "jschema.minimum": ("{value} nhỏ hơn giới hạn {limit}", "{value} is below {limit}"),
    "jschema.maximum": ("{value} lớn hơn giới hạn {limit}", "{value} is above {limit}"),
    "jschema.too_short": ("{value} ngắn hơn {limit}", "{value} is shorter than {limit}"),
    "jschema.too_long": ("{value} dài hơn {limit}", "{value} is longer than {limit}"),
    "jschema.format": ("{value} không đúng định dạng {format}", "{value} is not a valid {format}"),
    "jschema.other": (
        "giá trị {value} không hợp lệ (quy định '{rule}' của lược đồ)",
        "value {value} is not valid (schema rule '{rule}')",
    ),
    "shown.long_repr": ("{head}...' ({count} ký tự)", "{head}...' ({count} characters)"),
    "rules.config_no_match": (
        "rules.{section}: '{pattern}' không khớp quy tắc nào của các bộ quy tắc {packs}",
        "rules.{section}: '{pattern}' matches no rule of the packs {packs}",
    ),
    "rules.no_basis_on": (
        "không có văn bản căn cứ còn hiệu lực ngày {date}",
        "no basis in force on {date}",
    ),
    "rules.architecture_ended": (
        "kiến trúc hết hiệu lực sau ngày {end}: không đánh giá ở ngày {day}; hãy kiểm tra ở "
        "một ngày đến {end}, hoặc kiểm tra kiến trúc kế thừa",
        "the architecture ended on {end}: it is not judged at {day}; check it at a date up "
        "to {end}, or check its successor",
    ),
    "rules.architecture_successor": (" (kế thừa: {successor})", " (successor: {successor})"),
    "rules.architecture_ended_note": (
        "kiến trúc hết hiệu lực sau ngày {end}",
        "the architecture ended on {end}",
    ),
    "legal.repealed_early": (
        "văn bản '{doc}' bị bãi bỏ trước khi có hiệu lực",
        "document '{doc}' is repealed before it takes effect",
    ),
    "legal.no_quote": (
        "điều khoản '{article}' của '{doc}' được đánh dấu đã đối chiếu nhưng không có trích dẫn",
        "provision '{article}' of '{doc}' is marked verified but has no quote",
    ),
    "legal.wrong_article_form": (
        "'{article}' của '{doc}' phải bắt đầu bằng '{word}' như loại văn bản này được dẫn",
        "'{article}' of '{doc}' must start with '{word}', as this type of text is cited",
    ),
    "legal.unknown_successor": (
        "văn bản '{doc}' được thay thế bằng văn bản không có trong danh mục '{successor}'",
        "document '{doc}' is replaced by unknown document '{successor}'",
    ),
    "legal.not_a_provision": (
        "'{article}' không phải là một điều khoản của '{doc}'",
        "'{article}' is not a provision of '{doc}'",
    ),
    # inventory surveys (eakit.survey)
    "survey.unpacked": (
        "khi giải nén có {total} byte, vượt giới hạn {limit}; một sổ kiểm kê nhỏ hơn nhiều",
        "unpacks to {total} bytes, over the limit of {limit}; an inventory workbook is far smaller",
    ),
    "survey.part_dtd": (
        "phần '{part}' khai báo DTD hoặc thực thể XML, điều một tệp .xlsx không bao giờ cần (có "
        "thể là tấn công XXE hoặc mở rộng thực thể); tệp không được đọc",
        "part '{part}' declares a DTD or XML entities, which an .xlsx never needs (a possible XXE "
        "or entity-expansion attack); the file is not read",
    ),
    "survey.cells": (
        "chứa hơn {limit} ô; một sổ kiểm kê nhỏ hơn nhiều",
        "holds more than {limit} cells; an inventory workbook is far smaller",
    ),
    "survey.rows": (
        "{where} có giá trị ngoài dòng {limit}, giới hạn cho phép; hãy xóa phần bên dưới bảng "
        "kiểm kê",
        "{where} holds a value beyond row {limit}, the limit; delete what is below the inventory",
    ),
    "survey.columns": (
        "{where} có giá trị ngoài cột {limit}, giới hạn cho phép; hãy xóa phần bên phải bảng kiểm "
        "kê",
        "{where} holds a value beyond column {limit}, the limit; delete what is right of the "
        "inventory",
    ),
    "survey.use_one_of": (" (dùng một trong: {options})", " (use one of: {options})"),
    "survey.unknown_value": ("giá trị {value} không hợp lệ cho {key}", "unknown {key} {value}"),
    "survey.bool": (
        "'{key}' phải là TRUE hoặc FALSE, nhưng đang là {value}",
        "'{key}' must be TRUE or FALSE, got {value}",
    ),
    "survey.no_heading": (
        "không có dòng tiêu đề với cột 'id'",
        "no heading row with an 'id' column",
    ),
    "survey.unknown_column": ("cột không hợp lệ {column}", "unknown column {column}"),
    "survey.heading_needs": (
        "dòng tiêu đề cần các cột 'id' và 'kind'",
        "the heading row needs the 'id' and 'kind' columns",
    ),
    "survey.formula": (
        "công thức không được đọc: hãy nhập chính giá trị",
        "formulas are not read: type the value itself",
    ),
    "survey.missing_kind": ("thiếu loại thành phần (kind)", "missing kind"),
    "survey.wrong_sheet": (
        "loại {kind} không thuộc trang tính này (lớp '{layer}')",
        "kind {kind} does not belong on this sheet (layer '{layer}')",
    ),
    "survey.not_a_field": (
        "'{key}' không phải là trường của {kind}",
        "'{key}' is not a field of a {kind}",
    ),
    "survey.dtd": (
        "khai báo DTD hoặc thực thể XML, điều một tệp .xlsx không bao giờ cần (có thể là tấn công "
        "XXE hoặc mở rộng thực thể); tệp không được đọc",
        "declares a DTD or XML entities, which an .xlsx never needs (a possible XXE or "
        "entity-expansion attack); the file is not read",
    ),
    "survey.not_xlsx": (
        "không đọc được dưới dạng .xlsx: {reason}",
        "cannot be read as .xlsx: {reason}",
    ),
    "survey.duplicate_id": (
        "mã '{id}' bị trùng (lần đầu ở {sheet} dòng {row})",
        "duplicate id '{id}' (first in {sheet} row {row})",
    ),
    "survey.no_sheet": (
        "không tìm thấy trang tính kiểm kê nào (xem 'eakit report --template')",
        "no inventory sheet found (see 'eakit report --template')",
    ),
    "survey.unknown_ref": (
        "'{field}' tham chiếu tới mã không tồn tại '{target}'{hint}",
        "'{field}' refers to unknown id '{target}'{hint}",
    ),
    "survey.wrong_kind": (
        "'{field}' phải tham chiếu tới {kinds}; '{target}' là {kind}",
        "'{field}' must refer to a {kinds}; '{target}' is a {kind}",
    ),
    "survey.architecture_incomplete": (
        "bảng thông tin kiến trúc chưa đầy đủ: {reason}",
        "the architecture table is incomplete: {reason}",
    ),
    "survey.cannot_update": (
        "'{id}' được khai báo trong {file} ở dạng eakit không cập nhật được; hãy sửa trực tiếp ở "
        "đó",
        "'{id}' is declared in {file} in a form eakit cannot update; edit it there",
    ),
    "survey.not_included": (
        "'{id}' sẽ không được đọc: các mẫu include của tệp khai báo không khớp {folder}/*.yaml",
        "'{id}' would not be loaded: the manifest's include patterns do not match {folder}/*.yaml",
    ),
    "survey.declared_twice": (
        "'{id}' được khai báo hai lần trong mô hình; hãy giữ một",
        "'{id}' is declared twice in the model; keep one",
    ),
    "survey.no_architecture": (
        "{folder} không có eakit.yaml và sổ tính không có bảng thông tin kiến trúc; hãy nhập vào "
        "một mô hình đã có hoặc dùng mẫu từ 'eakit report --template'",
        "{folder} has no eakit.yaml and the workbook no architecture table; import into an "
        "existing model or use a template from 'eakit report --template'",
    ),
}
