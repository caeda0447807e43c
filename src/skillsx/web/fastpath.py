"""Serve what a worker already rendered for the current build without routing.

FastAPI's routing and dependency solving cost more than half a millisecond a request; the
framework JSON, anonymous occupation pages and repeated searches are immutable within a build,
so once the normal route has cached them, this answers straight from the cache (with the same
headers). Anything it does not hold falls through to the app.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from skillsx.export import FORMATS, filename
from skillsx.web.deps import SESSION_COOKIE, AppState
from skillsx.web.security import security_headers

FRAMEWORK = re.compile(r"^/api/v1/occupations/(\d{2}-\d{4}\.\d{2})/framework$")
PAGE = re.compile(r"^/occupations/(\d{2}-\d{4}\.\d{2})$")
SEARCH = "/api/v1/search"
CACHE_CONTROL = b"public, max-age=300"
PAGE_TYPE = b"text/html; charset=utf-8"
JSON_TYPE = b"application/json"


def _format_of(query: bytes) -> tuple[str, bool] | None:
    """(format name, explicit?) from a query string of nothing or only ``format=``."""
    if not query:
        return "json-1.0", False
    if query.startswith(b"format=") and b"&" not in query:
        name = unquote(query[7:].decode("latin-1"))
        return (name, True) if name in FORMATS else None
    return None


def _header(scope: dict, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


async def _send(send: Any, status: int, headers: list, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def serve_cached(state: AppState, scope: dict, send: Any) -> bool:
    """Answer from the build cache when it holds the response; False to fall through."""
    if scope["method"] != "GET":
        return False
    path: str = scope["path"]
    secure = security_headers(path, scope.get("scheme") == "https")
    found = FRAMEWORK.match(path)
    if found:
        fmt = _format_of(scope["query_string"])
        if fmt is None:
            return False
        soc, (name, explicit) = found.group(1), fmt
        hit = state.cache.get(("export", state.build_key(), soc, name))
        if hit is None:
            return False
        body, etag = hit
        headers = [(b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL), *secure]
        if explicit:
            disposition = f'attachment; filename="{filename(soc, name)}"'
            headers.append((b"content-disposition", disposition.encode()))
        inm = _header(scope, b"if-none-match")
        if inm and (inm.strip() == b"*" or etag.encode() in [t.strip() for t in inm.split(b",")]):
            await _send(send, 304, headers, b"")
            return True
        media = FORMATS[name].media_type
        if media.startswith("text/") and "charset" not in media:
            media += "; charset=utf-8"
        headers += [(b"content-type", media.encode()), (b"content-length", b"%d" % len(body))]
        await _send(send, 200, headers, body)
        return True
    found = PAGE.match(path)
    if found and not scope["query_string"]:
        cookies = _header(scope, b"cookie")
        if cookies and SESSION_COOKIE.encode() + b"=" in cookies:
            return False
        html = state.cache.get(("page", state.build_key(), found.group(1)))
        if html is None:
            return False
        headers = [(b"content-type", PAGE_TYPE), (b"content-length", b"%d" % len(html)), *secure]
        await _send(send, 200, headers, html)
        return True
    if path == SEARCH:
        body = state.cache.get(("search-api", state.build_key(), scope["query_string"]))
        if body is None:
            return False
        headers = [(b"content-type", JSON_TYPE), (b"content-length", b"%d" % len(body)), *secure]
        await _send(send, 200, headers, body)
        return True
    return False
