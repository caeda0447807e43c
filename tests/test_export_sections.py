"""Sections of a page document as rows: present sections included, absent ones skipped."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from skillsx.export.sections import (
    COLUMNS,
    enrichment_rows,
    evidence_rows,
    read_page,
    source_lines,
    statement_rows,
)
from skillsx.models import (
    AiCitation,
    AiStatement,
    AiUse,
    Anchor,
    DurableDomain,
    DurableLevel,
    DurableSkills,
    DurableStatement,
    Enrichment,
    EnrichmentItem,
    EnrichmentSection,
    EvidencePack,
    Figure,
    Level,
    TopTask,
)

from .conftest import framework_only

SOC = "11-2022.00"


@pytest.fixture
def document(built_store: Engine) -> dict[str, Any]:
    with built_store.connect() as conn:
        return framework_only(conn, SOC)


def full_document(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with small durable-skills, AI-use, evidence and enrichment sections."""
    task = Anchor(kind="task", id="2", release="30.1")
    durable = DurableSkills(
        soc=SOC,
        title="Sales Managers",
        release="30.1",
        framework="Durable Skills",
        domains=[
            DurableDomain(
                id="communication",
                name="Communication",
                description="Getting the point across to customers and staff.",
                rank=1,
                weight=0.9,
                reason="Rated high for this occupation.",
                element_ids=["2.A.1.a"],
                statements=[
                    DurableStatement(
                        domain="communication",
                        level=level,
                        order=1,
                        title=f"Plain reports {level.value}",
                        behaviour="explain sales figures to the team in plain words.",
                        framework="Durable Skills",
                        anchors=[task],
                    )
                    for level in DurableLevel
                ],
            )
        ],
    )
    ai_use = AiUse(
        soc=SOC,
        release="30.1",
        aei_release="2025-02-10",
        has_aei=True,
        note="Two tasks of this occupation appear in the AEI.",
        statements=[
            AiStatement(
                level=Level.EMERGING,
                order=1,
                subject="Sales summaries",
                action="draft weekly summaries with an AI assistant and check every figure.",
                anchors=[task],
                evidence=[
                    AiCitation(task_id=2, task_text="Monitor", pct=0.0123, aei_release="2025")
                ],
                confidence="standard",
            )
        ],
    )
    evidence = EvidencePack(
        soc=SOC,
        figures=[
            Figure(
                key="coverage",
                label="Task coverage",
                value=0.25,
                display="25%",
                available=True,
                scope="occupation",
                source="Anthropic Economic Index",
                release="2025-02-10",
            ),
            Figure(
                key="exposure",
                label="Exposure rank",
                value=None,
                display="",
                available=False,
                scope="economy",
                source="Anthropic Economic Index",
                release="2025-02-10",
                note="too few tasks",
            ),
        ],
        top_tasks=[TopTask(task_id=2, text="Monitor customer preferences.", share=0.5, pct=1.0)],
        interactions=[],
    )
    enrichment = Enrichment(
        soc=SOC,
        source_anchors=43,
        anchor_counts={"task": 20},
        sections=[
            EnrichmentSection(
                key="cip",
                label="Education (CIP)",
                source="CIP 2020",
                available=True,
                note="",
                items=[EnrichmentItem(label="Marketing", id="52.1401")],
            ),
            EnrichmentSection(
                key="apprenticeships",
                label="Apprenticeships",
                source="O*NET",
                available=False,
                note="Not in this release.",
                items=[],
            ),
        ],
    )
    return document | {
        "durable": durable.model_dump(mode="json"),
        "ai_use": ai_use.model_dump(mode="json"),
        "evidence": evidence.model_dump(mode="json"),
        "enrichment": enrichment.model_dump(mode="json"),
    }


def test_framework_only_document(document: dict[str, Any]) -> None:
    page = read_page(document)
    assert (page.durable, page.ai_use, page.evidence, page.enrichment) == (None,) * 4
    rows = statement_rows(page)
    assert len(rows) == 40
    assert {r["section"] for r in rows} == {"framework"}
    assert list(rows[0]) == list(COLUMNS)
    first = rows[0]
    assert (first["soc"], first["level"], first["order"]) == (SOC, "Emerging", 1)
    assert first["anchors"].startswith("task:")
    assert evidence_rows(page) == [] and enrichment_rows(page) == []
    assert source_lines(page) == [
        "Knowledge.txt: O*NET 29.x (CC BY 4.0)",
        "Skills.txt: O*NET 29.x (CC BY 4.0)",
        "onet: O*NET 30.1 Database (CC BY 4.0)",
    ]


def test_full_document(document: dict[str, Any]) -> None:
    page = read_page(full_document(document))
    rows = statement_rows(page)
    assert [r["section"] for r in rows].count("ai_use") == 1
    assert [r["section"] for r in rows].count("durable") == 4
    ai = next(r for r in rows if r["section"] == "ai_use")
    assert ai["citations"] == "AEI 2025 task 2 (0.0123%)"
    durable = [r for r in rows if r["section"] == "durable"]
    assert [r["level"] for r in durable] == ["Emerging", "Developing", "Applying", "Exceeding"]
    assert durable[0]["domain"] == "Communication"
    assert durable[0]["citations"] == "Durable Skills"
    assert [r["display"] for r in evidence_rows(page)] == [
        "25%",
        "unavailable: too few tasks",
        # A top task's share to three significant digits (format_share), not "0.50%".
        "0.5%",
    ]
    assert [(r["section"], r["label"], r["note"]) for r in enrichment_rows(page)] == [
        ("Education (CIP)", "Marketing", ""),
        ("Apprenticeships", "", "Not in this release."),
    ]
