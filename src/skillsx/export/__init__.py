"""Export formats: one module per format, registered here by name."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skillsx.config import Settings
from skillsx.errors import ExportError
from skillsx.export.case import case_bytes, export_case
from skillsx.export.ctdl import export_ctdl
from skillsx.export.delimited import export_csv
from skillsx.export.json_full import export_json_full
from skillsx.export.json_v1 import export_json_v1
from skillsx.export.markdown import export_markdown
from skillsx.export.rsd import export_rsd

Render = Callable[[dict[str, Any], str, str], bytes]
Export = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    render: Render  # (stored page document, build version, public base URL) -> file bytes


def _json_bytes(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def _json(export: Callable[[dict[str, Any], str], dict[str, Any]]) -> Render:
    return lambda doc, version, base_url: _json_bytes(export(doc, version))


def _linked(export: Export, dump: Callable[[dict[str, Any]], bytes] = _json_bytes) -> Render:
    """A format whose URIs start with the site's public URL."""
    return lambda doc, version, base_url: dump(export(doc, version, base_url=base_url))


def _plain(export: Callable[[dict[str, Any], str], bytes]) -> Render:
    return lambda doc, version, base_url: export(doc, version)


def _imported_on_use(module: str, function: str) -> Render:
    """A plain format whose module (and its heavy library: openpyxl, ReportLab) loads on first
    use, so web workers that never render it do not hold it in memory."""

    def render(doc: dict[str, Any], version: str, base_url: str) -> bytes:
        export: Callable[[dict[str, Any], str], bytes] = getattr(
            importlib.import_module(module), function
        )
        return export(doc, version)

    return render


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


def _render_json_full(document: dict[str, Any], version: str, base_url: str) -> bytes:
    del version, base_url  # the full JSON names no build version and links nothing of ours
    return _json_bytes(export_json_full(_page(document)))


FORMATS: dict[str, Format] = {
    "json-1.0": Format("json-1.0", "application/json", "json", _json(export_json_v1)),
    "json-full": Format("json-full", "application/json", "json", _render_json_full),
    "case": Format("case", "application/json", "json", _linked(export_case, case_bytes)),
    "ctdl-asn": Format("ctdl-asn", "application/ld+json", "jsonld", _linked(export_ctdl)),
    "rsd": Format("rsd", "application/json", "json", _linked(export_rsd)),
    "csv": Format("csv", "text/csv; charset=utf-8", "csv", _plain(export_csv)),
    "xlsx": Format(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        _imported_on_use("skillsx.export.spreadsheet", "export_xlsx"),
    ),
    "md": Format("md", "text/markdown; charset=utf-8", "md", _plain(export_markdown)),
    "pdf": Format(
        "pdf", "application/pdf", "pdf", _imported_on_use("skillsx.export.pdf", "export_pdf")
    ),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ExportError(f'Unknown format "{name}"; choose one of: {known}.') from None


def export_document(
    name: str, document: dict[str, Any], version: str, *, base_url: str = Settings.public_url
) -> bytes:
    """Render one stored page document in the named format; links start with ``base_url``
    (the ``public_url`` setting; the default suits a site on this machine)."""
    return get_format(name).render(document, version, base_url)


def filename(stem: str, name: str) -> str:
    """``11-2022.00.json-1.0.json``, ``11-2022.00.case.json``; a format named as its extension
    is not named twice: ``11-2022.00.csv``, not ``11-2022.00.csv.csv``."""
    extension = get_format(name).extension
    return f"{stem}.{extension}" if name == extension else f"{stem}.{name}.{extension}"
