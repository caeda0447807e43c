"""Benchmark the full build: every occupation with task data, composed, checked and stored.

    .venv/bin/python bench/build.py [--data ../shared/data] [--url URL] [--workers N]

Ingests the shared data into a fresh SQLite store (or uses ``--url``, which must already hold
it), then measures in one process:

* a baseline: one worker composing and checking every tenth occupation, frameworks per second;
* the full build with ``--workers`` (default 2): wall time, frameworks per second, the speed-up
  over the baseline, peak RSS of the parent and of the largest worker, and the check totals;
* with ``--compare-v1``, the same baseline and full build with composer v1 (``grounded-v1``,
  the composer of issue 13's start) in the same process, and v2's wall time as a ratio of
  v1's (issue 13 keeps it within 1.5×).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from skillsx.build import compose_one, run_build
from skillsx.ingest.bundle import load_data_folder
from skillsx.store.builds import list_problems
from skillsx.store.db import open_engine
from skillsx.store.queries import list_occupations


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--url", help="an already ingested store (default: a fresh SQLite file)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare-v1", action="store_true", help="also build with composer v1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = open_engine(url)
        if not args.url:
            started = time.perf_counter()
            load_data_folder(engine, args.data)
            sys.stderr.write(f"  ingest: {time.perf_counter() - started:.1f} s\n")
        walls: dict[str, float] = {}
        for name in ("grounded", "grounded-v1") if args.compare_v1 else ("grounded",):
            with engine.connect() as conn:
                socs = [o.soc for o in list_occupations(conn, with_tasks=True)]
                sample = socs[::10]
                cache: dict[str, object] = {}
                started = time.perf_counter()
                for soc in sample:
                    compose_one(conn, soc, name, cache)
                serial = len(sample) / (time.perf_counter() - started)
            started = time.perf_counter()
            build = run_build(
                engine,
                workers=args.workers,
                engine_name=name,
                allow_shrink=True,
                allow_errors=name != "grounded",  # v1 fails checks written after it
            )
            wall = walls[name] = time.perf_counter() - started
            with engine.connect() as conn:
                problems = list_problems(conn, build.id)
            rules: dict[str, int] = {}
            for p in problems:
                rules[f"{p.severity} {p.rule}"] = rules.get(f"{p.severity} {p.rule}", 0) + 1
            rate = build.frameworks / wall
            lines = [
                f"Full build {build.label} ({name}): {build.frameworks} frameworks, "
                f"workers={args.workers}",
                "| measure | value |",
                "|---|---|",
                f"| baseline: 1 worker, {len(sample)} frameworks | {serial:.1f} frameworks/s |",
                f"| full build wall time | {wall:.1f} s |",
                f"| full build rate | {rate:.1f} frameworks/s ({rate / serial:.2f}× baseline) |",
                f"| peak RSS, build process | {_peak_mb(resource.RUSAGE_SELF):.0f} MB |",
                f"| peak RSS, largest worker | {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB |",
                f"| check: errors / warnings | {build.errors} / {build.warnings} |",
            ]
            lines += [f"| {rule} | {n} |" for rule, n in sorted(rules.items())]
            sys.stdout.write("\n".join(lines) + "\n\n")
        if len(walls) == 2:
            ratio = walls["grounded"] / walls["grounded-v1"]
            sys.stdout.write(
                f"v2 / v1 full build wall time: {ratio:.2f}× "
                f"({walls['grounded']:.1f} s / {walls['grounded-v1']:.1f} s; issue 13: <= 1.5×)\n"
            )
        engine.dispose()


if __name__ == "__main__":
    main()
