"""Bulk export of a whole build: every framework in one format, to a folder or a zip.

``export_documents`` takes the stored page documents (any iterable of ``(soc, document)``),
renders them in worker processes (PDF and XLSX are CPU-bound) with a bounded number in flight,
and writes the files in the order given. ``export_build`` is the entry point the CLI and the
web admin call: it reads the build's documents through ``store.builds.iter_documents``.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from skillsx.config import Settings
from skillsx.errors import ExportError
from skillsx.export import export_document, filename, get_format
from skillsx.export.case import changed_at
from skillsx.export.output import cannot_write, write_file
from skillsx.store.builds import BuildInfo, get_build, iter_documents, list_framework_socs

Progress = Callable[[int, int], None]
Job = tuple[str, dict[str, Any], str, str]  # format, document, build version, base URL
AHEAD = 8  # documents in flight per worker: enough to keep workers busy, memory bounded


@dataclass
class BulkExport:
    path: Path
    format: str
    build: str
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (soc, why)


def _render(job: Job) -> tuple[bytes | None, str]:
    """Render one document in a worker; an ExportError becomes a skip with its reason."""
    name, document, version, base_url = job
    try:
        return export_document(name, document, version, base_url=base_url), ""
    except ExportError as exc:
        return None, str(exc)


def _rendered(jobs: Iterable[Job], workers: int) -> Iterator[tuple[bytes | None, str]]:
    """Results in job order; at most ``AHEAD * workers`` documents are sent ahead."""
    if workers <= 1:
        yield from map(_render, jobs)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    window: deque[Future[tuple[bytes | None, str]]] = deque()
    try:
        for job in jobs:
            window.append(pool.submit(_render, job))
            if len(window) >= AHEAD * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


class _Writer:
    """Files into a folder, or entries into a zip with fixed times (same build → same zip)."""

    def __init__(self, out: Path, version: str) -> None:
        self.zip: zipfile.ZipFile | None = None
        self.out = out
        if out.suffix.lower() == ".zip":
            self.tmp = out.with_name(out.name + ".part")
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                self.zip = zipfile.ZipFile(self.tmp, "w", zipfile.ZIP_DEFLATED)
            except OSError as exc:
                raise cannot_write(out, exc) from None
            stamp = changed_at(version)
            self.date = (int(stamp[:4]), int(stamp[5:7]), 1, 0, 0, 0)
        else:
            if out.exists() and not out.is_dir():
                raise ExportError(f"{out} is a file; give a folder or a .zip path.")
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise cannot_write(out, exc) from None

    def write(self, name: str, data: bytes) -> None:
        if self.zip is None:
            write_file(self.out / name, data)
            return
        info = zipfile.ZipInfo(name, date_time=self.date)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        try:
            self.zip.writestr(info, data)
        except OSError as exc:
            raise cannot_write(self.out, exc) from None

    def close(self, ok: bool) -> None:
        if self.zip is None:
            return
        try:
            self.zip.close()
            if ok:
                os.replace(self.tmp, self.out)
        except OSError as exc:
            ok = False
            raise cannot_write(self.out, exc) from None
        finally:
            if not ok:
                self.tmp.unlink(missing_ok=True)


def export_documents(
    documents: Iterable[tuple[str, dict[str, Any]]],
    build: BuildInfo,
    format: str,
    out_path: Path | str,
    *,
    total: int | None = None,
    workers: int = 2,
    progress: Progress | None = None,
    base_url: str = Settings.public_url,
) -> BulkExport:
    """Export ``(soc, document)`` pairs of ``build`` as ``format`` into a folder or ``.zip``;
    documents the format cannot express are skipped and listed. Progress counts against
    ``total``, else the length of ``documents``, else the documents read so far."""
    get_format(format)
    if total is None and isinstance(documents, Sized):
        total = len(documents)
    out = Path(out_path)
    result = BulkExport(path=out, format=format, build=build.label)
    started = time.perf_counter()
    writer = _Writer(out, build.version)
    socs: list[str] = []

    def jobs() -> Iterator[Job]:
        for soc, document in documents:
            socs.append(soc)
            yield format, document, build.version, base_url

    ok = False
    try:
        for n, (data, why) in enumerate(_rendered(jobs(), workers), 1):
            soc = socs[n - 1]
            if data is None:
                result.skipped.append((soc, why))
            else:
                writer.write(filename(soc, format), data)
                result.files += 1
                result.bytes += len(data)
            if progress:
                progress(n, total if total is not None else len(socs))
        ok = True
    finally:
        writer.close(ok)
    result.seconds = time.perf_counter() - started
    return result


def export_build(
    source: Engine | Connection,
    build: BuildInfo | int | None,
    format: str,
    out_path: Path | str,
    workers: int = 2,
    progress: Progress | None = None,
    *,
    base_url: str = Settings.public_url,
) -> BulkExport:
    """Export every framework of ``build`` (default: current) as ``format``, in SOC order."""
    if isinstance(source, Engine):
        with source.connect() as conn:
            return export_build(conn, build, format, out_path, workers, progress, base_url=base_url)
    get_format(format)
    info = build if isinstance(build, BuildInfo) else get_build(source, build)
    total = len(list_framework_socs(source, info.id))
    return export_documents(
        iter_documents(source, info.id),
        info,
        format,
        out_path,
        total=total,
        workers=workers,
        progress=progress,
        base_url=base_url,
    )
