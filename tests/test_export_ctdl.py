"""CTDL-ASN JSON-LD: expands offline without losing a property; framework, competencies, levels."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from pyld import jsonld
from sqlalchemy import Engine

from skillsx.export import FORMATS, export_document
from skillsx.export.case import case_id
from skillsx.store.builds import get_document

SOC = "11-2022.00"
CEASN, CETERMS = "https://purl.org/ctdlasn/terms/", "https://purl.org/ctdl/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def no_network(url: str, options: Any = None) -> Any:
    raise AssertionError(f"JSON-LD processing tried to fetch {url}")


@pytest.fixture
def graph(built_store: Engine) -> dict[str, Any]:
    with built_store.connect() as conn:
        doc = get_document(conn, SOC)
    data: dict[str, Any] = json.loads(export_document("ctdl-asn", doc, "v.26.11"))
    return data


def test_expands_offline_keeping_every_property(graph: dict[str, Any]) -> None:
    expanded = jsonld.expand(graph, {"documentLoader": no_network})
    assert len(expanded) == 1 and expanded[0]["@id"] == graph["@id"]
    nodes = {n["@id"]: n for n in expanded[0]["@graph"]}
    n_themes = sum(
        1 for n in graph["@graph"] if n.get("ceasn:competencyCategory") == {"en-US": "Theme"}
    )
    assert 1 <= n_themes <= 10
    assert len(nodes) == len(graph["@graph"]) == 1 + n_themes + 40 + 1 + 4
    for node in graph["@graph"]:
        # JSON-LD drops terms it cannot map to an IRI: every key must survive expansion.
        assert len(nodes[node["@id"]]) == len(node), node["@id"]
    framework = nodes[graph["@id"]]
    assert framework["@type"] == [CEASN + "CompetencyFramework"]
    assert framework[CEASN + "name"] == [
        {"@value": "Sales Managers proficiency framework", "@language": "en-us"}
    ]
    assert len(framework[CEASN + "hasTopChild"]) == n_themes
    alignment = framework[CETERMS + "occupationType"][0]
    assert alignment[CETERMS + "codedNotation"] == [{"@type": XSD + "string", "@value": SOC}]


def test_competencies_and_progression_model(graph: dict[str, Any]) -> None:
    types = Counter(n["@type"] for n in graph["@graph"])
    assert types == {
        "ceasn:CompetencyFramework": 1,
        "ceasn:Competency": 40
        + sum(
            1 for n in graph["@graph"] if n.get("ceasn:competencyCategory") == {"en-US": "Theme"}
        ),
        "ceterms:ProgressionModel": 1,
        "ceterms:ProgressionLevel": 4,
    }
    levels = [n for n in graph["@graph"] if n["@type"] == "ceterms:ProgressionLevel"]
    assert [lv["skos:prefLabel"]["en-US"] for lv in levels] == [
        "Emerging",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    assert [lv.get("ceterms:precedes") for lv in levels] == [
        levels[1]["@id"],
        levels[2]["@id"],
        levels[3]["@id"],
        None,
    ]
    statements = [n for n in graph["@graph"] if "asn:hasProgressionLevel" in n]
    assert len(statements) == 40
    first = statements[0]
    assert first["ceterms:ctid"] == "ce-" + case_id("statement", SOC, "emerging", "T01", 1)
    assert first["asn:hasProgressionLevel"] == levels[0]["@id"]
    assert first["ceasn:competencyText"]["en-US"].count(" — ") == 1
    assert FORMATS["ctdl-asn"].media_type == "application/ld+json"


def test_context_is_inline(graph: dict[str, Any]) -> None:
    assert isinstance(graph["@context"], dict)
    assert graph["@context"]["ceasn"] == CEASN and graph["@context"]["skos"] == SKOS


def test_ids_start_with_the_public_url(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = get_document(conn, SOC)
    data = json.loads(
        export_document("ctdl-asn", doc, "v.26.11", base_url="https://skills.example.org")
    )
    ids = [data["@id"]] + [n["@id"] for n in data["@graph"]]
    assert data["@id"] == (
        "https://skills.example.org/ctdl/resources/ce-" + case_id("document", SOC)
    )
    assert all(i.startswith("https://skills.example.org/ctdl/resources/ce-") for i in ids)
    default = json.loads(export_document("ctdl-asn", doc, "v.26.11"))
    assert default["@id"].startswith("http://localhost:8000/ctdl/resources/ce-")
