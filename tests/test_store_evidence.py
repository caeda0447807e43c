"""Read-only AEI evidence queries, on each backend."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.store.evidence import (
    get_aei_source,
    get_ai_evidence,
    list_aei_interactions,
    list_aei_shares,
    list_aei_tasks,
)

from .conftest import FIXTURE_SOCS


def test_aei_tasks_of_an_occupation(store: Engine) -> None:
    with store.connect() as conn:
        tasks = list_aei_tasks(conn, "29-1141.00")
    assert [t.task_id for t in tasks] == [1842, 1840, 1850, 1843]
    top = tasks[0]
    assert top.task_text == (
        "Modify patient treatment plans as indicated by patients' responses and conditions."
    )
    assert top.aei_task_name == top.task_text.lower()
    assert (top.match, top.shared_by, top.aei_release) == ("exact", 1, "2025-02-10")
    assert top.pct == pytest.approx(0.00703573894802674)
    assert top.share == top.pct


def test_shares_divide_shared_texts_and_count_every_occupation(store: Engine) -> None:
    with store.connect() as conn:
        shares = list_aei_shares(conn)
        tasks = list_aei_tasks(conn, "41-3091.00")
    # Every occupation with task data is there; the code without tasks is not.
    assert set(shares) == set(FIXTURE_SOCS) - {"15-1299.00"}
    assert shares["41-3091.00"] == pytest.approx(sum(t.pct / t.shared_by for t in tasks))
    assert all(v > 0 for v in shares.values())


def test_ai_evidence_bundle(store: Engine) -> None:
    with store.connect() as conn:
        evidence = get_ai_evidence(conn, "29-1141.00")
        interactions = list_aei_interactions(conn)
        source = get_aei_source(conn)
    assert evidence.aei_release == "2025-02-10" and source and source[0] == "2025-02-10"
    assert [t.task_id for t in evidence.tasks] == [1842, 1840, 1850, 1843]
    assert sorted(interactions) == [
        "directive",
        "feedback loop",
        "learning",
        "none",
        "task iteration",
        "validation",
    ]
    assert interactions["directive"] == pytest.approx(22.563272409918948)
    assert evidence.interactions == interactions


def test_code_without_tasks_has_no_evidence(store: Engine) -> None:
    with store.connect() as conn:
        evidence = get_ai_evidence(conn, "15-1299.00")
    assert evidence.tasks == [] and "15-1299.00" not in evidence.shares
