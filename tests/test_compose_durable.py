"""Durable skills: ten domains, weighted per occupation, statements grounded in its records."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.durable import (
    DOMAINS,
    FRAMEWORK,
    TEMPLATES,
    compose_durable,
    gather_facts,
    object_of,
)
from skillsx.models import Anchor, Brief, DurableLevel
from skillsx.store.queries import get_brief
from skillsx.validate.durable import valid_records

NAMES = [
    "Communication",
    "Leadership",
    "Metacognition",
    "Critical Thinking",
    "Collaboration",
    "Character",
    "Creativity",
    "Growth Mindset",
    "Mindfulness",
    "Fortitude",
]


@pytest.fixture(scope="module")
def nurse(store: Engine) -> Brief:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00")


@pytest.mark.parametrize(
    ("title", "obj"),
    [
        ("Record patient medical histories.", "patient medical histories"),
        ("Clean and maintain tools.", "tools"),
        ("Dispose of trash or waste materials.", "trash or waste materials"),
        (
            "Maintain forestry, hunting, or agricultural equipment.",
            "forestry, hunting, or agricultural equipment",
        ),
        (
            "Monitor patient conditions during treatments, procedures, or activities.",
            "patient conditions",
        ),
        # People, not things; vague objects; a list of modifiers left dangling.
        ("Collaborate with healthcare professionals to plan or provide treatment.", None),
        ("Prepare patients physically for medical procedures.", None),
        ("Conduct research to gain information about products or processes.", None),
        (
            "Maintain accurate, detailed reports and records.",
            "accurate, detailed reports and records",
        ),
    ],
)
def test_object_of(title: str, obj: str | None) -> None:
    assert object_of(title) == obj


def test_templates_cover_every_domain_and_level() -> None:
    assert [d.name for d in DOMAINS] == NAMES
    for spec in DOMAINS:
        assert all(len(TEMPLATES[spec.id][level]) == 4 for level in DurableLevel)


def test_facts_of_a_nurse(nurse: Brief) -> None:
    facts = gather_facts(nurse)
    assert facts.people == ("patients", Anchor(kind="task", id="1840", release="30.1"))
    assert facts.peers == ("team members", Anchor(kind="task", id="1843", release="30.1"))
    assert facts.tech and facts.tech[0] == "eClinicalWorks EHR software"
    assert facts.materials[0].obj == "medical facility records"
    assert facts.materials[0].act == "maintain medical facility records"


def test_domains_weighted_from_work_styles_skills_and_interests(nurse: Brief) -> None:
    durable = compose_durable(nurse)
    assert sorted(d.name for d in durable.domains) == sorted(NAMES)
    assert [d.rank for d in durable.domains] == list(range(1, 11))
    weights = [d.weight for d in durable.domains]
    assert weights == sorted(weights, reverse=True)
    first = durable.domains[0]
    assert (first.name, first.weight) == ("Character", 0.935)
    assert first.reason == (
        "Weighted by Dependability (work style impact 2.93); Sincerity (work style impact 2.14,"
        " distinctive rank 1); Integrity (work style impact 2.55, distinctive rank 10); Social"
        " interest (high point 1)."
    )
    assert first.element_ids == ["1.D.3.d", "1.D.3.c", "1.D.2.b", "2.B.1.f", "1.B.1.d", "1.B.1.f"]
    assert durable.domains[-1].name == "Creativity"


def test_statement_counts_follow_rank(nurse: Brief) -> None:
    durable = compose_durable(nurse)
    counts = [[len(d.level(level)) for level in DurableLevel] for d in durable.domains]
    assert counts == [[2, 3, 4, 3]] * 3 + [[2, 3, 3, 3]] * 4 + [[2, 2, 3, 3]] * 3
    assert sum(len(d.statements) for d in durable.domains) == 110


def test_statements_are_about_this_occupation_and_cite_it(nurse: Brief) -> None:
    durable = compose_durable(nurse)
    communication = next(d for d in durable.domains if d.name == "Communication")
    first = communication.level(DurableLevel.EMERGING)[0]
    assert first.text == (
        "Accurate notes on medical facility records — write short, factual notes on medical"
        " facility records in the agreed format so the next person can follow them."
    )
    assert first.framework == FRAMEWORK
    assert [(a.kind, a.id) for a in first.anchors] == [
        ("task", "1839"),
        ("dwa", "4.A.3.b.6.I11.D02"),
        ("element", "1.D.2.f"),
    ]
    valid = valid_records(nurse)
    texts = [s.text for d in durable.domains for s in d.statements]
    assert len(texts) == len(set(texts))
    assert sum("patients" in t for t in texts) >= 10
    for d in durable.domains:
        for s in d.statements:
            assert s.anchors and all(a.id in valid[a.kind] for a in s.anchors)


def test_other_occupations_read_differently(store: Engine, nurse: Brief) -> None:
    with store.connect() as conn:
        welder = get_brief(conn, "51-4121.00")
    durable = compose_durable(welder)
    assert durable.domains[0].name == "Fortitude"
    texts = {s.text for d in durable.domains for s in d.statements}
    assert not texts & {s.text for d in compose_durable(nurse).domains for s in d.statements}
    assert gather_facts(welder).people is None
    assert not any("{" in t or "patients" in t for t in texts)


def test_deterministic(nurse: Brief) -> None:
    assert compose_durable(nurse) == compose_durable(nurse)
