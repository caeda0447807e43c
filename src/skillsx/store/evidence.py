"""Read-only queries over the AI evidence beside O*NET (Anthropic Economic Index)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, func, select

from skillsx.models import AeiTaskUse, AiEvidence
from skillsx.store import schema
from skillsx.store.queries import get_release

T = schema.ONET_TABLES


def list_aei_tasks(conn: Connection, soc: str, release_id: int | None = None) -> list[AeiTaskUse]:
    """The occupation's O*NET tasks that the AEI records, most used first."""
    rid = release_id if release_id is not None else get_release(conn).id
    u, ts = schema.aei_task_usage, T["onet_task_statements"]
    rows = conn.execute(
        select(u, ts.c.task)
        .join(
            ts,
            (ts.c.release_id == u.c.release_id)
            & (ts.c.soc == u.c.soc)
            & (ts.c.task_id == u.c.task_id),
        )
        .where(u.c.release_id == rid, u.c.soc == soc)
    ).all()
    tasks = [
        AeiTaskUse(
            task_id=r.task_id,
            task_text=r.task,
            aei_task_name=r.task_name,
            pct=r.pct,
            shared_by=r.shared_by,
            match=r.match,
            aei_release=r.aei_release,
        )
        for r in rows
    ]
    return sorted(tasks, key=lambda t: (-t.share, t.task_id))


def list_aei_shares(conn: Connection, release_id: int | None = None) -> dict[str, float]:
    """Share of all AEI usage of every occupation with task data (0.0 where the AEI has none).

    A task text's pct is divided equally among the ``shared_by`` O*NET tasks that carry the
    same text, so a text shared by three occupations adds a third of its pct to each.
    """
    rid = release_id if release_id is not None else get_release(conn).id
    u, ts = schema.aei_task_usage, T["onet_task_statements"]
    shares: dict[str, float] = defaultdict(float)
    socs: list[str] = list(conn.scalars(select(ts.c.soc).where(ts.c.release_id == rid).distinct()))
    for soc in socs:
        shares[soc] = 0.0
    for row in conn.execute(
        select(u.c.soc, func.sum(u.c.pct / u.c.shared_by))
        .where(u.c.release_id == rid)
        .group_by(u.c.soc)
    ):
        shares[row[0]] = float(row[1])
    return dict(shares)


def list_aei_interactions(conn: Connection) -> dict[str, float]:
    """The economy-wide collaboration patterns of the loaded AEI release, in file order."""
    a = schema.aei_interactions
    return {r.interaction_type: r.pct for r in conn.execute(select(a))}


def get_aei_source(conn: Connection) -> tuple[str, str] | None:
    """(release, source path) of the loaded AEI, or None when none is loaded."""
    e = schema.evidence_sources
    row = conn.execute(select(e.c.release, e.c.source).where(e.c.kind == "aei")).first()
    return (row.release, row.source) if row else None


def get_ai_evidence(
    conn: Connection,
    soc: str,
    *,
    release_id: int | None = None,
    shares: dict[str, float] | None = None,
) -> AiEvidence:
    """The AI evidence of one occupation; pass ``shares`` to reuse them across a build."""
    rid = release_id if release_id is not None else get_release(conn).id
    source = get_aei_source(conn)
    return AiEvidence(
        soc=soc,
        aei_release=source[0] if source else None,
        aei_source=source[1] if source else None,
        tasks=list_aei_tasks(conn, soc, rid) if source else [],
        shares=shares if shares is not None else list_aei_shares(conn, rid),
        interactions=list_aei_interactions(conn) if source else {},
    )
