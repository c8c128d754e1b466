"""Offline validation of ArchiMate exchange files against the official XSDs.

The Open Group schemas import ``http://www.w3.org/2001/xml.xsd`` and exchange files
may carry Dublin Core metadata; both schemas ship in ``eakit/data/archimate`` and are
mapped here by namespace, and the loader is sandboxed to that folder, so validation
never touches the network.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

import xmlschema

ARCHIMATE_NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DC_NS = "http://purl.org/dc/elements/1.1/"
MAX_PROBLEMS = 50


def schema_dir() -> Path:
    """The folder holding the shipped ArchiMate schemas."""
    return Path(str(resources.files("eakit.data").joinpath("archimate")))


@cache
def exchange_schema() -> xmlschema.XMLSchema:
    """The ArchiMate 3 exchange schema (diagrams included), built once per process."""
    folder = schema_dir()
    return xmlschema.XMLSchema(
        str(folder / "archimate3_Diagram.xsd"),
        locations=[(XML_NS, str(folder / "xml.xsd")), (DC_NS, str(folder / "dc.xsd"))],
        allow="sandbox",
    )


@dataclass(frozen=True)
class SchemaProblem:
    """One schema violation in an exchange file."""

    line: int | None
    message: str
    path: str | None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.message}" + (f" (at {self.path})" if self.path else "")


def validate_exchange(source: Path | str | bytes) -> list[SchemaProblem]:
    """Validate an exchange file (a path or its bytes); an empty list means it is valid."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    problems: list[SchemaProblem] = []
    try:
        # The document may refer to nothing outside itself: no entities, no remote schemas.
        document = xmlschema.XMLResource(io.BytesIO(data), allow="none", defuse="always")
        for error in exchange_schema().iter_errors(document):
            line = getattr(error, "sourceline", None)
            problems.append(
                SchemaProblem(
                    line if isinstance(line, int) else None,
                    error.reason or str(error.message),
                    error.path,
                )
            )
            if len(problems) >= MAX_PROBLEMS:
                break
    except xmlschema.XMLResourceError as exc:
        cause = exc.__cause__
        line = cause.position[0] if isinstance(cause, ElementTree.ParseError) else None
        problems.append(SchemaProblem(line, f"not well-formed XML: {cause or exc}", None))
    except (xmlschema.XMLSchemaException, KeyError) as exc:
        # xmlschema raises instead of reporting for some errors, e.g. an unknown xsi:type.
        problems.append(SchemaProblem(None, str(exc).strip('"'), None))
    return problems
