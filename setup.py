"""Build hook: ship the rule packs of ``rules/`` inside the package.

The contract keeps the rule catalogue in ``rules/`` at the repository root, outside the
``src/eakit`` package; an installed eakit finds its packs in ``eakit/data/rules`` instead
(:func:`eakit.rules.pack.builtin_rules_dir`). Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RULES = Path(__file__).resolve().parent / "rules"


class BuildWithRules(build_py):
    """``build_py`` that also copies ``rules/*.yaml`` into ``eakit/data/rules``."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "eakit" / "data" / "rules"
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(RULES.glob("*.yaml")):
            shutil.copy2(path, target / path.name)


setup(cmdclass={"build_py": BuildWithRules})
