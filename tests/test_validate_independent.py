"""The rules built apart from the composer (``validate.independent``), on hand-made frameworks
and a verb–object model learnt at test time from O*NET's own task and DWA texts."""

from __future__ import annotations

import itertools
import string
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from skillsx.models import Anchor, Framework, Level, Statement
from skillsx.store.worktexts import get_work_texts
from skillsx.validate import validate_build_independent, validate_independent
from skillsx.validate.independent import (
    Clause,
    Reference,
    check_anchor_other,
    check_pronoun,
    check_repeat,
    check_verb_object,
    clauses,
    implausible_pairs,
    opening_clause,
    subject_heads,
)

from .conftest import ONET

# One worker runs this module: the model learnt from the whole release (``reference``)
# is built once, not once on each xdist worker.
pytestmark = pytest.mark.xdist_group("validate-independent")

SOC = "47-2061.00"  # Construction Laborers
SUPERVISOR = "47-1011.00"  # First-Line Supervisors of Construction Trades


def _anchor(kind: str, id: str, release: str = "30.1") -> Anchor:
    # ``model_construct``: the anchor kinds the composer may not have added to the model yet.
    return Anchor.model_construct(kind=kind, id=id, release=release)  # type: ignore[arg-type]


def stmt(
    level: Level, order: int, subject: str, action: str, anchors: list[Anchor] | None = None
) -> Statement:
    return Statement(
        level=level,
        order=order,
        theme=f"t{order}",
        subject=subject,
        action=action,
        anchors=anchors if anchors is not None else [_anchor("task", "1")],
    )


def framework(statements: list[Statement], soc: str = SOC) -> Framework:
    return Framework(
        soc=soc,
        title="Construction Laborers",
        release="30.1",
        engine="test",
        context_covered="",
        description="",
        themes=[],
        statements=statements,
    )


def filler(n: int) -> str:
    """A made-up word, different for every ``n`` ("qaa", "qab", ...)."""
    letters = string.ascii_lowercase
    return "q" + letters[n // 26 % 26] + letters[n % 26] + letters[n // 676 % 26]


def full(overrides: dict[tuple[Level, int], tuple[str, str]] | None = None) -> Framework:
    """Forty statements with distinct subjects and made-up actions, some replaced."""
    overrides = overrides or {}
    out = []
    for li, level in enumerate(Level):
        for order in range(1, 11):
            n = li * 10 + order
            subject, action = overrides.get(
                (level, order), (f"Subject {filler(n)}", f"{filler(n)} {filler(n + 100)}.")
            )
            out.append(stmt(level, order, subject, action))
    return framework(out)


# ---------------------------------------------------------------- indep.pronoun


def test_pronoun_after_dash() -> None:
    fw = full(
        {
            (Level.EMERGING, 1): ("Legal volumes", "attend them and apply what is learned."),
            (Level.DEVELOPING, 2): ("Trees", "carry them out from start to finish."),
            (Level.PROFICIENT, 3): ("Site safety", "it is checked every day by the crew."),
            (Level.ADVANCED, 4): ("Price quotes", "prepare quotes from account history."),
        }
    )
    found = check_pronoun(fw)
    assert [(p.rule, p.severity, p.where) for p in found] == [
        ("indep.pronoun", "error", "emerging#1"),
        ("indep.pronoun", "error", "developing#2"),
        ("indep.pronoun", "error", "proficient#3"),
    ]
    assert "attend them and apply what is learned." in found[0].message


# ---------------------------------------------------------------- indep.repeat


def _repeated(count: int) -> Framework:
    overrides = {}
    for i in range(count):
        subject = f"Repeated subject {filler(i)}"
        overrides[(Level.EMERGING, i + 1)] = (subject, f"{filler(i)} one.")
        overrides[(Level.ADVANCED, i + 1)] = (subject.upper(), f"{filler(i)} two.")
    return full(overrides)


def test_repeat_allows_three_subjects_across_levels() -> None:
    assert check_repeat(_repeated(3)) == []


def test_repeat_flags_a_fourth_subject_across_levels() -> None:
    found = check_repeat(_repeated(4))
    assert [(p.rule, p.severity, p.where) for p in found] == [
        ("indep.repeat", "error", "framework")
    ]
    assert found[0].message.startswith("4 subjects repeat at another level (at most 3): ")
    assert "'Repeated subject qaaa' at emerging, advanced" in found[0].message


# ---------------------------------------------------------------- indep.skeleton


@dataclass(frozen=True)
class Entry:
    soc: str
    statements: list[Statement]


def _build(templated: dict[str, list[tuple[Level, int]]], frameworks: int = 30) -> list[Entry]:
    """``frameworks`` × 40 statements of made-up words; at the given places the action is
    "check the <word> daily and log the result." (its skeleton: "check the * daily and log
    the result")."""
    counter = itertools.count(1000)
    entries = []
    for f in range(frameworks):
        soc = f"99-{f:04d}.00"
        stmts = []
        for level in Level:
            for order in range(1, 11):
                w = filler(next(counter))
                if (level, order) in templated.get(soc, []):
                    action = f"check the {w} daily and log the result."
                else:
                    action = f"{w} {filler(next(counter))}."
                stmts.append(stmt(level, order, f"Subject {w}", action))
        entries.append(Entry(soc, stmts))
    return entries


def test_skeleton_over_one_percent_of_the_build() -> None:
    # 1,200 statements: a skeleton in 13 (> 12 = 1%) is a template, once per framework.
    places = [(Level.EMERGING, 1), (Level.ADVANCED, 10)]
    templated = {f"99-{f:04d}.00": places for f in range(6)} | {"99-0006.00": places[:1]}
    found = validate_build_independent(_build(templated))
    assert [(p.rule, p.severity, p.soc, p.where) for p in found] == [
        ("indep.skeleton", "warning", f"99-{f:04d}.00", "emerging#1,advanced#10") for f in range(6)
    ] + [("indep.skeleton", "warning", "99-0006.00", "emerging#1")]
    assert found[0].message == (
        "Skeleton 'check the * daily and log the result' is used by 13 of the build's 1200 "
        "statements (over 1%)."
    )


def test_skeleton_at_one_percent_or_in_a_small_build_passes() -> None:
    places = [(Level.EMERGING, 1), (Level.ADVANCED, 10)]
    twelve = {f"99-{f:04d}.00": places for f in range(6)}
    assert validate_build_independent(_build(twelve)) == []
    # Under 800 statements, 1% of a build is no evidence of a template.
    assert validate_build_independent(_build(twelve, frameworks=19)) == []


# ---------------------------------------------------------------- indep.verb_object


def _rows(name: str) -> list[list[str]]:
    lines = (ONET / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line]


@pytest.fixture(scope="module")
def reference() -> Reference:
    """Learnt, as a build learns it (``store.worktexts``), from every task statement of O*NET
    30.1 and its DWA and IWA titles, level scale anchors and content-model descriptions, with
    its job titles as the people nouns: read from the release files at test time."""
    tasks = [(r[0], int(r[1]), r[2]) for r in _rows("Task Statements.txt")]
    texts = (
        [r[3] for r in _rows("DWA Reference.txt")]
        + [r[2] for r in _rows("IWA Reference.txt")]
        + [r[4] for r in _rows("Level Scale Anchors.txt")]
        + [r[2] for r in _rows("Content Model Reference.txt")]
    )
    titles = (
        [r[1] for r in _rows("Occupation Data.txt")]
        + [r[1] for r in _rows("Alternate Titles.txt")]
        + [r[1] for r in _rows("Sample of Reported Titles.txt")]
    )
    return Reference.build("30.1", tasks, texts, titles)


def test_clauses_of_onet_texts() -> None:
    assert clauses("Monitor, record, and report symptoms or changes in patients' conditions.") == [
        Clause(("monitor", "record", "report"), ("symptom", "change"))
    ]
    assert clauses("Feed and water animals, and clean and disinfect pens, cages, and hutches.") == [
        Clause(("feed", "water"), ("animal",)),
        Clause(("clean", "disinfect"), ("pen", "cage", "hutch")),
    ]
    assert clauses("Analyze medical data to determine cause of death.") == [
        Clause(("analyze",), ("data",)),
        Clause(("determine",), ("cause",)),
    ]


def test_opening_clause_of_statement_actions() -> None:
    assert opening_clause("carry them out from start to finish.") == Clause(
        ("carry out",), (), pronoun=True
    )
    assert opening_clause("carry out simple parts of them.") == Clause(
        ("carry out",), (), pronoun=True
    )
    assert opening_clause("help skim them using ladles.") == Clause(("skim",), (), pronoun=True)
    assert opening_clause("organise the behaviours of staff.") == Clause(
        ("organize",), ("behavior",)
    )
    assert opening_clause("set the retention and privacy policy for data.") == Clause(
        ("set",), ("retention", "policy"), optional=("retention",)
    )
    assert subject_heads("Trees and horticultural plants") == ("tree", "plant")


def test_the_model_knows_what_onet_writes(reference: Reference) -> None:
    model = reference.verb_objects
    assert model.seen("monitor", "symptom") and model.seen("prepare", "quote")
    assert model.plausible("monitor", "symptom") is True
    assert model.plausible("attend", "volume") is False
    assert model.plausible("carry out", "tree") is False
    # People nouns (occupation title heads) back off to their class.
    assert not model.seen("show", "embalmer")
    assert model.plausible("show", "embalmer") is True
    # Too little evidence: a verb O*NET never writes, a noun it never uses.
    assert model.plausible("zorble", "tree") is None
    assert model.plausible("attend", "zorblefrax") is None


BAD = [
    ("Legal volumes", "attend them and apply what is learned.", [("attend", "volume")]),
    (
        "Trees and horticultural plants",
        "carry them out from start to finish.",
        [("carry out", "tree"), ("carry out", "plant")],
    ),
    ("Bagging purchases", "carry out simple parts of them.", [("carry out", "purchase")]),
    ("Legal volumes", "attend legal volumes on own tasks.", [("attend", "volume")]),
]
GOOD = [
    (
        "Patient conditions",
        "monitor, record and report symptoms or changes in patients' conditions to the charge "
        "nurse.",
    ),
    ("Price quotes", "prepare quotes from account history and confirm terms with the client."),
    ("Site equipment", "inspect it before each shift and report defects to the supervisor."),
    ("New laborers", "show newer laborers how to do the work safely."),
]


@pytest.mark.parametrize(("subject", "action", "pairs"), BAD)
def test_verb_object_flags_nonsense(
    reference: Reference, subject: str, action: str, pairs: list[tuple[str, str]]
) -> None:
    s = stmt(Level.EMERGING, 1, subject, action)
    assert implausible_pairs(s, reference.verb_objects) == pairs


@pytest.mark.parametrize(("subject", "action"), GOOD)
def test_verb_object_passes_onet_work(reference: Reference, subject: str, action: str) -> None:
    s = stmt(Level.EMERGING, 1, subject, action)
    assert implausible_pairs(s, reference.verb_objects) == []
    assert implausible_pairs(s, reference.verb_objects, every_object=True) == []


def test_verb_object_every_object_judges_the_action_own_wording(reference: Reference) -> None:
    # The object is not the subject's: judged only when every object is.
    s = stmt(
        Level.ADVANCED,
        1,
        "Market conditions and innovations",
        "set the inspection standards and frequencies for innovations.",
    )
    assert implausible_pairs(s, reference.verb_objects) == []
    assert implausible_pairs(s, reference.verb_objects, every_object=True) == [("set", "frequency")]


def test_verb_object_problems(reference: Reference) -> None:
    fw = full(
        {
            (Level.EMERGING, 2): BAD[0][:2],
            (Level.DEVELOPING, 5): BAD[1][:2],
            (Level.ADVANCED, 1): GOOD[0],
        }
    )
    found = check_verb_object(fw, reference.verb_objects)
    assert [(p.rule, p.severity, p.where) for p in found] == [
        ("indep.verb_object", "warning", "emerging#2"),
        ("indep.verb_object", "warning", "developing#5"),
    ]
    assert found[0].message == (
        "O*NET never pairs attend → volume: "
        "'Legal volumes — attend them and apply what is learned.'."
    )


# ---------------------------------------------------------------- indep.anchor_other

TASKS = {SUPERVISOR: frozenset({12345, 12346}), SOC: frozenset({111, 112})}


def test_anchor_other() -> None:
    fw = framework(
        [
            stmt(Level.ADVANCED, 1, "A", "a.", [_anchor("supervisor_task", f"{SUPERVISOR}:12345")]),
            stmt(Level.ADVANCED, 2, "B", "b.", [_anchor("supervisor_task", f"{SUPERVISOR}:99")]),
            stmt(Level.ADVANCED, 3, "C", "c.", [_anchor("supervisor_task", f"{SOC}:111")]),
            stmt(Level.ADVANCED, 4, "D", "d.", [_anchor("supervisor_task", "12345")]),
            stmt(Level.ADVANCED, 5, "E", "e.", [_anchor("task", "12346")]),
            stmt(
                Level.ADVANCED,
                6,
                "F",
                "f.",
                [_anchor("supervisor_task", f"{SUPERVISOR}:12346"), _anchor("task", "12346")],
            ),
            stmt(
                Level.ADVANCED,
                7,
                "G",
                "g.",
                [_anchor("supervisor_task", f"{SUPERVISOR}:12345", release="29.3")],
            ),
            stmt(Level.ADVANCED, 8, "H", "h.", [_anchor("task", "111"), _anchor("dwa", "4.A.1")]),
        ]
    )
    found = check_anchor_other(fw, TASKS, "30.1")
    assert [(p.rule, p.severity, p.where, p.message) for p in found] == [
        (
            "indep.anchor_other",
            "error",
            "advanced#2",
            f"supervisor_task {SUPERVISOR}:99: {SUPERVISOR} has no task 99 in release 30.1.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#3",
            f"supervisor_task {SOC}:111 names {SOC} itself; cite it as a task.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#4",
            "supervisor_task '12345' is not 'SOC:TASKID'.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#5",
            f"Task 12346 is a task of {SUPERVISOR}, cited as {SOC}'s own.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#6",
            f"Task 12346 of {SUPERVISOR} is also cited as {SOC}'s own task.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#6",
            f"Task 12346 is a task of {SUPERVISOR}, cited as {SOC}'s own.",
        ),
        (
            "indep.anchor_other",
            "error",
            "advanced#7",
            f"supervisor_task {SUPERVISOR}:12345 cites release 29.3; the build is 30.1.",
        ),
    ]


def test_validate_independent_runs_the_reference_rules_only_with_one() -> None:
    fw = full({(Level.EMERGING, 1): ("Legal volumes", "attend them and apply what is learned.")})
    without = {p.rule for p in validate_independent(fw)}
    assert without == {"indep.pronoun"}
    # Every statement cites task 1, here a task of the supervising occupation.
    ref = Reference.build(
        "30.1",
        [(SUPERVISOR, 1, "Attend meetings, conferences and seminars."), (SOC, 2, "Read manuals.")],
        ["Attend training sessions.", "Attend workshops or classes.", "Read legal volumes."],
    )
    assert {p.rule for p in validate_independent(fw, ref)} == {
        "indep.pronoun",
        "indep.verb_object",
        "indep.anchor_other",
    }


# ---------------------------------------------------------------- the store query


def test_work_texts_of_the_release(store: Engine) -> None:
    with store.connect() as conn:
        texts = get_work_texts(conn)
    assert texts.release == "30.1"
    socs = {soc for soc, _, _ in texts.tasks}
    assert "41-3091.00" in socs and "15-1299.00" not in socs  # the second has no task data
    assert all(isinstance(t, int) and text for _, t, text in texts.tasks)
    assert any(t.startswith("Giving full attention") for t in texts.texts)  # content model
    assert "Sales Managers" in texts.titles
    model = Reference.build(texts.release, texts.tasks, texts.texts, texts.titles)
    assert model.verb_objects.seen("prepare", "report")
