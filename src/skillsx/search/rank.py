"""Second-stage ranking: O*NET's own signals about each occupation, added to the match score.

The match score (``index.py``) says how well one query fits an occupation's best title.
Among the ``RERANK_DEPTH`` best occupations, it is then adjusted by what the index knows
about each occupation and the query as a whole:

* **occupation priors** (the same for every query):
  - ``RECORDS``: ``log(1 + n)`` of the occupation's title records (official, alternate,
    short, reported). Broad occupations with thousands of alternate titles otherwise win
    any query that shares a word with one of them.
  - ``REPORTED``: ``log(1 + n)`` of its reported titles, the titles incumbents actually
    gave O*NET's surveys.
  - ``RESIDUAL``: a flat amount for "All Other" occupations ("Engineers, All Other" is
    otherwise a perfect match for "Engineer").
  The priors are centred (their mean over occupations is subtracted), so scores stay
  around 1 for an exact official title.
* **query evidence**, per occupation:
  - ``WORDS``: the share of the query's words found in any of its title records;
  - ``TASKS``: the share found in its task (or statement) text;
  - ``HEAD``: ``log(1 + n)`` of its records whose head word is the query's head word
    ("assistant" in "chiropractor assistant");
  - ``SHORT``: its best match is an O*NET short title ("Lab Tech");
  - ``EXACT_TITLE``: its official title has exactly the query's words, so "registered
    nurse" finds Registered Nurses before Acute Care Nurses ("PACU RN") even though the
    priors favour the narrower occupation.

The weights were fitted by coordinate ascent on top-1 accuracy over five folds of the
*training* part of "Sample of Reported Titles.txt" (each fold's titles removed from the
index while it was queried), never on the held-out split the bench reports. See
docs/search.md for the procedure and the figures. ``EXACT_TITLE`` is a product rule
rather than a fitted weight: at 0.1 it left the folds' top-1 unchanged (0.580).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillsx.search.layout import Layout

__all__ = ["RERANK_DEPTH", "Evidence", "occupation_priors"]

# How many occupations, best match first, the second stage may reorder.
RERANK_DEPTH = 10
RECORDS = -0.075
REPORTED = 0.03
RESIDUAL = -0.2
WORDS = 0.06
TASKS = 0.085
HEAD = 0.015
SHORT = 0.105
EXACT_TITLE = 0.1


def occupation_priors(layout: Layout) -> array:
    """Each occupation's prior (see the module docstring), centred on their mean."""
    priors = [
        RECORDS * math.log1p(records)
        + REPORTED * math.log1p(reported)
        + RESIDUAL * bool(title and title.endswith("All Other"))
        for records, reported, title in zip(
            layout.records, layout.reported, layout.titles, strict=True
        )
    ]
    mean = sum(priors) / len(priors) if priors else 0.0
    return array("d", (prior - mean for prior in priors))


class Evidence:
    """What one query's words say about occupations, beyond their best-matching title."""

    __slots__ = ("_heads", "_keyword_rows", "_layout", "_title_rows", "_total")

    def __init__(self, layout: Layout, terms: list[int], total: int, head: int | None) -> None:
        self._layout = layout
        self._total = total or 1
        self._title_rows = [layout.spread[term][::2] for term in terms]
        self._keyword_rows = [layout.keyword_socs[term] for term in terms]
        self._heads = layout.head_counts[head] if head is not None else array("i")

    def adjust(self, soc: int, *, short: bool, exact_title: bool) -> float:
        """The sum of the weighted query evidence for occupation ``soc``."""
        words = sum(_holds(row, soc) for row in self._title_rows)
        tasks = sum(_holds(row, soc) for row in self._keyword_rows)
        socs = self._heads[::2]
        at = bisect_left(socs, soc)
        headed = self._heads[2 * at + 1] if at < len(socs) and socs[at] == soc else 0
        return (
            WORDS * words / self._total
            + TASKS * tasks / self._total
            + HEAD * math.log1p(headed)
            + SHORT * short
            + EXACT_TITLE * exact_title
        )


def _holds(row: array, soc: int) -> bool:
    at = bisect_left(row, soc)
    return at < len(row) and row[at] == soc
