"""Benchmark occupation title search on reported titles it has never seen.

    .venv/bin/python bench/search.py [--data DIR] [--split held|dev] [--titles-only]
                                     [--repeat N] [--misses N] [--served]

Every 5th row of "Sample of Reported Titles.txt" (sorted by SOC code, then title; no
randomness) is held out: about 20%. Those title strings are removed from the index
entirely -- from every kind of record, compared case-insensitively -- and each is then
searched for; the row's SOC code is the right answer. A naive scan (exact lower-case
match, else substring either way) runs on the same records in the same process, so the
figures can be read as ratios.

``--split dev`` measures the *dev* split instead: every 5th row of the remaining 80%
(again sorted), with both the held-out and the dev titles removed from the index. Tuning
looks at dev (and at the other folds of the 80%), never at the held-out split.

The index holds task statements too, as the site's does; ``--titles-only`` leaves them out.

Top-1 is also printed per failure class of issue 12 section 5 (supervisory, apprentice,
specialty titles; see ``failure_class``), and ``--served`` adds every reported title
searched on the full index with nothing removed, as a user typing it would.

Latency is wall-clock time per query and build time per index, each the best of
``--repeat`` runs (3), so that other work on a shared machine counts against neither side.

The data directory is ``SKILLSX_DATA`` or ../shared/data next to the project.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from skillsx.config import Settings
from skillsx.search import TitleIndex, TitleRecord
from skillsx.search.normalise import STOP_WORDS, analyse, tokenise
from skillsx.search.rules import APPRENTICE, LEADING, TRAILING

T = TypeVar("T")
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
    # issue 12 section 5: one of each failure class
    "Head Waiter",
    "Apprentice Electrician",
    "Au Pair",
    "Endoscopy Registered Nurse",
    "Orthopedic Sports Medicine Physician",
)
CLASSES = ("supervisor", "apprentice", "specialty", "other")


def default_data_dir() -> Path:
    """Return ``SKILLSX_DATA`` or the shared data folder beside the project."""
    configured = Settings.from_env().data_dir
    return configured or Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Read an O*NET text file (tab-delimited, unquoted) as dicts keyed by header."""
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_records(release: Path, *, tasks: bool) -> tuple[list[TitleRecord], list[TitleRecord]]:
    """Return (every title-like record but the reported titles, the reported titles)."""
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


def choose(
    reported: list[TitleRecord], which: str
) -> tuple[list[TitleRecord], list[TitleRecord], set[str]]:
    """Return (reported titles to index, queries, title strings removed from every kind)."""
    kept, held = split(reported)
    removed = {r.title.lower() for r in held}
    if which == "held":
        return kept, held, removed
    train, dev = split(kept)
    return train, dev, removed | {r.title.lower() for r in dev}


class NaiveScan:
    """Exact lower-case match, else records containing the query, else contained in it."""

    def __init__(self, records: list[TitleRecord]) -> None:
        self.records = [(r.title.lower(), r.soc) for r in records]

    def search(self, q: str, limit: int = 10) -> list[str]:
        """Return up to ``limit`` SOC codes: exact matches, then shortest texts first."""
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


def failure_class(title: str) -> str:
    """Which of the issue's failure classes a title belongs to, by its words alone."""
    terms = analyse(title).terms
    if APPRENTICE in terms:
        return "apprentice"
    if len(terms) >= 2 and (terms[0] in LEADING or terms[-1] in TRAILING):
        return "supervisor"
    plain = not any(mark in title for mark in ",;()/&") and STOP_WORDS.isdisjoint(tokenise(title))
    if plain and len(tokenise(title)) >= 3:
        return "specialty"  # a plain run of three words or more: a modifier and a head
    return "other"


@dataclass(frozen=True)
class Result:
    top1: float
    top5: float
    # Top 1 is any SOC that lists the held-out title itself (O*NET lists some under many).
    top1_listed: float
    # Top 1 over the titles O*NET lists under one SOC only.
    top1_single: float
    p50: float
    p95: float
    misses: list[TitleRecord]
    # Per failure class: (queries, right at top 1).
    classes: dict[str, tuple[int, int]]
    # Queries that found nothing.
    empty: int


def measure(
    search: Callable[[str], list[str]],
    held: list[TitleRecord],
    listed: dict[str, set[str]],
    repeat: int,
) -> Result:
    """Search every held-out title; score the answers and time the searches."""
    top1 = top5 = top1_listed = top1_single = single = empty = 0
    latencies: list[float] = []
    misses: list[TitleRecord] = []
    classes = dict.fromkeys(CLASSES, (0, 0))
    for record in held:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            socs = search(record.title)
            timings.append(time.perf_counter() - started)
        latencies.append(min(timings) * 1000)
        socs_listing = listed[record.title.lower()]
        right = socs[:1] == [record.soc]
        top1 += right
        top5 += record.soc in socs[:5]
        top1_listed += bool(socs[:1]) and socs[0] in socs_listing
        if len(socs_listing) == 1:
            single += 1
            top1_single += right
        if not right:
            misses.append(record)
        empty += not socs
        kind = failure_class(record.title)
        queries, hits = classes[kind]
        classes[kind] = (queries + 1, hits + right)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    n = len(held)
    return Result(
        top1 / n,
        top5 / n,
        top1_listed / n,
        top1_single / single,
        cuts[49],
        cuts[94],
        misses,
        classes,
        empty,
    )


def reachable(held: list[TitleRecord], listed: dict[str, set[str]], top: int = 1) -> float:
    """Expected strict top-``top`` of a searcher that gets every title listed under one
    SOC right and, for a title O*NET lists under m SOCs (removed from the index
    everywhere, so nothing left tells them apart), picks ``top`` of them at random: right
    min(1, top/m) of the time.
    """
    return sum(min(1.0, top / len(listed[r.title.lower()])) for r in held) / len(held)


def best_time(make: Callable[[], T], repeat: int) -> tuple[T, float]:
    """Return what ``make`` makes and its best wall-clock seconds over ``repeat`` runs."""
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        made = make()
        seconds.append(time.perf_counter() - started)
    return made, min(seconds)


def table(rows: list[tuple[str, str, str, str]]) -> str:
    """Lay out rows as a plain-text table, the first row as header."""
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.rjust(width) for cell, width in zip(row, widths, strict=True)]
        cells[0] = row[0].ljust(widths[0])
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="shared data folder")
    parser.add_argument(
        "--split", choices=("held", "dev"), default="held", help="which titles to query"
    )
    parser.add_argument(
        "--titles-only", action="store_true", help="leave task statements out of the index"
    )
    parser.add_argument("--repeat", type=int, default=3, help="time each query this often")
    parser.add_argument("--misses", type=int, default=0, help="print this many top-1 misses")
    parser.add_argument(
        "--served",
        action="store_true",
        help="also search every reported title on the full index (nothing removed)",
    )
    args = parser.parse_args(argv)
    release = (args.data or default_data_dir()) / RELEASE

    tasks = not args.titles_only
    others, reported = read_records(release, tasks=tasks)
    kept, held, removed = choose(reported, args.split)
    records = [r for r in [*others, *kept] if r.title.lower() not in removed]

    index, build_seconds = best_time(lambda: TitleIndex.build(records), args.repeat)
    naive, naive_build = best_time(lambda: NaiveScan(records), args.repeat)

    listed: dict[str, set[str]] = defaultdict(set)
    for record in [*others, *reported]:
        listed[record.title.lower()].add(record.soc)
    ambiguous = sum(len(listed[r.title.lower()]) > 1 for r in held)
    ceiling, ceiling5 = reachable(held, listed), reachable(held, listed, 5)

    ours = measure(lambda q: [h.soc for h in index.search(q, 10)], held, listed, args.repeat)
    base = measure(lambda q: naive.search(q, 10), held, listed, args.repeat)

    def row(name: str, a: float, b: float, digits: int = 3) -> tuple[str, str, str, str]:
        return name, f"{a:.{digits}f}", f"{b:.{digits}f}", f"{a / b:.2f}x" if b else "-"

    build_row = ("build seconds", f"{build_seconds:.2f}", f"{naive_build:.2f}", "")

    out = sys.stdout.write
    out(f"O*NET 30.1 title search -- {release}\n")
    out(
        f"index: {len(records):,} records{' (tasks included)' if tasks else ''}, "
        f"{len(removed):,} reported titles removed from every kind\n"
        f"queries: the {len(held):,} {args.split} titles; {ambiguous:,} of them O*NET lists "
        f"under more than one SOC\n"
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
        f"latency and build time = best of {args.repeat} runs\n\n"
    )
    out(
        table(
            [
                ("", "TitleIndex", "naive scan", "ratio"),
                row("top-1 accuracy", ours.top1, base.top1),
                row("top-5 accuracy", ours.top5, base.top5),
                row("top-1, any SOC listing the title", ours.top1_listed, base.top1_listed),
                row("top-1, titles under one SOC only", ours.top1_single, base.top1_single),
                row("p50 latency ms", ours.p50, base.p50, 2),
                row("p95 latency ms", ours.p95, base.p95, 2),
                build_row,
            ]
        )
    )
    out(
        "target: p95 <= 5 ms (the top-1 >= 0.85 / top-5 >= 0.95 targets under this protocol "
        "are withdrawn: they are above what it allows, see the next line)\n"
    )
    out(
        f"top-1 if every title O*NET lists under one SOC were right and each ambiguous one "
        f"a fair pick among its SOCs: {ceiling:.3f} (top-5 likewise: {ceiling5:.3f})\n"
    )
    out(f"queries that found nothing: {ours.empty} (naive scan {base.empty})\n")
    out("\ntop-1 by failure class (issue 12 section 5), TitleIndex / naive scan:\n")
    for kind in CLASSES:
        (n, right), (_, naive_right) = ours.classes[kind], base.classes[kind]
        if n:
            out(f"  {kind:10} {n:5} queries  {right / n:.3f}  {naive_right / n:.3f}\n")

    out("\nexamples (full index, nothing held out):\n")
    full = TitleIndex.build([*others, *reported])
    for query in EXAMPLES:
        hits = full.search(query, 1)
        found = f"{hits[0].soc}  {hits[0].title}  (matched {hits[0].matched!r})" if hits else "-"
        out(f"  {query!r:38} -> {found}\n")

    if args.served:
        # Every reported title, nothing removed: what a user typing a title O*NET lists
        # gets from the index the site serves.
        served = reported
        right = listed_right = 0
        for record in served:
            hits = full.search(record.title, 1)
            right += bool(hits) and hits[0].soc == record.soc
            listed_right += bool(hits) and hits[0].soc in listed[record.title.lower()]
        out(
            f"\nas served, all {len(served):,} reported titles, nothing removed: top-1 "
            f"{right / len(served):.3f}, top-1 any SOC listing the title "
            f"{listed_right / len(served):.3f}\n"
        )

    if args.misses:
        out(f"\nfirst {args.misses} top-1 misses:\n")
        titles = {r.soc: r.title for r in others if r.kind == "title"}
        for record in ours.misses[: args.misses]:
            hits = index.search(record.title, 3)
            got = ", ".join(f"{h.soc} {h.score:.3f} {h.matched!r}" for h in hits)
            out(f"  {record.title!r} want {record.soc} {titles[record.soc]!r}\n    got {got}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
