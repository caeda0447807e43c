"""Seams a reader notices in durable-skills and AI-use statements, on real statements of the
full build before the composer was fixed (and what it writes now, which must pass)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.ai_use import compose_ai_use
from skillsx.compose.durable import compose_durable
from skillsx.compose.evidence import compose_evidence
from skillsx.models import Brief, EvidencePack
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief
from skillsx.validate.ai_use import display_problem, validate_ai_use, validate_evidence
from skillsx.validate.durable import (
    doubled_root,
    gerund_object,
    misspelt_gerund,
    pronoun_opening,
    seam_findings,
    stray_article,
    title_echo,
    unfit_object,
    validate_durable,
)


def _split(text: str) -> tuple[str, str]:
    title, body = text.split(" — ", 1)
    return title, body


# Statements of the build of 2026-11-28 (before), each with the one seam it carries.
BEFORE = [
    (
        "Handover notes on personnel records — record personnel records clearly enough that"
        " co-workers can act on them without follow-up questions.",
        [
            ("grammar.root", "A verb and its object share a root: 'record … records'."),
            ("grammar.echo", "The title's object is repeated: 'personnel records'."),
        ],
    ),
    (
        "Concise written messages — write messages about writing grant proposals that state the"
        " point, the deadline and who must act.",
        [("grammar.root", "A verb and its object share a root: 'write … writing'.")],
    ),
    (
        "Records others can trust — write up evaluating program effectiveness so that someone new"
        " to the case could follow what was done and why.",
        [
            (
                "grammar.gerund",
                "A gerund phrase where a noun is needed: 'write up evaluating program "
                "effectiveness'.",
            )
        ],
    ),
    (
        "Confidence in own competence — carry out preparing breads or doughs with confidence once"
        " trained, while still checking the critical steps.",
        [
            (
                "grammar.gerund",
                "A gerund phrase where a noun is needed: 'carry out preparing breads or doughs'.",
            )
        ],
    ),
    (
        "Coaching colleagues on AI use — show co-workers how to prompt, check and correct AI"
        " output on informed, using examples of common errors.",
        [("grammar.object", "An object that does not fit its frame: 'output on informed'.")],
    ),
    (
        "Owning outcomes — take responsibility for the results of own work on knowledge of current"
        " developments, including fixing what went wrong.",
        [
            (
                "grammar.object",
                "An object that does not fit its frame: 'work on knowledge of current "
                "developments'.",
            )
        ],
    ),
    (
        "Verified AI answers on models of information or communications systems — check AI"
        " answers about models of information or communications systems against manuals,"
        " standards or a qualified colleague before acting on them.",
        [
            (
                "grammar.echo",
                "The title's object is repeated: 'information or communications systems'.",
            )
        ],
    ),
    (
        "Inventive use of tools — find new uses of The MathWorks MATLAB that save time or improve"
        " quality in programing robotic equipment.",
        [
            ("grammar.article", "A stray or missing article: 'of The'."),
            ("grammar.spelling", "A misspelt gerund: 'programing'."),
        ],
    ),
    (
        "Reliable follow-through — keep commitments made to co-workers about quality of materials"
        " or products and report progress without being chased.",
        [("grammar.article", "A stray or missing article: 'about quality of'.")],
    ),
]


@pytest.mark.parametrize(("text", "findings"), BEFORE)
def test_seams_of_the_build_before(text: str, findings: list[tuple[str, str]]) -> None:
    assert seam_findings(*_split(text)) == findings


# What the composer writes for the same occupations now.
AFTER = [
    "Handover notes on personnel records — keep entries clear and complete enough that co-workers"
    " can act on them without follow-up questions.",
    "Records others can trust — record each step taken to evaluate program effectiveness, so that"
    " someone new to the case could follow what was done and why.",
    "Confidence in own competence — prepare breads or doughs confidently once trained, while still"
    " checking the critical steps.",
    "Verified AI answers on models of information or communications systems — check each AI"
    " answer against manuals, standards or a qualified colleague before acting on it.",
    "Inventive use of tools — find new uses of MathWorks MATLAB that save time or improve quality"
    " in maintaining operational records or records systems.",
    "A standard others follow — show newer colleagues by example how to serve food or beverages"
    " honestly and carefully, and correct shortcuts firmly but kindly.",
    # Words the rules must not take for seams.
    "Checking own understanding — restate the steps needed to analyze data before starting, and"
    " ask about any gap in own understanding.",
    "Persistence on stubborn problems — keep working at a problem with customer orders through"
    " several failed attempts, changing tactics each time.",
    "Decisions with partial data — make sound judgements on the accuracy of records when"
    " information is partial, stating the assumptions and the risk accepted.",
    "Leading small pieces of work — organise the steps for reviewing art or design materials"
    " with one or two designers, agreeing who does what and by when.",
    "Confidence in own competence — collect information about clients confidently once trained,"
    " while still checking the critical steps.",
]


@pytest.mark.parametrize("text", AFTER)
def test_no_seams_in_what_the_composer_writes_now(text: str) -> None:
    assert seam_findings(*_split(text)) == []


def test_each_check_on_its_own() -> None:
    assert doubled_root("schedule and assign work on staff schedules across the team.") == (
        "schedule … schedules"
    )
    assert doubled_root("keep working at a problem with work areas.") is None
    assert gerund_object("keep supervising technical personnel accurate and safe.") == (
        "keep supervising technical personnel accurate and safe"
    )
    assert gerund_object("keep checking the details when cooking foods.") is None
    assert gerund_object("see long or complex pieces of managing activities through.") == (
        "pieces of managing activities"
    )
    assert unfit_object("work on performance of electrical evolves.") == (
        "work on performance of electrical"
    )
    assert unfit_object("standards for AI use on topics.") == "ai use on topics"
    assert title_echo("Careful observation of home appliances", "watch home appliances.") == (
        "home appliances"
    )
    assert title_echo("Briefings for co-workers", "brief co-workers on changes.") is None
    assert pronoun_opening("them before each shift.") == "them"
    assert pronoun_opening("check it before each shift.") == "check it"
    assert pronoun_opening("carry out them before each shift.") == "carry out them"
    assert pronoun_opening("check their records before each shift.") is None
    assert stray_article("review a unusual case.") == "a unusual"
    assert stray_article("review an useful case, a one-off and an hour.") == "an useful"
    assert stray_article("review own the records.") == "own the"
    assert stray_article("review the the records.") is None  # grammar.doubled's
    assert misspelt_gerund("when programing equipment") == "programing"


@pytest.fixture(scope="module")
def nurse(store: Engine) -> Brief:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00")


def test_rules_reach_the_validators(store: Engine, nurse: Brief) -> None:
    durable = compose_durable(nurse)
    domain = durable.domains[0]
    seamed = domain.statements[0].model_copy(
        update={
            "behaviour": "carry out preparing medication records with care once trained, and"
            " ask a nurse when unsure."
        }
    )
    broken = durable.model_copy(
        update={
            "domains": [
                domain.model_copy(update={"statements": [seamed, *domain.statements[1:]]}),
                *durable.domains[1:],
            ]
        }
    )
    assert [(p.rule, p.severity) for p in validate_durable(broken, nurse)] == [
        ("grammar.gerund", "error")
    ]
    with store.connect() as conn:
        evidence = get_ai_evidence(conn, nurse.soc)
    ai = compose_ai_use(nurse, evidence)
    first = ai.statements[0]
    echo = first.model_copy(
        update={
            "subject": "Doubtful AI output on patient care plans",
            "action": "flag any AI answer about patient care plans to a supervisor.",
        }
    )
    broken_ai = ai.model_copy(update={"statements": [echo, *ai.statements[1:]]})
    assert [p.rule for p in validate_ai_use(broken_ai, nurse)] == ["grammar.echo"]


@pytest.mark.parametrize(
    ("value", "display", "available", "problem"),
    [
        (0.0004, "0.000%", True, "'0.000%' shows a share rounded to nothing."),
        (0.003, "0.00%", True, "'0.00%' shows a share rounded to nothing."),
        (0.0, "0th percentile", True, "'0th percentile' is no percentile."),
        (100.0, "100th percentile", True, "'100th percentile' is no percentile."),
        (0.0004, "0%", True, "'0%' shows 0.0004 as zero."),
        (None, "", True, "An available figure has no display."),
        (0.5, "unavailable", False, "An unavailable figure carries a value."),
        (0.0, "0%", True, None),
        (0.000586, "0.000586%", True, None),
        (99.9, "99th percentile", True, None),
        (None, "unavailable", False, None),
    ],
)
def test_evidence_displays(
    value: float | None, display: str, available: bool, problem: str | None
) -> None:
    assert display_problem(value, display, available) == problem


def test_evidence_pack_of_a_nurse_reads_well(store: Engine, nurse: Brief) -> None:
    with store.connect() as conn:
        evidence = get_ai_evidence(conn, nurse.soc)
    pack = compose_evidence(nurse, evidence)
    assert validate_evidence(pack) == []
    old = pack.figures[1].model_copy(update={"display": "0.000%"})
    broken = EvidencePack(
        soc=pack.soc,
        figures=[pack.figures[0], old, *pack.figures[2:]],
        top_tasks=pack.top_tasks,
        interactions=pack.interactions,
    )
    assert [(p.rule, p.where) for p in validate_evidence(broken)] == [
        ("evidence.display", "evidence/usage_share")
    ]
