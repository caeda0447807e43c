"""Measure the similar-occupations ranking against O*NET's own Related Occupations.

    .venv/bin/python bench/similar.py [--top 20] [--tune] [--ablate]

For every occupation with task data in the current release of the store
(``SKILLSX_DATABASE_URL``, default ``sqlite:///skillsx.db``), the score ranks all others
(``skillsx.moves``); the figure is the share of O*NET's "Primary-Short" related occupations
(five each) found in our top ``--top``, averaged over all occupations that have them.

O*NET's list is the answer key only: it is read here, never by the score.

The figure is also given on two halves of the occupations, split by a CRC-32 of the SOC
code (even: *tune*, odd: *held out*): the weights in ``skillsx.moves.score.COMPONENTS`` were
chosen with ``--tune`` looking at the tune half only, so the held-out half is the honest
figure. ``--tune`` runs that coordinate search again and prints the weights it finds (it
changes nothing); ``--ablate`` gives the figure with each component left out in turn.

Time per query is the wall-clock time to score and rank all occupations from one
(``list_similar`` without and with the shared records behind each result), best of three.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Mapping

import numpy as np
from sqlalchemy import select

from skillsx.config import Settings
from skillsx.moves import build_index, list_similar
from skillsx.moves.score import COMPONENTS
from skillsx.store import schema
from skillsx.store.db import open_store
from skillsx.store.queries import get_release

TIER = "Primary-Short"


def answer_key(conn: object, release_id: int) -> dict[str, list[str]]:
    rel = schema.ONET_TABLES["onet_related_occupations"]
    key: dict[str, list[str]] = defaultdict(list)
    for soc, related in conn.execute(  # type: ignore[attr-defined]
        select(rel.c.soc, rel.c.related_soc)
        .where(rel.c.release_id == release_id, rel.c.tier == TIER)
        .order_by(rel.c.soc, rel.c.index)
    ):
        key[soc].append(related)
    return dict(key)


def agreement(
    values: dict[str, object],
    socs: list[str],
    key: dict[str, list[str]],
    index: object,
    top: int,
    weights: Mapping[str, float] | None = None,
    only: set[str] | None = None,
) -> tuple[float, int]:
    """Mean share of each occupation's key found in its top ``top``, and how many counted."""
    shares = []
    row = index.row  # type: ignore[attr-defined]
    for soc in socs:
        if only is not None and soc not in only:
            continue
        answers = key.get(soc)
        if not answers:
            continue
        scores = index.combine(values[soc], weights).copy()  # type: ignore[attr-defined]
        scores[row[soc]] = -np.inf
        best = np.argpartition(-scores, top)[:top]
        found = {socs[i] for i in best}
        shares.append(len(found & set(answers)) / len(answers))
    return (statistics.fmean(shares) if shares else 0.0), len(shares)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--tune", action="store_true", help="search weights on the tune half")
    parser.add_argument("--ablate", action="store_true", help="leave each component out")
    args = parser.parse_args()
    out = sys.stdout.write

    engine = open_store(Settings.from_env().database_url)
    with engine.connect() as conn:
        release = get_release(conn)
        started = time.perf_counter()
        moves = build_index(conn, release)
        built = time.perf_counter() - started
        key = answer_key(conn, release.id)
    index = moves.index
    socs = index.socs
    values = {soc: index.component_values(soc) for soc in socs}
    tune = {s for s in socs if zlib.crc32(s.encode()) % 2 == 0}
    held = set(socs) - tune
    reachable = sum(1 for s in socs for r in key.get(s, []) if r in index.row)
    total_key = sum(len(key.get(s, [])) for s in socs)

    all_fig, n_all = agreement(values, socs, key, index, args.top)
    tune_fig, n_tune = agreement(values, socs, key, index, args.top, only=tune)
    held_fig, n_held = agreement(values, socs, key, index, args.top, only=held)

    timings_bare, timings_full = [], []
    sample = socs[:: max(1, len(socs) // 50)]
    for soc in sample:
        for bucket, records in ((timings_bare, False), (timings_full, True)):
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                list_similar(moves, soc, args.top, with_records=records)
                best = min(best, time.perf_counter() - t)
            bucket.append(best * 1000)

    out(
        f"O*NET {release.name}: {len(socs)} occupations with task data; "
        f"index built in {built:.2f} s\n"
    )
    out(
        f"Answer key: O*NET Related Occupations, tier {TIER}: {total_key} pairs, "
        f"{reachable} of them occupations with task data\n"
    )
    out(
        f"Share of {TIER} related occupations in our top {args.top}: {all_fig:.3f} "
        f"(over {n_all} occupations)\n"
    )
    out(f"  tune half {tune_fig:.3f} ({n_tune}), held-out half {held_fig:.3f} ({n_held})\n")
    out(
        f"Time per query: {statistics.median(timings_bare):.2f} ms ranking only, "
        f"{statistics.median(timings_full):.2f} ms with the shared records of {args.top} results "
        f"(median of {len(sample)} occupations, best of 3)\n"
    )
    weights = {c.key: c.weight for c in COMPONENTS}
    out("Weights: " + ", ".join(f"{k} {w:g}" for k, w in weights.items()) + "\n")

    if args.ablate:
        out("Left out in turn (all occupations):\n")
        for k in weights:
            fig, _ = agreement(values, socs, key, index, args.top, {**weights, k: 0.0})
            out(f"  without {k:<18} {fig:.3f} ({fig - all_fig:+.3f})\n")
    if args.tune:
        current = dict(weights)
        best, _ = agreement(values, socs, key, index, args.top, current, only=tune)
        for rnd in range(3):
            improved = False
            for k in list(current):
                for factor in (0.0, 0.5, 0.75, 1.5, 2.0):
                    trial = {**current, k: current[k] * factor if current[k] else factor}
                    if not any(trial.values()):
                        continue
                    fig, _ = agreement(values, socs, key, index, args.top, trial, only=tune)
                    if fig > best + 1e-4:
                        best, current, improved = fig, trial, True
            out(
                f"  round {rnd + 1}: tune half {best:.3f} with "
                + ", ".join(f"{k} {w:g}" for k, w in current.items())
                + "\n"
            )
            if not improved:
                break
        held_fig2, _ = agreement(values, socs, key, index, args.top, current, only=held)
        out(f"  those weights on the held-out half: {held_fig2:.3f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
