"""Career pathways of an occupation: next steps, lateral moves and feeder occupations.

All three come from the transferability score (``skillsx.moves.score``):

- **Next steps**: the occupation's first-line supervisors (found as the composer finds them,
  ``store.ladder.get_supervisor``), then the best-scoring moves from it into a higher Job Zone.
- **Lateral moves**: the best-scoring moves into the same Job Zone.
- **Feeders**: the occupations whose move *into* this one scores best, from a lower Job Zone.

Only the best ``POOL`` moves each way are considered, so a pathway is always among the
occupations the similar list ranks high; each item says why it is there and links to the
comparison.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from skillsx.models import RelatedOccupation
from skillsx.moves.records import rows_of
from skillsx.moves.similar import Moves
from skillsx.store import schema
from skillsx.store.ladder import get_supervisor

T = schema.ONET_TABLES
#: How many of the best-scoring moves each way a pathway is picked from.
POOL = 60
#: Items per kind of pathway by default.
PER_KIND = 5


def find_supervisor(
    conn: Connection, moves: Moves, soc: str, cache: dict[str, Any] | None = None
) -> dict[str, str] | None:
    """The first-line supervisors of ``soc`` as the composer finds them, or None."""
    rid = moves.release.id
    occ, rel = T["onet_occupations"], T["onet_related_occupations"]
    row = conn.execute(
        select(occ.c.title, occ.c.description).where(occ.c.release_id == rid, occ.c.soc == soc)
    ).first()
    if row is None:
        return None
    # O*NET's related list only tells which supervisors are this work's (as on the framework
    # page); it never enters the score.
    related = [
        RelatedOccupation(soc=soc_, title="", tier=tier, index=index)
        for soc_, tier, index in rows_of(
            conn,
            select(rel.c.related_soc, rel.c.tier, rel.c.index)
            .where(rel.c.release_id == rid, rel.c.soc == soc)
            .order_by(rel.c.index),
        )
    ]
    found = get_supervisor(conn, rid, soc, row.title, row.description, related, cache or {})
    if found is None:
        return None
    return {"soc": found.soc, "title": found.title, "basis": found.basis}


def list_pathways(
    moves: Moves, soc: str, supervisor: dict[str, str] | None = None, per_kind: int = PER_KIND
) -> dict[str, Any]:
    """Next steps, lateral moves and feeders of ``soc``, each with its score and reason."""
    moves.require(soc)
    ix = moves.index
    me = ix.row[soc]
    zone = moves.zones[soc]
    out_scores = ix.scores_from(soc)
    in_scores = ix.scores_into(soc)

    def best(scores: Any) -> list[int]:
        return [int(i) for i in np.argsort(-scores, kind="stable") if int(i) != me][:POOL]

    def item(i: int, score: float, reason: str, outward: bool) -> dict[str, Any]:
        other = ix.socs[i]
        a, b = (soc, other) if outward else (other, soc)
        return {
            "soc": other,
            "title": ix.titles[other],
            "job_zone": moves.zones[other],
            "score": round(float(score), 4),
            "direction": f"{a} -> {b}",
            "reason": reason,
            "href": f"/occupations/{other}",
            "compare": f"/compare?from={a}&to={b}",
        }

    next_steps: list[dict[str, Any]] = []
    if supervisor and supervisor["soc"] in ix.row and supervisor["soc"] != soc:
        i = ix.row[supervisor["soc"]]
        next_steps.append(
            item(i, out_scores[i], f"supervises this work ({supervisor['basis']})", True)
        )
    taken = {x["soc"] for x in next_steps}
    lateral: list[dict[str, Any]] = []
    for i in best(out_scores):
        other_zone = moves.zones[ix.socs[i]]
        if ix.socs[i] in taken or zone is None or other_zone is None:
            continue
        if other_zone > zone and len(next_steps) < per_kind:
            next_steps.append(
                item(i, out_scores[i], f"Job Zone {other_zone}, one of the closest moves up", True)
            )
        elif other_zone == zone and len(lateral) < per_kind:
            lateral.append(item(i, out_scores[i], f"same Job Zone ({zone})", True))
    feeders: list[dict[str, Any]] = []
    for i in best(in_scores):
        other_zone = moves.zones[ix.socs[i]]
        if zone is not None and other_zone is not None and other_zone < zone:
            feeders.append(
                item(i, in_scores[i], f"Job Zone {other_zone}: its work leads into this", False)
            )
            if len(feeders) >= per_kind:
                break
    notes = []
    if zone is None:
        notes.append("This occupation has no Job Zone, so moves cannot be sorted into steps.")
    elif zone == 1:
        notes.append("Job Zone 1 is the entry level: no occupation feeds into it from below.")
    elif zone == 5 and len(next_steps) == 0:
        notes.append("Job Zone 5 is the top of O*NET's preparation scale.")
    return {
        "soc": soc,
        "title": ix.titles[soc],
        "job_zone": zone,
        "supervisor": supervisor,
        "next_steps": next_steps,
        "lateral": lateral,
        "feeders": feeders,
        "notes": notes,
        "basis": (
            f"Picked from the {POOL} best-scoring moves each way by Job Zone; the score is the "
            "transferability score of the comparison."
        ),
    }
