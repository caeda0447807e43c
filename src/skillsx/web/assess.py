"""Self-assessment: the pages under /occupations/{soc}/assess and /assessments, and the
``/api/v1/assessments`` API. Each view builds one dict; the API returns it, the page renders it.

Anyone can rate a framework and see the levels ("try without saving": nothing is written);
signed-in users save, revisit, change and delete their own assessments, and compare one with
another occupation's framework (the gap for a move). Forms carry the site's CSRF token;
API writes are JSON only (a form cannot send it) and refused from another site's page
(``Origin``), besides the session cookie being ``SameSite=Lax``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi import Path as ApiPath
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

from skillsx.assess import (
    RATING_LABELS,
    RATINGS,
    RULE,
    Assessment,
    FrameworkRef,
    RatedStatement,
    assessment_document,
    create_assessment,
    delete_assessment,
    derive_levels,
    gap,
    get_assessment,
    held_anchors,
    list_assessments,
    rate,
    rated_document,
    revisit,
    snapshot,
    update_assessment,
)
from skillsx.assess.document import credential_input
from skillsx.assess.ratings import STATEMENT_ID
from skillsx.assess.store import MAX_NOTE, TooMany
from skillsx.credentials.sign import MEDIA_TYPE
from skillsx.errors import CredentialError, SkillsxError
from skillsx.models import Level
from skillsx.store.accounts import RateLimited, User
from skillsx.store.builds import get_document
from skillsx.web.api import require_build
from skillsx.web.assess_schemas import (
    SOC,
    AssessmentCreate,
    AssessmentList,
    AssessmentPublic,
    AssessmentTry,
    AssessmentUpdate,
    GapOut,
    TryOut,
)
from skillsx.web.context import occupation_href
from skillsx.web.credentials import assessment_credential
from skillsx.web.deps import AppState, ConnDep, CurrentUser, OptionalUser, StateDep
from skillsx.web.errors import error_responses
from skillsx.web.html import check_csrf, render

#: Form fields a rating form can carry: 40 statements and a few others, with room to spare.
MAX_FIELDS = 120

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", tags=["assessments"])
router = APIRouter()


# ---------------------------------------------------------------- the framework rated against


def current_framework(state: AppState, conn: Connection, soc: str) -> tuple[FrameworkRef, dict]:
    """The current build's framework of ``soc`` and what identifies it (NotFound if none)."""
    build = require_build(state)
    doc = get_document(conn, soc, build.id)
    fw = doc["framework"]
    ref = FrameworkRef(
        soc=soc,
        title=fw["title"],
        build_id=build.id,
        build_label=build.label,
        version=build.version,
        release=fw["release"],
        content_hash=doc["content_hash"],
    )
    return ref, fw


# ---------------------------------------------------------------- view dicts


def links(a: Assessment) -> dict[str, str]:
    base = f"/assessments/{a.public_id}"
    return {
        "page": base,
        "edit": f"{base}/edit",
        "gap": f"{base}/gap",
        "api": f"/api/v1{base}",
        "framework": occupation_href(a.soc),
    }


def revisit_dict(state: AppState, conn: Connection, a: Assessment) -> dict[str, Any]:
    """How the saved ratings line up with the framework the site shows now."""
    rated = sum(s.rating is not None for s in a.statements)
    try:
        ref, fw = current_framework(state, conn, a.soc)
    except SkillsxError as exc:
        return {
            "current_build_id": None,
            "current_build_label": None,
            "up_to_date": False,
            "rated": rated,
            "matching": 0,
            "moved": [],
            "changed": [],
            "gone": [],
            "unrated_now": 0,
            "message": f"The site has no current framework for {a.soc} to compare with: {exc}",
        }
    r = revisit(a.statements, snapshot(fw))
    up_to_date = not (r.moved or r.changed or r.gone)
    rated_against = a.framework.build_label
    if ref.build_id == a.framework.build_id:
        message = f"Rated against the framework the site shows now ({ref.build_label})."
    elif up_to_date:
        message = (
            f"Rated against {rated_against}; the site now shows {ref.build_label}, and all "
            f"{r.rated} ratings still refer to the same statements."
        )
    else:
        parts = [f"{r.matching} of {r.rated} ratings still refer to the same statements"]
        if r.moved:
            parts.append(f"{len(r.moved)} of them at a new place")
        if r.changed:
            parts.append(f"{len(r.changed)} statements were reworded or re-anchored")
        if r.gone:
            parts.append(f"{len(r.gone)} are no longer in the framework")
        message = (
            f"Rated against {rated_against}; the site now shows {ref.build_label}: "
            + ", ".join(parts)
            + ". Edit the assessment to rate the current statements."
        )
    return {
        "current_build_id": ref.build_id,
        "current_build_label": ref.build_label,
        "up_to_date": up_to_date,
        "rated": r.rated,
        "matching": r.matching,
        "moved": [{"from": old, "to": new} for old, new in r.moved],
        "changed": r.changed,
        "gone": r.gone,
        "unrated_now": r.unrated_now,
        "message": message,
    }


def assessment_view(state: AppState, conn: Connection, a: Assessment) -> dict[str, Any]:
    """A saved assessment: its document, the owner's note, links and the revisit summary."""
    return {
        **assessment_document(a),
        "note": a.note,
        "links": links(a),
        "revisit": revisit_dict(state, conn, a),
    }


def summary(a: Assessment) -> dict[str, Any]:
    result = derive_levels(a.statements)
    return {
        "id": a.public_id,
        "soc": a.soc,
        "title": a.title,
        "build_label": a.framework.build_label,
        "framework_version": a.framework.version,
        "level": result.overall.level,
        "level_label": result.overall.label,
        "rated": result.rated,
        "total": result.total,
        "note": a.note,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
        "href": f"/assessments/{a.public_id}",
        "api": f"/api/v1/assessments/{a.public_id}",
    }


def gap_view(
    origin: dict[str, Any], statements: list[RatedStatement], to: FrameworkRef, fw: dict
) -> dict[str, Any]:
    """The gap from what ``statements`` hold to ``to``'s framework."""
    held = held_anchors(statements)
    return {
        "from": origin,
        "to": {"soc": to.soc, "title": to.title, "build_label": to.build_label},
        "held_statements": sum(s.held for s in statements),
        "held_anchors": len(held),
        **gap(fw, held),
    }


def _choices() -> list[dict[str, str]]:
    return [{"value": r, "label": RATING_LABELS[r]} for r in RATINGS]


def form_context(
    ref: FrameworkRef,
    fw: dict,
    ratings: dict[str, str],
    note: str,
    *,
    user: User | None,
    action: str,
    assessment: Assessment | None = None,
    changed: list[dict[str, Any]] | None = None,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """The rating form: the current framework's statements, level by level, prefilled."""
    statements = snapshot(fw)
    levels = [
        {
            "key": level.value,
            "label": level.label,
            "band": level.band,
            "statements": [
                {
                    "id": s.id,
                    "text": s.text,
                    "theme_label": s.theme_label,
                    "rating": ratings.get(s.id),
                }
                for s in statements
                if s.level == level.value
            ],
        }
        for level in Level
    ]
    return {
        "kind": "assessment_form",
        "occupation": {"soc": ref.soc, "title": ref.title, "href": occupation_href(ref.soc)},
        "framework": {
            "version": ref.version,
            "build_label": ref.build_label,
            "release": ref.release,
        },
        "levels": levels,
        "choices": _choices(),
        "rule": RULE,
        "note": note,
        "max_note": MAX_NOTE,
        "can_save": user is not None,
        "assessment": None if assessment is None else links(assessment),
        "changed": changed or [],
        "errors": errors or [],
        "action": action,
    }


def _targets(state: AppState) -> list[dict[str, str]]:
    """Occupations with a framework, by title: the choices for a move."""
    found = [o for o in state.occupations() if o.tasks > 0]
    return [{"soc": o.soc, "title": o.title} for o in sorted(found, key=lambda o: o.title)]


# ---------------------------------------------------------------- forms


async def posted_ratings(request: Request) -> dict[str, str]:
    """statement id → rating from a posted rating form (fields named like "emerging:3")."""
    form = await request.form()
    if len(form) > MAX_FIELDS:
        raise HTTPException(400, f"The form has {len(form)} fields, at most {MAX_FIELDS}.")
    return {
        key: str(value)
        for key, value in form.multi_items()
        if STATEMENT_ID.match(key) and isinstance(value, str) and value
    }


RatingsDep = Annotated[dict[str, str], Depends(posted_ratings)]
NoteField = Annotated[str, Form(max_length=MAX_NOTE)]
TokenField = Annotated[str, Form()]


def _rate_or_none(fw: dict, ratings: dict[str, str]) -> tuple[list[RatedStatement] | None, str]:
    try:
        return rate(fw, ratings), ""
    except SkillsxError as exc:
        return None, str(exc)


@pages.get("/occupations/{soc}/assess")
def assess_form(request: Request, state: StateDep, user: OptionalUser, soc: str) -> HTMLResponse:
    with state.engine.connect() as conn:
        ref, fw = current_framework(state, conn, soc)
    context = form_context(ref, fw, {}, "", user=user, action=f"/occupations/{soc}/assess")
    return render(request, "assess_form.html", context)


def _result_page(
    request: Request, state: StateDep, ref: FrameworkRef, statements: list[RatedStatement]
) -> HTMLResponse:
    """An unsaved result: the levels, a gap form and (signed in) a save button; no store write."""
    context = {
        **rated_document(ref, statements),
        "saved": False,
        "note": "",
        "links": {"framework": occupation_href(ref.soc), "page": None, "edit": None},
        "revisit": None,
        "hidden": [{"name": s.id, "value": s.rating} for s in statements if s.rating],
        "targets": _targets(state),
        "gap_action": f"/occupations/{ref.soc}/assess/gap",
        "save_action": f"/occupations/{ref.soc}/assess",
    }
    return render(request, "assess_result.html", context)


@pages.post("/occupations/{soc}/assess")
def assess_post(
    request: Request,
    state: StateDep,
    user: OptionalUser,
    soc: str,
    ratings: RatingsDep,
    action: Annotated[Literal["save", "try"], Form()] = "try",
    note: NoteField = "",
    csrf_token: TokenField = "",
) -> Response:
    check_csrf(request, csrf_token)
    with state.engine.connect() as conn:
        ref, fw = current_framework(state, conn, soc)
    statements, error = _rate_or_none(fw, ratings)
    here = f"/occupations/{soc}/assess"
    if statements is None:
        context = form_context(ref, fw, ratings, note, user=user, action=here, errors=[error])
        return render(request, "assess_form.html", context, status=400)
    if action == "try":
        return _result_page(request, state, ref, statements)
    if user is None:
        raise HTTPException(
            401, "Sign in to save an assessment; “Try it without saving” works signed out."
        )
    try:
        with state.engine.begin() as tx:
            saved = create_assessment(tx, user, ref, statements, note)
    except SkillsxError as exc:
        context = form_context(ref, fw, ratings, note, user=user, action=here, errors=[str(exc)])
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(exc.retry_after)}
            return render(request, "assess_form.html", context, status=429, headers=headers)
        return render(request, "assess_form.html", context, status=400)
    return RedirectResponse(f"/assessments/{saved.public_id}", status_code=303)


def _gap_page(request: Request, view: dict[str, Any]) -> HTMLResponse:
    return render(request, "assess_gap.html", {**view, "origin": view["from"]})


@pages.post("/occupations/{soc}/assess/gap")
def try_gap(
    request: Request,
    state: StateDep,
    soc: str,
    ratings: RatingsDep,
    to: Annotated[str, Form(pattern=SOC)],
    csrf_token: TokenField = "",
) -> HTMLResponse:
    """The gap of an unsaved assessment (its ratings come back as hidden fields)."""
    check_csrf(request, csrf_token)
    with state.engine.connect() as conn:
        ref, fw = current_framework(state, conn, soc)
        to_ref, to_fw = current_framework(state, conn, to)
    statements, error = _rate_or_none(fw, ratings)
    if statements is None:
        raise HTTPException(400, error)
    origin = {"soc": ref.soc, "title": ref.title, "id": None, "href": None}
    return _gap_page(request, gap_view(origin, statements, to_ref, to_fw))


@pages.get("/assessments")
def mine(request: Request, conn: ConnDep, user: CurrentUser) -> HTMLResponse:
    items = [summary(a) for a in list_assessments(conn, user)]
    return render(request, "assess_list.html", {"results": items})


@pages.get("/assessments/{assessment_id}")
def saved_page(
    request: Request, state: StateDep, conn: ConnDep, user: CurrentUser, assessment_id: str
) -> HTMLResponse:
    a = get_assessment(conn, user, assessment_id)
    context = {
        **assessment_view(state, conn, a),
        "saved": True,
        "hidden": [],
        "targets": _targets(state),
        "gap_action": links(a)["gap"],
        "save_action": None,
    }
    return render(request, "assess_result.html", context)


@pages.get("/assessments/{assessment_id}/edit")
def edit_form(
    request: Request, state: StateDep, conn: ConnDep, user: CurrentUser, assessment_id: str
) -> HTMLResponse:
    a = get_assessment(conn, user, assessment_id)
    ref, fw = current_framework(state, conn, a.soc)
    r = revisit(a.statements, snapshot(fw))
    context = form_context(
        ref,
        fw,
        r.carried,
        a.note,
        user=user,
        action=links(a)["edit"],
        assessment=a,
        changed=[*r.changed, *r.gone],
    )
    return render(request, "assess_form.html", context)


@pages.post("/assessments/{assessment_id}/edit")
def edit(
    request: Request,
    state: StateDep,
    user: CurrentUser,
    assessment_id: str,
    ratings: RatingsDep,
    note: NoteField = "",
    csrf_token: TokenField = "",
) -> Response:
    check_csrf(request, csrf_token)
    with state.engine.connect() as conn:
        a = get_assessment(conn, user, assessment_id)
        ref, fw = current_framework(state, conn, a.soc)
    statements, error = _rate_or_none(fw, ratings)
    try:
        if statements is None:
            raise SkillsxError(error)
        with state.engine.begin() as tx:
            update_assessment(tx, user, assessment_id, ref, statements, note)
    except SkillsxError as exc:
        action = links(a)["edit"]
        context = form_context(
            ref, fw, ratings, note, user=user, action=action, assessment=a, errors=[str(exc)]
        )
        return render(request, "assess_form.html", context, status=400)
    return RedirectResponse(f"/assessments/{assessment_id}", status_code=303)


@pages.post("/assessments/{assessment_id}/delete")
def delete(
    request: Request,
    state: StateDep,
    user: CurrentUser,
    assessment_id: str,
    csrf_token: TokenField = "",
) -> Response:
    check_csrf(request, csrf_token)
    with state.engine.begin() as conn:
        delete_assessment(conn, user, assessment_id)
    return RedirectResponse("/assessments", status_code=303)


@pages.get("/assessments/{assessment_id}/gap")
def saved_gap(
    request: Request,
    state: StateDep,
    conn: ConnDep,
    user: CurrentUser,
    assessment_id: str,
    to: Annotated[str, Query(pattern=SOC)],
) -> HTMLResponse:
    a = get_assessment(conn, user, assessment_id)
    to_ref, to_fw = current_framework(state, conn, to)
    origin = {"soc": a.soc, "title": a.title, "id": a.public_id, "href": links(a)["page"]}
    return _gap_page(request, gap_view(origin, a.statements, to_ref, to_fw))


# ---------------------------------------------------------------- API routes


def same_site(request: Request, state: StateDep) -> None:
    """Refuse a write sent by another site's page (browsers name it in ``Origin``).

    This site is the request's ``Host`` or the host of ``SKILLSX_PUBLIC_URL`` (behind a
    proxy that passes another ``Host`` on).
    """
    origin = request.headers.get("origin")
    ours = {request.headers.get("host", ""), urlsplit(state.settings.public_url).netloc}
    if origin and urlsplit(origin).netloc not in ours:
        raise HTTPException(
            403, f"Writes to this API are not accepted from pages of {origin[:100]}."
        )


SameSite = Depends(same_site)


def _api_rate(fw: dict, ratings: dict[str, str]) -> list[RatedStatement]:
    try:
        return rate(fw, ratings)
    except SkillsxError as exc:
        raise HTTPException(422, str(exc)) from None


def _write(work: Any) -> Any:
    try:
        return work()
    except RateLimited as exc:
        raise HTTPException(429, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None
    except TooMany as exc:
        raise HTTPException(409, str(exc)) from None


@api.get(
    "/assessments",
    summary="Your saved assessments",
    response_model=AssessmentList,
    responses=error_responses(401),
)
def api_list(conn: ConnDep, user: CurrentUser) -> dict[str, Any]:
    return {"results": [summary(a) for a in list_assessments(conn, user)]}


@api.post(
    "/assessments",
    summary="Save an assessment against an occupation's current framework",
    status_code=201,
    response_model=AssessmentPublic,
    responses=error_responses(400, 401, 403, 404, 409, 422, 429),
    dependencies=[SameSite],
)
def api_create(state: StateDep, user: CurrentUser, body: AssessmentCreate) -> dict[str, Any]:
    with state.engine.connect() as conn:
        ref, fw = current_framework(state, conn, body.soc)
    statements = _api_rate(fw, dict(body.ratings))

    def save() -> Assessment:
        with state.engine.begin() as tx:
            return create_assessment(tx, user, ref, statements, body.note)

    saved = _write(save)
    with state.engine.connect() as conn:
        return assessment_view(state, conn, saved)


@api.post(
    "/occupations/{soc}/assess",
    summary="Levels (and the gap for a move) of ratings of this framework, saving nothing",
    response_model=TryOut,
    responses=error_responses(400, 404, 422),
)
def api_try(
    state: StateDep, soc: Annotated[str, ApiPath(pattern=SOC)], body: AssessmentTry
) -> dict[str, Any]:
    with state.engine.connect() as conn:
        ref, fw = current_framework(state, conn, soc)
        target = current_framework(state, conn, body.to) if body.to else None
    statements = _api_rate(fw, dict(body.ratings))
    document = rated_document(ref, statements)
    origin = {"soc": ref.soc, "title": ref.title}
    return {
        **document,
        "gap": gap_view(origin, statements, *target) if target else None,
    }


@api.get(
    "/assessments/{assessment_id}",
    summary="One of your assessments, with how it lines up with the current framework",
    response_model=AssessmentPublic,
    responses=error_responses(401, 404),
)
def api_get(state: StateDep, conn: ConnDep, user: CurrentUser, assessment_id: str) -> dict:
    return assessment_view(state, conn, get_assessment(conn, user, assessment_id))


@api.put(
    "/assessments/{assessment_id}",
    summary="Replace an assessment's ratings, now against the current framework",
    response_model=AssessmentPublic,
    responses=error_responses(400, 401, 403, 404, 422),
    dependencies=[SameSite],
)
def api_update(
    state: StateDep,
    user: CurrentUser,
    assessment_id: str,
    body: AssessmentUpdate,
) -> dict[str, Any]:
    with state.engine.connect() as conn:
        a = get_assessment(conn, user, assessment_id)
        ref, fw = current_framework(state, conn, a.soc)
    statements = _api_rate(fw, dict(body.ratings))
    with state.engine.begin() as tx:
        saved = update_assessment(tx, user, assessment_id, ref, statements, body.note)
    with state.engine.connect() as conn:
        return assessment_view(state, conn, saved)


@api.delete(
    "/assessments/{assessment_id}",
    summary="Delete one of your assessments",
    status_code=204,
    response_class=Response,
    responses=error_responses(401, 403, 404),
    dependencies=[SameSite],
)
def api_delete(state: StateDep, user: CurrentUser, assessment_id: str) -> Response:
    with state.engine.begin() as conn:
        delete_assessment(conn, user, assessment_id)
    return Response(status_code=204)


@api.get(
    "/assessments/{assessment_id}/gap",
    summary="The gap from one of your assessments to another occupation's framework",
    response_model=GapOut,
    responses=error_responses(401, 404, 422),
)
def api_gap(
    state: StateDep,
    conn: ConnDep,
    user: CurrentUser,
    assessment_id: str,
    to: Annotated[str, Query(pattern=SOC, description="The occupation to move to")],
) -> dict[str, Any]:
    a = get_assessment(conn, user, assessment_id)
    to_ref, to_fw = current_framework(state, conn, to)
    origin = {"soc": a.soc, "title": a.title, "id": a.public_id, "href": links(a)["page"]}
    return gap_view(origin, a.statements, to_ref, to_fw)


def _assessment_credential(state: AppState, user: User, a: Assessment) -> Response:
    try:
        return assessment_credential(state, user, credential_input(assessment_document(a)))
    except CredentialError as exc:
        raise HTTPException(400, str(exc)) from None


@pages.get("/assessments/{assessment_id}/credential")
def saved_credential(
    state: StateDep, conn: ConnDep, user: CurrentUser, assessment_id: str
) -> Response:
    """The whole assessment as a signed Open Badges 3.0 credential (self-assessed)."""
    return _assessment_credential(state, user, get_assessment(conn, user, assessment_id))


@api.get(
    "/assessments/{assessment_id}/credential",
    summary="One of your assessments as an Open Badges 3.0 credential (VC-JWT, self-assessed)",
    response_class=Response,
    responses={
        200: {"content": {MEDIA_TYPE: {"schema": {"type": "string"}}}},
        **error_responses(400, 401, 404, 503),
    },
)
def api_credential(
    state: StateDep, conn: ConnDep, user: CurrentUser, assessment_id: str
) -> Response:
    return _assessment_credential(state, user, get_assessment(conn, user, assessment_id))


router.include_router(pages)
router.include_router(api)
