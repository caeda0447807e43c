"""Rendering pages: the Jinja2 environment, the render helper and CSRF tokens."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any

import jinja2
from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from itsdangerous import BadSignature

from skillsx.web.deps import CSRF_COOKIE, AppState, optional_user

TEMPLATES = Path(__file__).parent / "templates"


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    # AEI shares are often far below 1%: three significant figures, never "0.0%".
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v):.3g}%"
    return env


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.skillsx
    return state


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def csrf_token(request: Request) -> str:
    """The form token of this browser: its CSRF cookie value, signed."""
    value = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not value:
        value = secrets.token_urlsafe(24)
        request.state.new_csrf = value
    return str(_state(request).serializer.dumps(value, salt="csrf"))


def check_csrf(request: Request, token: str | None) -> None:
    """Refuse a form post whose token does not match this browser's CSRF cookie."""
    cookie = request.cookies.get(CSRF_COOKIE)
    message = "The form expired or did not come from this site. Reload the page and try again."
    if not cookie or not token:
        raise HTTPException(403, message)
    try:
        value = _state(request).serializer.loads(token, salt="csrf")
    except BadSignature:
        raise HTTPException(403, message) from None
    if not hmac.compare_digest(str(value), cookie):
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
