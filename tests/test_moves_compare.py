"""skillsx.moves: profiles, the score and its basis, compare, coverage by level, similar,
pathways; on SQLite and PostgreSQL (the fixture store's seven occupations with tasks)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import Engine, select

from skillsx.errors import NotFound
from skillsx.moves import (
    anchor_key,
    build_index,
    compare,
    coverage_by_level,
    held_anchors,
    list_pathways,
    list_similar,
)
from skillsx.moves.records import Names, Profile, Rating, load_profiles
from skillsx.moves.score import COMPONENTS
from skillsx.store import schema

RETAIL, SALES_MANAGERS, NURSES, WELDERS = "41-2031.00", "11-2022.00", "29-1141.00", "51-4121.00"


# ---------------------------------------------------------------- coverage_by_level (pure)

FRAMEWORK = {
    "statements": [
        {  # a DWA statement: the task and the parent element do not decide it
            "level": "emerging",
            "order": 1,
            "subject": "Greeting",
            "action": "greet customers.",
            "theme": "T01",
            "anchors": [
                {"kind": "task", "id": "694"},
                {"kind": "dwa", "id": "D1"},
                {"kind": "dwa", "id": "D2"},
                {"kind": "element", "id": "4.A.1"},
            ],
        },
        {
            "level": "emerging",
            "order": 2,
            "subject": "Negotiation",
            "action": "settle agreements.",
            "theme": "T02",
            "anchors": [
                {"kind": "element", "id": "2.B.1.d"},
                {"kind": "scale_anchor", "id": "2.B.1.d@4"},
            ],
        },
        {
            "level": "advanced",
            "order": 1,
            "subject": "Schedules",
            "action": "plan schedules.",
            "theme": "T03",
            "anchors": [{"kind": "supervisor_task", "id": "41-1011.00:555"}],
        },
        {  # only an element: it decides
            "level": "proficient",
            "order": 1,
            "subject": "Care",
            "action": "take care.",
            "theme": "T04",
            "anchors": [{"kind": "element", "id": "1.D.3.a"}],
        },
    ]
}


def test_coverage_by_level_decides_on_the_specific_anchors() -> None:
    held = {"dwa:D1", "task:694", "element:4.A.1", "dwa:D7", "element:1.D.3.a"}
    result = coverage_by_level(
        FRAMEWORK,
        held,
        equivalents={"supervisor_task:41-1011.00:555": ["dwa:D7"]},
        labels={"dwa:D1": "DWA D1: greet"},
    )
    levels = {level["key"]: level for level in result["levels"]}
    assert [level["key"] for level in result["levels"]] == [
        "emerging",
        "developing",
        "proficient",
        "advanced",
    ]
    greeting, negotiation = levels["emerging"]["statements"]
    assert greeting["status"] == "partial"
    assert [(r["key"], r["held"]) for r in greeting["records"]] == [
        ("dwa:D1", True),
        ("dwa:D2", False),
    ]
    assert greeting["records"][0]["label"] == "DWA D1: greet"
    assert negotiation["status"] == "new"
    assert [r["key"] for r in negotiation["records"]] == ["scale_anchor:2.B.1.d@4"]
    # The supervisor's task is held through its DWAs.
    assert levels["advanced"]["statements"][0]["status"] == "covered"
    assert levels["proficient"]["statements"][0]["status"] == "covered"
    assert levels["developing"]["statements"] == []
    assert result["totals"] == {"covered": 2, "partial": 1, "new": 1, "statements": 4}
    assert (levels["emerging"]["covered"], levels["emerging"]["partial"]) == (0, 1)

    everything = held | {"dwa:D2", "scale_anchor:2.B.1.d@4"}
    assert coverage_by_level(FRAMEWORK, everything)["totals"]["covered"] == 3
    assert coverage_by_level(FRAMEWORK, set())["totals"] == {
        "covered": 0,
        "partial": 0,
        "new": 4,
        "statements": 4,
    }


def test_held_anchors_of_a_profile() -> None:
    p = Profile(soc="41-2031.00", title="Retail Salespersons", release="30.1")
    p.task_ids = [694]
    p.dwas = {"D1": 1.0}
    p.software_codes = {43232102: "Graphics software"}
    p.skills = {
        "2.B.1.d": Rating("2.B.1.d", "Negotiation", importance=3.0, level=3.6),
        "2.B.1.e": Rating("2.B.1.e", "Instructing", importance=2.9, level=1.2),
    }
    p.work_styles = {"1.D.3.a": 1.0, "1.D.3.b": 0.9}
    names = Names({"D1": "Greet"}, {"D1": "I1"}, {"D1": "4.A.1"}, {"I1": "Interact"}, {})
    held = held_anchors(p, names, {"2.B.1.d": [2.0, 4.0, 6.0], "2.B.1.e": [2.0]})
    assert held == {
        "task:694",
        "supervisor_task:41-2031.00:694",
        "dwa:D1",
        "element:4.A.1",
        "technology:43232102",
        "element:2.B.1.d",  # importance 3.0 is "important"; 2.9 is not
        "scale_anchor:2.B.1.d@2",
        "scale_anchor:2.B.1.d@4",  # level 3.6 rounds to 4
        "element:1.D.3.a",  # impact 1.0 counts, 0.9 does not
    }
    assert anchor_key("tool", 123) == "tool:123"


# ---------------------------------------------------------------- on the built store


@pytest.fixture(scope="module")
def moves(built_store: Engine):  # type: ignore[no-untyped-def]
    with built_store.connect() as conn:
        return build_index(conn)


def test_index_holds_the_occupations_with_tasks(built_store: Engine, moves) -> None:  # type: ignore[no-untyped-def]
    assert moves.index.socs == [
        "11-2022.00",
        "15-1252.00",
        "15-1299.08",
        "29-1141.00",
        "41-2031.00",
        "41-3091.00",
        "51-4121.00",
    ]
    with built_store.connect() as conn:
        profiles = load_profiles(conn)
        t2d = schema.ONET_TABLES["onet_tasks_to_dwas"]
        links: dict[str, set[str]] = defaultdict(set)
        for soc, dwa in conn.execute(select(t2d.c.soc, t2d.c.dwa_id)):
            links[soc].add(dwa)
    assert set(profiles[RETAIL].dwas) == links[RETAIL]
    assert profiles[RETAIL].job_zone == 2 and profiles[SALES_MANAGERS].job_zone == 4
    assert profiles[RETAIL].skills_release == "29.x"


def test_compare_carries_over_record_by_record(built_store: Engine, moves) -> None:  # type: ignore[no-untyped-def]
    with built_store.connect() as conn:
        full = compare(conn, RETAIL, SALES_MANAGERS, moves=moves)
        alone = compare(conn, RETAIL, SALES_MANAGERS)
        a = load_profiles(conn, socs=[RETAIL])[RETAIL]
        b = load_profiles(conn, socs=[SALES_MANAGERS])[SALES_MANAGERS]
    # The two-occupation index gives the score of the whole release's index.
    assert full["score"] == alone["score"]
    score = full["score"]
    parts = {c["key"]: c for c in score["components"]}
    assert list(parts) == [c.key for c in COMPONENTS]
    assert sum(c["weight"] for c in parts.values()) == pytest.approx(1.0, abs=1e-3)
    assert sum(c["contribution"] for c in parts.values()) == pytest.approx(score["value"], abs=1e-3)
    # The DWA component is the share of the target's task weight on shared DWAs, listed.
    shared = full["activities"]["shared_dwas"]
    assert {d["id"] for d in shared} == set(a.dwas) & set(b.dwas)
    assert parts["tasks"]["value"] == pytest.approx(
        sum(d["to_weight"] for d in shared) / sum(b.dwas.values()), abs=1e-4
    )
    assert full["job_zone"] == {"from": 2, "to": 4, "difference": 2}
    knowledge = {k["element_id"]: k for k in full["knowledge"]}
    sales = knowledge["2.C.1.d"]  # Sales and Marketing
    assert sales["to_level"] == b.knowledge["2.C.1.d"].level
    assert sales["level_difference"] == round(
        b.knowledge["2.C.1.d"].level - a.knowledge["2.C.1.d"].level, 2
    )
    assert full["ratings_release"] == "29.x"
    # The three biggest gaps, costliest first, in plain words.
    costs = [g["cost"] for g in full["gaps"]]
    assert len(costs) == 3 and costs == sorted(costs, reverse=True)
    assert all(g["text"].endswith(".") for g in full["gaps"])
    # Statement by statement over the target's 40 statements.
    coverage = full["coverage"]
    assert coverage["totals"]["statements"] == 40
    assert sum(coverage["totals"][k] for k in ("covered", "partial", "new")) == 40
    for level in coverage["levels"]:
        for s in level["statements"]:
            held = [r["held"] for r in s["records"]]
            assert s["status"] == (
                "covered" if all(held) and held else "partial" if any(held) else "new"
            )


def test_compare_with_itself_and_unknown_codes(built_store: Engine) -> None:
    with built_store.connect() as conn:
        itself = compare(conn, RETAIL, RETAIL)
        assert itself["gaps"] == []
        assert itself["activities"]["new_dwas"] == []
        # Its own records hold every DWA, tool and technology its framework cites.
        for level in itself["coverage"]["levels"]:
            for s in level["statements"]:
                kinds = {r["kind"] for r in s["records"] if not r["held"]}
                assert not kinds & {"dwa", "technology", "tool", "task"}, s
        with pytest.raises(NotFound, match='No occupation "99-9999.00"'):
            compare(conn, RETAIL, "99-9999.00")
        with pytest.raises(NotFound, match="has no task data"):
            compare(conn, "15-1299.00", RETAIL)


def test_similar_ranks_by_the_compare_score(built_store: Engine, moves) -> None:  # type: ignore[no-untyped-def]
    result = list_similar(moves, NURSES, 4)
    socs = [r["soc"] for r in result["results"]]
    assert len(socs) == 4 and NURSES not in socs
    scores = [r["score"] for r in result["results"]]
    assert scores == sorted(scores, reverse=True)
    with built_store.connect() as conn:
        for r in result["results"]:
            assert r["score"] == compare(conn, NURSES, r["soc"], moves=moves)["score"]["value"]
            assert r["shared"]["dwas"]["count"] == len(
                compare(conn, NURSES, r["soc"], moves=moves)["activities"]["shared_dwas"]
            )
    assert sum(w["weight"] for w in result["weights"]) == pytest.approx(1.0, abs=1e-3)
    with pytest.raises(NotFound, match="with task data"):
        list_similar(moves, "15-1299.00")
    # Moves into an occupation score as the moves out of each other one.
    into = moves.index.scores_into(NURSES)
    for soc in moves.index.socs:
        out = moves.index.scores_from(soc)[moves.index.row[NURSES]]
        assert into[moves.index.row[soc]] == pytest.approx(out, abs=1e-9)


def test_pathways_sort_moves_by_job_zone(moves) -> None:  # type: ignore[no-untyped-def]
    p = list_pathways(moves, RETAIL, {"soc": SALES_MANAGERS, "title": "x", "basis": "test"})
    assert p["job_zone"] == 2
    assert p["next_steps"][0]["soc"] == SALES_MANAGERS
    assert p["next_steps"][0]["reason"] == "supervises this work (test)"
    assert all(x["job_zone"] > 2 for x in p["next_steps"][1:])
    assert all(x["job_zone"] == 2 for x in p["lateral"])
    assert all(x["job_zone"] < 2 for x in p["feeders"])
    assert all(x["compare"].startswith(f"/compare?from={RETAIL}&to=") for x in p["next_steps"])
    top = list_pathways(moves, SALES_MANAGERS)
    assert all(x["compare"].endswith(f"&to={SALES_MANAGERS}") for x in top["feeders"])
    assert {x["soc"] for x in top["feeders"]} >= {RETAIL}
