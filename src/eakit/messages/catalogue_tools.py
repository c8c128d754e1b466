"""What eakit says about the programs it runs: Graphviz ``dot`` missing, failing or slow.

Each entry is a ``(Vietnamese, English)`` pair of templates (see :mod:`eakit.messages`).
"""

from __future__ import annotations

TOOLS: dict[str, tuple[str, str]] = {
    "graphviz.install": (
        "hãy cài Graphviz rồi chạy lại: 'apt-get install graphviz' (Debian, Ubuntu), "
        "'dnf install graphviz' (Fedora), 'brew install graphviz' (macOS), hoặc xem "
        "https://graphviz.org/download/",
        "install Graphviz and try again: 'apt-get install graphviz' (Debian, Ubuntu), "
        "'dnf install graphviz' (Fedora), 'brew install graphviz' (macOS), or see "
        "https://graphviz.org/download/",
    ),
    "graphviz.missing": (
        "không tìm thấy chương trình 'dot' của Graphviz trong PATH; {install}",
        "Graphviz 'dot' was not found on PATH; {install}",
    ),
    "graphviz.cannot_run": (
        "không chạy được chương trình 'dot' của Graphviz; {install}",
        "Graphviz 'dot' could not be run; {install}",
    ),
    "graphviz.timeout": (
        "Graphviz 'dot' chạy quá {seconds} giây; hãy thu hẹp sơ đồ",
        "Graphviz 'dot' took more than {seconds} s; narrow the view",
    ),
    "graphviz.failed": (
        "Graphviz 'dot' không vẽ được sơ đồ: {message}",
        "Graphviz 'dot' failed: {message}",
    ),
    "graphviz.exit": ("mã thoát {code}", "exit {code}"),
    "graphviz.in_view": ("sơ đồ '{view}': {message}", "view '{view}': {message}"),
}
