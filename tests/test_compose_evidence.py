"""The evidence pack: computed figures with sources, and honest gaps."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.evidence import (
    compose_evidence,
    format_share,
    ordinal,
    percentile_display,
    skill_cluster,
)
from skillsx.models import AiEvidence, Brief
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief


@pytest.fixture(scope="module")
def nurse(store: Engine) -> tuple[Brief, AiEvidence]:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00"), get_ai_evidence(conn, "29-1141.00")


def test_figures(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    pack = compose_evidence(brief, evidence)
    figures = {f.key: f for f in pack.figures}
    assert list(figures) == [
        "tasks_matched",
        "usage_share",
        "usage_percentile",
        "top_skill",
        "skill_cluster",
        "time_saved",
        "ai_autonomy",
        "automation_feasibility",
    ]
    assert (figures["tasks_matched"].value, figures["tasks_matched"].display) == (
        4,
        "4 of 27 tasks",
    )
    share = sum(t.pct / t.shared_by for t in evidence.tasks)
    assert figures["usage_share"].value == round(share, 6)
    assert figures["usage_share"].display == "0.0168%"
    assert figures["usage_share"].source == "Anthropic Economic Index (Handa et al., 2025)"
    assert figures["usage_share"].release == "2025-02-10"
    # Percentile among the other fixture occupations with task data.
    others = [v for soc, v in evidence.shares.items() if soc != brief.soc]
    lower = sum(v < share for v in others)
    assert figures["usage_percentile"].value == round(100 * lower / len(others), 1)
    assert figures["top_skill"].value == "Social Perceptiveness"
    assert figures["top_skill"].release == "29.x" and figures["top_skill"].available
    assert figures["skill_cluster"].value == "Process skills"
    for key in ("time_saved", "ai_autonomy", "automation_feasibility"):
        assert not figures[key].available and figures[key].value is None and figures[key].note
    assert [t.task_id for t in pack.top_tasks] == [1842, 1840, 1850, 1843]


def test_automation_split_is_economy_wide(nurse: tuple[Brief, AiEvidence]) -> None:
    pack = compose_evidence(*nurse)
    split = {f.key: f for f in pack.interactions}
    assert (split["automation"].value, split["augmentation"].value) == (42.6, 57.4)
    assert {f.scope for f in pack.interactions} == {"economy"}
    assert split["automation"].note.startswith(
        "Economy-wide: this AEI release has no per-occupation split. directive + feedback loop"
    )


def test_without_aei(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    empty = evidence.model_copy(update={"tasks": [], "aei_release": None, "interactions": {}})
    pack = compose_evidence(brief, empty)
    figures = {f.key: f for f in pack.figures}
    assert not figures["tasks_matched"].available
    assert figures["tasks_matched"].note == "No AEI release is loaded in this store."
    assert pack.top_tasks == [] and not any(f.available for f in pack.interactions)


def test_ordinal_and_cluster(nurse: tuple[Brief, AiEvidence]) -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 31, 100)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "31st",
        "100th",
    ]
    assert skill_cluster(nurse[0].model_copy(update={"skills": []})) is None


@pytest.mark.parametrize(
    ("pct", "shown"),
    [
        (0.0, "0%"),
        (0.00004, "under 0.0001%"),
        # The smallest top-task share of the full build: "0.00%" with two decimals.
        (0.000586, "0.000586%"),
        (0.0023452463160089122, "0.00235%"),
        (0.01689, "0.0169%"),
        (0.5, "0.5%"),
        (1.234, "1.23%"),
        (12.34, "12.3%"),
        (100.0, "100%"),
    ],
)
def test_format_share_never_shows_a_share_as_nothing(pct: float, shown: str) -> None:
    assert format_share(pct) == shown


def test_percentile_display_stays_within_1st_and_99th() -> None:
    assert [percentile_display(p) for p in (0.4, 23.9, 99.6, 100.0)] == [
        "1st percentile",
        "23rd percentile",
        "99th percentile",
        "99th percentile",
    ]


def test_occupation_the_aei_does_not_record(nurse: tuple[Brief, AiEvidence]) -> None:
    brief, evidence = nurse
    pack = compose_evidence(brief, evidence.model_copy(update={"tasks": []}))
    figures = {f.key: f for f in pack.figures}
    share, percentile = figures["usage_share"], figures["usage_percentile"]
    assert (share.value, share.display, share.note) == (
        0,
        "0%",
        "The AEI records none of this occupation's tasks.",
    )
    # Every unrecorded occupation ties at 0: no "0th percentile".
    assert (percentile.available, percentile.value, percentile.display) == (
        False,
        None,
        "unavailable",
    )
    assert percentile.note == "Not ranked: the AEI records none of this occupation's tasks."
