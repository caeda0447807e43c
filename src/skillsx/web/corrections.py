"""Suggesting corrections, the curators' queue, the public change list and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from skillsx.errors import NotFound, SkillsxError
from skillsx.store.accounts import (
    RateLimited,
    get_correction,
    list_audit,
    list_corrections,
    review_correction,
    submit_correction,
)
from skillsx.web.api import _cached_context, require_build
from skillsx.web.context import occupation_href, target_text
from skillsx.web.deps import Admin, ConnDep, Contributor, Curator, StateDep
from skillsx.web.html import check_csrf, render

router = APIRouter(include_in_schema=False)
TARGET = (
    r"^(statement:(emerging|developing|proficient|advanced):\d{1,3}"
    r"|record:[a-z]+:[A-Za-z0-9.\-]{1,40})$"
)


def _form_context(state: StateDep, conn: ConnDep, soc: str, target: str) -> dict:
    build = require_build(state)
    page = _cached_context(state, build, soc)
    return {
        "occupation": page["occupation"],
        "target": target,
        "current_text": target_text(page, soc, conn, target),
        "back_href": occupation_href(soc),
        "errors": [],
        "values": {"problem": "", "proposed": "", "reason": ""},
    }


@router.get("/occupations/{soc}/suggest")
def suggest_form(
    request: Request,
    state: StateDep,
    conn: ConnDep,
    user: Contributor,
    soc: str,
    target: Annotated[str, Query(pattern=TARGET)],
) -> HTMLResponse:
    context = _form_context(state, conn, soc, target)
    context["values"]["proposed"] = context["current_text"]
    return render(request, "suggest.html", context)


@router.post("/occupations/{soc}/suggest")
def suggest(
    request: Request,
    state: StateDep,
    conn: ConnDep,
    user: Contributor,
    soc: str,
    target: Annotated[str, Form(pattern=TARGET)],
    problem: Annotated[str, Form(max_length=2000)] = "",
    proposed: Annotated[str, Form(max_length=2000)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    context = _form_context(state, conn, soc, target)
    try:
        with state.engine.begin() as tx:
            submit_correction(
                tx,
                user,
                soc=soc,
                target=target,
                current_text=context["current_text"],
                problem=problem,
                proposed=proposed,
                reason=reason,
                build_id=state.build_key() or None,
            )
    except SkillsxError as exc:
        context["errors"] = [str(exc)]
        context["values"] = {"problem": problem, "proposed": proposed, "reason": reason}
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(exc.retry_after)}
            return render(request, "suggest.html", context, status=429, headers=headers)
        return render(request, "suggest.html", context, status=400)
    return RedirectResponse("/corrections/mine", status_code=303)


@router.get("/corrections")
def accepted(request: Request, conn: ConnDep) -> HTMLResponse:
    items = list_corrections(conn, status="accepted")
    return render(request, "corrections.html", {"items": items, "heading": "Accepted corrections"})


@router.get("/corrections/mine")
def mine(request: Request, conn: ConnDep, user: Contributor) -> HTMLResponse:
    items = list_corrections(conn, user_id=user.id)
    return render(request, "corrections_mine.html", {"items": items})


@router.get("/corrections/queue")
def queue(request: Request, conn: ConnDep, user: Curator) -> HTMLResponse:
    items = list_corrections(conn, status="pending")
    return render(request, "corrections_queue.html", {"items": items})


@router.get("/corrections/{correction_id}/review")
def review_form(request: Request, conn: ConnDep, user: Curator, correction_id: int) -> HTMLResponse:
    item = get_correction(conn, correction_id)
    return render(request, "review.html", {"item": item, "error": None})


@router.post("/corrections/{correction_id}/review")
def review(
    request: Request,
    state: StateDep,
    user: Curator,
    correction_id: int,
    decision: Annotated[str, Form(pattern="^(accept|reject)$")],
    reason: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    try:
        with state.engine.begin() as conn:
            review_correction(conn, user, correction_id, accept=decision == "accept", reason=reason)
    except NotFound:
        raise
    except SkillsxError as exc:
        with state.engine.connect() as conn:
            item = get_correction(conn, correction_id)
        return render(request, "review.html", {"item": item, "error": str(exc)}, status=400)
    return RedirectResponse("/corrections/queue", status_code=303)


@router.get("/admin/audit")
def audit(request: Request, conn: ConnDep, user: Admin) -> HTMLResponse:
    return render(request, "audit.html", {"entries": list_audit(conn)})
