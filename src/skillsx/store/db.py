"""Engines: SQLite by default, PostgreSQL through ``SKILLSX_DATABASE_URL``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError

from skillsx.config import normalise_url
from skillsx.errors import StoreError

# Page cache per SQLite connection, in KiB (SQLite's default is 2,000 KiB).
SQLITE_CACHE_KIB = 512


def open_engine(url: str) -> Engine:
    """Create an engine for ``url`` with the settings this project relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets readers (the web workers) go on while a build or ingest writes.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            # Each pooled connection keeps its own page cache (2 MB by default); a web
            # worker's threads hold several connections, so keep each small. The OS
            # caches the file anyway.
            cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for an in-memory or URI-style database)."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def open_store(url: str, *, create: bool = False) -> Engine:
    """An engine for ``url`` whose store is known to answer.

    A SQLite file that does not exist is refused unless ``create`` (a mistyped path must not
    silently become a new, empty store); a store that cannot be opened or reached is a
    ``StoreError`` that names the cause and the fix.
    """
    url = normalise_url(url)
    path = _sqlite_file(url) if url.startswith("sqlite") else None
    if path is not None:
        if path.is_dir():
            raise StoreError(
                f"The store {path} is a folder, not a SQLite file. Point SKILLSX_DATABASE_URL "
                "at a file, e.g. sqlite:///skillsx.db."
            )
        if not path.exists():
            if not create:
                raise StoreError(
                    f"No store at {path}: the file does not exist. If the path is mistyped, "
                    "fix SKILLSX_DATABASE_URL; to create a store there, run `skillsx ingest "
                    "PATH` or `skillsx ingest-all DATA`."
                )
            if not path.parent.is_dir():
                raise StoreError(
                    f"Cannot create the store {path}: the folder {path.parent} does not exist. "
                    "Create it, or fix the path in SKILLSX_DATABASE_URL."
                )
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(describe_store_failure(url, exc)) from None
    return engine


def describe_store_failure(url: str, exc: BaseException) -> str:
    """One line for a failure of the store itself: where, the driver's cause, and the fix."""
    where = make_url(normalise_url(url)).render_as_string(hide_password=True)
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).splitlines() if ln.strip()]
    cause = lines[0] if lines else type(orig).__name__
    low = cause.lower()
    if url.startswith("sqlite"):
        if "not a database" in low or "malformed" in low:
            fix = "The file is not a SQLite store, or it is damaged: check the path."
        elif "locked" in low or "busy" in low:
            fix = "Another process holds the store: wait for it to finish and try again."
        elif "readonly" in low or "read-only" in low or "unable to open" in low:
            fix = "Check that the file and its folder exist and can be written."
        else:
            fix = "Check the path in SKILLSX_DATABASE_URL and the file's permissions."
    elif "password" in low or "authentication" in low:
        fix = "Check the user name and password in SKILLSX_DATABASE_URL."
    elif "database" in low and "does not exist" in low:
        fix = "Create the database (e.g. `createdb NAME`) or fix its name in SKILLSX_DATABASE_URL."
    elif "role" in low and "does not exist" in low:
        fix = "Create that user on the server or fix the user in SKILLSX_DATABASE_URL."
    else:
        fix = (
            "Check that the PostgreSQL server is running and that the host and port in "
            "SKILLSX_DATABASE_URL are right."
        )
    return f"The store {where} cannot be used ({cause}). {fix}"
