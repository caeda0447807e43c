"""A full build over the real O*NET 30.1 release: every framework valid, zero errors."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select

from skillsx.export import export_document
from skillsx.models import Framework, Level
from skillsx.store import schema
from skillsx.store.builds import get_build, list_problems

from .schema_support import fast_validator, load_schema

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("full")]


@pytest.fixture(scope="module")
def documents(full_store: Engine) -> list[dict]:  # type: ignore[type-arg]
    """Every stored page of the current build, read and parsed once for this module."""
    with full_store.connect() as conn:
        build = get_build(conn)
        rows = conn.execute(
            select(schema.frameworks.c.document).where(schema.frameworks.c.build_id == build.id)
        ).all()
    return [json.loads(r.document) for r in rows]


@pytest.fixture(scope="module")
def frameworks(documents: list[dict]) -> list[Framework]:  # type: ignore[type-arg]
    """The framework of every page, validated by the model once for this module."""
    return [Framework.model_validate(doc["framework"]) for doc in documents]


def test_every_occupation_with_tasks_has_a_framework(
    full_store: Engine, frameworks: list[Framework]
) -> None:
    with full_store.connect() as conn:
        build = get_build(conn)
    assert build.frameworks == 923 and build.release == "30.1"
    assert len(frameworks) == 923
    for framework in frameworks:
        assert [len(framework.level(level)) for level in Level] == [10, 10, 10, 10]


def test_every_json_export_validates(full_store: Engine, documents: list[dict]) -> None:  # type: ignore[type-arg]
    with full_store.connect() as conn:
        version = get_build(conn).version
    # fastjsonschema: the same verdicts as jsonschema on our schemas (tests/schema_support.py).
    schema_errors = fast_validator(load_schema("framework-export-1.0.schema.json"))
    for doc in documents:
        soc = doc["occupation"]["soc"]
        assert schema_errors(json.loads(export_document("json-1.0", doc, version))) == [], soc


def test_anchors_are_this_occupations_records(
    full_store: Engine, frameworks: list[Framework]
) -> None:
    ts = schema.ONET_TABLES["onet_task_statements"]
    with full_store.connect() as conn:
        tasks = {(r.soc, str(r.task_id)) for r in conn.execute(select(ts.c.soc, ts.c.task_id))}
    assert len(frameworks) == 923
    for framework in frameworks:
        for statement in framework.statements:
            assert statement.anchors, statement.text
            for anchor in statement.anchors:
                if anchor.kind == "task":
                    assert (framework.soc, anchor.id) in tasks, (framework.soc, anchor.id)


def test_zero_check_errors(full_store: Engine) -> None:
    with full_store.connect() as conn:
        build = get_build(conn)
        errors = list_problems(conn, build.id, severity="error")
    assert [f"{p.soc} {p.rule}: {p.message}" for p in errors][:20] == []
    assert build.errors == 0
