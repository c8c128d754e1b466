"""The Excel readiness workbook (``readiness.xlsx``) and the inventory survey template."""

from eakit.render.excel.workbook import (
    build_template,
    build_workbook,
    write_template,
    write_workbook,
)

__all__ = ["build_template", "build_workbook", "write_template", "write_workbook"]
