"""Security headers on every response: pure ASGI, cheaper than BaseHTTPMiddleware.

Every page has the same policy: scripts, styles and everything else from this site only, no
inline script or style. ``/api/docs`` too: Swagger UI is served from this site (the files the
``fastapi-offline`` package ships, see ``skillsx.web.docs``), started by a script file.
Responses to a browser holding a session cookie are ``Cache-Control: no-store``, so no
shared or browser cache keeps a signed-in page.
"""

from __future__ import annotations

from typing import Any

from skillsx.web.deps import SESSION_COOKIE

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000")
NO_STORE = (b"cache-control", b"no-store")
_SESSION = SESSION_COOKIE.encode() + b"="


def security_headers(path: str, https: bool) -> list[tuple[bytes, bytes]]:
    return [*HEADERS, (b"content-security-policy", CSP.encode()), *([HSTS] if https else [])]


def signed_in(scope: dict) -> bool:
    """Whether the request carries a session cookie (then nothing may cache the answer)."""
    return any(key == b"cookie" and _SESSION in value for key, value in scope["headers"])


class SecurityHeaders:
    """Add the security headers to every HTTP response of the wrapped app."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], scope.get("scheme") == "https")
        private = signed_in(scope)

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if private:
                    headers = [h for h in headers if h[0].lower() != b"cache-control"]
                    headers.append(NO_STORE)
                message["headers"] = [*headers, *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
