"""Benchmark bulk export: every framework of the current build, in each format, to a zip.

    .venv/bin/python bench/export.py [--url URL] [--workers N] [--format F ...] [--out DIR]

Prints wall seconds, CPU seconds (this process and its workers: a figure that others' load
on the machine changes far less than the wall time), frameworks per second and megabytes per
format (the zip and the files inside it), with json-1.0 as the baseline of both ratios. The
store is ``--url``, else ``SKILLSX_DATABASE_URL``, else ``skillsx.db``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import zipfile
from pathlib import Path

from skillsx.config import Settings
from skillsx.export import FORMATS
from skillsx.export.bulk import export_build
from skillsx.store.db import open_engine


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the export's workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="store URL (default: the SKILLSX_DATABASE_URL setting)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", action="append", choices=sorted(FORMATS))
    parser.add_argument("--out", type=Path, help="keep the zips here (default: a temp folder)")
    args = parser.parse_args()
    engine = open_engine(args.url or Settings.from_env().database_url)
    formats = args.format or list(FORMATS)
    if "json-1.0" in formats:  # the baseline first
        formats.remove("json-1.0")
    formats.insert(0, "json-1.0")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or Path(tmp)
        for name in formats:
            target = out_dir / f"all.{name}.zip"
            cpu = cpu_seconds()
            result = export_build(engine, None, name, target, workers=args.workers)
            cpu = cpu_seconds() - cpu
            with zipfile.ZipFile(target) as zf:
                raw = sum(info.file_size for info in zf.infolist())
            rows.append((name, result.files, result.seconds, cpu, target.stat().st_size, raw))
            sys.stderr.write(f"  {name}: {result.files} files in {result.seconds:.1f} s\n")
    base_s, base_mb = rows[0][2], rows[0][5]
    header = "| format | files | seconds | CPU s | fw/s | zip MB | files MB | × time | × size |"
    out = [
        f"Bulk export of the current build (workers={args.workers}), {rows[0][1]} frameworks",
        header,
        "|" + "|".join("---" for _ in header.split("|")[1:-1]) + "|",
    ]
    for name, files, seconds, cpu, zipped, raw in rows:
        out.append(
            f"| {name} | {files} | {seconds:.1f} | {cpu:.1f} | {files / seconds:.0f} | "
            f"{zipped / 1e6:.1f} | {raw / 1e6:.1f} | {seconds / base_s:.1f} | "
            f"{raw / base_mb:.1f} |"
        )
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
