"""Accounts, sessions, sign-in attempts, corrections, overrides and the audit log."""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from skillsx.errors import NotFound, SkillsxError
from skillsx.store import schema

ROLES = ("viewer", "contributor", "curator", "admin")
STATUSES = ("pending", "accepted", "rejected")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---------------------------------------------------------------- users


@dataclass(frozen=True)
class User:
    id: int
    email: str
    role: str
    active: bool
    created_at: str

    def can(self, role: str) -> bool:
        """Whether this user holds ``role`` or a higher one."""
        return self.active and ROLES.index(self.role) >= ROLES.index(role)


def _user(row: Any) -> User:
    return User(row.id, row.email, row.role, bool(row.active), row.created_at)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(conn: Connection, email: str, password: str, role: str = "viewer") -> User:
    """Add an account; the password is stored as an argon2 hash."""
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise SkillsxError(f'"{email}" is not an email address.')
    if role not in ROLES:
        raise SkillsxError(f'Role "{role}" is not one of: {", ".join(ROLES)}.')
    if len(password) < 8:
        raise SkillsxError("The password must have at least 8 characters.")
    u = schema.users
    if conn.scalar(select(u.c.id).where(u.c.email == email)) is not None:
        raise SkillsxError(f'An account for "{email}" already exists.')
    user_id = conn.execute(
        insert(u).values(
            email=email,
            password_hash=_hasher.hash(password),
            role=role,
            active=True,
            created_at=_now(),
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    add_audit(conn, None, "user.create", f"user:{user_id}", {"email": email, "role": role})
    return get_user(conn, int(user_id))


def get_user(conn: Connection, user_id: int) -> User:
    row = conn.execute(select(schema.users).where(schema.users.c.id == user_id)).first()
    if row is None:
        raise NotFound(f"User {user_id} does not exist.")
    return _user(row)


def set_role(conn: Connection, admin: User, user_id: int, role: str) -> User:
    """Give an account another role, audit-logged; the last active admin cannot step down."""
    if role not in ROLES:
        raise SkillsxError(f'Role "{role}" is not one of: {", ".join(ROLES)}.')
    user = get_user(conn, user_id)
    if user.role == role:
        return user
    u = schema.users
    if user.role == "admin":
        admins = conn.scalar(
            select(func.count()).select_from(u).where(u.c.role == "admin", u.c.active.is_(True))
        )
        if (admins or 0) <= 1:
            raise SkillsxError(f"{user.email} is the only admin; make another account admin first.")
    conn.execute(update(u).where(u.c.id == user_id).values(role=role))
    add_audit(conn, admin.id, "user.role", f"user:{user_id}", {"from": user.role, "to": role})
    return get_user(conn, user_id)


def list_users(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(schema.users).order_by(schema.users.c.id))]


def check_password(conn: Connection, email: str, password: str) -> User | None:
    """The active user with that email and password, or None."""
    row = conn.execute(
        select(schema.users).where(schema.users.c.email == normalise_email(email))
    ).first()
    if row is None:
        # Spend the same time as a real check, so timing does not reveal accounts.
        _hasher.hash(password)
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return _user(row) if row.active else None


# ---------------------------------------------------------------- sessions


def create_session(conn: Connection, user_id: int) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(schema.sessions).values(
            token=token, user_id=user_id, created_at=_now(), revoked=False
        )
    )
    return token


def get_session_user(conn: Connection, token: str) -> User | None:
    s, u = schema.sessions, schema.users
    row = conn.execute(
        select(u)
        .join(s, s.c.user_id == u.c.id)
        .where(s.c.token == token, s.c.revoked.is_(False), u.c.active.is_(True))
    ).first()
    return _user(row) if row else None


def revoke_session(conn: Connection, token: str) -> None:
    s = schema.sessions
    conn.execute(update(s).where(s.c.token == token).values(revoked=True))


# ---------------------------------------------------------------- sign-in throttling


def record_attempt(conn: Connection, email: str, client: str, ok: bool) -> None:
    conn.execute(
        insert(schema.sign_in_attempts).values(
            email=normalise_email(email), client=client[:64], at=time.time(), ok=ok
        )
    )


def recent_failures(conn: Connection, email: str, client: str, window: float) -> tuple[int, int]:
    """Failed sign-ins within ``window`` seconds since the last success: (by email, by client)."""
    a = schema.sign_in_attempts
    since = time.time() - window
    email = normalise_email(email)
    last_ok = conn.scalar(
        select(func.max(a.c.at)).where(a.c.email == email, a.c.ok.is_(True), a.c.at >= since)
    )
    start = max(since, last_ok or since)
    by_email = conn.scalar(
        select(func.count()).where(a.c.email == email, a.c.ok.is_(False), a.c.at >= start)
    )
    by_client = conn.scalar(
        select(func.count()).where(a.c.client == client, a.c.ok.is_(False), a.c.at >= since)
    )
    return int(by_email or 0), int(by_client or 0)


# ---------------------------------------------------------------- site secret


def get_or_create_secret(engine: Engine, name: str = "session") -> str:
    """A random secret shared by every worker, made once and kept in the store."""
    t = schema.site_secrets
    with engine.connect() as conn:
        value = conn.scalar(select(t.c.value).where(t.c.name == name))
    if value:
        return str(value)
    try:
        with engine.begin() as conn:
            conn.execute(insert(t).values(name=name, value=secrets.token_hex(32)))
    except IntegrityError:  # another worker made it first
        pass
    with engine.connect() as conn:
        return str(conn.scalar(select(t.c.value).where(t.c.name == name)))


# ---------------------------------------------------------------- audit log


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str | None
    action: str
    subject: str
    detail: dict[str, Any]


def add_audit(
    conn: Connection, actor_id: int | None, action: str, subject: str, detail: dict[str, Any]
) -> None:
    conn.execute(
        insert(schema.audit_log).values(
            at=_now(),
            actor_id=actor_id,
            action=action,
            subject=subject,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )


def list_audit(conn: Connection, limit: int = 200) -> list[AuditEntry]:
    a, u = schema.audit_log, schema.users
    rows = conn.execute(
        select(a, u.c.email)
        .join(u, u.c.id == a.c.actor_id, isouter=True)
        .order_by(a.c.id.desc())
        .limit(limit)
    )
    return [
        AuditEntry(r.id, r.at, r.email, r.action, r.subject, json.loads(r.detail)) for r in rows
    ]


# ---------------------------------------------------------------- corrections


@dataclass(frozen=True)
class Correction:
    id: int
    soc: str
    target: str
    current_text: str
    problem: str
    proposed: str
    reason: str
    status: str
    submitted_by: str
    submitted_at: str
    reviewed_by: str | None
    reviewed_at: str | None
    review_reason: str | None


@dataclass(frozen=True)
class Override:
    """An accepted correction that the next build applies to one statement or record."""

    soc: str
    target: str  # statement:<level>:<order> or record:<kind>:<id>
    text: str
    correction_id: int


def _corrections_query() -> Any:
    c = schema.corrections
    submitter = schema.users.alias("submitter")
    reviewer = schema.users.alias("reviewer")
    return (
        select(c, submitter.c.email.label("submitter"), reviewer.c.email.label("reviewer"))
        .join(submitter, submitter.c.id == c.c.submitted_by)
        .join(reviewer, reviewer.c.id == c.c.reviewed_by, isouter=True)
    )


def _correction(r: Any) -> Correction:
    return Correction(
        id=r.id,
        soc=r.soc,
        target=r.target,
        current_text=r.current_text,
        problem=r.problem,
        proposed=r.proposed,
        reason=r.reason,
        status=r.status,
        submitted_by=r.submitter,
        submitted_at=r.submitted_at,
        reviewed_by=r.reviewer,
        reviewed_at=r.reviewed_at,
        review_reason=r.review_reason,
    )


def submit_correction(
    conn: Connection,
    user: User,
    *,
    soc: str,
    target: str,
    current_text: str,
    problem: str,
    proposed: str,
    reason: str,
    build_id: int | None,
) -> Correction:
    """Queue a suggested correction from a contributor."""
    if not user.can("contributor"):
        raise SkillsxError("Only contributors can suggest corrections.")
    fields = {"what is wrong": problem, "proposed text": proposed, "reason": reason}
    for label, value in fields.items():
        if not value.strip():
            raise SkillsxError(f"Say {label}: the field is empty.")
        if len(value) > 2000:
            raise SkillsxError(f"The {label} is longer than 2,000 characters.")
    new_id = conn.execute(
        insert(schema.corrections).values(
            soc=soc,
            target=target,
            current_text=current_text,
            problem=problem.strip(),
            proposed=proposed.strip(),
            reason=reason.strip(),
            status="pending",
            submitted_by=user.id,
            submitted_at=_now(),
            build_id=build_id,
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    add_audit(
        conn, user.id, "correction.submit", f"correction:{new_id}", {"soc": soc, "target": target}
    )
    return get_correction(conn, int(new_id))


def get_correction(conn: Connection, correction_id: int) -> Correction:
    row = conn.execute(_corrections_query().where(schema.corrections.c.id == correction_id)).first()
    if row is None:
        raise NotFound(f"Correction {correction_id} does not exist.")
    return _correction(row)


def list_corrections(
    conn: Connection,
    *,
    status: str | None = None,
    user_id: int | None = None,
    soc: str | None = None,
) -> list[Correction]:
    c = schema.corrections
    query = _corrections_query()
    if status:
        query = query.where(c.c.status == status)
    if user_id is not None:
        query = query.where(c.c.submitted_by == user_id)
    if soc:
        query = query.where(c.c.soc == soc)
    return [_correction(r) for r in conn.execute(query.order_by(c.c.id.desc()))]


def review_correction(
    conn: Connection, user: User, correction_id: int, *, accept: bool, reason: str
) -> Correction:
    """Accept (store an override for the next build) or reject a pending correction."""
    if not user.can("curator"):
        raise SkillsxError("Only curators can review corrections.")
    if not reason.strip():
        raise SkillsxError("Give a reason for the decision.")
    found = get_correction(conn, correction_id)
    if found.status != "pending":
        raise SkillsxError(f"Correction {correction_id} is already {found.status}.")
    status = "accepted" if accept else "rejected"
    c = schema.corrections
    conn.execute(
        update(c)
        .where(and_(c.c.id == correction_id, c.c.status == "pending"))
        .values(
            status=status, reviewed_by=user.id, reviewed_at=_now(), review_reason=reason.strip()
        )
    )
    if accept:
        conn.execute(
            insert(schema.overrides).values(
                correction_id=correction_id,
                soc=found.soc,
                target=found.target,
                text=found.proposed,
                created_at=_now(),
            )
        )
    add_audit(
        conn,
        user.id,
        f"correction.{'accept' if accept else 'reject'}",
        f"correction:{correction_id}",
        {"soc": found.soc, "target": found.target, "reason": reason.strip()},
    )
    return get_correction(conn, correction_id)


def list_overrides(conn: Connection, soc: str | None = None) -> list[Override]:
    """Accepted corrections in the order they were accepted (later ones win)."""
    o = schema.overrides
    query = select(o).order_by(o.c.id)
    if soc:
        query = query.where(o.c.soc == soc)
    return [Override(r.soc, r.target, r.text, r.correction_id) for r in conn.execute(query)]
