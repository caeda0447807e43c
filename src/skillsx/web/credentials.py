"""Credentials on the site: the issuer's public key and profile, and downloads for the user.

- ``GET /.well-known/jwks.json``, ``GET /api/v1/credentials/keys/{thumbprint}``: the public key that
  verifies this site's credentials (empty set when the site has no key).
- ``GET /api/v1/credentials/issuer``: the issuer ``Profile`` credentials name.
- ``GET /api/v1/occupations/{soc}/credential``: a signed, self-assessed credential for the
  signed-in user (subject: their email, hashed) for a statement or a theme at a level.
- ``GET /occupations/{soc}/credential`` and its form post: the same download from the site.

The key is read from ``SKILLSX_ISSUER_KEY`` at each request, so a new key needs no restart.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi import Path as ApiPath
from fastapi.responses import HTMLResponse, JSONResponse, Response

from skillsx.credentials import (
    issue_assessment_credential,
    issue_statement_credential,
    issue_theme_credential,
    jwks,
    read_key,
)
from skillsx.credentials.achievement import RATINGS, issuer_profile
from skillsx.credentials.keys import IssuerKey
from skillsx.credentials.sign import MEDIA_TYPE
from skillsx.errors import ConfigError, CredentialError, SkillsxError
from skillsx.models import ROLE_BANDS, Level
from skillsx.store.accounts import User
from skillsx.store.builds import get_document
from skillsx.web.api import require_build
from skillsx.web.deps import AppState, CurrentUser, StateDep
from skillsx.web.errors import error_responses
from skillsx.web.html import check_csrf, render

router = APIRouter(tags=["credentials"])
STATEMENT = r"^(emerging|developing|proficient|advanced):\d{1,3}$"
THEME = r"^[A-Za-z0-9_.-]{1,40}$"
LEVEL = "^(emerging|developing|proficient|advanced)$"
RATING = "^(with_help|independently|can_teach)$"
NO_STORE = {"Cache-Control": "no-store"}
_OPTION = re.compile(r"^--(statement|theme|level|rating|subject)\b")


def issuer_key(state: AppState) -> IssuerKey:
    """The site's signing key, or a 503 that tells the operator how to set one up."""
    path = state.settings.issuer_key
    if path is None:
        raise HTTPException(
            503,
            "This site issues no credentials yet: its operator must create a key "
            "(`skillsx keys create`) and set SKILLSX_ISSUER_KEY.",
        )
    try:
        key = read_key(path)
        key.check_usable(_now())
    except (ConfigError, CredentialError) as exc:
        raise HTTPException(503, f"This site cannot sign credentials now: {exc}") from None
    return key


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _public_keys(state: AppState) -> list[Any]:
    if state.settings.issuer_key is None:
        return []
    try:
        return [read_key(state.settings.issuer_key).public]
    except SkillsxError:
        return []


@router.get("/.well-known/jwks.json", summary="The public keys that verify this site's credentials")
def well_known_jwks(state: StateDep) -> JSONResponse:
    body = jwks(_public_keys(state), state.settings.public_url)
    return JSONResponse(body, headers={"Cache-Control": "public, max-age=300"})


@router.get(
    "/api/v1/credentials/keys/{thumbprint}",
    summary="One public key (JWK) by its thumbprint",
    responses=error_responses(404),
)
def public_key(state: StateDep, thumbprint: str) -> JSONResponse:
    for key in _public_keys(state):
        if key.thumbprint == thumbprint:
            return JSONResponse(key.jwk(state.settings.public_url))
    raise HTTPException(404, f"This site has no key {thumbprint[:60]}.")


@router.get("/api/v1/credentials/issuer", summary="The issuer profile named in credentials")
def issuer(state: StateDep) -> dict[str, Any]:
    return issuer_profile(state.settings.public_url)


def _download(token: str, filename: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE}
    return Response(token + "\n", media_type=MEDIA_TYPE, headers=headers)


def _issue(
    state: AppState,
    user: User,
    soc: str,
    statement: str | None,
    theme: str | None,
    level: str | None,
    rating: str,
    *,
    api: bool = False,
) -> Response:
    if (statement is None) == (theme is None) or (theme is not None and level is None):
        raise HTTPException(
            400, "Give statement=LEVEL:ORDER, or theme=ID with level=LEVEL (not both)."
        )
    if statement is not None and level is not None:
        raise HTTPException(400, "level goes with theme; a statement names its own level.")
    key = issuer_key(state)
    build = require_build(state)
    with state.engine.connect() as conn:
        document = get_document(conn, soc, build.id)
    public_url = state.settings.public_url
    try:
        if statement is not None:
            token = issue_statement_credential(
                document, build.version, statement, user.email, key, public_url, rating=rating
            )
            name = f"skillsx-credential-{soc}-{statement.replace(':', '-')}.jwt"
        else:
            assert theme is not None and level is not None
            token = issue_theme_credential(
                document, build.version, theme, level, user.email, key, public_url, rating=rating
            )
            name = f"skillsx-credential-{soc}-{theme}-{level}.jwt"
    except CredentialError as exc:
        # The library names the CLI's options ("--statement: …"); here they are parameters.
        message = _OPTION.sub(r"\1", str(exc))
        if api and " has no " in message:
            raise HTTPException(404, message) from None  # no such statement or theme
        raise CredentialError(message) from None
    return _download(token, name)


_API_DESCRIPTION = (
    "Of the current build, at the user's own `rating`. The subject is the user's email, "
    "hashed. The answer is a VC-JWT; verify it with `skillsx credential verify` against "
    "`/.well-known/jwks.json`. 404 when the occupation, or this statement or theme in its "
    "framework, does not exist."
)
_API_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {MEDIA_TYPE: {"schema": {"type": "string"}}}},
    **error_responses(400, 401, 404, 422, 503),
}


@router.get(
    "/api/v1/occupations/{soc}/credential",
    summary="A signed, self-assessed Open Badges 3.0 credential for one statement",
    description="For one statement (`statement=LEVEL:ORDER`). " + _API_DESCRIPTION,
    response_class=Response,
    responses=_API_RESPONSES,
)
def credential_api(
    state: StateDep,
    user: CurrentUser,
    soc: str,
    statement: Annotated[str, Query(pattern=STATEMENT)],
    rating: Annotated[str, Query(pattern=RATING)] = "independently",
) -> Response:
    return _issue(state, user, soc, statement, None, None, rating, api=True)


@router.get(
    "/api/v1/occupations/{soc}/themes/{theme}/credential",
    summary="A signed, self-assessed Open Badges 3.0 credential for a theme at a level",
    description="For one theme (`T01` …) at one `level`. " + _API_DESCRIPTION,
    response_class=Response,
    responses=_API_RESPONSES,
)
def theme_credential_api(
    state: StateDep,
    user: CurrentUser,
    soc: str,
    theme: Annotated[str, ApiPath(pattern=THEME)],
    level: Annotated[str, Query(pattern=LEVEL)],
    rating: Annotated[str, Query(pattern=RATING)] = "independently",
) -> Response:
    return _issue(state, user, soc, None, theme, level, rating, api=True)


def assessment_credential(state: AppState, user: User, assessment: dict[str, Any]) -> Response:
    """The download of a whole self-assessment's credential (for the assessment pages)."""
    token = issue_assessment_credential(
        assessment, user.email, issuer_key(state), state.settings.public_url
    )
    return _download(token, f"skillsx-self-assessment-{assessment['soc']}.jwt")


# ---------------------------------------------------------------- the site's page


def _form_context(state: AppState, soc: str) -> dict[str, Any]:
    build = require_build(state)
    with state.engine.connect() as conn:
        document = get_document(conn, soc, build.id)
    fw = document["framework"]
    labels = {t["id"]: t["label"] for t in fw["themes"]}
    levels = []
    for level in Level:
        statements = sorted(
            (s for s in fw["statements"] if s["level"] == level.value), key=lambda s: s["order"]
        )
        levels.append(
            {
                "key": level.value,
                "label": level.label,
                "band": ROLE_BANDS[level],
                "statements": [
                    {
                        "id": f"{level.value}:{s['order']}",
                        "text": f"{s['subject']} — {s['action']}",
                        "theme": labels.get(s["theme"], s["theme"]),
                    }
                    for s in statements
                ],
                "themes": sorted(
                    {(s["theme"], labels.get(s["theme"], s["theme"])) for s in statements}
                ),
            }
        )
    return {
        "occupation": document["occupation"],
        "version": build.version,
        "levels": levels,
        "ratings": {k: v for k, v in RATINGS.items() if k != "not_yet"},
        "errors": [],
        "back_href": f"/occupations/{soc}",
    }


@router.get("/occupations/{soc}/credential", include_in_schema=False)
def credential_page(request: Request, state: StateDep, user: CurrentUser, soc: str) -> HTMLResponse:
    return render(request, "credential.html", _form_context(state, soc), headers=NO_STORE)


@router.post("/occupations/{soc}/credential", include_in_schema=False)
def credential_form(
    request: Request,
    state: StateDep,
    user: CurrentUser,
    soc: str,
    target: Annotated[str, Form(max_length=60)] = "",
    rating: Annotated[str, Form(max_length=20)] = "independently",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    # target is "statement:LEVEL:ORDER" or "theme:ID:LEVEL", from the form's one choice.
    kind, _, rest = target.partition(":")
    statement = rest if kind == "statement" else None
    theme, _, level = rest.rpartition(":") if kind == "theme" else (None, "", None)
    try:
        if rating not in RATINGS or rating == "not_yet":
            raise CredentialError(
                "Choose how well you can do it: with help, independently, or can teach it."
            )
        if statement is None and not theme:
            raise CredentialError("Choose a statement or a theme at a level.")
        return _issue(state, user, soc, statement, theme or None, level or None, rating)
    except CredentialError as exc:
        context = _form_context(state, soc)
        context["errors"] = [str(exc)]
        return render(request, "credential.html", context, status=400, headers=NO_STORE)
