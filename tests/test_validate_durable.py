"""Quality rules over durable skills and AI use: problems as data, over every fixture code."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from skillsx.compose.ai_use import compose_ai_use
from skillsx.compose.durable import compose_durable
from skillsx.models import AiCitation, Anchor, Brief, DurableLevel, DurableSkills
from skillsx.store.evidence import get_ai_evidence
from skillsx.store.queries import get_brief
from skillsx.validate.ai_use import validate_ai_use
from skillsx.validate.durable import validate_durable

from .conftest import FIXTURE_SOCS


@pytest.fixture(scope="module")
def nurse(store: Engine) -> Brief:
    with store.connect() as conn:
        return get_brief(conn, "29-1141.00")


@pytest.mark.parametrize("soc", [s for s in FIXTURE_SOCS if s != "15-1299.00"])
def test_no_problems_for_fixture_occupations(store: Engine, soc: str) -> None:
    with store.connect() as conn:
        brief, evidence = get_brief(conn, soc), get_ai_evidence(conn, soc)
    assert validate_durable(compose_durable(brief), brief) == []
    assert validate_ai_use(compose_ai_use(brief, evidence), brief) == []


def _replace_first(d: DurableSkills, **update: object) -> DurableSkills:
    domain = d.domains[0]
    statements = [domain.statements[0].model_copy(update=update), *domain.statements[1:]]
    return d.model_copy(
        update={"domains": [domain.model_copy(update={"statements": statements}), *d.domains[1:]]}
    )


@pytest.mark.parametrize(
    ("update", "rule", "message"),
    [
        (
            {"behaviour": "check the the records before each shift and report gaps."},
            "grammar.doubled",
            "Doubled word 'the'.",
        ),
        ({"behaviour": "check records before each shift and report gaps"}, "text.period", None),
        (
            {"behaviour": "check records before each shift and report gaps to."},
            "grammar.dangling",
            None,
        ),
        (
            {"title": "patient records"},
            "grammar.case",
            "Title must start with a capital: 'patient records'.",
        ),
        ({"behaviour": "check n/a records before each shift and report gaps."}, "grammar.na", None),
        ({"behaviour": "check — records before each shift and report gaps."}, "text.dash", None),
        ({"behaviour": "check extraordinarily comprehensive documentation."}, "text.words", None),
        ({"framework": ""}, "cite.framework", "No durable-skills framework is named."),
        (
            {"anchors": [Anchor(kind="task", id="999999", release="30.1")]},
            "cite.foreign",
            "task 999999 is not a record of 29-1141.00.",
        ),
        (
            {"anchors": [Anchor(kind="task", id="1839", release="28.0")]},
            "cite.release",
            "task 1839 cites release 28.0.",
        ),
        ({"anchors": []}, "cite.missing", "No O*NET record grounds this statement."),
    ],
)
def test_rules(nurse: Brief, update: dict, rule: str, message: str | None) -> None:
    durable = _replace_first(compose_durable(nurse), **update)
    problems = validate_durable(durable, nurse)
    assert [p.rule for p in problems] == [rule]
    first = durable.domains[0]
    assert problems[0].where == f"{first.id}/emerging#1"
    if message:
        assert problems[0].message == message


def test_duplicates_and_counts(nurse: Brief) -> None:
    durable = compose_durable(nurse)
    domain = durable.domains[0]
    copy = domain.statements[1].model_copy(
        update={"title": domain.statements[0].title, "behaviour": domain.statements[0].behaviour}
    )
    broken = durable.model_copy(
        update={
            "domains": [
                domain.model_copy(
                    update={"statements": [domain.statements[0], copy, *domain.statements[2:]]}
                ),
                *durable.domains[1:],
            ]
        }
    )
    rules = [p.rule for p in validate_durable(broken, nurse)]
    assert rules == ["duplicate.text", "duplicate.text"]
    short = [s for s in domain.statements if s.level != DurableLevel.EMERGING or s.order == 1]
    broken = durable.model_copy(
        update={"domains": [domain.model_copy(update={"statements": short}), *durable.domains[1:]]}
    )
    messages = [p.message for p in validate_durable(broken, nurse)]
    assert messages == ["Emerging has 1 statements; 2-4."]
    assert (
        validate_durable(durable.model_copy(update={"domains": durable.domains[:9]}), nurse)[0].rule
        == "durable.domains"
    )


def test_ai_rules(store: Engine, nurse: Brief) -> None:
    with store.connect() as conn:
        evidence = get_ai_evidence(conn, nurse.soc)
    ai = compose_ai_use(nurse, evidence)
    first = ai.statements[0]
    foreign = AiCitation(task_id=999999, task_text="x", pct=0.1, aei_release="2025-02-10")
    cases = {
        "ai.evidence.foreign": first.model_copy(update={"evidence": [foreign]}),
        "ai.evidence": first.model_copy(update={"evidence": []}),
        "ai.verb": first.model_copy(update={"action": "usually " + first.action}),
    }
    for rule, statement in cases.items():
        broken = ai.model_copy(update={"statements": [statement, *ai.statements[1:]]})
        assert [p.rule for p in validate_ai_use(broken, nurse)] == [rule]
    lowered = ai.model_copy(
        update={
            "statements": [first.model_copy(update={"confidence": "lower"}), *ai.statements[1:]]
        }
    )
    assert [p.rule for p in validate_ai_use(lowered, nurse)] == ["ai.evidence", "ai.confidence"]
