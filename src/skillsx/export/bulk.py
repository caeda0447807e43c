"""Bulk export of a whole build: every framework in one format, to a folder or a zip.

The one module of ``export/`` that reads the store: it fetches the documents, renders them in
worker processes (PDF and XLSX are CPU-bound) and writes the files in SOC order. The CLI and
the web admin both call ``export_build``.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from skillsx.errors import ExportError
from skillsx.export import export_document, filename, get_format
from skillsx.export.case import changed_at
from skillsx.store.builds import BuildInfo, get_build, get_document, list_framework_socs

Progress = Callable[[int, int], None]


@dataclass
class BulkExport:
    path: Path
    format: str
    build: str
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (soc, why)


def _render(job: tuple[str, dict[str, Any], str]) -> tuple[bytes | None, str]:
    """Render one document in a worker; an ExportError becomes a skip with its reason."""
    name, document, version = job
    try:
        return export_document(name, document, version), ""
    except ExportError as exc:
        return None, str(exc)


def _documents(
    source: Engine | Connection, build: BuildInfo, socs: list[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(source, Engine):
        with source.connect() as conn:
            yield from _documents(conn, build, socs)
        return
    for soc in socs:
        yield soc, get_document(source, soc, build.id)


class _Writer:
    """Files into a folder, or entries into a zip with fixed times (same build → same zip)."""

    def __init__(self, out: Path, version: str) -> None:
        self.zip: zipfile.ZipFile | None = None
        self.out = out
        if out.suffix.lower() == ".zip":
            out.parent.mkdir(parents=True, exist_ok=True)
            self.tmp = out.with_name(out.name + ".part")
            self.zip = zipfile.ZipFile(self.tmp, "w", zipfile.ZIP_DEFLATED)
            stamp = changed_at(version)
            self.date = (int(stamp[:4]), int(stamp[5:7]), 1, 0, 0, 0)
        else:
            if out.exists() and not out.is_dir():
                raise ExportError(f"{out} is a file; give a folder or a .zip path.")
            out.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: bytes) -> None:
        if self.zip is None:
            (self.out / name).write_bytes(data)
            return
        info = zipfile.ZipInfo(name, date_time=self.date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, data)

    def close(self, ok: bool) -> None:
        if self.zip is None:
            return
        self.zip.close()
        if ok:
            os.replace(self.tmp, self.out)
        else:
            self.tmp.unlink(missing_ok=True)


def export_build(
    source: Engine | Connection,
    build: BuildInfo | int | None,
    format: str,
    out_path: Path | str,
    workers: int = 2,
    progress: Progress | None = None,
) -> BulkExport:
    """Export every framework of ``build`` (default: current) as ``format`` into a folder or
    ``.zip``; frameworks the format cannot express are skipped and listed."""
    get_format(format)
    out = Path(out_path)
    if not isinstance(build, BuildInfo):
        if isinstance(source, Engine):
            with source.connect() as conn:
                build = get_build(conn, build)
        else:
            build = get_build(source, build)
    if isinstance(source, Engine):
        with source.connect() as conn:
            socs = list_framework_socs(conn, build.id)
    else:
        socs = list_framework_socs(source, build.id)
    result = BulkExport(path=out, format=format, build=build.label)
    started = time.perf_counter()
    writer = _Writer(out, build.version)
    ok = False
    try:
        jobs = (
            (format, document, build.version) for _, document in _documents(source, build, socs)
        )
        if workers > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            rendered: Iterator[tuple[bytes | None, str]] = pool.map(_render, jobs, chunksize=4)
        else:
            pool, rendered = None, map(_render, jobs)
        try:
            for n, (soc, (data, why)) in enumerate(zip(socs, rendered, strict=True), 1):
                if data is None:
                    result.skipped.append((soc, why))
                else:
                    writer.write(filename(soc, format), data)
                    result.files += 1
                    result.bytes += len(data)
                if progress:
                    progress(n, len(socs))
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        ok = True
    finally:
        writer.close(ok)
    result.seconds = time.perf_counter() - started
    return result
