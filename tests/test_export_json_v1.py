"""The 1.0 exchange JSON against the committed schema (a copy of ../shared/schema)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import Engine

from skillsx.errors import ExportError
from skillsx.export import FORMATS, export_document, filename, get_format
from skillsx.export.json_v1 import export_json_v1
from skillsx.store.builds import get_build, get_document, list_framework_socs

from .conftest import DATA

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src/skillsx/export/schemas"
SCHEMA = json.loads((SCHEMA_PATH / "framework-export-1.0.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def test_committed_schema_is_the_shared_contract() -> None:
    shared = json.loads((DATA.parent / "schema" / "framework-export-1.0.schema.json").read_text())
    assert SCHEMA == shared


def test_every_fixture_framework_validates(built_store: Engine) -> None:
    with built_store.connect() as conn:
        build = get_build(conn)
        socs = list_framework_socs(conn, build.id)
        docs = [get_document(conn, soc) for soc in socs]
    assert len(docs) == 7
    for doc in docs:
        data = json.loads(export_document("json-1.0", doc, build.version))
        VALIDATOR.validate(data)


def test_fields(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = get_document(conn, "11-2022.00")
    data = export_json_v1(doc, "v.26.11", now=datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    assert data["exportedAt"] == "2026-11-23T09:30:00Z"
    assert data["occupation"] == {
        "soc": "11-2022.00",
        "title": "Sales Managers",
        "group": "Management",
        "sector": None,
        "jobZone": 4,
        "jobZoneInferred": False,
    }
    assert data["framework"]["version"] == "v.26.11"
    assert [lv["label"] for lv in data["framework"]["levels"].values()] == [
        "Emerging",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    assert data["sources"]["onet"] == "O*NET 30.1 Database (CC BY 4.0)"
    assert data["sources"]["generator"].startswith("skillsx-grounded ")
    assert "CC BY 4.0" in data["attribution"] and "USDOL/ETA" in data["attribution"]


def test_unknown_format_and_filename() -> None:
    with pytest.raises(ExportError, match='Unknown format "pdfx"; choose one of: '):
        get_format("pdfx")
    assert filename("11-2022.00", "json-1.0") == "11-2022.00.json-1.0.json"
    assert "json-1.0" in FORMATS
