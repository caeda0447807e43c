"""One writer at a time: the lock a build, an ingest or an import holds on its store.

Two builds at once would discard each other's unfinished build and interleave their rows, so
every command that writes a release, evidence, a build or an import takes this lock first and
a second one is refused at once with a message naming the holder (nothing is written):

* SQLite: an exclusive ``flock`` on ``<database file>.lock`` beside the database;
* PostgreSQL: a session advisory lock keyed by the schema (``current_schema()``), held on a
  connection of its own; its ``application_name`` says who holds it.

Either way the operating system or the server drops the lock when its holder dies (kill -9
included), so a crashed build never leaves the store locked. Readers (the site, exports,
``check``) take no lock. Within one thread the lock is re-entrant: ``load_data_folder`` holds
it while it calls ``load_release``.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, text

from skillsx.errors import StoreError

F = TypeVar("F", bound=Callable[..., Any])
#: The first half of the PostgreSQL advisory lock key; the second is the schema's hash.
PG_LOCK_CLASS = "skillsx.writer"
_held = threading.local()


def _busy(holder: str) -> StoreError:
    return StoreError(
        f"The store is busy: {holder or 'another skillsx process'} is writing to it. Only one "
        "build, ingest or import runs at a time; wait for it to finish, then run this again."
    )


def _holder(operation: str) -> str:
    since = datetime.now(UTC).isoformat(timespec="seconds")
    return f"skillsx {operation} (pid {os.getpid()}, since {since})"


def _key(engine: Engine) -> str | None:
    """What identifies the store: the database file, or the server URL (schema added later)."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return "sqlite:" + str(Path(database).resolve())
    return engine.url.render_as_string(hide_password=True)


@contextmanager
def _sqlite_lock(path: str, operation: str) -> Iterator[None]:
    import fcntl

    lock_path = path + ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the lock file {lock_path} ({exc.strerror}); the folder of the "
            "database must be writable."
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 500, 0).decode("utf-8", "replace").strip()
            raise _busy(holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _holder(operation).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


_PG_TRY = text("SELECT pg_try_advisory_lock(hashtext(:cls), hashtext(current_schema()))")
_PG_UNLOCK = text("SELECT pg_advisory_unlock(hashtext(:cls), hashtext(current_schema()))")
_PG_HOLDER = text(
    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
    "(SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND l.classid::int = hashtext(:cls) AND l.objid::int = hashtext(current_schema()) "
    "LIMIT 1"
)


@contextmanager
def _postgres_lock(engine: Engine, operation: str) -> Iterator[None]:
    conn: Connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        if not conn.scalar(_PG_TRY, {"cls": PG_LOCK_CLASS}):
            raise _busy(str(conn.scalar(_PG_HOLDER, {"cls": PG_LOCK_CLASS}) or ""))
        try:
            conn.execute(
                text("SELECT set_config('application_name', :n, false)"),
                {"n": _holder(operation)[:63]},
            )
            yield
        finally:
            conn.execute(_PG_UNLOCK, {"cls": PG_LOCK_CLASS})
            conn.execute(text("RESET application_name"))
    finally:
        conn.close()


@contextmanager
def writer_lock(engine: Engine, operation: str) -> Iterator[None]:
    """Hold the store's writer lock for ``operation`` ("build", "ingest", "import"), or raise
    ``StoreError`` at once if another process (or thread) holds it."""
    key = _key(engine)
    counts: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if key is None or counts.get(key):
        if key is not None:
            counts[key] += 1
        try:
            yield
        finally:
            if key is not None:
                counts[key] -= 1
        return
    if engine.dialect.name == "sqlite":
        lock = _sqlite_lock(key.removeprefix("sqlite:"), operation)
    else:
        lock = _postgres_lock(engine, operation)
    with lock:
        counts[key] = 1
        try:
            yield
        finally:
            counts.pop(key, None)


def holds_writer_lock(operation: str) -> Callable[[F], F]:
    """Decorate a function whose first argument is the store's engine to run under the lock."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(engine: Engine, *args: Any, **kwargs: Any) -> Any:
            with writer_lock(engine, operation):
                return fn(engine, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
