"""Durable skills: ten domains, weighted per occupation, statements grounded in its records."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.durable import (
    DOMAINS,
    FRAMEWORK,
    TEMPLATES,
    Material,
    compose_durable,
    gather_facts,
    kind_of,
    object_of,
    trim_purpose,
)
from skillsx.compose.durable.facts import SENIOR_WORK, usable_object
from skillsx.compose.durable.templates import TRAITS, parse_templates
from skillsx.compose.durable.words import repeats_root, verb_roots
from skillsx.models import Anchor, Brief, DurableLevel, Technology
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
        # No noun ("Stay informed"), a list of adjectives cut after its first, a participle.
        ("Stay informed about current developments in field of specialization.", None),
        ("Test performance of electrical, electronic, mechanical, or integrated systems.", None),
        ("Supervise workers performing environmentally sustainable activities.", None),
        ("Prepare reports detailing student activities or performance.", "reports"),
    ],
)
def test_object_of(title: str, obj: str | None) -> None:
    assert object_of(title) == obj


@pytest.mark.parametrize(
    ("obj", "kind"),
    [
        ("patient medical histories", "record"),
        ("inventory of medical supplies or equipment", "record"),
        ("medical emergencies", "hazard"),
        ("customer complaints", "issue"),
        ("suspicious objects or vehicles", "work"),
        ("tools or materials", "thing"),
        ("welding equipment", "equipment"),
        ("metal workpieces", "thing"),
        ("healthcare delivery programs", "work"),
        ("accuracy of financial or transactional data", "quality"),
        ("distances or dimensions", "quality"),
        (None, "work"),
    ],
)
def test_kind_of(obj: str | None, kind: str) -> None:
    assert kind_of(obj) == kind


@pytest.mark.parametrize(
    ("act", "trimmed"),
    [
        ("monitor work areas to provide security", "monitor work areas"),
        ("refer patients to other practitioners", "refer patients to other practitioners"),
        ("record patient medical histories", "record patient medical histories"),
    ],
)
def test_trim_purpose(act: str, trimmed: str) -> None:
    assert trim_purpose(act) == trimmed


@pytest.mark.parametrize(
    ("obj", "usable"),
    [
        ("accuracy of records", ("the accuracy of records", "quality")),
        (
            "effectiveness of educational programs",
            ("the effectiveness of educational programs", "quality"),
        ),
        (
            "characteristics of equipment or systems",
            ("characteristics of equipment or systems", "quality"),
        ),
        ("employee performance", ("employee performance", "quality")),
        ("knowledge of current developments", (None, "work")),
        ("topics", (None, "work")),
        ("personnel records", ("personnel records", "record")),
    ],
)
def test_usable_object(obj: str, usable: tuple[str | None, str]) -> None:
    assert usable_object(obj) == usable


def test_a_verb_is_not_repeated_in_its_object() -> None:
    roots = verb_roots("Handover notes — record {record} clearly for {peers}.")
    assert roots == {"record"}
    assert repeats_root(roots, "personnel records")
    assert not repeats_root(roots, "customer orders")
    assert repeats_root(verb_roots("write messages about {acting}"), "writing grant proposals")
    # "work" is the templates' own noun: "work on {obj}" may name "work areas".
    assert not repeats_root(verb_roots("keep working at {obj}"), "work areas")


def test_gerunds_double_the_stressed_consonant() -> None:
    anchors = (Anchor(kind="task", id="1", release="30.1"),)
    acting = [
        Material(None, act, None, anchors, 0).acting
        for act in ("program equipment", "format documents", "input data", "confer with staff")
    ]
    assert acting == [
        "programming equipment",
        "formatting documents",
        "inputting data",
        "conferring with staff",
    ]


def test_acting_turns_every_leading_verb_into_a_gerund() -> None:
    anchors = (Anchor(kind="task", id="1", release="30.1"),)
    assert Material("tools", "clean and maintain tools", None, anchors, 0).acting == (
        "cleaning and maintaining tools"
    )
    assert Material(None, "set up displays", None, anchors, 0).acting == "setting up displays"


def test_templates_cover_every_domain_and_level() -> None:
    assert [d.name for d in DOMAINS] == NAMES
    for spec in DOMAINS:
        for level in DurableLevel:
            templates = TEMPLATES[spec.id][level]
            # Enough templates that need no trait of the work beyond the Job Zone, so every
            # occupation fills a level.
            for traits in (frozenset({"people"}), frozenset({"people", "pro"})):
                assert len([t for t in templates if t.fits(traits)]) >= 3, (spec.id, level)
            assert all(t.needs | t.excludes <= TRAITS for t in templates)
            assert len({t.text.split(" — ")[0] for t in templates}) == len(templates)


def test_template_gates_and_slots_are_parsed() -> None:
    parsed = parse_templates(
        "E [care, !pro] Calm with {people} — stay calm with {people} while {acting},\n"
        "  and ask for help.\nD Notes — keep {record} up to date for {peers} every day."
    )
    first, second = parsed[DurableLevel.EMERGING][0], parsed[DurableLevel.DEVELOPING][0]
    assert first.text == (
        "Calm with {people} — stay calm with {people} while {acting}, and ask for help."
    )
    assert (first.needs, first.excludes) == ({"care"}, {"pro"})
    assert first.slots == ("people", "acting") and first.material_slots == ("acting",)
    assert first.fits(frozenset({"care", "people"})) and not first.fits(frozenset({"care", "pro"}))
    assert second.slots == ("record", "peers") and second.fits(frozenset())
    with pytest.raises(ValueError, match="traits"):
        parse_templates("E [cares] Title — behaviour of {people} here.")


def test_facts_of_a_nurse(nurse: Brief) -> None:
    facts = gather_facts(nurse)
    assert facts.people == ("patients", Anchor(kind="task", id="1840", release="30.1"))
    assert facts.peers == ("team members", Anchor(kind="task", id="1843", release="30.1"))
    assert facts.tech and facts.tech[0] == "eClinicalWorks EHR software"
    first = facts.materials[0]
    assert (first.obj, first.act, first.kind, first.acting) == (
        "medical facility records",
        "maintain medical facility records",
        "record",
        "maintaining medical facility records",
    )
    assert {"care", "people", "pro", "records", "team"} <= facts.traits
    assert not {"sell", "physical"} & facts.traits
    # Asked again for the same brief (AI use after durable skills): the same facts, fresh counts.
    facts.used["x"] += 1
    again = gather_facts(nurse)
    assert again.materials == facts.materials and not again.used


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
        "Saying what happens next — tell patients in plain words what is about to happen and why"
        " before administering anesthetics or sedatives."
    )
    assert first.framework == FRAMEWORK
    assert [(a.kind, a.id) for a in first.anchors] == [
        ("task", "1854"),
        ("dwa", "4.A.4.a.5.I03.D03"),
        ("task", "1840"),
        ("element", "1.D.2.f"),
    ]
    valid = valid_records(nurse)
    texts = [s.text for d in durable.domains for s in d.statements]
    assert len(texts) == len(set(texts))
    assert sum("patients" in t for t in texts) >= 10
    for d in durable.domains:
        for s in d.statements:
            assert s.anchors and all(a.id in valid[a.kind] for a in s.anchors)


def test_management_work_waits_for_the_senior_levels(nurse: Brief) -> None:
    senior = {d.id for t in nurse.tasks for d in t.dwas if d.element_id in SENIOR_WORK}
    assert senior
    durable = compose_durable(nurse)
    early = (DurableLevel.EMERGING, DurableLevel.DEVELOPING)
    cited = {a.id for d in durable.domains for s in d.statements for a in s.anchors}
    cited_early = {
        a.id for d in durable.domains for s in d.statements if s.level in early for a in s.anchors
    }
    assert senior & cited and not senior & cited_early


def test_traits_shape_the_statements(store: Engine, nurse: Brief) -> None:
    with store.connect() as conn:
        seller, welder = get_brief(conn, "41-2031.00"), get_brief(conn, "51-4121.00")

    def fortitude(brief: Brief) -> set[str]:
        durable = compose_durable(brief)
        return {s.title for s in next(d for d in durable.domains if d.id == "fortitude").statements}

    nurse_f, seller_f, welder_f = fortitude(nurse), fortitude(seller), fortitude(welder)
    assert {"Steadiness with suffering", "Facing crisis and loss"} <= nurse_f
    assert {"Bouncing back from refusals", "Steady effort toward targets"} <= seller_f
    assert {"Working through discomfort", "Stamina with care"} <= welder_f
    assert not (nurse_f & {"Bouncing back from refusals", "Working through discomfort"})
    assert not (welder_f & {"Steadiness with suffering", "Bouncing back from refusals"})
    assert "sell" in gather_facts(seller).traits and "care" not in gather_facts(seller).traits


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


def test_people_named_alike_whatever_the_hash_seed(nurse: Brief) -> None:
    # Two names in one task tie; the set they came from is ordered by the hash seed, which
    # differs between build workers. The name must not depend on it.
    task = nurse.tasks[0].model_copy(
        update={"text": "Assist scientists and physicians with records.", "type": "Core"}
    )
    brief = nurse.model_copy(update={"tasks": [task]})
    assert gather_facts(brief).peers[0] == "physicians"


def test_technology_named_without_its_article(nurse: Brief) -> None:
    matlab = Technology(
        commodity_code=43232605,
        commodity_title="Analytical or scientific software",
        example="The MathWorks MATLAB",
        hot=True,
        in_demand=False,
    )
    brief = nurse.model_copy(update={"technology": [matlab]})
    assert gather_facts(brief).tech == (
        "MathWorks MATLAB",
        Anchor(kind="technology", id="43232605", release="30.1"),
    )
