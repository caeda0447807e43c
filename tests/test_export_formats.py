"""The format registry: every format's media type, extension and file name; json-full."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from skillsx.errors import ExportError
from skillsx.export import FORMATS, export_document, filename
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document

SOURCES = [
    {
        "key": "onet",
        "name": "O*NET",
        "release": "30.1",
        "licence": "CC BY 4.0",
        "attribution": "O*NET 30.1 Database by USDOL/ETA, used under CC BY 4.0.",
        "url": "https://www.onetcenter.org/database.html",
    }
]


def test_registry() -> None:
    assert {name: (f.media_type, f.extension) for name, f in FORMATS.items()} == {
        "json-1.0": ("application/json", "json"),
        "json-full": ("application/json", "json"),
        "case": ("application/json", "json"),
        "ctdl-asn": ("application/ld+json", "jsonld"),
        "rsd": ("application/json", "json"),
        "csv": ("text/csv; charset=utf-8", "csv"),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        "md": ("text/markdown; charset=utf-8", "md"),
        "pdf": ("application/pdf", "pdf"),
    }
    assert all(name == f.name for name, f in FORMATS.items())
    assert filename("11-2022.00", "ctdl-asn") == "11-2022.00.ctdl-asn.jsonld"


def test_json_full_needs_a_complete_page(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = framework_only(conn, "11-2022.00")
    with pytest.raises(ExportError, match=r"^11-2022\.00 is not a complete occupation page"):
        export_document("json-full", doc, "v.26.11")
    full = full_document(doc) | {"sources": SOURCES}
    data = json.loads(export_document("json-full", full, "v.26.11"))
    assert (data["soc"], data["title"], data["release"]) == ("11-2022.00", "Sales Managers", "30.1")
    assert len(data["framework"]["statements"]) == 40
    assert data["sources"] == SOURCES


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"json-full", "pdf"}))
def test_every_format_renders_a_framework_only_page(built_store: Engine, name: str) -> None:
    with built_store.connect() as conn:
        doc = get_document(conn, "41-3091.00")
    first = export_document(name, doc, "v.26.11")
    assert len(first) > 1000
    if name not in ("json-1.0", "xlsx"):  # these two carry the time of export
        assert export_document(name, doc, "v.26.11") == first
