RULES: dict[str, tuple[str, str]] = {}
