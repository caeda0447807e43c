"""Career moves on the site and in the API: compare, similar occupations, pathways.

- ``GET /api/v1/compare?from=SOC&to=SOC``, ``GET /api/v1/occupations/{soc}/similar``,
  ``GET /api/v1/occupations/{soc}/pathways``;
- ``GET /compare?from=SOC&to=SOC`` (or ``&q=TITLE`` to pick the other occupation by title);
- ``with_pathways``: adds the "Career pathways" section to an occupation page's context.

The similarity index of the current build's release is made once per build and worker
(about 3 s and 5 MB on the full release) and kept on the app.
"""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool

from skillsx.errors import StoreError
from skillsx.moves import (
    Moves,
    build_index,
    compare,
    find_supervisor,
    list_pathways,
    list_similar,
)
from skillsx.moves.similar import MAX_LIMIT
from skillsx.store.builds import BuildInfo
from skillsx.store.queries import list_releases
from skillsx.web.deps import AppState
from skillsx.web.errors import error_responses
from skillsx.web.html import render

log = logging.getLogger(__name__)
SOC_PATTERN = r"^\d{2}-\d{4}\.\d{2}$"
SOC_HELP = "An O*NET-SOC code such as 41-2031.00"

api = APIRouter(prefix="/api/v1", tags=["career moves"])
pages = APIRouter(include_in_schema=False)
#: Both, for ``create_app`` to include in one line.
router = APIRouter()
_lock = threading.Lock()


# ---------------------------------------------------------------- the index, per build


def _build(state: AppState) -> BuildInfo:
    build = state.current_build()
    if build is None:
        raise StoreError("No build yet. Run `skillsx build` to compose the frameworks.")
    return build


def get_moves(state: AppState, build: BuildInfo) -> Moves:
    """The similarity index of the build's release, made once per build and app."""
    # Kept on the app's state object (AppState has no field for it; this module owns it).
    holder: dict[str, Any] = state.__dict__.setdefault("moves_index", {})
    found = holder.get("index")
    if found is not None and found[0] == build.id:
        moves: Moves = found[1]
        return moves
    with _lock:
        found = holder.get("index")
        if found is None or found[0] != build.id:
            holder.pop("index", None)  # let the old index go before the new one is made
            made = _from_child(state.database_url, build.release) if state.database_url else None
            if made is None:
                with state.engine.connect() as conn:
                    release = next(
                        (r for r in list_releases(conn) if r.name == build.release), None
                    )
                    made = build_index(conn, release)
            holder["index"] = (build.id, made)
        moves = holder["index"][1]
        return moves


# Reading 300,000 rows into profiles leaves a worker's heap ~50 MB bigger for an index of
# ~5 MB (measured on the full release), so a served site (which opened the store from its
# URL) builds it in a fresh interpreter and takes its pickle, as the title index does
# (skillsx.web.deps). The URL comes on stdin, never in a process list; the pickle is ours.
_CHILD = """
import pickle, sys
from skillsx.moves import build_index
from skillsx.store.db import open_engine
from skillsx.store.queries import list_releases
url, release = sys.stdin.read().split("\\n", 1)
engine = open_engine(url)
with engine.connect() as conn:
    rel = next((r for r in list_releases(conn) if r.name == release), None)
    moves = build_index(conn, rel)
engine.dispose()
sys.stdout.buffer.write(pickle.dumps(moves, protocol=5))
"""


def _from_child(database_url: str, release: str) -> Moves | None:
    """The index built in a child Python, or None if the child fails (logged)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=f"{database_url}\n{release}".encode(),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout:
        error = done.stderr.decode(errors="replace").strip().splitlines()
        log.warning("Building the moves index in a child failed: %s", error[-1:] or "no output")
        return None
    moves = pickle.loads(done.stdout)  # noqa: S301 (our own child's output)
    return moves if isinstance(moves, Moves) else None


def with_pathways(state: AppState, build: BuildInfo, context: dict[str, Any]) -> dict[str, Any]:
    """The occupation page context with its "Career pathways" section (``pathways``).

    A failure here never breaks the page: the section then says it is unavailable.
    """
    if context.get("kind") != "occupation":
        return context
    soc = context["occupation"]["soc"]
    try:
        moves = get_moves(state, build)
        with state.engine.connect() as conn:
            supervisor = find_supervisor(conn, moves, soc)
        pathways: dict[str, Any] = {"available": True, **list_pathways(moves, soc, supervisor)}
    except Exception:
        log.exception("career pathways of %s failed", soc)
        pathways = {"available": False, "message": "Career pathways are not available now."}
    pathways["compare_action"] = "/compare"
    return {**context, "pathways": pathways}


# ---------------------------------------------------------------- API models


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SharedRecords(_Open):
    count: int
    top: list[dict[str, str]]


class SimilarItem(_Open):
    soc: str
    title: str
    job_zone: int | None
    score: float
    href: str
    compare: str
    components: dict[str, float | None]
    shared: dict[str, SharedRecords]


class Weight(_Open):
    key: str
    label: str
    weight: float
    means: str


class SimilarList(_Open):
    soc: str
    title: str
    release: str
    limit: int
    basis: str
    weights: list[Weight]
    results: list[SimilarItem]


class Component(_Open):
    key: str
    label: str
    means: str
    weight: float
    value: float | None
    contribution: float


class ScoreOut(_Open):
    value: float
    basis: str
    components: list[Component]


class Gap(_Open):
    kind: str
    cost: float
    text: str
    records: list[str]


class Comparison(_Open):
    release: str
    score: ScoreOut
    gaps: list[Gap]
    coverage: dict[str, Any] | None
    coverage_missing: str | None


class PathwayItem(_Open):
    soc: str
    title: str
    job_zone: int | None
    score: float
    direction: str
    reason: str
    href: str
    compare: str


class Pathways(_Open):
    soc: str
    title: str
    job_zone: int | None
    supervisor: dict[str, str] | None
    next_steps: list[PathwayItem]
    lateral: list[PathwayItem]
    feeders: list[PathwayItem]
    notes: list[str]
    basis: str


# ---------------------------------------------------------------- API routes

FromSoc = Annotated[str, Query(alias="from", pattern=SOC_PATTERN, description=SOC_HELP)]
ToSoc = Annotated[str, Query(alias="to", pattern=SOC_PATTERN, description=SOC_HELP)]
PathSoc = Annotated[str, Path(pattern=SOC_PATTERN, description=SOC_HELP)]


def _compare(state: AppState, from_soc: str, to_soc: str) -> dict[str, Any]:
    build = _build(state)
    moves = get_moves(state, build)

    def make() -> dict[str, Any]:
        with state.engine.connect() as conn:
            return compare(conn, from_soc, to_soc, moves=moves)

    return state.cache.get_or_make(("compare", build.id, from_soc, to_soc), make)


@api.get(
    "/compare",
    summary="Compare two occupations: what carries over, the score and its basis, the gaps",
    response_model=Comparison,
    responses=error_responses(400, 404),
)
async def compare_api(request: Request, from_soc: FromSoc, to_soc: ToSoc) -> dict[str, Any]:
    state: AppState = request.app.state.skillsx
    return await run_in_threadpool(_compare, state, from_soc, to_soc)


@api.get(
    "/occupations/{soc}/similar",
    summary="Occupations ranked by the transferability score from this one",
    response_model=SimilarList,
    responses=error_responses(404),
)
async def similar_api(
    request: Request,
    soc: PathSoc,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> dict[str, Any]:
    state: AppState = request.app.state.skillsx
    build = _build(state)

    def make() -> dict[str, Any]:
        return list_similar(get_moves(state, build), soc, limit)

    return await run_in_threadpool(make)


@api.get(
    "/occupations/{soc}/pathways",
    summary="Career pathways: next steps, lateral moves and feeder occupations",
    response_model=Pathways,
    responses=error_responses(404),
)
async def pathways_api(request: Request, soc: PathSoc) -> dict[str, Any]:
    state: AppState = request.app.state.skillsx
    build = _build(state)

    def make() -> dict[str, Any]:
        moves = get_moves(state, build)
        moves.require(soc)
        with state.engine.connect() as conn:
            return list_pathways(moves, soc, find_supervisor(conn, moves, soc))

    return await run_in_threadpool(make)


# ---------------------------------------------------------------- the /compare page


def _pick_context(state: AppState, from_soc: str, q: str) -> dict[str, Any]:
    """The page that lets a visitor pick the occupation to compare with, by title."""
    build = _build(state)
    moves = get_moves(state, build)
    moves.require(from_soc)
    hits = state.search(q, 20) if q.strip() else []
    results = [
        {
            "soc": h.soc,
            "title": h.title,
            "matched": h.matched,
            "href": f"/compare?from={from_soc}&to={h.soc}",
            "comparable": h.soc in moves.index.row and h.soc != from_soc,
        }
        for h in hits
    ]
    return {
        "kind": "compare_pick",
        "from": {"soc": from_soc, "title": moves.index.titles[from_soc]},
        "q": q,
        "results": results,
    }


@pages.get("/compare")
async def compare_page(
    request: Request,
    from_soc: Annotated[str, Query(alias="from", pattern=SOC_PATTERN)],
    to_soc: Annotated[str | None, Query(alias="to", pattern=SOC_PATTERN)] = None,
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    state: AppState = request.app.state.skillsx
    if to_soc is None:
        context = await run_in_threadpool(_pick_context, state, from_soc, q)
        return render(request, "compare_pick.html", context)
    context = await run_in_threadpool(_compare, state, from_soc, to_soc)
    return render(request, "compare.html", context)


router.include_router(api)
router.include_router(pages)

__all__ = ["get_moves", "router", "with_pathways"]
