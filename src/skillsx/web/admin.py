"""Admin pages: the accounts and their roles (the audit log is in ``corrections.py``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from skillsx.store.accounts import ROLES, list_users
from skillsx.web.deps import Admin, ConnDep
from skillsx.web.html import render

router = APIRouter(include_in_schema=False)

# What each role adds to the one before it, as the site enforces it (``deps._role``).
ROLE_RIGHTS = {
    "viewer": "sign in and read the site",
    "contributor": "suggest corrections and follow them (My suggestions)",
    "curator": "accept or reject suggestions (Review queue)",
    "admin": "see accounts and roles, and the audit log",
}


@router.get("/admin/users")
def users(request: Request, conn: ConnDep, user: Admin) -> HTMLResponse:
    accounts = list_users(conn)
    counts = {role: sum(a.role == role for a in accounts) for role in ROLES}
    roles = [{"name": r, "rights": ROLE_RIGHTS[r], "count": counts[r]} for r in ROLES]
    return render(request, "admin_users.html", {"accounts": accounts, "roles": roles})
