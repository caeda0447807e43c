import pytest

from skillsx.compose.framework import compose_framework
from skillsx.models import Anchor, Level, Statement
from skillsx.validate import validate_framework
from skillsx.validate.rules import check_statement
from tests.test_compose_briefs import SMALL

GOOD = (
    "Price schedules and discount rates",
    "apply them to routine customer quotes using set price lists, under direct guidance.",
)


def framework_with(subject: str, action: str, level: Level = Level.EMERGING, **kw):
    fw = compose_framework(SMALL, engine="grounded-v1")
    first = fw.level(level)[0]
    bad = first.model_copy(update={"subject": subject, "action": action, **kw})
    return fw.model_copy(update={"statements": [bad if s is first else s for s in fw.statements]})


def rules_for(subject: str, action: str, level: Level = Level.EMERGING, **kw) -> set[str]:
    fw = framework_with(subject, action, level, **kw)
    stmt = fw.level(level)[0]
    return {p.rule for p in check_statement(fw, stmt, SMALL)}


def test_good_statement_passes():
    assert rules_for(*GOOD) == set()


@pytest.mark.parametrize(
    ("subject", "action", "rule"),
    [
        ("Price schedules — and rates", GOOD[1], "structure.dash"),
        (GOOD[0], GOOD[1].rstrip("."), "structure.period"),
        (GOOD[0], "apply them, under direct guidance.", "structure.words"),
        (
            GOOD[0],
            "apply the the rates to routine customer quotes, under direct guidance.",
            "grammar.doubled",
        ),
        ("Price schedules and", GOOD[1], "grammar.dangling"),
        (
            GOOD[0],
            "apply them to routine customer quotes using set price lists and.",
            "grammar.dangling",
        ),
        ("price schedules and discount rates", GOOD[1], "grammar.case"),
        (
            GOOD[0],
            "apply them to n/a customer quotes using set price lists, under direct guidance.",
            "grammar.na",
        ),
        (
            GOOD[0],
            "apply them  to routine customer quotes using set lists, under direct guidance.",
            "grammar.na",
        ),
        (
            GOOD[0],
            "apply them () to routine customer quotes using set lists, under direct guidance.",
            "grammar.na",
        ),
        (
            GOOD[0],
            "apply them under direct guidance to routine customer quotes, under direct guidance.",
            "grammar.qualifier",
        ),
        ("Determine price schedules and discount rates", GOOD[1], "subject.verb"),
        ("Resolve customer complaints regarding sales and service", GOOD[1], "subject.verb"),
        (
            GOOD[0],
            "Apply them to routine customer quotes using set price lists, under guidance.",
            "action.verb",
        ),
        (
            GOOD[0],
            "quotes for routine customers are prepared from set price lists, under guidance.",
            "action.verb",
        ),
        (
            GOOD[0],
            "set direction for routine customer quotes using set price lists, under guidance.",
            "level.marker",
        ),
    ],
)
def test_each_rule_fires_on_a_bad_statement(subject, action, rule):
    assert rule in rules_for(subject, action)


def test_subject_identical_to_task_is_an_error():
    fw = framework_with("Determine price schedules and discount rates.", GOOD[1])
    problems = check_statement(fw, fw.level(Level.EMERGING)[0], SMALL)
    assert "subject.task" in {p.rule for p in problems}


def test_level_markers_follow_the_level_model():
    action = "set pricing policy for routine quotes using set price lists, under supervision."
    assert "level.marker" in rules_for(GOOD[0], action, Level.ADVANCED)
    assert "level.marker" not in rules_for(
        GOOD[0], action.replace(", under supervision", ""), Level.ADVANCED
    )


def test_structure_requires_ten_per_level():
    fw = compose_framework(SMALL, engine="grounded-v1")
    short = fw.model_copy(update={"statements": fw.statements[1:]})
    problems = validate_framework(short, SMALL)
    assert ("structure.levels", "emerging") in {(p.rule, p.where) for p in problems}
    [p] = [p for p in problems if p.rule == "structure.levels"]
    assert p.message == "Emerging has 9 statements; expected 10."


def test_near_duplicate_actions_are_errors():
    fw = compose_framework(SMALL, engine="grounded-v1")
    a, b = fw.level(Level.DEVELOPING)[:2]
    copy = b.model_copy(update={"action": a.action})
    fw = fw.model_copy(update={"statements": [copy if s is b else s for s in fw.statements]})
    rules = {(p.rule, p.where) for p in validate_framework(fw, SMALL)}
    assert ("duplicate.action", "developing#1~developing#2") in rules


def test_same_theme_same_verb_at_two_levels_is_an_error():
    fw = compose_framework(SMALL, engine="grounded-v1")
    e = fw.level(Level.EMERGING)[0]
    d = next(s for s in fw.level(Level.DEVELOPING) if (s.theme, s.subject) == (e.theme, e.subject))
    copy = d.model_copy(update={"action": e.action.replace("under", "with")})
    fw = fw.model_copy(update={"statements": [copy if s is d else s for s in fw.statements]})
    assert "duplicate.theme" in {p.rule for p in validate_framework(fw, SMALL)}


def test_foreign_anchor_and_missing_anchor_are_errors():
    foreign = [Anchor(kind="task", id="999999", release="30.1")]
    fw = framework_with(*GOOD, anchors=foreign)
    problems = validate_framework(fw, SMALL)
    [p] = [p for p in problems if p.rule == "anchors.foreign"]
    assert p.message == "task 999999 is not a record of 99-0001.00."
    fw = framework_with(*GOOD, anchors=[])
    assert "anchors.missing" in {p.rule for p in validate_framework(fw, SMALL)}
    fw = framework_with(*GOOD, anchors=[Anchor(kind="task", id="1", release="28.0")])
    assert "anchors.release" in {p.rule for p in validate_framework(fw, SMALL)}


def test_coverage_warns_under_ninety_percent():
    fw = compose_framework(SMALL, engine="grounded-v1")
    stripped = [
        s.model_copy(
            update={
                "anchors": [a for a in s.anchors if a.id != "1"]
                or [Anchor(kind="tool", id="23171500", release="30.1")]
            }
        )
        for s in fw.statements
    ]
    fw = fw.model_copy(update={"statements": stripped})
    [p] = [p for p in validate_framework(fw, SMALL) if p.rule == "coverage.core"]
    assert (p.severity, p.message) == ("warning", "75% of 4 Core tasks are anchored; aim for 90%.")


def test_statement_type_is_used():
    assert isinstance(compose_framework(SMALL, engine="grounded-v1").statements[0], Statement)


# ---- wording rules: each fires on a bad statement and stays quiet on a good one


@pytest.mark.parametrize(
    ("subject", "bad", "good", "rule", "level"),
    [
        (
            "Ladders and scaffolding",
            "set up them on routine work for own jobs, under direct guidance.",
            "set them up on routine work for own jobs, under direct guidance.",
            "grammar.phrasal",
            Level.EMERGING,
        ),
        (
            "Supervision of clerical staff",
            "lead them and resolve escalated issues for the whole team, without supervision.",
            "lead the clerical staff and resolve escalated issues for the team, as the expert.",
            "grammar.vague",
            Level.PROFICIENT,
        ),
        (
            "Patient treatment plans",
            "shape policy on them across the organisation, working with senior leaders.",
            "write the organisation's policy on care plans across all sites, with senior leaders.",
            "level.generic",
            Level.ADVANCED,
        ),
        (
            "Customer meetings",
            "represent the organisation in high-level meetings across the organisation, as lead.",
            "lead customer meetings with senior partners and outside bodies across all sites.",
            "level.generic",
            Level.ADVANCED,
        ),
        (
            "Physical examinations and make tentative diagnoses",
            "carry out simple parts of them on assigned patients, under close supervision.",
            "carry out simple parts of them on assigned patients, under close supervision.",
            "subject.leftover",
            Level.EMERGING,
        ),
        (
            "Price schedules and discount rates",
            "apply them to routine customer quotes using Desktop computers, under direct guidance.",
            "apply them to routine customer quotes using desktop computers, under direct guidance.",
            "grammar.capital",
            Level.EMERGING,
        ),
    ],
)
def test_wording_rules_fire_on_bad_and_not_on_good(subject, bad, good, rule, level):
    assert rule in rules_for(subject, bad, level)
    clean = "Physical examinations" if rule == "subject.leftover" else subject
    assert rule not in rules_for(clean, good, level)


def test_leftover_list_words_in_subjects():
    assert "subject.leftover" in rules_for("Other cooks", GOOD[1])
    assert "subject.leftover" in rules_for("Infection control programs, advising", GOOD[1])
    assert "subject.leftover" not in rules_for("Infection control programs", GOOD[1])


def test_tool_the_task_does_not_call_for_is_unrelated():
    from skillsx.compose.settings import plausible_tool

    weld = "Weld components in flat, vertical, or overhead positions."
    assert plausible_tool(weld, "Arc welders", "Wirefeed welders", software=False)
    assert not plausible_tool(weld, "Safety glasses", "Safety glasses", software=False)
    assert not plausible_tool(
        "Prepare rooms, sterile instruments, or supplies and ensure stock is maintained.",
        "Vascular or compression socks",
        "Anti-embolism elastic stockings",
        software=False,
    )
    assert plausible_tool("Maintain patient records.", "Medical software", "Epic", software=True)
    assert not plausible_tool(
        "Visit franchised dealers.",
        "Development environment software",
        "Eclipse IDE",
        software=True,
    )


def test_closer_repeated_within_a_level_is_an_error():
    from skillsx.validate.rules import check_closers

    fw = compose_framework(SMALL, engine="grounded-v1")
    first, second = fw.level(Level.EMERGING)[:2]
    assert not check_closers(fw)
    twin = second.model_copy(update={"action": first.action})
    fw = fw.model_copy(update={"statements": [twin if s is second else s for s in fw.statements]})
    assert [p.rule for p in check_closers(fw)] == ["style.closer"]


def test_context_covered_keeps_common_nouns_lower_case():
    from skillsx.validate.rules import check_context

    fw = compose_framework(SMALL, engine="grounded-v1")
    assert check_context(fw, SMALL) == []
    bad = fw.model_copy(
        update={"context_covered": "Covers the work: using tools such as Blenders."}
    )
    assert [p.rule for p in check_context(bad, SMALL)] == ["context.case"]


def test_build_flags_a_closer_at_the_same_position_everywhere():
    from skillsx.validate.rules import validate_build

    fw = compose_framework(SMALL, engine="grounded-v1")
    same = [fw.model_copy(update={"soc": f"00-{n:04d}.00"}) for n in range(25)]
    problems = validate_build(same)
    assert problems and {p.rule for p in problems} == {"build.position"}
    assert {p.severity for p in problems} == {"warning"}
    assert validate_build(same[:5]) == []


# --- scope, Job Zone, echoes and subjects that name no work ------------------------------------


@pytest.mark.parametrize(
    ("subject", "action", "level", "rule"),
    [
        (
            GOOD[0],
            "lead pricing reviews for the whole team across several teams, as the go-to expert.",
            Level.PROFICIENT,
            "level.scope",
        ),
        (
            "Goals and deadlines",
            "practise setting them on simple tasks on own tasks, checking each result.",
            Level.EMERGING,
            "level.scope",
        ),
        (
            "Special services for customers",
            "carry them out on routine work on own tasks, with each step checked by a supervisor.",
            Level.EMERGING,
            "level.scope",
        ),
        (
            "Frames and sections",
            "plan major work on them on vehicles across the team's vehicles, without supervision.",
            Level.PROFICIENT,
            "level.scope",
        ),
        (
            "Test data on parts",
            "set the retention and privacy policy for on parts across the business, as the lead.",
            Level.ADVANCED,
            "grammar.stacked",
        ),
        (
            "Cash preparation",
            "prepare simple preparation from set formats on own tasks, under direct guidance.",
            Level.EMERGING,
            "grammar.echo",
        ),
        (
            "Assistance provision",
            "help deliver assistance to set protocols on own tasks, under direct guidance.",
            Level.EMERGING,
            "subject.nominal",
        ),
        (
            "Chefs or caterers",
            "review the menus delivered by colleagues for the whole team, without supervision.",
            Level.PROFICIENT,
            "subject.people",
        ),
        (
            "Current electrician's license",
            "renew and file the licence papers on own tasks, following set procedures.",
            Level.EMERGING,
            "subject.credential",
        ),
    ],
)
def test_form_rules_fire(subject: str, action: str, level: Level, rule: str) -> None:
    assert rule in rules_for(subject, action, level)


def test_hyphenated_words_are_not_stacked_prepositions() -> None:
    action = "plan the multi-year budget for on-site work across all sites, as the lead."
    assert "grammar.stacked" not in rules_for(GOOD[0], action, Level.ADVANCED)


def test_on_own_initiative_is_a_manner_not_a_second_scope() -> None:
    action = "price routine quotes across own accounts, on own initiative."
    assert "level.scope" not in rules_for(GOOD[0], action, Level.DEVELOPING)


def test_boardroom_words_only_fit_professional_job_zones() -> None:
    from skillsx.models import JobZone

    action = (
        "set the pricing policy for price schedules across the organisation, "
        "answering for the results to the board."
    )
    fw = framework_with(GOOD[0], action, Level.ADVANCED)
    stmt = fw.level(Level.ADVANCED)[0]
    for zone, flagged in ((2, True), (3, True), (4, False), (5, False)):
        brief = SMALL.model_copy(
            update={"job_zone": JobZone(zone=zone, name="x", inferred=False, basis="test")}
        )
        rules = {p.rule for p in check_statement(fw, stmt, brief)}
        assert ("level.zone" in rules) is flagged, zone


@pytest.mark.parametrize(
    ("subject", "rule"),
    [
        ("Gross and net tonnage, hold capacities, volumes", "subject.list"),
        ("Clients improve decision making and abstract reasoning", "subject.clause"),
    ],
)
def test_subject_shape_rules(subject: str, rule: str) -> None:
    action = "check the figures against a set checklist on own tasks, under direct guidance."
    assert rule in rules_for(subject, action)
