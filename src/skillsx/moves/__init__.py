"""Career moves: compare two occupations, similar occupations, career pathways.

- ``compare(conn, FROM, TO)``: what carries over record by record and statement by
  statement, the transferability score with its basis, the three biggest gaps.
- ``build_index(conn)`` then ``list_similar(moves, SOC)`` / ``list_pathways(moves, SOC)``.
- ``coverage_by_level(to_framework, held)``: which statements of a framework a set of held
  anchors covers (the self-assessment's "gap for a move" uses it).

The score and its components are in ``skillsx.moves.score``; docs/moves.md explains them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from skillsx.errors import NotFound, SkillsxError
from skillsx.moves.compare import anchor_key, compare_profiles, coverage_by_level, held_anchors
from skillsx.moves.pathways import find_supervisor, list_pathways
from skillsx.moves.records import (
    load_names,
    load_profile,
    load_scale_values,
    load_task_dwas,
    load_usage,
)
from skillsx.moves.score import COMPONENTS, SimilarityIndex
from skillsx.moves.similar import Moves, build_index, list_similar
from skillsx.store.builds import get_build, get_document
from skillsx.store.queries import get_release

__all__ = [
    "COMPONENTS",
    "Moves",
    "anchor_key",
    "build_index",
    "compare",
    "coverage_by_level",
    "held_anchors",
    "list_pathways",
    "list_similar",
    "find_supervisor",
    "pathways",
    "similar",
]


def compare(
    conn: Connection,
    from_soc: str,
    to_soc: str,
    *,
    moves: Moves | None = None,
    cache: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The comparison of the move ``from_soc`` -> ``to_soc`` (see ``compare_profiles``).

    With ``moves`` (a whole release's index, as the site keeps per build) the score is read
    from it; without, an index of the two occupations is made with the release's use counts,
    which gives the same score. The statement-by-statement part reads TO's framework from
    the current build, and is None (with the reason) when there is none. An occupation
    compared with itself is allowed: a self-assessment may read its own framework this way.
    """
    release = moves.release if moves is not None else get_release(conn)
    a = load_profile(conn, from_soc, release)
    b = load_profile(conn, to_soc, release)
    names = moves.names if moves is not None else load_names(conn, release.id, cache)
    if moves is not None:
        index = moves.index
    else:
        usage = load_usage(conn, release)
        index = SimilarityIndex(
            [a, b],
            software_users=usage.software,
            tool_users=usage.tools,
            occupations=usage.occupations,
            dwa_iwa=names.dwa_iwa,
        )
    framework, build_label, missing = _framework(conn, to_soc)
    supervisor_tasks: list[int] = []
    if framework is not None:
        supervisor_tasks = [
            int(str(anchor["id"]).split(":")[-1])
            for s in framework.get("statements", [])
            for anchor in s.get("anchors", [])
            if anchor["kind"] == "supervisor_task"
        ]
    result = compare_profiles(
        a,
        b,
        index,
        names,
        to_framework=framework,
        scale_values=load_scale_values(conn, release, cache),
        supervisor_task_dwas=load_task_dwas(conn, release, supervisor_tasks),
        build_label=build_label,
    )
    result["coverage_missing"] = missing
    return result


def _framework(conn: Connection, soc: str) -> tuple[dict[str, Any] | None, str | None, str | None]:
    try:
        build = get_build(conn)
        doc = get_document(conn, soc, build.id)
    except (NotFound, SkillsxError) as exc:
        return None, None, str(exc)
    framework: dict[str, Any] = doc["framework"]
    return framework, build.label, None


def similar(conn: Connection, soc: str, limit: int = 20) -> dict[str, Any]:
    """``list_similar`` over a fresh index of the current release (the CLI's way)."""
    return list_similar(build_index(conn), soc, limit)


def pathways(conn: Connection, soc: str) -> dict[str, Any]:
    """``list_pathways`` over a fresh index of the current release (the CLI's way)."""
    moves = build_index(conn)
    moves.require(soc)
    return list_pathways(moves, soc, find_supervisor(conn, moves, soc))
