"""Every stored page of a full build: complete parts, and citations of its own records."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from sqlalchemy import Connection, Engine, select

from skillsx.store import schema
from skillsx.store.builds import get_build

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("full")]

# The json-full export of every page is validated against its schema in
# tests/test_full_exports.py; this module checks what a schema cannot: counts and citations.
DURABLE_DOMAINS = 10
LEVELS = ("emerging", "developing", "proficient", "advanced")
DURABLE_LEVELS = ("emerging", "developing", "applying", "exceeding")


def _records(conn: Connection) -> dict[str, set[tuple[str, str]]]:
    """(soc, id) of every record a statement may cite, by anchor kind, read once."""
    t = schema.ONET_TABLES
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    ts, td, dr = t["onet_task_statements"], t["onet_tasks_to_dwas"], t["onet_dwa_reference"]
    out["task"] = {(r.soc, str(r.task_id)) for r in conn.execute(select(ts.c.soc, ts.c.task_id))}
    dwas = conn.execute(
        select(td.c.soc, td.c.dwa_id, dr.c.element_id).join(dr, dr.c.dwa_id == td.c.dwa_id)
    ).all()
    out["dwa"] = {(r.soc, r.dwa_id) for r in dwas}
    out["element"] = {(r.soc, r.element_id) for r in dwas}
    for name in ("onet_work_styles", "onet_skills", "onet_knowledge", "onet_abilities"):
        table = t[name]
        rows = conn.execute(select(table.c.soc, table.c.element_id).distinct())
        out["element"] |= {(r.soc, r.element_id) for r in rows}
    for name, kind in (("onet_technology_skills", "technology"), ("onet_tools_used", "tool")):
        table = t[name]
        rows = conn.execute(select(table.c.soc, table.c.commodity_code).distinct())
        out[kind] = {(r.soc, str(r.commodity_code)) for r in rows}
    return out


@pytest.fixture(scope="module")
def pages(full_store: Engine) -> tuple[str, list[dict], dict[str, set[tuple[str, str]]]]:  # type: ignore[type-arg]
    with full_store.connect() as conn:
        build = get_build(conn)
        rows = conn.execute(
            select(schema.frameworks.c.document).where(schema.frameworks.c.build_id == build.id)
        ).all()
        records = _records(conn)
    return build.version, [json.loads(r.document) for r in rows], records


def _foreign(soc: str, anchors: list[dict], records: dict[str, set[tuple[str, str]]]) -> list:  # type: ignore[type-arg]
    return [(a["kind"], a["id"]) for a in anchors if (soc, a["id"]) not in records[a["kind"]]]


def test_every_page_is_complete_valid_and_cites_its_own_records(
    pages: tuple[str, list[dict], dict[str, set[tuple[str, str]]]],  # type: ignore[type-arg]
) -> None:
    version, documents, records = pages
    assert len(documents) == 923
    defects: list[str] = []
    for doc in documents:
        soc = doc["occupation"]["soc"]
        domains = doc["durable"]["domains"]
        if len(domains) != DURABLE_DOMAINS:
            defects.append(f"{soc}: {len(domains)} durable domains")
        for domain in domains:
            per_level = [
                sum(s["level"] == level for s in domain["statements"]) for level in DURABLE_LEVELS
            ]
            if not all(2 <= n <= 4 for n in per_level):
                defects.append(f"{soc} {domain['id']}: statements per level {per_level}")
            for s in domain["statements"]:
                if not s["anchors"] or _foreign(soc, s["anchors"], records):
                    defects.append(f"{soc} {domain['id']}: {_foreign(soc, s['anchors'], records)}")
        ai = doc["ai_use"]["statements"]
        per_level = [sum(s["level"] == level for s in ai) for level in LEVELS]
        if not all(2 <= n <= 4 for n in per_level):
            defects.append(f"{soc} ai_use: statements per level {per_level}")
        for s in ai:
            cited = {(soc, str(e["task_id"])) for e in s["evidence"]}
            if not s["anchors"] or _foreign(soc, s["anchors"], records):
                defects.append(f"{soc} ai_use: {_foreign(soc, s['anchors'], records)}")
            if not cited <= records["task"]:
                defects.append(f"{soc} ai_use: AEI records of other tasks {cited}")
        if not doc["evidence"]["figures"]:
            defects.append(f"{soc}: no evidence figures")
        if not doc["enrichment"]["sections"] or doc["enrichment"]["source_anchors"] < 1:
            defects.append(f"{soc}: no enrichment")
    assert defects[:20] == []


def test_checks_catch_a_foreign_citation(
    pages: tuple[str, list[dict], dict[str, set[tuple[str, str]]]],  # type: ignore[type-arg]
) -> None:
    # The citation check above must be able to fail: another occupation's task is foreign.
    _version, documents, records = pages
    first, second = documents[0], documents[1]
    other = second["durable"]["domains"][0]["statements"][0]["anchors"]
    tasks = [a for a in other if a["kind"] == "task"]
    assert tasks and _foreign(first["occupation"]["soc"], tasks, records) == [
        ("task", tasks[0]["id"])
    ]
