"""AI use by level: grounded in the occupation's AEI-recorded tasks, each citing its evidence."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.ai_use import COUNTS, compose_ai_use
from skillsx.models import AiEvidence, Brief, Level
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief
from skillsx.validate.ai_use import validate_ai_use


@pytest.fixture(scope="module")
def nurse(store: Engine) -> tuple[Brief, AiEvidence]:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00"), get_ai_evidence(conn, "29-1141.00")


def test_statements_per_level_cite_aei_records(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    ai = compose_ai_use(brief, evidence)
    assert ai.has_aei and ai.aei_release == "2025-02-10"
    assert [len(ai.level(level)) for level in Level] == [2, 3, 3, 2] == list(COUNTS.values())
    assert ai.note == (
        "Grounded in the 4 of 27 O*NET 30.1 tasks of this occupation that the Anthropic Economic"
        " Index (release 2025-02-10) records; each statement cites its AEI record and O*NET task."
    )
    first = ai.level(Level.EMERGING)[0]
    assert first.text == (
        "Confidential details in prompts — keep personal details of patients out of AI prompts"
        " when evaluating patient outcomes, following the employer's rules on approved tools."
    )
    assert [(e.task_id, e.aei_release) for e in first.evidence] == [(1842, "2025-02-10")]
    assert first.evidence[0].pct == pytest.approx(0.00703573894802674)
    assert first.confidence == "standard"
    cited = {e.task_id for s in ai.statements for e in s.evidence}
    assert cited == {1842, 1840, 1850, 1843}
    for s in ai.statements:
        assert {str(e.task_id) for e in s.evidence} <= {a.id for a in s.anchors if a.kind == "task"}
    assert validate_ai_use(ai, brief) == []


def test_without_aei_records_says_so_and_lowers_confidence(
    nurse: tuple[Brief, AiEvidence],
) -> None:
    brief, evidence = nurse
    none = evidence.model_copy(update={"tasks": []})
    ai = compose_ai_use(brief, none)
    assert not ai.has_aei
    assert ai.note == (
        "The Anthropic Economic Index (release 2025-02-10) records none of this occupation's"
        " O*NET 30.1 tasks. These statements are grounded in its information-handling tasks only"
        " and carry lower confidence."
    )
    assert {s.confidence for s in ai.statements} == {"lower"}
    assert all(s.evidence == [] and s.anchors for s in ai.statements)
    assert validate_ai_use(ai, brief) == []


def test_without_an_aei_release(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    ai = compose_ai_use(brief, evidence.model_copy(update={"tasks": [], "aei_release": None}))
    assert ai.note.startswith("No Anthropic Economic Index release is loaded in this store;")
    assert validate_ai_use(ai, brief) == []


@pytest.mark.parametrize("soc", ["11-2022.00", "15-1252.00", "41-2031.00", "51-4121.00"])
def test_every_fixture_occupation_passes(store: Engine, soc: str) -> None:
    with store.connect() as conn:
        brief, evidence = get_brief(conn, soc), get_ai_evidence(conn, soc)
    ai = compose_ai_use(brief, evidence)
    assert ai.has_aei and validate_ai_use(ai, brief) == []
    # A task pasted after "work to" reads as a seam ("work to communicate health information").
    assert not any(" work to " in s.text for s in ai.statements)


def test_one_recorded_task_still_fills_every_level(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    one = evidence.model_copy(update={"tasks": evidence.tasks[:1]})
    ai = compose_ai_use(brief, one)
    assert [len(ai.level(level)) for level in Level] == [2, 3, 3, 2]
    assert {e.task_id for s in ai.statements for e in s.evidence} == {one.tasks[0].task_id}
    assert validate_ai_use(ai, brief) == []


def test_hands_on_and_zone_templates_follow_the_occupation(store: Engine) -> None:
    with store.connect() as conn:
        welder = get_brief(conn, "51-4121.00")
        evidence = get_ai_evidence(conn, "51-4121.00")
    ai = compose_ai_use(welder, evidence)
    subjects = {s.subject for s in ai.statements}
    # Job Zone 2: the top level sets the team's rules, not an organisation's strategy.
    assert "AI adoption strategy" not in subjects and "Team rules for AI use" in subjects


def test_a_template_verb_is_not_repeated_in_the_work(nurse: tuple[Brief, AiEvidence]) -> None:
    from skillsx.compose.ai_use import TEMPLATES, _fill, _Ground, _material
    from skillsx.compose.durable import gather_facts
    from skillsx.models import Anchor

    brief, _evidence = nurse
    facts = gather_facts(brief)
    review = next(t for t in TEMPLATES[Level.DEVELOPING] if "Own review of AI drafts" in t)
    anchors = (Anchor(kind="task", id="1840", release="30.1"),)
    reviewing = _material("Review blueprints or specifications.", "4.A.2.a.2", anchors)
    drafting = _material("Prepare patient care reports.", "4.A.2.a.2", anchors)
    assert reviewing and drafting
    # "review every AI-generated draft used in reviewing blueprints": not written.
    assert _fill(review, facts, _Ground(reviewing, None)) is None
    filled = _fill(review, facts, _Ground(drafting, None))
    assert filled and filled[0] == (
        "Own review of AI drafts — review every AI-generated draft used in preparing patient"
        " care reports, correcting facts, figures and tone before it goes further."
    )
