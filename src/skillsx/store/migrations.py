"""Numbered schema migrations, applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from skillsx.store import schema

Migration = tuple[int, str, Callable[[Connection], None]]


def _create(tables: list) -> Callable[[Connection], None]:
    def apply(conn: Connection) -> None:
        schema.metadata.create_all(conn, tables=tables)

    return apply


MIGRATIONS: list[Migration] = [
    (1, "O*NET release tables, evidence and crosswalks", _create(schema.BASE_TABLES)),
    (2, "versioned builds of frameworks and their problems", _create(schema.BUILD_TABLES)),
    (3, "accounts, sessions, corrections, overrides, audit log", _create(schema.ACCOUNT_TABLES)),
    (4, "imported external frameworks (json-1.0, CASE)", _create(schema.EXTERNAL_TABLES)),
    (5, "self-assessments against a framework", _create(schema.ASSESSMENT_TABLES)),
]


def applied_versions(conn: Connection) -> set[int]:
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.scalars(select(schema.schema_migrations.c.version)))


def migrate(engine: Engine) -> list[int]:
    """Apply every pending migration, each in its own transaction; return those applied."""
    done: list[int] = []
    for version, name, apply in MIGRATIONS:
        with engine.begin() as conn:
            if version in applied_versions(conn):
                continue
            apply(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC).isoformat()
                )
            )
            done.append(version)
    return done
