"""The full JSON export, checked against its committed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import Engine

from skillsx.compose.enrichment import compose_page
from skillsx.errors import ExportError
from skillsx.export.json_full import export_json_full
from skillsx.models import OccupationPage
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief

from .test_compose_enrichment import small_framework

SCHEMA_PATH = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "skillsx"
    / "export"
    / "schemas"
    / "framework-full.schema.json"
)
SCHEMA = json.loads(SCHEMA_PATH.read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def page(store: Engine) -> OccupationPage:
    with store.connect() as conn:
        brief = get_brief(conn, "29-1141.00")
        evidence = get_ai_evidence(conn, "29-1141.00")
    return compose_page(brief, small_framework(brief), evidence)


def test_schema_is_valid_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_export_validates(page: OccupationPage) -> None:
    doc = export_json_full(page)
    assert list(VALIDATOR.iter_errors(doc)) == []
    assert list(doc) == [
        "format",
        "format_version",
        "soc",
        "title",
        "release",
        "framework",
        "themes",
        "anchors",
        "durable",
        "ai_use",
        "evidence",
        "enrichment",
        "sources",
    ]
    assert (doc["format"], doc["format_version"], doc["soc"]) == (
        "skillsx-framework-full",
        "1.0",
        "29-1141.00",
    )
    first = doc["durable"]["domains"][0]["statements"][0]
    assert first["text"] == f"{first['title']} — {first['behaviour']}"
    assert doc["themes"] == [
        {
            "id": "T01",
            "label": "Patient records",
            "anchors": doc["themes"][0]["anchors"],
            "statements": 1,
        }
    ]
    assert len(doc["anchors"]) == doc["enrichment"]["source_anchors"]
    task = next(
        a for a in doc["anchors"] if a["id"] == str(page.framework.statements[0].anchors[0].id)
    )
    assert task["cited_by"]["framework"] == 1


def test_dict_input_gives_the_same_document(page: OccupationPage) -> None:
    stored = json.loads(json.dumps(page.model_dump(mode="json")))
    assert export_json_full(stored) == export_json_full(page)


def test_incomplete_page_is_refused(page: OccupationPage) -> None:
    stored = page.model_dump(mode="json")
    del stored["durable"]
    with pytest.raises(ExportError, match="^29-1141.00 is not a complete occupation page"):
        export_json_full(stored)


def test_schema_rejects_a_broken_statement_and_an_invented_figure(page: OccupationPage) -> None:
    doc = export_json_full(page)
    doc["ai_use"]["statements"][0]["text"] = "No dash here."
    figure = next(f for f in doc["evidence"]["figures"] if f["key"] == "time_saved")
    figure["value"] = 82.1
    paths = sorted("/".join(map(str, e.absolute_path)) for e in VALIDATOR.iter_errors(doc))
    assert paths == ["ai_use/statements/0/text", "evidence/figures/5/value"]
