CLI: dict[str, tuple[str, str]] = {}
