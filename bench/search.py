"""Benchmark occupation title search on reported titles it has never seen.

    .venv/bin/python bench/search.py [--data DIR] [--tasks]

Every 5th row of "Sample of Reported Titles.txt" (sorted by SOC code, then title) is held
out. Those title strings are removed from the index entirely -- from every kind of
record, compared case-insensitively -- and then each is searched for; the row's SOC code
is the right answer. A naive scan (exact lower-case match, else substring either way)
runs on the same records in the same process, so the figures read as ratios.

The data directory is ``SKILLSX_DATA`` or ../shared/data next to the project.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from skillsx.config import Settings
from skillsx.search import TitleIndex, TitleRecord

RELEASE = Path("onet") / "db_30_1_text"
HOLD_OUT_EVERY = 5
EXAMPLES = (
    "account exec",
    "RN",
    "welder fitter",
    "sales mgr",
    "Account Executive",
    "registered nurses",
    "sofware developer",
)


def default_data_dir() -> Path:
    """Return ``SKILLSX_DATA`` or the shared data folder beside the project."""
    configured = Settings.from_env().data_dir
    return configured or Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Read an O*NET text file (tab-delimited, unquoted) as dicts keyed by header."""
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_records(release: Path, *, tasks: bool) -> tuple[list[TitleRecord], list[TitleRecord]]:
    """Return (every title-like record except reported titles, reported titles)."""
    records = [
        TitleRecord(row["O*NET-SOC Code"], row["Title"], "title")
        for row in read_rows(release / "Occupation Data.txt")
    ]
    for row in read_rows(release / "Alternate Titles.txt"):
        records.append(TitleRecord(row["O*NET-SOC Code"], row["Alternate Title"], "alternate"))
        if row["Short Title"] != "n/a":
            records.append(TitleRecord(row["O*NET-SOC Code"], row["Short Title"], "short"))
    if tasks:
        records.extend(
            TitleRecord(row["O*NET-SOC Code"], row["Task"], "task")
            for row in read_rows(release / "Task Statements.txt")
        )
    reported = [
        TitleRecord(row["O*NET-SOC Code"], row["Reported Job Title"], "reported")
        for row in read_rows(release / "Sample of Reported Titles.txt")
    ]
    return records, reported


def split(reported: list[TitleRecord]) -> tuple[list[TitleRecord], list[TitleRecord]]:
    """Hold out every 5th reported title, sorted by (SOC, title); return (kept, held)."""
    ordered = sorted(reported, key=lambda r: (r.soc, r.title))
    held = ordered[::HOLD_OUT_EVERY]
    kept = [r for i, r in enumerate(ordered) if i % HOLD_OUT_EVERY]
    return kept, held


class NaiveScan:
    """Exact lower-case match, else records containing the query, else contained in it."""

    def __init__(self, records: list[TitleRecord]) -> None:
        self.records = [(r.title.lower(), r.soc) for r in records]

    def search(self, q: str, limit: int = 10) -> list[str]:
        """Return up to ``limit`` SOC codes, exact matches first, then shortest texts."""
        needle = q.strip().lower()
        if not needle:
            return []
        exact, contains, within = [], [], []
        for text, soc in self.records:
            if text == needle:
                exact.append((0, soc))
            elif needle in text:
                contains.append((len(text), soc))
            elif text in needle:
                within.append((-len(text), soc))
        socs: list[str] = []
        for group in (exact, contains, within):
            for _, soc in sorted(group):
                if soc not in socs:
                    socs.append(soc)
                    if len(socs) == limit:
                        return socs
        return socs


def measure(
    search: Callable[[str], list[str]], held: list[TitleRecord]
) -> tuple[float, float, float, float, list[TitleRecord]]:
    """Return top-1, top-5, p50 ms, p95 ms and the held-out rows missed at top 1."""
    top1 = top5 = 0
    latencies: list[float] = []
    misses: list[TitleRecord] = []
    for record in held:
        started = time.perf_counter()
        socs = search(record.title)
        latencies.append((time.perf_counter() - started) * 1000)
        if socs[:1] == [record.soc]:
            top1 += 1
        else:
            misses.append(record)
        top5 += record.soc in socs[:5]
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return top1 / len(held), top5 / len(held), cuts[49], cuts[94], misses


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder")
    parser.add_argument("--tasks", action="store_true", help="also index task statements")
    parser.add_argument("--misses", type=int, default=0, help="print this many top-1 misses")
    args = parser.parse_args(argv)
    release = (args.data or default_data_dir()) / RELEASE

    others, reported = read_records(release, tasks=args.tasks)
    kept, held = split(reported)
    held_out = {r.title.lower() for r in held}
    records = [r for r in [*others, *kept] if r.title.lower() not in held_out]

    started = time.perf_counter()
    index = TitleIndex.build(records)
    build_seconds = time.perf_counter() - started
    started = time.perf_counter()
    naive = NaiveScan(records)
    naive_build = time.perf_counter() - started

    # A title O*NET lists under several occupations can be right for only one of them.
    socs_by_title: dict[str, set[str]] = defaultdict(set)
    for record in [*others, *reported]:
        socs_by_title[record.title.lower()].add(record.soc)
    ambiguous = sum(len(socs_by_title[r.title.lower()]) > 1 for r in held)

    ours = measure(lambda q: [hit.soc for hit in index.search(q, 10)], held)
    base = measure(lambda q: naive.search(q, 10), held)

    out = sys.stdout.write
    out(f"O*NET 30.1 title search, {release}\n")
    out(
        f"index: {len(records):,} records ({len(held):,} held-out reported titles removed"
        f"{', tasks included' if args.tasks else ''}); queries: {len(held):,} held-out titles, "
        f"{ambiguous:,} of them listed under more than one SOC\n\n"
    )
    rows = [
        ("", "TitleIndex", "naive scan", "ratio"),
        ("top-1 accuracy", f"{ours[0]:.3f}", f"{base[0]:.3f}", f"{ours[0] / base[0]:.2f}x"),
        ("top-5 accuracy", f"{ours[1]:.3f}", f"{base[1]:.3f}", f"{ours[1] / base[1]:.2f}x"),
        ("p50 latency ms", f"{ours[2]:.2f}", f"{base[2]:.2f}", f"{ours[2] / base[2]:.2f}x"),
        ("p95 latency ms", f"{ours[3]:.2f}", f"{base[3]:.2f}", f"{ours[3] / base[3]:.2f}x"),
        ("build seconds", f"{build_seconds:.2f}", f"{naive_build:.2f}", ""),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for number, row in enumerate(rows):
        out("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                      enumerate(zip(row, widths, strict=True))).rstrip() + "\n")
        if number == 0:
            out("  ".join("-" * w for w in widths) + "\n")
    out("targets: top-1 >= 0.85, top-5 >= 0.95, p95 <= 5 ms\n")

    out("\nexamples (full index, nothing held out):\n")
    full = TitleIndex.build([*others, *reported])
    for query in EXAMPLES:
        hits = full.search(query, 1)
        found = f"{hits[0].soc}  {hits[0].title}  (matched {hits[0].matched!r})" if hits else "-"
        out(f"  {query!r:24} -> {found}\n")

    if args.misses:
        out(f"\nfirst {args.misses} top-1 misses:\n")
        titles = {r.soc: r.title for r in others if r.kind == "title"}
        for record in ours[4][: args.misses]:
            hits = index.search(record.title, 3)
            got = ", ".join(f"{h.soc} {h.score:.3f} {h.matched!r}" for h in hits)
            out(f"  {record.title!r} want {record.soc} {titles[record.soc]!r}\n    got {got}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
