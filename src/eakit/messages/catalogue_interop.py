"""The words of ``eakit diff`` and ``eakit merge``: report lines, the merge report, its
notes and errors.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

INTEROP: dict[str, tuple[str, str]] = {
    # eakit diff: the terminal listing
    "diff.heading": ("Thay đổi từ {old} sang {new}", "Changes from {old} to {new}"),
    "diff.none": ("{heading}: không có\n", "{heading}: none\n"),
    "diff.architecture": ("kiến trúc:", "architecture:"),
    "diff.components": (
        "thành phần: thêm {added}, bỏ {removed}, đổi {changed}",
        "components: {added} added, {removed} removed, {changed} changed",
    ),
    "diff.relations": (
        "quan hệ: thêm {added}, bỏ {removed}, đổi {changed}",
        "relations: {added} added, {removed} removed, {changed} changed",
    ),
    "diff.findings": (
        "phát hiện: {new} mới, {resolved} đã khắc phục",
        "findings: {new} new, {resolved} resolved",
    ),
    "diff.finding_new": ("mới", "new"),
    "diff.finding_resolved": ("đã khắc phục", "resolved"),
    "diff.readiness": ("mức độ sẵn sàng:", "readiness:"),
    "diff.not_set": ("(chưa đặt)", "(not set)"),
    "diff.scope.overall": ("toàn bộ", "overall"),
    "diff.scope.horizon": ("toàn bộ, đến mốc kế hoạch", "overall at horizon"),
    "diff.scope.layer": ("lớp {layer}", "layer {layer}"),
    # eakit diff: the Markdown for a pull request
    "diff.md.heading": (
        "### Thay đổi mô hình: `{old}` → `{new}`",
        "### Model changes: `{old}` → `{new}`",
    ),
    "diff.md.counts": (
        "| | thêm | bỏ | đổi |",
        "| | added | removed | changed |",
    ),
    "diff.md.components": ("Thành phần", "Components"),
    "diff.md.relations": ("Quan hệ", "Relations"),
    "diff.md.findings_row": (
        "| Phát hiện | {new} mới | {resolved} đã khắc phục | |",
        "| Findings | {new} new | {resolved} resolved | |",
    ),
    "diff.md.readiness": ("Mức độ sẵn sàng", "Readiness"),
    "diff.md.architecture": ("Kiến trúc", "Architecture"),
    "diff.md.field_head": ("| trường | cũ | mới |", "| field | old | new |"),
    "diff.md.component_head": (
        "| | mã | loại | tên | thay đổi |",
        "| | id | kind | name | changes |",
    ),
    "diff.md.relation_head": ("| | quan hệ | thay đổi |", "| | relation | changes |"),
    "diff.md.finding_head": (
        "| | phát hiện | mức độ | nội dung |",
        "| | finding | severity | message |",
    ),
    "diff.md.findings": (
        "Phát hiện ({new} mới, {resolved} đã khắc phục)",
        "Findings ({new} new, {resolved} resolved)",
    ),
    "diff.md.score_head": (
        "| phạm vi | cũ | mới | thay đổi |",
        "| scope | old | new | change |",
    ),
    "diff.md.not_set": ("_(chưa đặt)_", "_(not set)_"),
    # eakit merge: the terminal lines
    "merge.summary": (
        "đã hợp nhất {sources} thành {into}: {components} thành phần, đổi mã {clashes} mã "
        "trùng, giữ một bản cho {dedups} hệ thống dùng chung quốc gia, {conflicts} xung đột",
        "merged {sources} into {into}: {components} components, {clashes} id clashes "
        "renamed, {dedups} shared national systems kept once, {conflicts} conflicts",
    ),
    "merge.clash": ("mã trùng: '{id}' → {renamed}", "clash: '{id}' → {renamed}"),
    "merge.renamed_from": ("{new} (từ {source})", "{new} (from {source})"),
    "merge.kept_once": (
        "giữ một bản ({reason}): '{kept}' {name} ← {members}",
        "kept once ({reason}): '{kept}' {name} ← {members}",
    ),
    "merge.reason.same_id": ("cùng mã", "same id"),
    "merge.reason.same_kind_and_name": ("cùng loại và tên", "same kind and name"),
    "merge.conflict": (
        "xung đột: {subject} '{field}' khác nhau ({values}); giữ giá trị của {kept}",
        "conflict: {subject} '{field}' differs ({values}); kept {kept}'s",
    ),
    "merge.note": ("lưu ý: {note}", "note: {note}"),
    # eakit merge: the report written beside the merged model
    # eakit merge: the comment at the top of each file of the merged model
    "merge.header": (
        "Hợp nhất bằng 'eakit merge' thành {into}.",
        "Merged by 'eakit merge' into {into}.",
    ),
    "merge.from_source": ("Từ {source} ({name}): {file}", "From {source} ({name}): {file}"),
    "merge.shared_header": (
        "Các hệ thống dùng chung quốc gia, 'eakit merge' giữ một bản.",
        "Shared national systems, kept once by 'eakit merge'.",
    ),
    "merge.md.heading": ("# Báo cáo hợp nhất: {id}", "# Merge report: {id}"),
    "merge.md.sources": (
        "Các nguồn, theo thứ tự: {sources}. Mô hình hợp nhất có {components} thành phần.",
        "Sources, in order: {sources}. {components} components in the merged model.",
    ),
    "merge.md.clashes": ("## Mã trùng (đã đổi)", "## Id clashes (renamed)"),
    "merge.md.clash_head": ("| mã | đổi thành |", "| id | renamed to |"),
    "merge.md.dedups": (
        "## Hệ thống dùng chung quốc gia (giữ một bản)",
        "## Shared national systems (kept once)",
    ),
    "merge.md.dedup_head": (
        "| mã giữ lại | loại | tên | nguồn | lý do |",
        "| kept id | kind | name | sources | why |",
    ),
    "merge.md.conflicts": (
        "## Thuộc tính xung đột (giữ giá trị của nguồn đầu tiên)",
        "## Conflicting attributes (first source kept)",
    ),
    "merge.md.conflict_head": ("| đối tượng | trường | giá trị |", "| subject | field | values |"),
    "merge.md.notes": ("## Lưu ý", "## Notes"),
    # eakit merge: notes
    "merge.note.frameworks": (
        "các nguồn theo những khung khác nhau ({frameworks}); mô hình hợp nhất dùng khung "
        "mới nhất, {framework}",
        "the sources follow different frameworks ({frameworks}); the merged model uses the "
        "latest, {framework}",
    ),
    "merge.note.severity": (
        "mức độ của '{rule}' khác nhau giữa các nguồn; giữ '{level}'",
        "severity of '{rule}' differs between sources; kept '{level}'",
    ),
    "merge.note.waivers": (
        "các miễn trừ của {source} ({waivers}) không được chuyển sang: hãy xem lại và thêm "
        "vào mô hình hợp nhất những miễn trừ còn áp dụng",
        "waivers of {source} ({waivers}) are not carried over: review them and add the ones "
        "that still apply to the merged model",
    ),
    "merge.note.self_relation": (
        "quan hệ {relation} của {source} nối một hệ thống dùng chung với chính nó; đã bỏ",
        "relation {relation} of {source} joins a shared system to itself; dropped",
    ),
    # eakit merge: errors
    "merge.error": ("eakit: merge: {error}", "eakit: merge: {error}"),
    "merge.bad_into": (
        "'{into}' không phải mã hợp lệ (chữ thường, chữ số và '-')",
        "'{into}' is not a valid id (lower-case letters, digits and '-')",
    ),
    "merge.same_source": (
        "hai nguồn có cùng mã kiến trúc '{id}'; mã kiến trúc dùng để gọi tên các nguồn",
        "two sources have the architecture id '{id}'; ids name the sources",
    ),
    "merge.clashes": (
        "{count} mã trùng (nếu đổi mã sẽ thành: {listing})",
        "{count} id clashes (renaming would give: {listing})",
    ),
    "merge.rename_invalid": (
        "đổi mã '{id}' của {source} thành '{new}', không phải mã hợp lệ",
        "renaming '{id}' of {source} gives '{new}', not a valid id",
    ),
    "merge.rename_taken": (
        "đổi mã '{id}' của {source} thành '{new}', mã này đã có",
        "renaming '{id}' of {source} gives '{new}', which is already an id",
    ),
    "merge.not_agency": (
        "{label} '{value}' không phải cơ quan của mô hình hợp nhất",
        "{label} '{value}' is not an agency of the merged model",
    ),
}
