"""Rules over the ranked list: what a title's words say about *which* occupation it names.

The match score (``index.py``) and the second stage (``rank.py``) weigh words. Four
kinds of title need more than that, and these rules read them from O*NET's own titles
and the SOC 2018 structure, never from a list of example titles:

* **A title O*NET lists.** When the query has exactly the words of titles O*NET files
  under some occupations (``TitleIndex.listed_under``), the first hit is one of them
  ("Lead Miner" is listed under the mining machine operators: lead is the metal).
* **Apprentices** ("Apprentice Electrician", "Plumber Apprentice"). The SOC coding rules
  classify apprentices with the occupation they are learning, and helpers separately.
  The rest of the title is searched; the first occupation that is not a helpers
  occupation comes first, and the helpers of that trade next. This overrides a listing
  (O*NET lists "Electrician Apprentice" under Helpers--Electricians).
* **Supervisors** ("Head Waiter", "Lead Cashier", "Roofing Foreperson", "Security
  Sergeant", "Dishwasher Supervisor"). In SOC major groups 33-55 whoever mainly
  supervises is classified in the group's first-line supervisor occupation; in 13-29
  supervisors are classified with the workers they supervise, so "Lead Software
  Developer" stays a software developer. The rest of the title is searched for the
  workers; if their major group has supervisor occupations (a minor group holding an
  occupation titled "First-Line Supervisors of ..."), the one that fits the workers
  best comes first (see ``Groups.choose``) and the workers next.
* **Specialty titles** ("Endoscopy Registered Nurse", "Orthopedic Sports Medicine
  Physician"). A plain run of words names what its last words name: the longest proper
  ending of the query that O*NET lists as a title decides the first hit, unless O*NET
  lists the whole title (the first rule).

Each rule only moves occupations to the front, so a search for more results still
begins with the search for fewer.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from skillsx.search.normalise import analyse

if TYPE_CHECKING:
    from skillsx.search.layout import Layout

__all__ = [
    "APPRENTICE",
    "LEADING",
    "SPECIALTY_WORDS",
    "TRAILING",
    "Groups",
    "Promotion",
    "promote",
]

# Supervisory words: the first word ("Head Waiter", "Lead Cook", "Chief Cook") ...
LEADING = frozenset({"head", "lead", "chief", "supervising", "foreman"})
# ... or the last ("Dishwasher Supervisor", "Security Sergeant", "Roofing Foreperson",
# "Warehouse Lead"); "foreperson" and "forewoman" normalise to "foreman".
TRAILING = frozenset({"supervisor", "sergeant", "foreman", "lead"})
APPRENTICE = "apprentice"
# An occupation's n title records holding a word count n / (n + SATURATION).
SATURATION = 2.0

# The shortest ending that names an occupation. One-word official titles ("Editors",
# "Surveyors", "Machinists") are heads many differently filed titles end in: on the dev
# split, one-word endings put 3 titles right and 8 wrong ("Video Editor" is a film and
# video editor), two-word ones none right and 2 wrong.
SPECIALTY_WORDS = 2

_SOC = re.compile(r"\d\d-\d{4}")
_FIRST_LINE = analyse("First-Line Supervisors").terms
_HELPER = analyse("Helpers").terms[0]
# Words every supervisor or helpers title has: they say nothing about which one fits.
_GENERIC = frozenset({*_FIRST_LINE, _HELPER})

# (occupation id, matched text or None for its official title)
Promotion = tuple[int, str | None]
Ranker = Callable[[tuple[str, ...]], list[int]]


class Groups:
    """The SOC structure the rules need, read from the occupations' codes and titles."""

    __slots__ = (
        "_generic",
        "_layout",
        "_terms",
        "first_line",
        "helpers",
        "majors",
        "residual",
        "supervisors",
    )

    def __init__(self, layout: Layout) -> None:
        self._layout = layout
        socs, titles = layout.socs, layout.titles
        self.majors = [soc[:2] if _SOC.match(soc) else None for soc in socs]
        terms = [analyse(title).terms if title else () for title in titles]
        self.first_line = [t[: len(_FIRST_LINE)] == _FIRST_LINE for t in terms]
        self.residual = [bool(title and title.endswith("All Other")) for title in titles]
        ids = layout.term_id
        self._generic = frozenset(ids[t] for t in _GENERIC if t in ids)
        self._terms = [
            frozenset(ids[t] for t in ts if t in ids and t not in _GENERIC) for ts in terms
        ]
        # A minor group (35-1) holding a first-line supervisor occupation is a group of
        # supervisors: Chefs and Head Cooks (35-1011) sit beside the food service ones.
        minors = {socs[o][:4] for o, flag in enumerate(self.first_line) if flag}
        self.supervisors: dict[str, list[int]] = defaultdict(list)
        self.helpers: dict[str, list[int]] = defaultdict(list)
        for number, major in enumerate(self.majors):
            if major is None:
                continue
            if socs[number][:4] in minors:
                self.supervisors[major].append(number)
            if terms[number][:1] == (_HELPER,):
                self.helpers[major].append(number)

    def term_ids(self, terms: Sequence[str]) -> list[int]:
        """The ids of the known ``terms``."""
        ids = self._layout.term_id
        return [ids[t] for t in terms if t in ids]

    def is_supervisor(self, occupation: int) -> bool:
        major = self.majors[occupation]
        return major is not None and occupation in self.supervisors.get(major, ())

    def is_helper(self, occupation: int) -> bool:
        major = self.majors[occupation]
        return major is not None and occupation in self.helpers.get(major, ())

    def choose(self, candidates: Sequence[int], workers: int, rest: Sequence[int]) -> int:
        """The candidate (supervisors or helpers of one major group) that fits best.

        Evidence, each word weighed by how few occupations' titles use it: the candidate's
        title records holding the words of the query's rest ("Cashier Supervisor" for
        "Lead Cashier"), saturating like the index's all-records view, and words its
        official title shares with the workers' ("Security Workers", "Security Guards").
        With equal evidence, a "First-Line Supervisors of ..." occupation before another
        supervisor (Chefs and Head Cooks); then the one whose task text holds more of the
        words of the workers' titles; then an "All Other" one (the catch-all).
        """
        layout = self._layout
        shared = self._terms[workers]
        workers_terms = layout.occupation_terms[workers]

        def key(candidate: int) -> tuple[float, bool, float, bool, int]:
            evidence = 0.0
            for term in rest:
                count = _count(layout.spread[term], candidate)
                evidence += layout.spread_idf[term] * count / (count + SATURATION)
            evidence += sum(layout.spread_idf[t] for t in sorted(shared & self._terms[candidate]))
            # The candidate's task text naming the workers it directs ("Direct or
            # coordinate the activities of workers, such as hotel staff or hair stylists")
            # is weaker: it only breaks ties between first-line supervisor occupations.
            named = sum(
                layout.spread_idf[t]
                for t in workers_terms
                if t not in self._generic and _holds(layout.keyword_socs[t], candidate)
            )
            return (
                -evidence,
                not self.first_line[candidate],
                -named,
                not self.residual[candidate],
                candidate,
            )

        return min(candidates, key=key)


def promote(
    groups: Groups,
    terms: tuple[str, ...],
    plain: bool,
    ranked: list[int],
    rank: Ranker,
    listed: Callable[[tuple[str, ...]], dict[int, tuple[str, bool]]],
) -> list[Promotion]:
    """Occupations to put first, in order, for a query of ``terms`` ranked ``ranked``.

    ``rank`` ranks other terms the same way (the rest of a title); ``listed`` gives the
    occupations O*NET lists a title of exactly some terms under: the listed text, and
    whether it is the occupation's official title.
    """
    if APPRENTICE in terms and (found := _apprentice(groups, terms, rank)):
        return found
    # "Therapists, All Other" normalises to "therapist" but does not list that title.
    whole = {
        occupation: text
        for occupation, (text, official) in listed(terms).items()
        if not (official and groups.residual[occupation])
    }
    if whole:
        return _first_of(whole, ranked)
    if (supervised := _supervisor(groups, terms, rank)) is not None:
        return supervised
    if plain:
        # The longest ending (two words or more) that is an occupation's official title
        # names the occupation: "Registered Nurse", "Sports Medicine Physician". An
        # ending that is only an alternate title is not enough ("Market Research
        # Analyst" is not a "Research Analyst"), nor is a catch-all ("Engineers, All Other").
        for size in range(len(terms) - 1, SPECIALTY_WORDS - 1, -1):
            named = {
                occupation: text
                for occupation, (text, official) in listed(terms[-size:]).items()
                if official and not groups.residual[occupation]
            }
            if named:
                return _first_of(named, ranked)
    return []


def _first_of(named: dict[int, str], ranked: list[int]) -> list[Promotion]:
    """The best-ranked of ``named`` first, unless the list already starts with one."""
    if ranked and ranked[0] in named:
        return []
    for occupation in ranked:
        if occupation in named:
            return [(occupation, None)]
    occupation = min(named)  # none ranked: the lowest code, so the answer is stable
    return [(occupation, named[occupation])]


def _apprentice(groups: Groups, terms: tuple[str, ...], rank: Ranker) -> list[Promotion]:
    rest = tuple(t for t in terms if t != APPRENTICE)
    if not rest:
        return []
    trade = next((o for o in rank(rest) if not groups.is_helper(o)), None)
    if trade is None:
        return []
    found: list[Promotion] = [(trade, None)]
    major = groups.majors[trade]
    if major is not None and (helpers := groups.helpers.get(major)):
        found.append((groups.choose(helpers, trade, groups.term_ids(rest)), None))
    return found


def _supervisor(groups: Groups, terms: tuple[str, ...], rank: Ranker) -> list[Promotion] | None:
    if len(terms) < 2:
        return None
    if terms[0] in LEADING:
        rest = terms[1:]
    elif terms[-1] in TRAILING:
        rest = terms[:-1]
    else:
        return None
    ranked = rank(rest)
    if not ranked:
        return None
    workers = ranked[0]
    major = groups.majors[workers]
    supervisors = groups.supervisors.get(major) if major is not None else None
    if not supervisors:
        return None  # 13-29: supervisors are classified with the workers they supervise
    if groups.is_supervisor(workers):
        return [(workers, None)]
    chosen = groups.choose(supervisors, workers, groups.term_ids(rest))
    return [(chosen, None), (workers, None)]


def _holds(row: Sequence[int], occupation: int) -> bool:
    at = bisect_left(row, occupation)
    return at < len(row) and row[at] == occupation


def _count(row: Sequence[int], occupation: int) -> int:
    """The count for ``occupation`` in a flat (occupation, count, ...) row sorted by id."""
    socs = row[::2]
    at = bisect_left(socs, occupation)
    return row[2 * at + 1] if at < len(socs) and socs[at] == occupation else 0
