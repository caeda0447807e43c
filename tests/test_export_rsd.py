"""Rich Skill Descriptors: one per statement, O*NET occupation, alignments to the anchors."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine

from skillsx.export import export_document
from skillsx.export.case import case_id
from skillsx.store.builds import get_document

SOC = "11-2022.00"
REQUIRED = (
    "@context",
    "type",
    "id",
    "uuid",
    "status",
    "skillName",
    "skillStatement",
    "categories",
    "keywords",
    "authors",
    "alignments",
    "occupations",
    "collections",
)


def test_one_rsd_per_statement(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc: dict[str, Any] = get_document(conn, SOC)
    data = json.loads(export_document("rsd", doc, "v.26.11"))
    assert data["type"] == "RichSkillCollection"
    assert data["uuid"] == case_id("document", SOC)
    skills = data["skills"]
    assert len(skills) == 40
    for skill in skills:
        assert all(key in skill for key in REQUIRED)
        assert skill["type"] == "RichSkillDescriptor"
        assert skill["occupations"] == [
            {
                "code": SOC,
                "targetNodeName": "Sales Managers",
                "frameworkName": "o*net",
                "targetNode": "https://www.onetonline.org/link/summary/11-2022.00",
            }
        ]
        assert skill["collections"] == [
            {"uuid": data["uuid"], "name": "Sales Managers proficiency framework"}
        ]
    first, statement = skills[0], doc["framework"]["statements"][0]
    assert first["uuid"] == case_id("statement", SOC, "emerging", statement["theme"], 1)
    assert first["skillStatement"] == f"{statement['subject']} — {statement['action']}"
    assert first["skillName"] == f"{statement['subject']} (Emerging)"
    assert first["keywords"][:2] == ["Emerging", "Entry / Apprentice"]
    assert [a["skillName"] for a in first["alignments"]] == [
        f"O*NET {a['kind']} {a['id']}" for a in statement["anchors"]
    ]
    assert first["creationDate"] == "2026-11-01T00:00:00Z"
    assert len({s["uuid"] for s in skills}) == 40


def test_ids_start_with_the_public_url(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = get_document(conn, SOC)
    data = json.loads(export_document("rsd", doc, "v.26.11", base_url="https://x.example/sx"))
    collection = case_id("document", SOC)
    assert data["id"] == f"https://x.example/sx/api/collections/{collection}"
    assert all(s["id"] == f"https://x.example/sx/api/skills/{s['uuid']}" for s in data["skills"])
    default = json.loads(export_document("rsd", doc, "v.26.11"))
    assert default["id"] == f"http://localhost:8000/api/collections/{collection}"
