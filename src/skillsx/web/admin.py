"""Admin pages: the accounts and their roles, role changes and bulk downloads (the audit log is
in ``corrections.py``, the zip downloads in ``bulk.py``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from skillsx.errors import NotFound, SkillsxError
from skillsx.export import FORMATS
from skillsx.store.accounts import ROLES, list_users, set_role
from skillsx.web.deps import Admin, ConnDep, StateDep
from skillsx.web.html import check_csrf, render

router = APIRouter(include_in_schema=False)

# What each role adds to the one before it, as the site enforces it (``deps._role``).
ROLE_RIGHTS = {
    "viewer": "sign in and read the site",
    "contributor": "suggest corrections and follow them (My suggestions)",
    "curator": "accept or reject suggestions (Review queue)",
    "admin": "change roles, download whole builds, read the audit log",
}


@router.get("/admin/users")
def users(request: Request, conn: ConnDep, user: Admin) -> HTMLResponse:
    accounts = list_users(conn)
    counts = {role: sum(a.role == role for a in accounts) for role in ROLES}
    roles = [{"name": r, "rights": ROLE_RIGHTS[r], "count": counts[r]} for r in ROLES]
    return render(request, "admin_users.html", _context(accounts, roles, None))


def _context(accounts: list, roles: list, error: str | None) -> dict:  # type: ignore[type-arg]
    return {
        "accounts": accounts,
        "roles": roles,
        "role_names": ROLES,
        "formats": list(FORMATS),
        "error": error,
    }


@router.post("/admin/users/{user_id}/role")
def change_role(
    request: Request,
    state: StateDep,
    user: Admin,
    user_id: int,
    role: Annotated[str, Form(max_length=20)],
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    try:
        with state.engine.begin() as conn:
            set_role(conn, user, user_id, role)
    except NotFound:
        raise
    except SkillsxError as exc:
        with state.engine.connect() as conn:
            accounts = list_users(conn)
        counts = {r: sum(a.role == r for a in accounts) for r in ROLES}
        roles = [{"name": r, "rights": ROLE_RIGHTS[r], "count": counts[r]} for r in ROLES]
        return render(request, "admin_users.html", _context(accounts, roles, str(exc)), status=400)
    return RedirectResponse("/admin/users", status_code=303)
