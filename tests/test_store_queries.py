"""Briefs and occupation lists from the store, on each backend."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.brief import render_brief_text
from skillsx.errors import NotFound
from skillsx.store.queries import get_brief, job_zones, list_occupations

from .conftest import DATA, FIXTURE_SOCS

REFERENCE = (DATA.parent / "reference" / "occupation-brief-41-3091.00.txt").read_text()


def test_brief_text_matches_the_reference_brief(store: Engine) -> None:
    with store.connect() as conn:
        text = render_brief_text(get_brief(conn, "41-3091.00"))
    ours, theirs = text.split("# RELATED OCCUPATIONS"), REFERENCE.split("# RELATED OCCUPATIONS")
    assert ours[0] == theirs[0]
    # The reference was printed from an earlier release's related-occupation list; 30.1
    # reorders it. The first three and 18 of 20 titles agree.
    ours_rel, theirs_rel = ours[1].strip().splitlines(), theirs[1].strip().splitlines()
    assert (
        ours_rel[:3]
        == theirs_rel[:3]
        == [
            "- Customer Service Representatives",
            "- Telemarketers",
            "- Sales Managers",
        ]
    )
    assert len(ours_rel) == 20 and len(set(ours_rel) & set(theirs_rel)) == 19


def test_brief_structured_with_ids(store: Engine) -> None:
    with store.connect() as conn:
        brief = get_brief(conn, "11-2022.00")
    assert brief.title == "Sales Managers"
    assert brief.group_name == "Management"
    assert brief.job_zone and (brief.job_zone.zone, brief.job_zone.inferred) == (4, False)
    assert brief.job_zone.name == "Considerable Preparation"
    assert brief.tasks[0].type == "Core"
    assert all(t.type in ("Core", "Supplemental") for t in brief.tasks)
    assert [t.type for t in brief.tasks] == sorted(
        (t.type for t in brief.tasks), key=lambda x: x != "Core"
    )
    task = next(t for t in brief.tasks if t.text.startswith("Resolve customer complaints"))
    assert task.dwas and task.dwas[0].id.startswith("4.A.")
    assert brief.skills[0].release == "29.x" and brief.skills[0].importance is not None
    assert brief.knowledge[0].name == "Sales and Marketing"
    assert brief.absent["abilities"] == "not in this release (O*NET 30.1 has no Abilities.txt)"
    assert brief.absent["work_context"].startswith("not in this release")
    assert {c.code for c in brief.cip} >= {"52.1401"}
    hot = [t for t in brief.technology if t.hot]
    assert hot and all(isinstance(t.commodity_code, int) for t in hot)
    assert brief.interests[0].name == "Enterprising"
    assert brief.sources["Skills.txt"] == "O*NET 29.x (CC BY 4.0)"


def test_brief_for_code_without_tasks(store: Engine) -> None:
    with store.connect() as conn:
        brief = get_brief(conn, "15-1299.00")
    assert not brief.has_task_data and brief.tasks == []
    assert brief.absent["tasks"] == "no rows for this occupation in O*NET 30.1"
    assert brief.job_zone is not None and brief.job_zone.inferred
    assert brief.job_zone.basis == "inferred as the median of 9 rated occupations in SOC 15-1299"
    assert "- No specific tasks listed." in render_brief_text(brief)


def test_unknown_soc(store: Engine) -> None:
    with store.connect() as conn, pytest.raises(NotFound, match='No occupation "99-1111.11"'):
        get_brief(conn, "99-1111.11")


def test_job_zone_inference_says_its_basis(store: Engine) -> None:
    with store.connect() as conn:
        zones = job_zones(conn, 1)
    # The 19 military codes (55-) have no rated peer at all: no zone is invented for them.
    assert len(zones) == 1016 - 19
    assert not any(soc.startswith("55-") for soc in zones)
    inferred = [z for z in zones.values() if z.inferred]
    assert len(inferred) == 1016 - 923 - 19
    assert all(z.basis.startswith("inferred") for z in inferred)


def test_list_occupations_filters(store: Engine) -> None:
    with store.connect() as conn:
        sales = list_occupations(conn, group="41", job_zone=2)
        with_tasks = list_occupations(conn, with_tasks=True)
    assert [o.soc for o in sales][:3] == ["41-1011.00", "41-2011.00", "41-2012.00"]
    assert {o.soc for o in with_tasks} == set(FIXTURE_SOCS) - {"15-1299.00"}
