"""Rating a real framework: the snapshot, refused ratings, and revisits after a rebuild."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import Engine

from skillsx.assess import RatedStatement, held_anchors, rate, revisit, snapshot
from skillsx.assess.ratings import statement_hash
from skillsx.errors import SkillsxError
from skillsx.store.builds import get_document

SOC = "41-2031.00"


@pytest.fixture(scope="module")
def framework(built_store: Engine) -> dict:
    with built_store.connect() as conn:
        return get_document(conn, SOC)["framework"]


def test_snapshot_holds_every_statement_in_level_order(framework: dict) -> None:
    statements = snapshot(framework)
    assert len(statements) == 40
    assert [s.id for s in statements[:2]] == ["emerging:1", "emerging:2"]
    assert statements[-1].id == "advanced:10"
    first = next(s for s in framework["statements"] if (s["level"], s["order"]) == ("emerging", 1))
    s = statements[0]
    assert s.text == f"{first['subject']} — {first['action']}"
    assert s.anchors == tuple(f"{a['kind']}:{a['id']}" for a in first["anchors"])
    labels = {t["id"]: t["label"] for t in framework["themes"]}
    assert s.theme_label == labels[first["theme"]]
    assert s.hash == statement_hash(s.text, s.anchors)
    assert all(x.rating is None for x in statements)


def test_hash_changes_with_words_or_records() -> None:
    base = statement_hash("Shelves — clean shelves.", ["task:707", "dwa:X"])
    assert base == statement_hash("Shelves — clean shelves.", ["dwa:X", "task:707"])
    assert base != statement_hash("Shelves — clean the shelves.", ["task:707", "dwa:X"])
    assert base != statement_hash("Shelves — clean shelves.", ["task:707"])


def test_rate_sets_the_given_ratings_only(framework: dict) -> None:
    rated = rate(framework, {"emerging:1": "can_teach", "advanced:10": "not_yet"})
    by_id = {s.id: s for s in rated}
    assert by_id["emerging:1"].rating == "can_teach" and by_id["emerging:1"].held
    assert by_id["advanced:10"].rating == "not_yet" and not by_id["advanced:10"].held
    assert sum(s.rating is not None for s in rated) == 2


def test_rate_refuses_unknown_statements_and_ratings(framework: dict) -> None:
    with pytest.raises(SkillsxError) as caught:
        rate(framework, {"advanced:11": "can_teach"})
    assert str(caught.value) == (
        'ratings["advanced:11"]: the framework has no such statement; ids are a level and '
        'its number, from "emerging:1" to "advanced:10".'
    )
    with pytest.raises(SkillsxError) as caught:
        rate(framework, {"emerging:1": "expert"})
    assert str(caught.value) == (
        'ratings["emerging:1"]: "expert" is not a rating; use one of: '
        "not_yet, with_help, independently, can_teach."
    )
    with pytest.raises(SkillsxError, match=r"^ratings: 201 given, at most 200"):
        rate(framework, {f"x{i}": "not_yet" for i in range(201)})


def test_held_anchors_come_from_independently_and_can_teach_only(framework: dict) -> None:
    rated = rate(
        framework,
        {"emerging:1": "independently", "emerging:2": "can_teach", "emerging:3": "with_help"},
    )
    by_id = {s.id: s for s in rated}
    assert held_anchors(rated) == set(by_id["emerging:1"].anchors) | set(
        by_id["emerging:2"].anchors
    )


def _reworded(framework: dict, level: str, order: int, action: str) -> dict:
    changed = copy.deepcopy(framework)
    for s in changed["statements"]:
        if (s["level"], s["order"]) == (level, order):
            s["action"] = action
    return changed


def test_revisit_of_the_same_framework_carries_every_rating(framework: dict) -> None:
    saved = rate(framework, {"emerging:1": "independently", "developing:4": "with_help"})
    r = revisit(saved, snapshot(framework))
    assert (r.same, r.moved, r.changed, r.gone) == (2, [], [], [])
    assert r.carried == {"emerging:1": "independently", "developing:4": "with_help"}
    assert r.unrated_now == 38
    assert (r.rated, r.matching) == (2, 2)


def test_revisit_finds_reworded_moved_and_gone_statements(framework: dict) -> None:
    saved = rate(
        framework,
        {
            "emerging:1": "independently",
            "emerging:2": "can_teach",
            "emerging:3": "not_yet",
            "advanced:10": "with_help",
        },
    )
    rebuilt = _reworded(framework, "emerging:1".split(":")[0], 1, "do something else entirely.")
    # emerging 2 and 3 swap places; advanced 10 is dropped.
    for s in rebuilt["statements"]:
        if s["level"] == "emerging" and s["order"] in (2, 3):
            s["order"] = 5 - s["order"]
    rebuilt["statements"] = [
        s for s in rebuilt["statements"] if (s["level"], s["order"]) != ("advanced", 10)
    ]
    r = revisit(saved, snapshot(rebuilt))
    assert r.same == 0
    assert sorted(r.moved) == [("emerging:2", "emerging:3"), ("emerging:3", "emerging:2")]
    assert r.carried == {"emerging:3": "can_teach", "emerging:2": "not_yet"}
    old = next(s for s in saved if s.id == "emerging:1")
    assert r.changed == [
        {
            "id": "emerging:1",
            "text": old.text,
            "rating": "independently",
            "now": old.text.split(" — ")[0] + " — do something else entirely.",
        }
    ]
    assert [g["id"] for g in r.gone] == ["advanced:10"]
    assert r.unrated_now == 39 - 2
    assert (r.rated, r.matching) == (4, 2)


def test_a_statement_snapshot_round_trips_through_json(framework: dict) -> None:
    s = rate(framework, {"proficient:3": "can_teach"})[22]
    assert RatedStatement.from_json(s.to_json()) == s
