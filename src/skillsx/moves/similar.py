"""Similar occupations: every occupation ranked by the transferability score from one.

``build_index`` reads every occupation's records once (about 2-3 s on the full release) into
a ``SimilarityIndex``; ``list_similar`` then ranks 923 occupations in about a millisecond.
O*NET's own Related Occupations are not read here: they are the answer key of
bench/similar.py, never an input of the score.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy import Connection

from skillsx.errors import NotFound
from skillsx.models import Release
from skillsx.moves.records import Names, load_names, load_profiles
from skillsx.moves.score import COMPONENTS, SimilarityIndex
from skillsx.store.queries import get_release

#: At most this many results per request.
MAX_LIMIT = 100


class Moves:
    """A release's similarity index with the names its answers show."""

    def __init__(self, index: SimilarityIndex, names: Names, release: Release) -> None:
        self.index = index
        self.names = names
        self.release = release
        self.zones = {s: int(z) if z else None for s, z in zip(index.socs, index.zone, strict=True)}

    def require(self, soc: str) -> None:
        """Raise ``NotFound`` naming the fix when ``soc`` is not in the index."""
        if soc not in self.index.row:
            raise NotFound(
                f'No occupation "{soc}" with task data in O*NET {self.release.name}. Codes '
                "look like 41-3091.00; `skillsx occupations --with-tasks` lists them."
            )


def build_index(conn: Connection, release: Release | None = None) -> Moves:
    """Read every occupation with task data of the release into a similarity index."""
    rel = release or get_release(conn)
    names = load_names(conn, rel.id)
    profiles = load_profiles(conn, rel)
    index = SimilarityIndex(profiles.values(), dwa_iwa=names.dwa_iwa)
    del profiles
    return Moves(index, names, rel)


def weights_json() -> list[dict[str, Any]]:
    total = sum(c.weight for c in COMPONENTS)
    return [
        {"key": c.key, "label": c.label, "weight": round(c.weight / total, 4), "means": c.means}
        for c in COMPONENTS
    ]


def shared_records(moves: Moves, from_soc: str, to_soc: str, limit: int = 5) -> dict[str, Any]:
    """The records behind a pair's score: shared DWAs, IWAs, software and tools (the
    heaviest for the target first, at most ``limit`` each, with full counts)."""
    ix = moves.index
    f, t = ix.row[from_soc], ix.row[to_soc]
    out: dict[str, Any] = {}
    titles: dict[str, Any] = {
        "tasks": moves.names.dwa_titles,
        "activities": moves.names.iwa_titles,
        "tools": ix.tool_titles,
    }
    for key, label in (
        ("tasks", "dwas"),
        ("activities", "iwas"),
        ("software", "software"),
        ("tools", "tools"),
    ):
        shared = ix.sets[key].shared(f, t)
        names = titles.get(key)
        out[label] = {
            "count": len(shared),
            "top": [
                {"id": str(k), "title": names.get(k, str(k)) if names else str(k)}
                for k in shared[:limit]
            ],
        }
    return out


def list_similar(
    moves: Moves, soc: str, limit: int = 20, *, with_records: bool = True
) -> dict[str, Any]:
    """The ``limit`` occupations the move from ``soc`` scores highest, best first."""
    moves.require(soc)
    ix = moves.index
    values = ix.component_values(soc)
    scores = ix.combine(values)
    me = ix.row[soc]
    order = [int(i) for i in np.argsort(-scores, kind="stable") if int(i) != me][:limit]
    results = []
    for i in order:
        other = ix.socs[i]
        item: dict[str, Any] = {
            "soc": other,
            "title": ix.titles[other],
            "job_zone": moves.zones[other],
            "score": round(float(scores[i]), 4),
            "href": f"/occupations/{other}",
            "compare": f"/compare?from={soc}&to={other}",
        }
        if with_records:
            item["components"] = {
                c.key: round(float(values[c.key][0][i]), 4) if values[c.key][1][i] else None
                for c in COMPONENTS
            }
            item["shared"] = shared_records(moves, soc, other)
        results.append(item)
    return {
        "soc": soc,
        "title": ix.titles[soc],
        "release": moves.release.name,
        "limit": limit,
        "basis": (
            "Ranked by the transferability score of the move from this occupation: a "
            "weighted mean of the components below (weights are shares of the score). "
            "O*NET's Related Occupations are not an input."
        ),
        "weights": weights_json(),
        "results": results,
    }
