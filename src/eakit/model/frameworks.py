"""The national architecture frameworks a model can follow, as readers name them."""

from __future__ import annotations

from typing import NamedTuple


class Framework(NamedTuple):
    """A framework generation: its name and the text that issued it, in both languages."""

    name: str
    name_en: str
    issued_by: str
    issued_by_en: str


FRAMEWORKS: dict[str, Framework] = {
    "vn-egov-1.0": Framework(
        "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 1.0",
        "Vietnam e-Government Architecture Framework 1.0",
        "Công văn số 1178/BTTTT-THH ngày 21/4/2015 của Bộ Thông tin và Truyền thông",
        "Official Letter 1178/BTTTT-THH of 21/04/2015, Ministry of Information and Communications",
    ),
    "vn-egov-2.0": Framework(
        "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 2.0",
        "Vietnam e-Government Architecture Framework 2.0",
        "Quyết định số 2323/QĐ-BTTTT ngày 31/12/2019 của Bộ Thông tin và Truyền thông",
        "Decision 2323/QĐ-BTTTT of 31/12/2019, Ministry of Information and Communications",
    ),
    "vn-egov-3.0": Framework(
        "Khung Kiến trúc Chính phủ điện tử Việt Nam phiên bản 3.0",
        "Vietnam e-Government Architecture Framework 3.0",
        "Quyết định số 2568/QĐ-BTTTT ngày 29/12/2023 của Bộ Thông tin và Truyền thông",
        "Decision 2568/QĐ-BTTTT of 29/12/2023, Ministry of Information and Communications",
    ),
    "vn-dgov-4.0": Framework(
        "Khung Kiến trúc Chính phủ số Việt Nam phiên bản 4.0",
        "Vietnam Digital Government Architecture Framework 4.0",
        "Quyết định số 292/QĐ-BKHCN ngày 25/3/2025 của Bộ Khoa học và Công nghệ",
        "Decision 292/QĐ-BKHCN of 25/03/2025, Ministry of Science and Technology",
    ),
}


def framework_name(code: str, lang: str = "vi", *, with_text: bool = False) -> str:
    """The framework's name (with its issuing text in brackets when ``with_text``); an
    unknown code as it is."""
    known = FRAMEWORKS.get(code)
    if known is None:
        return code
    name, text = (
        (known.name_en, known.issued_by_en) if lang == "en" else (known.name, known.issued_by)
    )
    return f"{name} ({text})" if with_text else name
