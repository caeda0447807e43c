"""Accounts, sessions, sign-in attempts, corrections, overrides and the audit log."""

from __future__ import annotations

import json
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from skillsx.bidi import strip_bidi
from skillsx.errors import NotFound, SkillsxError
from skillsx.passwords import check_new_password
from skillsx.store import schema

ROLES = ("viewer", "contributor", "curator", "admin")
STATUSES = ("pending", "accepted", "rejected")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()
#: Ids are 64-bit signed integers in the store; anything outside cannot exist (and would
#: overflow SQLite's binding), so it is "not found" before any query.
MAX_ID = 2**63 - 1
#: Suggestions one account may submit per window (``submit_correction``).
MAX_SUGGESTIONS = 10
SUGGESTION_WINDOW = 10 * 60


class RateLimited(SkillsxError):
    """Too many actions of one kind in a short time; ``retry_after`` says when to try again."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def valid_id(value: int) -> bool:
    """Whether ``value`` can be a row id (a signed 64-bit integer above 0)."""
    return 0 < value <= MAX_ID


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
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in email):
        raise SkillsxError("An email address may not contain control or formatting characters.")
    check_new_password(password, email, role)
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
    row = None
    if valid_id(user_id):
        row = conn.execute(select(schema.users).where(schema.users.c.id == user_id)).first()
    if row is None:
        raise NotFound(f"User {user_id} does not exist.")
    return _user(row)


def get_user_by_email(conn: Connection, email: str) -> User:
    email = normalise_email(email)
    row = conn.execute(select(schema.users).where(schema.users.c.email == email)).first()
    if row is None:
        raise NotFound(f'No account has the email "{email}"; `skillsx user list` lists them.')
    return _user(row)


def _lock_admins(conn: Connection) -> None:
    """Serialise role changes: an update that changes nothing, to every admin's row.

    On PostgreSQL it row-locks each admin until the transaction ends, so a concurrent role
    change waits here and then sees the other's result; on SQLite it takes the database's
    write lock (an update starts the write transaction), which does the same.
    """
    u = schema.users
    conn.execute(update(u).where(u.c.role == "admin").values(role=u.c.role))


def set_role(conn: Connection, admin: User | None, user_id: int, role: str) -> User:
    """Give an account another role, audit-logged; the last active admin cannot step down.

    ``admin`` is the admin making the change, or None for the operator (``skillsx user
    role``). The check and the change are made under a lock (``_lock_admins``) and the
    update itself re-checks, so two admins demoting each other at once leave one admin.
    """
    if role not in ROLES:
        raise SkillsxError(f'Role "{role}" is not one of: {", ".join(ROLES)}.')
    get_user(conn, user_id)  # not found before any lock is taken
    _lock_admins(conn)
    user = get_user(conn, user_id)
    if admin is not None and not get_user(conn, admin.id).can("admin"):
        raise SkillsxError("You are no longer an admin; the change was not made.")
    if user.role == role:
        return user
    u, others = schema.users, schema.users.alias("others")
    change = update(u).where(u.c.id == user_id)
    if user.role == "admin":
        other_admins = (
            select(func.count())
            .select_from(others)
            .where(others.c.role == "admin", others.c.active.is_(True), others.c.id != user_id)
            .scalar_subquery()
        )
        change = change.where(other_admins >= 1)
    if conn.execute(change.values(role=role)).rowcount != 1:
        raise SkillsxError(f"{user.email} is the only admin; make another account admin first.")
    detail = {"from": user.role, "to": role} | ({} if admin else {"by": "skillsx user role"})
    add_audit(conn, admin.id if admin else None, "user.role", f"user:{user_id}", detail)
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


@dataclass(frozen=True)
class Failures:
    """Failed sign-ins within a window, each counted since the last success it concerns."""

    pair: int  # this account from this client, since this client's last success on it
    client: int  # from this client, to any account
    account: int  # this account, from any client, since its last success


def recent_failures(conn: Connection, email: str, client: str, window: float) -> Failures:
    """Failed sign-ins within ``window`` seconds, by (account, client), client and account."""
    a = schema.sign_in_attempts
    since = time.time() - window
    email = normalise_email(email)
    client = client[:64]

    def failures(*where: Any) -> int:
        last_ok = conn.scalar(select(func.max(a.c.at)).where(*where, a.c.ok.is_(True)))
        start = max(since, last_ok or since)
        found = conn.scalar(select(func.count()).where(*where, a.c.ok.is_(False), a.c.at >= start))
        return int(found or 0)

    by_client = conn.scalar(
        select(func.count()).where(a.c.client == client, a.c.ok.is_(False), a.c.at >= since)
    )
    return Failures(
        pair=failures(a.c.email == email, a.c.client == client),
        client=int(by_client or 0),
        account=failures(a.c.email == email),
    )


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
    problem, proposed, reason = strip_bidi(problem), strip_bidi(proposed), strip_bidi(reason)
    fields = {"what is wrong": problem, "proposed text": proposed, "reason": reason}
    for label, value in fields.items():
        if not value.strip():
            raise SkillsxError(f"Say {label}: the field is empty.")
        if len(value) > 2000:
            raise SkillsxError(f"The {label} is longer than 2,000 characters.")
    _check_suggestion_rate(conn, user)
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


def _check_suggestion_rate(conn: Connection, user: User) -> None:
    """Refuse a suggestion past ``MAX_SUGGESTIONS`` per ``SUGGESTION_WINDOW`` from one account.

    The account's row is locked first (an update that changes nothing: a row lock on
    PostgreSQL, the write lock on SQLite), so concurrent submissions are counted one by one.
    """
    u, c = schema.users, schema.corrections
    conn.execute(update(u).where(u.c.id == user.id).values(role=u.c.role))
    now = datetime.now(UTC)
    since = (now - timedelta(seconds=SUGGESTION_WINDOW)).isoformat(timespec="seconds")
    recent = conn.execute(
        select(func.count(), func.min(c.c.submitted_at)).where(
            c.c.submitted_by == user.id, c.c.submitted_at >= since
        )
    ).one()
    if recent[0] >= MAX_SUGGESTIONS:
        oldest = datetime.fromisoformat(recent[1])
        wait = max(1, int((oldest + timedelta(seconds=SUGGESTION_WINDOW) - now).total_seconds()))
        raise RateLimited(
            f"You have made {MAX_SUGGESTIONS} suggestions in the last "
            f"{SUGGESTION_WINDOW // 60} minutes, the most allowed; try again in "
            f"{-(-wait // 60)} minute(s).",
            retry_after=wait,
        )


def get_correction(conn: Connection, correction_id: int) -> Correction:
    row = None
    if valid_id(correction_id):
        query = _corrections_query().where(schema.corrections.c.id == correction_id)
        row = conn.execute(query).first()
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
    reason = strip_bidi(reason)
    if not reason.strip():
        raise SkillsxError("Give a reason for the decision.")
    found = get_correction(conn, correction_id)
    if found.status != "pending":
        raise SkillsxError(f"Correction {correction_id} is already {found.status}.")
    if found.submitted_by == user.email:
        raise SkillsxError("You suggested this correction: another curator must review it.")
    status = "accepted" if accept else "rejected"
    c = schema.corrections
    done = conn.execute(
        update(c)
        .where(and_(c.c.id == correction_id, c.c.status == "pending", c.c.submitted_by != user.id))
        .values(
            status=status, reviewed_by=user.id, reviewed_at=_now(), review_reason=reason.strip()
        )
    )
    if done.rowcount != 1:  # reviewed meanwhile by someone else
        raise SkillsxError(f"Correction {correction_id} was reviewed meanwhile; reload the page.")
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
