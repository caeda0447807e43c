"""Bulk export for admins: every framework of the current build in one format, as a zip.

The zip is written by the same code as ``skillsx export --all`` into a temporary file (in a
worker thread, one process: the web workers keep their cores for requests) and streamed back;
the file is removed once sent.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from skillsx.export import FORMATS
from skillsx.export.bulk import export_build
from skillsx.web.deps import Admin, StateDep

router = APIRouter(include_in_schema=False)


@router.get("/admin/export/{name}.zip")
async def bulk_zip(request: Request, name: str, state: StateDep, user: Admin) -> FileResponse:
    if name not in FORMATS:
        raise HTTPException(404, f'No export format "{name}"; choose one of: {", ".join(FORMATS)}.')
    fd, raw = tempfile.mkstemp(prefix=f"skillsx-{name}-", suffix=".zip")
    os.close(fd)
    path = Path(raw)
    try:
        result = await run_in_threadpool(
            lambda: export_build(
                state.engine, None, name, path, 1, base_url=state.settings.public_url
            )
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    download = f"skillsx-{result.build.replace(' ', '-')}-{name}.zip"
    return FileResponse(
        path,
        media_type="application/zip",
        filename=download,
        background=BackgroundTask(path.unlink, missing_ok=True),
    )
