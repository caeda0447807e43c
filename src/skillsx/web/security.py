"""Security headers on every response: pure ASGI, cheaper than BaseHTTPMiddleware."""

from __future__ import annotations

from typing import Any

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
)
# Swagger UI loads its script and styles from a CDN and starts itself with an inline script.
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "style-src 'self' https://cdn.jsdelivr.net; "
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; frame-ancestors 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000")


def security_headers(path: str, https: bool) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path == "/api/docs" else CSP
    return [*HEADERS, (b"content-security-policy", csp.encode()), *([HSTS] if https else [])]


class SecurityHeaders:
    """Add the security headers to every HTTP response of the wrapped app."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], scope.get("scheme") == "https")

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
