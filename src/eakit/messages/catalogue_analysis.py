"""The words of the analyses (impact, single points of failure), on the terminal, the
diagram, the site page and the workbook sheet.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

ANALYSIS: dict[str, tuple[str, str]] = {
    "analysis.impact.title": (
        "Ảnh hưởng khi {name} [{id}] ngừng hoạt động (ngày {date})",
        "Impact if {name} [{id}] fails (on {date})",
    ),
    "analysis.impact.count": (
        "{n} thành phần phụ thuộc (trực tiếp hoặc gián tiếp){limit}",
        "{n} dependent components (directly or transitively){limit}",
    ),
    "analysis.impact.limit": (", tối đa {depth} bước", ", at most {depth} steps"),
    "analysis.impact.none": (
        "Không thành phần nào phụ thuộc vào thành phần này.",
        "Nothing depends on this component.",
    ),
    "analysis.impact.by_layer": ("Theo lớp kiến trúc", "By layer"),
    "analysis.impact.by_agency": ("Theo cơ quan", "By agency"),
    "analysis.impact.depth": ("bước {depth}", "step {depth}"),
    "analysis.impact.no_agency": ("(không thuộc cơ quan nào)", "(no agency)"),
    "analysis.impact.not_live": (
        "Lưu ý: thành phần này không ở trạng thái đang vận hành tại ngày {date}.",
        "Note: this component is not in operation on {date}.",
    ),
    "analysis.resilience.title": (
        "Điểm lỗi đơn và hệ thống trung tâm (ngày {date})",
        "Single points of failure and central systems (on {date})",
    ),
    "analysis.resilience.integration": ("Mạng tích hợp, chia sẻ dữ liệu", "Integration network"),
    "analysis.resilience.infrastructure": ("Hạ tầng kết nối", "Infrastructure network"),
    "analysis.resilience.size": (
        "{nodes} thành phần, {edges} liên kết, {parts} vùng liên thông",
        "components: {nodes}, links: {edges}, connected parts: {parts}",
    ),
    "analysis.resilience.spof": (
        "Điểm lỗi đơn (điểm khớp)",
        "Single points of failure (articulation points)",
    ),
    "analysis.resilience.bridges": ("Liên kết đơn (cầu)", "Single links (bridges)"),
    "analysis.resilience.central": ("Hệ thống trung tâm nhất", "Most central systems"),
    "analysis.resilience.cut_off": ("tách rời {n} thành phần", "cuts off {n} components"),
    "analysis.resilience.cut_off_one": ("tách rời {n} thành phần", "cuts off {n} component"),
    "analysis.resilience.score": ("độ trung gian {score}", "betweenness {score}"),
    "analysis.resilience.none": ("(không có)", "(none)"),
    "analysis.resilience.approx": (
        "độ trung gian ước lượng trên {k} điểm gốc",
        "betweenness estimated from {k} sources",
    ),
    "analysis.diagram.title": (
        "Điểm lỗi đơn của mạng tích hợp và hạ tầng",
        "Single points of failure of the integration and infrastructure networks",
    ),
    "analysis.view.resilience": ("Điểm lỗi đơn", "Single points of failure"),
    "analysis.diagram.on": ("ngày {date}", "on {date}"),
    "analysis.site.intro": (
        "Điểm lỗi đơn là thành phần mà khi ngừng hoạt động sẽ chia cắt mạng tích hợp hoặc "
        "hạ tầng kết nối; liên kết đơn (cầu) là kết nối duy nhất giữa hai phần của mạng. "
        "Độ trung gian cho biết bao nhiêu đường nối đi qua một thành phần. Tính trên các "
        "thành phần đang vận hành tại ngày {date}.",
        "A single point of failure is a component whose failure splits the integration or "
        "infrastructure network; a single link (bridge) is the only connection between two "
        "parts of a network. Betweenness says how many paths go through a component. "
        "Computed over the components in operation on {date}.",
    ),
    "analysis.site.more": (
        "và {n} dòng nữa (xem eakit analyse).",
        "and {n} more rows (see eakit analyse).",
    ),
    "analysis.sheet.name": ("Điểm lỗi đơn", "Single points of failure"),
    "analysis.col.component": ("Thành phần", "Component"),
    "analysis.col.id": ("Mã", "Id"),
    "analysis.col.kind": ("Loại", "Kind"),
    "analysis.col.agency": ("Cơ quan", "Agency"),
    "analysis.col.network": ("Mạng", "Network"),
    "analysis.col.finding": ("Phát hiện", "Finding"),
    "analysis.col.cut_off": ("Số thành phần bị tách", "Components cut off"),
    "analysis.col.score": ("Độ trung gian", "Betweenness"),
    "analysis.col.link": ("Liên kết", "Link"),
    "analysis.col.relations": ("Quan hệ", "Relations"),
}
