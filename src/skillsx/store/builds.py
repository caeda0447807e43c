"""Queries over versioned builds: which is current, their frameworks and problems."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from skillsx.errors import NotFound, StoreError
from skillsx.models import Framework, Problem
from skillsx.store import schema
from skillsx.store.queries import get_brief, list_data_level_neighbours


@dataclass(frozen=True)
class BuildInfo:
    id: int
    version: str
    number: int
    label: str  # "v.26.11" or "v.26.11 build 2"
    release: str
    engine: str
    status: str
    current: bool
    started_at: str
    finished_at: str | None
    frameworks: int
    errors: int
    warnings: int


def _info(row: Any, release: str) -> BuildInfo:
    label = row.version if row.number == 1 else f"{row.version} build {row.number}"
    return BuildInfo(
        id=row.id,
        version=row.version,
        number=row.number,
        label=label,
        release=release,
        engine=row.engine,
        status=row.status,
        current=row.is_current,
        started_at=row.started_at,
        finished_at=row.finished_at,
        frameworks=row.frameworks,
        errors=row.errors,
        warnings=row.warnings,
    )


def list_builds(conn: Connection) -> list[BuildInfo]:
    b, r = schema.builds, schema.releases
    rows = conn.execute(
        select(b, r.c.name.label("release_name")).join(r, r.c.id == b.c.release_id).order_by(b.c.id)
    ).all()
    return [_info(row, row.release_name) for row in rows]


def get_build(conn: Connection, build_id: int | None = None) -> BuildInfo:
    """The build with that id, or the current one."""
    for info in list_builds(conn):
        if (build_id is None and info.current) or info.id == build_id:
            return info
    if build_id is None:
        raise StoreError("No build yet. Run `skillsx build` to compose the frameworks.")
    raise NotFound(f"Build {build_id} does not exist.")


def get_document(conn: Connection, soc: str, build_id: int | None = None) -> dict[str, Any]:
    """The stored page document of ``soc`` in the current (or given) build."""
    build = get_build(conn, build_id)
    f = schema.frameworks
    row = conn.execute(
        select(f.c.document, f.c.content_hash).where(f.c.build_id == build.id, f.c.soc == soc)
    ).first()
    if row is None:
        raise NotFound(_no_framework_message(conn, soc, build.label))
    doc: dict[str, Any] = json.loads(row.document)
    doc["content_hash"] = row.content_hash
    return doc


def _no_framework_message(conn: Connection, soc: str, label: str) -> str:
    try:
        brief = get_brief(conn, soc)
    except NotFound:
        return f'No occupation "{soc}" in the current release; `skillsx occupations` lists them.'
    if not brief.has_task_data:
        near = list_data_level_neighbours(conn, soc)
        see = "; ".join(f"{o.soc} {o.title}" for o in near[:8])
        return (
            f"No framework for {soc} {brief.title}: O*NET {brief.release} has no task data for "
            "it, and a framework is never composed without tasks."
            + (f" Occupations with frameworks nearby: {see}." if see else "")
        )
    return f'No framework for "{soc}" in build {label}; run `skillsx build --soc {soc}`.'


def get_framework(conn: Connection, soc: str, build_id: int | None = None) -> Framework:
    return Framework.model_validate(get_document(conn, soc, build_id)["framework"])


def list_framework_socs(conn: Connection, build_id: int) -> list[str]:
    f = schema.frameworks
    return list(conn.scalars(select(f.c.soc).where(f.c.build_id == build_id).order_by(f.c.soc)))


def iter_documents(conn: Connection, build_id: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every stored page document of a build as (SOC, document), in SOC order, in batches."""
    f = schema.frameworks
    query = (
        select(f.c.soc, f.c.document, f.c.content_hash)
        .where(f.c.build_id == build_id)
        .order_by(f.c.soc)
        .execution_options(yield_per=64)
    )
    for row in conn.execute(query):
        doc: dict[str, Any] = json.loads(row.document)
        doc["content_hash"] = row.content_hash
        yield row.soc, doc


def content_hashes(conn: Connection, build_id: int) -> dict[str, str]:
    f = schema.frameworks
    return dict(
        conn.execute(select(f.c.soc, f.c.content_hash).where(f.c.build_id == build_id)).all()
    )


def list_problems(
    conn: Connection, build_id: int, *, soc: str | None = None, severity: str | None = None
) -> list[Problem]:
    p = schema.build_problems
    query = select(p).where(p.c.build_id == build_id)
    if soc:
        query = query.where(p.c.soc == soc)
    if severity:
        query = query.where(p.c.severity == severity)
    return [
        Problem(rule=r.rule, severity=r.severity, soc=r.soc, where=r.location, message=r.message)
        for r in conn.execute(query.order_by(p.c.soc, p.c.rule))
    ]


def problem_counts(conn: Connection, build_id: int) -> dict[str, int]:
    p = schema.build_problems
    rows = conn.execute(
        select(p.c.severity, func.count()).where(p.c.build_id == build_id).group_by(p.c.severity)
    ).all()
    return dict(rows)
