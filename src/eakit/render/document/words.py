"""Every fixed word of the report document, in Vietnamese and English.

The terms follow the framework's and Decree 30/2020/NĐ-CP's own wording, so the
document reads as an administrative report, not as a translation.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]

_WORDS: dict[str, tuple[str, str]] = {
    "motto.country": (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIET NAM",
    ),
    "motto.words": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number": ("Số:       /BC-{code}", "No.:       /BC-{code}"),
    "place_date": (
        "{place}, ngày      tháng      năm {year}",
        "{place}, ……… {year}",
    ),
    "kind": ("BÁO CÁO", "REPORT"),
    "title": (
        "Đánh giá mức độ phù hợp của {architecture} với Khung kiến trúc",
        "Assessment of the conformity of the {architecture} with the architecture framework",
    ),
    "to": ("Kính gửi: {recipient}.", "To: {recipient}."),
    "intro": (
        "Thực hiện nhiệm vụ quản lý {short}, {owner} báo cáo kết quả đánh giá "
        "mức độ phù hợp của kiến trúc với Khung kiến trúc và các văn bản quy phạm pháp luật "
        "có hiệu lực tại ngày {as_of}, như sau:",
        "In managing the {short}, the {owner} reports the result of assessing the "
        "architecture's conformity with the architecture framework and the legal texts in "
        "force on {as_of}, as follows:",
    ),
    # sections
    "s.summary": ("TÓM TẮT KẾT QUẢ", "SUMMARY"),
    "s.scope": ("PHẠM VI VÀ PHƯƠNG PHÁP ĐÁNH GIÁ", "SCOPE AND METHOD"),
    "s.results": ("KẾT QUẢ ĐÁNH GIÁ", "RESULTS"),
    "s.by_layer": ("Kết quả theo lớp kiến trúc", "Results by architecture layer"),
    "s.by_agency": ("Kết quả theo cơ quan", "Results by agency"),
    "s.diagrams": ("SƠ ĐỒ KIẾN TRÚC", "ARCHITECTURE DIAGRAMS"),
    "s.findings": ("CÁC PHÁT HIỆN VÀ CĂN CỨ PHÁP LÝ", "FINDINGS AND THEIR LEGAL BASIS"),
    "s.recommendations": ("KIẾN NGHỊ", "RECOMMENDATIONS"),
    "s.roadmap": ("LỘ TRÌNH THỰC HIỆN", "ROADMAP"),
    "s.appendix": ("PHỤ LỤC", "APPENDICES"),
    "s.appendix_components": (
        "Phụ lục 1. Danh mục thành phần kiến trúc",
        "Appendix 1. Architecture components",
    ),
    "s.appendix_rules": (
        "Phụ lục 2. Danh mục quy tắc đã áp dụng",
        "Appendix 2. Rules applied",
    ),
    # summary
    "summary.counts": (
        "Mô hình gồm {components} thành phần kiến trúc, được đánh giá theo {rules} quy tắc "
        "áp dụng tại ngày {as_of}. Kết quả: {errors} lỗi, {warnings} cảnh báo, {infos} "
        "thông tin; {waived} phát hiện đã được chấp nhận miễn trừ.",
        "The model holds {components} architecture components, assessed against {rules} "
        "rules applicable on {as_of}. Result: {errors} errors, {warnings} warnings, "
        "{infos} information findings; {waived} findings were waived.",
    ),
    "summary.verdict_fail": (
        "Kết luận: kiến trúc CHƯA ĐẠT yêu cầu; còn {errors} lỗi phải khắc phục ở {layers} "
        "lớp kiến trúc.",
        "Conclusion: the architecture DOES NOT YET MEET the requirements; {errors} errors "
        "in {layers} layers must be corrected.",
    ),
    "summary.verdict_pass": (
        "Kết luận: kiến trúc ĐẠT yêu cầu; không còn lỗi (còn {warnings} cảnh báo cần xem xét).",
        "Conclusion: the architecture MEETS the requirements; no error stands "
        "({warnings} warnings to consider).",
    ),
    "summary.framework": ("Khung kiến trúc áp dụng: {framework}.", "Framework: {framework}."),
    "summary.historic": (
        "Lưu ý: kiến trúc này hết hiệu lực từ ngày {valid_to}; {successor}",
        "Note: this architecture ceased on {valid_to}; {successor}",
    ),
    # scope and method
    "scope.components": (
        "Phạm vi: toàn bộ thành phần của mô hình kiến trúc, theo các lớp sau:",
        "Scope: every component of the architecture model, in these layers:",
    ),
    "method.source": (
        "Số liệu được tạo tự động bằng phần mềm eakit {version} từ mô hình kiến trúc mã "
        "“{model}”, theo {packs}; ngày lập báo cáo: {generated}.",
        "Produced with eakit {version} from the architecture model with id “{model}”, judged "
        "by {packs}; report produced on {generated}.",
    ),
    # tables
    "col.no": ("TT", "No."),
    "col.layer": ("Lớp kiến trúc", "Layer"),
    "col.components": ("Số thành phần", "Components"),
    "col.errors": ("Lỗi", "Errors"),
    "col.warnings": ("Cảnh báo", "Warnings"),
    "col.status": ("Đánh giá", "Rating"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.rule": ("Quy tắc", "Rule"),
    "col.severity": ("Mức độ", "Severity"),
    "col.basis": ("Căn cứ", "Basis"),
    "col.name": ("Tên", "Name"),
    "col.kind": ("Loại", "Kind"),
    "col.owner": ("Cơ quan chủ quản", "Owner"),
    "col.state": ("Trạng thái", "Status"),
    "col.period": ("Giai đoạn", "Period"),
    "col.task": ("Nhiệm vụ, dự án", "Task or project"),
    "col.lead": ("Cơ quan chủ trì", "Lead agency"),
    "col.target_year": ("Năm hoàn thành", "Target year"),
    "col.deadline": ("Thời hạn", "Deadline"),
    "col.recommendation": ("Kiến nghị", "Recommendation"),
    "status.met": ("Đạt", "Met"),
    "status.not_met": ("Chưa đạt", "Not met"),
    "state.current": ("Đang vận hành", "In operation"),
    "state.planned": ("Dự kiến", "Planned"),
    "state.retired": ("Đã ngừng", "Retired"),
    "agency.note": (
        "Bảng chỉ gồm các cơ quan của tỉnh có phát hiện; sắp xếp theo số lỗi.",
        "Only the province's agencies with findings; sorted by number of errors.",
    ),
    "agency.none": ("Không cơ quan nào có phát hiện.", "No agency has findings."),
    "chart.severity": ("Số phát hiện theo mức độ", "Findings by severity"),
    "chart.layers": ("Tỷ lệ đạt theo lớp kiến trúc (%)", "Pass rate by layer (%)"),
    "figure": ("Hình {n}. {title}", "Figure {n}. {title}"),
    # findings
    "findings.none": ("Không có phát hiện nào.", "There are no findings."),
    "findings.rule": ("{rule} – {title}", "{rule} – {title}"),
    "findings.meta": (
        "Mức độ: {severity}; lớp: {layer}; số phát hiện: {count}.",
        "Severity: {severity}; layer: {layer}; findings: {count}.",
    ),
    "findings.basis": ("Căn cứ: {basis}", "Basis: {basis}"),
    "findings.unverified": ("(chưa đối chiếu với văn bản)", "(not verified against the text)"),
    "findings.convention": (
        "Quy ước mô hình hóa, không phải nghĩa vụ pháp lý.",
        "A modelling convention, not a legal duty.",
    ),
    "findings.items": ("Các trường hợp:", "Instances:"),
    "findings.more": (
        "… và {n} trường hợp khác (xem bảng tính kèm theo).",
        "… and {n} more (see the attached workbook).",
    ),
    "findings.fix": ("Khắc phục: {fix}", "Remedy: {fix}"),
    "findings.waived": ("Đã miễn trừ: {n}.", "Waived: {n}."),
    # recommendations
    "rec.note": (
        "Kiến nghị được sắp xếp theo thời hạn: năm hoàn thành của nhiệm vụ trong lộ trình "
        "có liên quan; kiến nghị chưa gắn với nhiệm vụ nào cần được đưa vào lộ trình.",
        "Recommendations are ordered by deadline: the target year of the related roadmap "
        "task; those not tied to any task need to be put on the roadmap.",
    ),
    "rec.unplanned": ("Chưa có trong lộ trình", "Not on the roadmap"),
    "rec.none": (
        "Không có kiến nghị: không còn lỗi hay cảnh báo.",
        "No recommendation: no error or warning stands.",
    ),
    "rec.count": ("{fix} ({count} trường hợp)", "{fix} ({count} instances)"),
    "roadmap.none": ("Mô hình không có nhiệm vụ, dự án nào.", "The model has no roadmap task."),
    # closing
    "recipients": ("Nơi nhận:", "Recipients:"),
    "recipients.list": (
        "- Như trên;\n- Bộ Khoa học và Công nghệ (để báo cáo);\n- Lưu: VT.",
        "- As above;\n- Ministry of Science and Technology (for information);\n- Archive.",
    ),
    "signer": ("GIÁM ĐỐC", "DIRECTOR"),
    "signature": ("(Ký, ghi rõ họ tên và đóng dấu)", "(Signature, full name and seal)"),
    "appendix.more": ("… và {n} thành phần khác.", "… and {n} more components."),
}


def w(key: str, lang: Lang, **values: object) -> str:
    """The text of ``key`` in ``lang``, with ``values`` filled in."""
    vi, en = _WORDS[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


def keys() -> list[str]:
    """Every key (for the completeness test)."""
    return sorted(_WORDS)
