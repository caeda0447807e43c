"""The API's interactive docs at /api/docs: Swagger UI served from this site, no CDN.

The Swagger UI files come from the ``fastapi-offline`` package (its ``static`` folder:
``swagger-ui-bundle.js``, ``swagger-ui.css``, ``favicon.png``), mounted at
``/api/docs/static``; ``/static/api-docs.js`` starts it, so the page needs no inline script
and keeps the site's content security policy (``skillsx.web.security``).
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

SWAGGER_FILES = Path(fastapi_offline.__file__).parent / "static"
ASSETS = "/api/docs/static"

PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Skills Exchange API</title>
<link rel="icon" href="{ASSETS}/favicon.png">
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi="/api/v1/openapi.json"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    """Add /api/docs and its assets to ``app`` (made with ``docs_url=None``)."""
    app.mount(ASSETS, StaticFiles(directory=SWAGGER_FILES), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(PAGE)
