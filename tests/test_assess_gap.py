"""The gap for a move: which of the target's statements the anchors held already cover."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.assess import COVER_RULE, RULE, gap, held_anchors, rate, snapshot
from skillsx.assess.gap import covering
from skillsx.store.builds import get_document

FROM, TO = "41-2031.00", "41-3091.00"


@pytest.fixture(scope="module")
def frameworks(built_store: Engine) -> dict[str, dict]:
    with built_store.connect() as conn:
        return {soc: get_document(conn, soc)["framework"] for soc in (FROM, TO)}


@pytest.mark.parametrize(
    ("anchors", "held", "expected"),
    [
        (
            ["task:1", "dwa:4.A.1.a.1.I14.D02", "element:4.A.1.a.1"],
            {"dwa:4.A.1.a.1.I14.D02"},
            ["dwa:4.A.1.a.1.I14.D02"],
        ),
        # A broad work activity alone says nothing about a move.
        (["task:1", "dwa:D1", "element:4.A.1.a.1"], {"element:4.A.1.a.1"}, []),
        (["task:701", "dwa:D1"], {"task:701"}, ["task:701"]),
        (["technology:43232102"], {"technology:43232102"}, ["technology:43232102"]),
        (["task:9", "tool:27112703"], {"tool:27112703"}, ["tool:27112703"]),
        (
            ["supervisor_task:41-1011.00:12"],
            {"supervisor_task:41-1011.00:12"},
            ["supervisor_task:41-1011.00:12"],
        ),
        (["element:1.D.1.b"], {"element:1.D.1.b"}, ["element:1.D.1.b"]),  # a work style
        # Skills and knowledge: the level anchor decides, higher covers lower.
        (
            ["element:2.B.1.f", "scale_anchor:2.B.1.f@2"],
            {"scale_anchor:2.B.1.f@4"},
            ["scale_anchor:2.B.1.f@4"],
        ),
        (["element:2.B.1.f", "scale_anchor:2.B.1.f@4"], {"scale_anchor:2.B.1.f@2"}, []),
        (["element:2.B.1.f", "scale_anchor:2.B.1.f@4"], {"element:2.B.1.f"}, []),
        (
            ["element:2.C.1.e", "scale_anchor:2.C.1.e@3"],
            {"scale_anchor:2.C.1.e@3"},
            ["scale_anchor:2.C.1.e@3"],
        ),
        (["dwa:D1"], set(), []),
    ],
)
def test_covering(anchors: list[str], held: set[str], expected: list[str]) -> None:
    scales = {}
    for a in held:
        if a.startswith("scale_anchor:"):
            element, _, value = a.removeprefix("scale_anchor:").rpartition("@")
            scales[element] = float(value)
    assert covering(anchors, held, scales) == expected


def test_nothing_held_covers_nothing(frameworks: dict[str, dict]) -> None:
    result = gap(frameworks[TO], set())
    assert (result["covered"], result["total"], result["level"]) == (0, 40, None)
    assert result["level_label"] == "Not yet at Emerging"
    assert [(lv["covered"], lv["required"], lv["to_go"]) for lv in result["levels"]] == [
        (0, 8, 8)
    ] * 4
    assert result["cover_rule"] == COVER_RULE and result["level_rule"] == RULE


def test_holding_every_statement_of_a_framework_covers_it_all(frameworks: dict[str, dict]) -> None:
    fw = frameworks[TO]
    everything = rate(fw, {s.id: "can_teach" for s in snapshot(fw)})
    result = gap(fw, held_anchors(everything))
    assert (result["covered"], result["total"], result["level"]) == (40, 40, "advanced")
    assert all(lv["reached"] for lv in result["levels"])


def test_a_real_move_marks_statements_by_the_records_they_share(
    frameworks: dict[str, dict],
) -> None:
    origin = rate(frameworks[FROM], {s.id: "independently" for s in snapshot(frameworks[FROM])})
    held = held_anchors(origin)
    result = gap(frameworks[TO], held)
    statements = [s for lv in result["levels"] for s in lv["statements"]]
    covered = [s for s in statements if s["covered"]]
    assert 0 < len(covered) < 40  # two sales occupations share some records, not all
    assert result["covered"] == len(covered)
    exact = ("dwa:", "task:", "technology:", "tool:", "supervisor_task:")
    for s in statements:
        shared = {a for a in s["anchors"] if a.startswith(exact) and a in held}
        if s["covered"]:
            assert s["covered_by"]
            assert shared <= set(s["covered_by"])
        else:
            assert not shared and s["covered_by"] == []
    for lv in result["levels"]:
        assert lv["covered"] == sum(s["covered"] for s in lv["statements"])
        assert lv["to_go"] == max(0, lv["required"] - lv["covered"])
