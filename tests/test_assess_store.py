"""Saved assessments on SQLite and PostgreSQL: owner-only, limits, snapshots, migration 5."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, inspect, select, update

from skillsx.assess import (
    FrameworkRef,
    assessment_document,
    create_assessment,
    delete_assessment,
    get_assessment,
    list_assessments,
    rate,
    update_assessment,
)
from skillsx.assess import store as assess_store
from skillsx.assess.store import PUBLIC_ID
from skillsx.errors import NotFound, SkillsxError
from skillsx.store import schema
from skillsx.store.accounts import RateLimited, User, get_user_by_email
from skillsx.store.builds import get_build, get_document
from skillsx.store.migrations import applied_versions
from tests.web_support import new_user

SOC = "41-2031.00"


@pytest.fixture(scope="module")
def current(built_store: Engine) -> tuple[FrameworkRef, dict]:
    with built_store.connect() as conn:
        build = get_build(conn)
        doc = get_document(conn, SOC, build.id)
    fw = doc["framework"]
    ref = FrameworkRef(
        soc=SOC,
        title=fw["title"],
        build_id=build.id,
        build_label=build.label,
        version=build.version,
        release=fw["release"],
        content_hash=doc["content_hash"],
    )
    return ref, fw


def _user(engine: Engine) -> User:
    email = new_user(engine, "viewer")
    with engine.connect() as conn:
        return get_user_by_email(conn, email)


def test_migration_5_made_the_table(built_store: Engine) -> None:
    with built_store.connect() as conn:
        assert 5 in applied_versions(conn)
        columns = {c["name"] for c in inspect(conn).get_columns("assessments")}
        indexes = {i["name"] for i in inspect(conn).get_indexes("assessments")}
    assert {"public_id", "build_id", "framework_version", "release", "ratings"} <= columns
    assert "ix_assessments_user" in indexes


def test_save_read_list_change_delete(built_store: Engine, current) -> None:
    ref, fw = current
    user = _user(built_store)
    statements = rate(fw, {"emerging:1": "can_teach", "emerging:2": "with_help"})
    with built_store.begin() as conn:
        saved = create_assessment(conn, user, ref, statements, "  before the course \u202e ")
    assert PUBLIC_ID.match(saved.public_id)
    assert saved.note == "before the course"  # trimmed, bidi override removed
    assert saved.framework == ref
    assert saved.statements == statements
    with built_store.connect() as conn:
        row = conn.execute(
            select(schema.assessments).where(schema.assessments.c.public_id == saved.public_id)
        ).one()
        assert (row.build_id, row.framework_version, row.release) == (
            ref.build_id,
            ref.version,
            ref.release,
        )
        stored = json.loads(row.ratings)["statements"]
        assert [s["id"] for s in stored][:2] == ["emerging:1", "emerging:2"]
        assert stored[0]["rating"] == "can_teach" and stored[2]["rating"] is None
        assert [a.public_id for a in list_assessments(conn, user)] == [saved.public_id]
    changed = rate(fw, {"emerging:1": "not_yet"})
    with built_store.begin() as conn:
        after = update_assessment(conn, user, saved.public_id, ref, changed, "")
    assert after.statements == changed and after.note == ""
    assert after.created_at == saved.created_at
    with built_store.begin() as conn:
        delete_assessment(conn, user, saved.public_id)
    with built_store.connect() as conn, pytest.raises(NotFound):
        get_assessment(conn, user, saved.public_id)


def test_someone_elses_assessment_does_not_exist_for_you(built_store: Engine, current) -> None:
    ref, fw = current
    owner, other = _user(built_store), _user(built_store)
    with built_store.begin() as conn:
        saved = create_assessment(conn, owner, ref, rate(fw, {}))
    message = f'You have no assessment "{saved.public_id}"; /assessments lists yours.'
    with built_store.connect() as conn:
        with pytest.raises(NotFound) as caught:
            get_assessment(conn, other, saved.public_id)
        assert str(caught.value) == message
        assert list_assessments(conn, other) == []
    with built_store.begin() as conn, pytest.raises(NotFound):
        update_assessment(conn, other, saved.public_id, ref, rate(fw, {"emerging:1": "not_yet"}))
    with built_store.begin() as conn, pytest.raises(NotFound):
        delete_assessment(conn, other, saved.public_id)
    with built_store.connect() as conn:
        assert get_assessment(conn, owner, saved.public_id).statements == rate(fw, {})
        with pytest.raises(NotFound):  # not an id at all: refused before any query
            get_assessment(conn, owner, "'; drop table assessments; --")


def test_note_limits_leave_the_store_unchanged(built_store: Engine, current) -> None:
    ref, fw = current
    user = _user(built_store)
    with built_store.begin() as conn:
        saved = create_assessment(conn, user, ref, rate(fw, {}), "first")
    cases = {
        "x" * 2001: "note: 2,001 characters, at most 2,000; shorten it.",
        "bell\x07": "note: control characters are not allowed; remove them.",
    }
    for note, message in cases.items():
        with pytest.raises(SkillsxError) as caught, built_store.begin() as conn:
            update_assessment(conn, user, saved.public_id, ref, rate(fw, {}), note)
        assert str(caught.value) == message
        with pytest.raises(SkillsxError), built_store.begin() as conn:
            create_assessment(conn, user, ref, rate(fw, {}), note)
    with built_store.connect() as conn:
        assert [a.note for a in list_assessments(conn, user)] == ["first"]
    with built_store.begin() as conn:  # 2,000 characters and line breaks are fine
        ok = update_assessment(conn, user, saved.public_id, ref, rate(fw, {}), "a\nb" + "c" * 1997)
    assert len(ok.note) == 2000


def test_new_assessments_are_rate_limited(
    built_store: Engine, current, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref, fw = current
    user = _user(built_store)
    monkeypatch.setattr(assess_store, "MAX_NEW", 2)
    for _ in range(2):
        with built_store.begin() as conn:
            create_assessment(conn, user, ref, rate(fw, {}))
    with pytest.raises(RateLimited) as caught, built_store.begin() as conn:
        create_assessment(conn, user, ref, rate(fw, {}))
    assert str(caught.value).startswith("You have started 2 assessments in the last 10 minutes")
    assert 0 < caught.value.retry_after <= 600
    with built_store.connect() as conn:
        assert len(list_assessments(conn, user)) == 2


def test_an_account_keeps_at_most_max_assessments(
    built_store: Engine, current, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref, fw = current
    user = _user(built_store)
    monkeypatch.setattr(assess_store, "MAX_ASSESSMENTS", 1)
    with built_store.begin() as conn:
        create_assessment(conn, user, ref, rate(fw, {}))
    with pytest.raises(SkillsxError, match="^You have 1 saved assessments, the most"):
        with built_store.begin() as conn:
            create_assessment(conn, user, ref, rate(fw, {}))


def test_levels_come_from_the_snapshot_not_the_current_build(built_store: Engine, current) -> None:
    ref, fw = current
    user = _user(built_store)
    ratings = {f"emerging:{i}": "independently" for i in range(1, 9)}
    with built_store.begin() as conn:
        saved = create_assessment(conn, user, ref, rate(fw, ratings))
    # Pretend the ratings were made against an older build whose first statement read
    # otherwise: the stored snapshot, not today's framework, decides the levels.
    a = schema.assessments
    with built_store.begin() as conn:
        data = json.loads(conn.scalar(select(a.c.ratings).where(a.c.public_id == saved.public_id)))
        data["statements"][0]["text"] = "Older wording — as it read then."
        conn.execute(
            update(a)
            .where(a.c.public_id == saved.public_id)
            .values(ratings=json.dumps(data), build_id=0, build_label="v.26.10")
        )
    with built_store.connect() as conn:
        old = get_assessment(conn, user, saved.public_id)
    doc = assessment_document(old)
    assert doc["framework"]["build_label"] == "v.26.10"
    assert doc["ratings"][0]["text"] == "Older wording — as it read then."
    assert doc["levels"]["overall"]["level"] == "emerging"


def test_the_document_is_plain_and_public_safe(built_store: Engine, current) -> None:
    ref, fw = current
    user = _user(built_store)
    with built_store.begin() as conn:
        saved = create_assessment(conn, user, ref, rate(fw, {"emerging:1": "can_teach"}), "mine")
    doc = assessment_document(saved)
    assert json.loads(json.dumps(doc)) == doc
    assert doc["id"] == saved.public_id
    assert (doc["type"], doc["self_assessed"], doc["soc"]) == ("self-assessment", True, SOC)
    assert doc["created_at"] == saved.created_at and doc["updated_at"] == saved.updated_at
    first = doc["ratings"][0]
    assert first["rating"] == "can_teach" and first["rating_label"] == "Can teach it"
    assert first["level"] == "emerging" and first["level_label"] == "Emerging"
    assert first["text"] == saved.statements[0].text
    assert "note" not in doc and user.email not in json.dumps(doc)
    assert str(user.id) != doc["id"]
