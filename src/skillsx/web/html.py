"""Rendering pages: the Jinja2 environment, the render helper and CSRF tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path
from typing import Any

import jinja2
from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from itsdangerous import BadSignature

from skillsx.bidi import strip_bidi_any
from skillsx.web.deps import CSRF_COOKIE, SESSION_COOKIE, AppState, optional_user

TEMPLATES = Path(__file__).parent / "templates"
#: How long a form's CSRF token is accepted after the page was rendered.
CSRF_SECONDS = 4 * 3600


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        finalize=strip_bidi_any,  # no bidi override in any value can flip the page
    )
    # AEI shares are often far below 1%: three significant figures, never "0.0%".
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v):.3g}%"
    return env


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.skillsx
    return state


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def _session_binding(request: Request) -> str:
    """A digest of this browser's session cookie ("" when signed out): ties tokens to it."""
    session = request.cookies.get(SESSION_COOKIE)
    return hashlib.sha256(session.encode()).hexdigest()[:32] if session else ""


def csrf_token(request: Request) -> str:
    """The form token of this browser and session: its CSRF cookie value and a digest of its
    session cookie, signed with the time (``check_csrf`` accepts it for ``CSRF_SECONDS``)."""
    value = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not value:
        value = secrets.token_urlsafe(24)
        request.state.new_csrf = value
    payload = [value, _session_binding(request)]
    return str(_state(request).serializer.dumps(payload, salt="csrf"))


def check_csrf(request: Request, token: str | None) -> None:
    """Refuse a form post whose token is not of this browser's CSRF cookie and this session,
    or older than ``CSRF_SECONDS``."""
    cookie = request.cookies.get(CSRF_COOKIE)
    message = "The form expired or did not come from this site. Reload the page and try again."
    if not cookie or not token:
        raise HTTPException(403, message)
    try:  # SignatureExpired is a BadSignature
        payload = _state(request).serializer.loads(token, salt="csrf", max_age=CSRF_SECONDS)
    except BadSignature:
        raise HTTPException(403, message) from None
    if not (isinstance(payload, list) and len(payload) == 2):
        raise HTTPException(403, message)
    value, binding = (str(part) for part in payload)
    same_browser = hmac.compare_digest(value, cookie)
    same_session = hmac.compare_digest(binding, _session_binding(request))
    if not (same_browser and same_session):
        raise HTTPException(403, message)


def render_string(state: AppState, template: str, context: dict[str, Any]) -> str:
    return state.templates.get_template(template).render(context)


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a page for this request (with its user and, when a form needs it, a token)."""
    state = _state(request)
    user = getattr(request.state, "user", None)
    if not hasattr(request.state, "user"):
        try:
            user = optional_user(request, state)
        except Exception:  # a broken store must still let the error page render
            user = None
    page = {"user": user, "csrf_token": lambda: csrf_token(request), "path": request.url.path}
    html = render_string(state, template, {**page, **context})
    response = HTMLResponse(html, status_code=status, headers=headers)
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(
            CSRF_COOKIE, new, httponly=True, samesite="lax", secure=is_https(request), path="/"
        )
    return response
