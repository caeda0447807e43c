"""Saved self-assessments: one row per assessment, its statements kept as a JSON snapshot.

Only the owner reads, changes or deletes an assessment; for anyone else it does not exist
(``NotFound``, the same answer as a wrong id). Limits, like suggestions': the note is at most
2,000 characters with bidi controls removed; an account keeps at most ``MAX_ASSESSMENTS`` and
starts at most ``MAX_NEW`` per ``NEW_WINDOW`` seconds (``RateLimited``).
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from skillsx.assess.ratings import RatedStatement
from skillsx.bidi import strip_bidi
from skillsx.errors import NotFound, SkillsxError
from skillsx.store import schema
from skillsx.store.accounts import RateLimited, User

MAX_ASSESSMENTS = 100
MAX_NEW = 10
NEW_WINDOW = 10 * 60
MAX_NOTE = 2000
#: Public ids: 16 URL-safe characters from 96 random bits.
PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")


@dataclass(frozen=True)
class FrameworkRef:
    """The framework an assessment's ratings refer to."""

    soc: str
    title: str
    build_id: int
    build_label: str  # "v.26.11 build 3"
    version: str  # "v.26.11"
    release: str  # the O*NET release, "30.1"
    content_hash: str


@dataclass(frozen=True)
class Assessment:
    public_id: str
    user_id: int
    framework: FrameworkRef
    note: str
    statements: list[RatedStatement]
    created_at: str
    updated_at: str

    @property
    def soc(self) -> str:
        return self.framework.soc

    @property
    def title(self) -> str:
        return self.framework.title


class TooMany(SkillsxError):
    """The account keeps ``MAX_ASSESSMENTS`` already."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_note(note: str) -> str:
    """The note as stored: bidi controls removed, trimmed; refused if too long or binary."""
    note = strip_bidi(note).strip()
    if len(note) > MAX_NOTE:
        raise SkillsxError(f"note: {len(note):,} characters, at most {MAX_NOTE:,}; shorten it.")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\r\t" for ch in note):
        raise SkillsxError("note: control characters are not allowed; remove them.")
    return note


def _row(row: Any) -> Assessment:
    return Assessment(
        public_id=row.public_id,
        user_id=row.user_id,
        framework=FrameworkRef(
            soc=row.soc,
            title=row.title,
            build_id=row.build_id,
            build_label=row.build_label,
            version=row.framework_version,
            release=row.release,
            content_hash=row.content_hash,
        ),
        note=row.note,
        statements=[RatedStatement.from_json(s) for s in json.loads(row.ratings)["statements"]],
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _values(framework: FrameworkRef, statements: list[RatedStatement], note: str) -> dict:
    return {
        "soc": framework.soc,
        "title": framework.title,
        "build_id": framework.build_id,
        "build_label": framework.build_label,
        "framework_version": framework.version,
        "release": framework.release,
        "content_hash": framework.content_hash,
        "note": clean_note(note),
        "ratings": json.dumps(
            {"statements": [s.to_json() for s in statements]}, ensure_ascii=False
        ),
    }


def _lock_user(conn: Connection, user: User) -> None:
    """Count one account's saves one at a time: an update that changes nothing takes its row
    lock on PostgreSQL and the write lock on SQLite."""
    u = schema.users
    conn.execute(update(u).where(u.c.id == user.id).values(role=u.c.role))


def _check_limits(conn: Connection, user: User) -> None:
    a = schema.assessments
    kept = conn.scalar(select(func.count()).where(a.c.user_id == user.id)) or 0
    if kept >= MAX_ASSESSMENTS:
        raise TooMany(
            f"You have {MAX_ASSESSMENTS} saved assessments, the most an account keeps; "
            "delete one you no longer need, or change an existing one."
        )
    now = datetime.now(UTC)
    since = (now - timedelta(seconds=NEW_WINDOW)).isoformat(timespec="seconds")
    recent = conn.execute(
        select(func.count(), func.min(a.c.created_at)).where(
            a.c.user_id == user.id, a.c.created_at >= since
        )
    ).one()
    if recent[0] >= MAX_NEW:
        oldest = datetime.fromisoformat(recent[1])
        wait = max(1, int((oldest + timedelta(seconds=NEW_WINDOW) - now).total_seconds()))
        raise RateLimited(
            f"You have started {MAX_NEW} assessments in the last {NEW_WINDOW // 60} minutes, "
            f"the most allowed; try again in {-(-wait // 60)} minute(s), or change one you "
            "have.",
            retry_after=wait,
        )


def create_assessment(
    conn: Connection,
    user: User,
    framework: FrameworkRef,
    statements: list[RatedStatement],
    note: str = "",
) -> Assessment:
    """Save a new assessment for ``user``; returns it with its public id."""
    values = _values(framework, statements, note)
    _lock_user(conn, user)
    _check_limits(conn, user)
    public_id = secrets.token_urlsafe(12)
    now = _now()
    conn.execute(
        insert(schema.assessments).values(
            public_id=public_id, user_id=user.id, created_at=now, updated_at=now, **values
        )
    )
    return get_assessment(conn, user, public_id)


def update_assessment(
    conn: Connection,
    user: User,
    public_id: str,
    framework: FrameworkRef,
    statements: list[RatedStatement],
    note: str = "",
) -> Assessment:
    """Replace an assessment's ratings (now against ``framework``) and note."""
    get_assessment(conn, user, public_id)
    values = _values(framework, statements, note)
    a = schema.assessments
    conn.execute(
        update(a)
        .where(a.c.public_id == public_id, a.c.user_id == user.id)
        .values(updated_at=_now(), **values)
    )
    return get_assessment(conn, user, public_id)


def get_assessment(conn: Connection, user: User, public_id: str) -> Assessment:
    """``user``'s assessment with that public id (``NotFound`` for anyone else's)."""
    a = schema.assessments
    row = None
    if PUBLIC_ID.match(public_id):
        row = conn.execute(
            select(a).where(a.c.public_id == public_id, a.c.user_id == user.id)
        ).first()
    if row is None:
        raise NotFound(f'You have no assessment "{public_id[:40]}"; /assessments lists yours.')
    return _row(row)


def list_assessments(conn: Connection, user: User) -> list[Assessment]:
    """``user``'s assessments, the most recently changed first."""
    a = schema.assessments
    query = select(a).where(a.c.user_id == user.id).order_by(a.c.updated_at.desc(), a.c.id.desc())
    return [_row(r) for r in conn.execute(query)]


def delete_assessment(conn: Connection, user: User, public_id: str) -> None:
    get_assessment(conn, user, public_id)
    a = schema.assessments
    conn.execute(delete(a).where(a.c.public_id == public_id, a.c.user_id == user.id))
