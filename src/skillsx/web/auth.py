"""Signing in and out: argon2 passwords, signed session cookies, throttled failures.

Failed sign-ins are throttled per (account, client) pair and per client, never per account
alone: otherwise anyone could lock any account (an admin's too) by failing five times. A
client is the address the request came from (``X-Forwarded-For`` only from the proxies
uvicorn trusts, ``--forwarded-allow-ips``).

* 5 failures on one account from one client (since that client last signed in to it) within
  15 minutes: that client is refused for that account, even with the right password.
* 20 failures from one client, on any accounts, within 15 minutes: that client is refused.
* 10 failures on one account from anywhere (since its last sign-in) within 15 minutes: the
  clients that failed on it are refused for it; a client that has not failed still gets in
  with the right password.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from skillsx.store.accounts import (
    Failures,
    add_audit,
    check_password,
    create_session,
    recent_failures,
    record_attempt,
    revoke_session,
)
from skillsx.web.deps import SESSION_COOKIE, SESSION_DAYS, CurrentUser, StateDep
from skillsx.web.html import check_csrf, is_https, render

router = APIRouter(include_in_schema=False)

#: Failed sign-ins allowed per window: per (account, client), per client, and per account
#: before the clients that failed on it are refused (see the module's docstring).
MAX_FAILURES_PER_PAIR = 5
MAX_FAILURES_PER_CLIENT = 20
MAX_FAILURES_PER_ACCOUNT = 10
WINDOW_SECONDS = 15 * 60
THROTTLED = "Too many failed sign-ins. Wait 15 minutes, then try again."


def safe_next(target: str | None) -> str:
    """Only same-site paths: never ``//evil.example`` or ``https://…``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def throttled(failed: Failures) -> bool:
    """Whether a sign-in with these recent failures is refused before the password is read."""
    return (
        failed.pair >= MAX_FAILURES_PER_PAIR
        or failed.client >= MAX_FAILURES_PER_CLIENT
        or (failed.account >= MAX_FAILURES_PER_ACCOUNT and failed.pair > 0)
    )


@router.get("/signin")
def signin_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "signin.html", {"next": safe_next(next), "error": None, "email": ""})


@router.post("/signin")
def signin(
    request: Request,
    state: StateDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    check_csrf(request, csrf_token)
    client = client_of(request)
    with state.engine.begin() as conn:
        if throttled(recent_failures(conn, email, client, WINDOW_SECONDS)):
            context = {"next": safe_next(next), "error": THROTTLED, "email": email}
            return render(
                request, "signin.html", context, status=429, headers={"Retry-After": "900"}
            )
        user = check_password(conn, email, password)
        record_attempt(conn, email, client, ok=user is not None)
        if user is None:
            context = {
                "next": safe_next(next),
                "error": "That email and password do not match an account.",
                "email": email,
            }
            return render(request, "signin.html", context, status=400)
        token = create_session(conn, user.id)
        add_audit(conn, user.id, "user.signin", f"user:{user.id}", {"client": client})
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        state.serializer.dumps(token, salt="session"),
        max_age=SESSION_DAYS * 86400,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/",
    )
    return response


@router.get("/signout")
def signout_form(request: Request, user: CurrentUser) -> HTMLResponse:
    return render(request, "signout.html", {})


@router.post("/signout")
def signout(request: Request, state: StateDep, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    token = state.session_token(request)
    if token:
        with state.engine.begin() as conn:
            revoke_session(conn, token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
