"""Export formats: one module per format, registered here by name."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skillsx.errors import ExportError
from skillsx.export.case import case_bytes, export_case
from skillsx.export.ctdl import export_ctdl
from skillsx.export.delimited import export_csv
from skillsx.export.json_full import export_json_full
from skillsx.export.json_v1 import export_json_v1
from skillsx.export.markdown import export_markdown
from skillsx.export.pdf import export_pdf
from skillsx.export.rsd import export_rsd
from skillsx.export.spreadsheet import export_xlsx

Render = Callable[[dict[str, Any], str], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    render: Render  # (stored page document, build version) -> file bytes


def _json_bytes(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def _json(export: Callable[[dict[str, Any], str], dict[str, Any]]) -> Render:
    return lambda doc, version: _json_bytes(export(doc, version))


def _page(document: dict[str, Any]) -> dict[str, Any]:
    """The stored page document in the shape of ``OccupationPage``."""
    if "soc" in document:
        return document
    occupation = document["occupation"]
    keys = ("framework", "durable", "ai_use", "evidence", "enrichment", "sources")
    return {
        "soc": occupation["soc"],
        "title": occupation["title"],
        "release": occupation["release"],
        **{key: document[key] for key in keys if key in document},
    }


def _render_json_full(document: dict[str, Any], version: str) -> bytes:
    del version  # the full JSON names no build version
    return _json_bytes(export_json_full(_page(document)))


FORMATS: dict[str, Format] = {
    "json-1.0": Format("json-1.0", "application/json", "json", _json(export_json_v1)),
    "json-full": Format("json-full", "application/json", "json", _render_json_full),
    "case": Format(
        "case", "application/json", "json", lambda doc, v: case_bytes(export_case(doc, v))
    ),
    "ctdl-asn": Format("ctdl-asn", "application/ld+json", "jsonld", _json(export_ctdl)),
    "rsd": Format("rsd", "application/json", "json", _json(export_rsd)),
    "csv": Format("csv", "text/csv; charset=utf-8", "csv", export_csv),
    "xlsx": Format(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        export_xlsx,
    ),
    "md": Format("md", "text/markdown; charset=utf-8", "md", export_markdown),
    "pdf": Format("pdf", "application/pdf", "pdf", export_pdf),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ExportError(f'Unknown format "{name}"; choose one of: {known}.') from None


def export_document(name: str, document: dict[str, Any], version: str) -> bytes:
    """Render one stored page document in the named format."""
    return get_format(name).render(document, version)


def filename(soc: str, name: str) -> str:
    return f"{soc}.{name}.{get_format(name).extension}"
