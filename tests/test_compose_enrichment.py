"""O*NET enrichment, sources and the assembled occupation page."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.enrichment import NO_RAPIDS, cited_anchors, compose_page
from skillsx.compose.sources import compose_sources, onet_attribution
from skillsx.models import AiEvidence, Anchor, Brief, Framework, Level, Statement, Theme
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief


def small_framework(brief: Brief) -> Framework:
    """A stand-in framework: one statement citing the first task and a tool."""
    task = Anchor(kind="task", id=str(brief.tasks[0].id), release=brief.release)
    tool = Anchor(kind="tool", id=str(brief.tools[0].commodity_code), release=brief.release)
    statement = Statement(
        level=Level.EMERGING,
        order=1,
        theme="T01",
        subject="Patient records",
        action="keep records complete and accurate under the guidance of a senior nurse.",
        anchors=[task, tool],
    )
    return Framework(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        engine="test",
        context_covered="",
        description="",
        themes=[Theme(id="T01", label="Patient records", anchors=[task])],
        statements=[statement],
    )


@pytest.fixture(scope="module")
def nurse(store: Engine) -> tuple[Brief, AiEvidence]:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00"), get_ai_evidence(conn, "29-1141.00")


def test_page_counts_distinct_anchors_of_all_statements(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    page = compose_page(brief, small_framework(brief), evidence)
    anchors = cited_anchors(page.framework, page.durable, page.ai_use)
    assert page.enrichment.source_anchors == len(anchors) == len({(a.kind, a.id) for a in anchors})
    assert page.enrichment.anchor_counts["tool"] == 1
    assert sum(page.enrichment.anchor_counts.values()) == page.enrichment.source_anchors
    assert anchors[0] == Anchor(kind="task", id=str(brief.tasks[0].id), release="30.1")


def test_sections(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    page = compose_page(brief, small_framework(brief), evidence)
    sections = {s.key: s for s in page.enrichment.sections}
    assert list(sections) == [
        "related_titles",
        "apprenticeships",
        "skills",
        "knowledge",
        "abilities",
        "work_styles",
        "technology",
        "hot_technology",
        "tasks",
        "cip",
        "related",
    ]
    titles = sections["related_titles"].items
    assert [t.label for t in titles[: len(brief.reported_titles)]] == brief.reported_titles
    assert titles[0].detail == "reported title"
    assert (
        sections["apprenticeships"].note == NO_RAPIDS and not sections["apprenticeships"].available
    )
    assert sections["abilities"].note == "not in this release (O*NET 30.1 has no Abilities.txt)"
    assert sections["skills"].source == "O*NET 29.x Skills (not 30.1)"
    assert sections["skills"].items[0].label == "Social Perceptiveness"
    assert sections["skills"].items[0].detail == "importance 4.12 of 5, level 4.38 of 7"
    assert sections["work_styles"].items[0].detail == "impact +3.00 on the -3 to +3 scale"
    assert sections["cip"].items[0].id == "51.3801"
    assert {i.id for i in sections["tasks"].items} <= {str(t.id) for t in brief.tasks}
    assert len(sections["tasks"].items) == page.enrichment.anchor_counts["task"]
    assert sections["related"].items[0].label == "Acute Care Nurses"


def test_sources(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, _ = nurse
    credits = {c.key: c for c in compose_sources(brief, "2025-02-10")}
    assert list(credits) == ["onet", "onet-29.x", "aei", "cip", "soc", "durable"]
    assert credits["onet"].attribution.startswith(
        "This product includes information from the O*NET 30.1 Database by the U.S. Department"
        " of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0"
        " license. O*NET® is a trademark of USDOL/ETA."
    )
    assert credits["onet-29.x"].name == "O*NET Database (Skills and Knowledge)"
    assert "Anthropic Economic Index (Handa et al., 2025), release 2025-02-10" in (
        credits["aei"].attribution
    )
    assert credits["durable"].licence == "Named only; no text reproduced"
    assert "aei" not in {c.key for c in compose_sources(brief, None)}
    assert onet_attribution("29.x").startswith(
        "This product includes information from the O*NET 29.x"
    )
