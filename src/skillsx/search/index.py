"""An in-memory index of occupation titles, searched by weighted term overlap.

Every record is normalised to a set of terms (``normalise.normalise``); records with the
same term set share one entry ("document"), so "Registered Nurse", "registered nurses"
and "RN" are scored once. A query is scored against each document that shares a term
with it:

* each term weighs its inverse document frequency (``idf``), so "welder" counts for
  more than "worker";
* ``query_cover`` is the share of the query's weight the document matches, and
  ``doc_cover`` the share of the document's weight the query matches;
* a title-like record scores ``query_cover * (1 - SPAN + SPAN * doc_cover)``: every
  query word should be found, and among documents that contain them all, the one
  with the least extra is best. Keyword text (tasks, statements) scores
  ``query_cover`` only, at a lower kind weight;
* each score is multiplied by the weight of the record's kind (official titles first);
* an occupation's score is its best record's score plus a small bonus for every
  other record of it that matches the whole query (more evidence, same meaning).

Query words that are not in the vocabulary are matched to close terms: within one
edit (two for words of eight letters or more), or as the prefix of a term, each at a
reduced similarity. Only the record texts and SOC codes are kept, so the index does
not care whether the records came from files or a database.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from skillsx.search.normalise import head, heads, normalise

__all__ = ["Kind", "SearchHit", "TitleIndex", "TitleRecord"]

Kind = Literal["title", "alternate", "short", "reported", "task", "statement"]

# How much a match in each kind of record is worth, and whether the record's own
# coverage counts (titles: yes; long keyword text: no, it always has extra words).
KIND_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "reported": 0.98,
    "alternate": 0.97,
    "short": 0.95,
    "task": 0.4,
    "statement": 0.4,
}
KEYWORD_KINDS = frozenset({"task", "statement"})
# Share of a title-like score that depends on how little of the record is left unmatched.
SPAN = 0.5
# Bonus when the query's head word (its last) is a head word of the record.
HEAD = 0.15
# Share of an occupation's score that comes from all its records together.
GAMMA = 0.3
# Saturation of an occupation's record count for a term: n / (n + SATURATION).
SATURATION = 2.0
# Similarity of a query word to a vocabulary term it does not equal.
EDIT1_SIMILARITY = 0.85
EDIT2_SIMILARITY = 0.7
PREFIX_SIMILARITY = 0.75
# At most this many prefix completions per unknown word, most frequent first.
PREFIX_LIMIT = 5
# Weight of a query word that matches nothing: as rare as a word can be.
_UNKNOWN_DF = 0.5


@dataclass(frozen=True, slots=True)
class TitleRecord:
    """One searchable text of an occupation."""

    soc: str
    title: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One occupation found by a search.

    ``title`` is the occupation's official title (its record of kind ``"title"``, or the
    best-matching text when the index holds none); ``matched`` is the record text that
    matched best.
    """

    soc: str
    title: str
    score: float
    matched: str


@dataclass(slots=True)
class _Document:
    weight: float
    keyword: bool
    heads: frozenset[str]
    # Best (kind weight, text) per occupation holding this term set.
    holders: dict[str, tuple[float, str]]


class TitleIndex:
    """Occupation titles, searchable by the words people use for them."""

    def __init__(
        self,
        documents: list[_Document],
        postings: dict[str, list[int]],
        idf: dict[str, float],
        occupations: dict[str, dict[str, int]],
        occupation_idf: dict[str, float],
        titles: dict[str, str],
        size: int,
    ) -> None:
        self._documents = documents
        self._holders = [tuple((soc, *held) for soc, held in d.holders.items()) for d in documents]
        self._postings = postings
        self._idf = idf
        self._occupations = occupations
        self._occupation_idf = occupation_idf
        self._titles = titles
        self._size = size
        self._unknown_idf = _idf(len(documents), _UNKNOWN_DF)
        self._vocabulary = sorted(postings)
        self._deletions = _deletion_index(self._vocabulary)

    @classmethod
    def build(cls, records: Iterable[TitleRecord]) -> TitleIndex:
        """Index ``records``; texts that normalise to nothing are skipped."""
        by_terms: dict[frozenset[str], _Document] = {}
        titles: dict[str, str] = {}
        size = 0
        for record in records:
            size += 1
            if record.kind == "title":
                titles.setdefault(record.soc, record.title)
            terms = frozenset(normalise(record.title))
            if not terms:
                continue
            keyword = record.kind in KEYWORD_KINDS
            document = by_terms.get(terms)
            if document is None:
                record_heads = frozenset() if keyword else heads(record.title)
                document = by_terms[terms] = _Document(0.0, keyword, record_heads, {})
            elif not keyword:
                document.keyword = False
                document.heads |= heads(record.title)
            weight = KIND_WEIGHTS[record.kind]
            held = document.holders.get(record.soc)
            if held is None or held[0] < weight:
                document.holders[record.soc] = (weight, record.title)

        postings: dict[str, list[int]] = defaultdict(list)
        occupations: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        documents = list(by_terms.values())
        for number, (terms, document) in enumerate(by_terms.items()):
            for term in terms:
                postings[term].append(number)
                if not document.keyword:
                    for soc, (weight, _) in document.holders.items():
                        if weight >= min(KIND_WEIGHTS.values()) and soc:
                            occupations[term][soc] += 1
        idf = {term: _idf(len(documents), len(ids)) for term, ids in postings.items()}
        socs = {soc for document in documents for soc in document.holders}
        occupation_idf = {
            term: _idf(len(socs), len(counts)) for term, counts in occupations.items()
        }
        for document, terms in zip(documents, by_terms, strict=True):
            document.weight = sum(idf[term] for term in terms)
        return cls(
            documents,
            dict(postings),
            idf,
            {term: dict(counts) for term, counts in occupations.items()},
            occupation_idf,
            titles,
            size,
        )

    def __len__(self) -> int:
        """Return the number of records indexed."""
        return self._size

    def search(self, q: str, limit: int = 10) -> list[SearchHit]:
        """Return up to ``limit`` occupations for the query ``q``, best first."""
        terms = normalise(q)
        if not terms or limit < 1:
            return []
        query_head = head(q)
        slots = [self._alternatives(term) for term in terms]
        query_weight = sum(
            max((sim * self._idf[t] for t, sim in slot.items()), default=self._unknown_idf)
            for slot in slots
        )
        matched = self._accumulate(slots)
        if not matched:
            return []

        best: dict[str, tuple[float, str]] = {}
        documents = self._documents
        holders = self._holders
        head_bonus = 1 + HEAD
        for number, weight in matched.items():
            document = documents[number]
            query_cover = weight / query_weight
            if document.keyword:
                base = query_cover
            else:
                base = query_cover * (1 - SPAN + SPAN * min(1.0, weight / document.weight))
                if query_head in document.heads:
                    base *= head_bonus
            for soc, kind_weight, text in holders[number]:
                score = base * kind_weight
                held = best.get(soc)
                if held is None or held[0] < score:
                    best[soc] = (score, text)

        spread = self._spread(slots)
        ranked = heapq.nsmallest(
            limit,
            (
                (-((1 - GAMMA) * score + GAMMA * spread.get(soc, 0.0)), soc, text)
                for soc, (score, text) in best.items()
            ),
        )
        return [
            SearchHit(soc, self._titles.get(soc, text), round(-negative, 6), text)
            for negative, soc, text in ranked
        ]

    def _spread(self, slots: list[dict[str, float]]) -> dict[str, float]:
        """Score each occupation by how many of its records hold each query word."""
        total = 0.0
        covered: dict[str, float] = defaultdict(float)
        unknown = _idf(len(self._titles) or 1, _UNKNOWN_DF)
        for slot in slots:
            slot_best: dict[str, float] = {}
            slot_weight = unknown
            for term, sim in slot.items():
                counts = self._occupations.get(term)
                if not counts:
                    continue
                gain = sim * self._occupation_idf[term]
                slot_weight = gain if slot_weight == unknown else max(slot_weight, gain)
                for soc, count in counts.items():
                    value = gain * count / (count + SATURATION)
                    if slot_best.get(soc, 0.0) < value:
                        slot_best[soc] = value
            total += slot_weight
            for soc, value in slot_best.items():
                covered[soc] += value
        return {soc: value / total for soc, value in covered.items()}

    def _accumulate(self, slots: list[dict[str, float]]) -> dict[int, float]:
        """Sum, per document, the best matched weight of each query word."""
        matched: dict[int, float] = {}
        get = matched.get
        for slot in slots:
            if len(slot) == 1:
                ((term, sim),) = slot.items()
                gain = sim * self._idf[term]
                for number in self._postings[term]:
                    matched[number] = get(number, 0.0) + gain
                continue
            slot_best: dict[int, float] = {}
            for term, sim in slot.items():
                gain = sim * self._idf[term]
                for number in self._postings[term]:
                    if slot_best.get(number, 0.0) < gain:
                        slot_best[number] = gain
            for number, gain in slot_best.items():
                matched[number] = get(number, 0.0) + gain
        return matched

    def _alternatives(self, term: str) -> dict[str, float]:
        """Return vocabulary terms that may stand for ``term``, with their similarity."""
        if term in self._idf:
            return {term: 1.0}
        found: dict[str, float] = {}
        if term.isalpha() and len(term) >= 4:
            limit = 2 if len(term) >= 8 else 1
            for candidate in self._near(term, limit):
                distance = _edit_distance(term, candidate, limit)
                if distance <= limit:
                    sim = EDIT1_SIMILARITY if distance == 1 else EDIT2_SIMILARITY
                    found[candidate] = max(found.get(candidate, 0.0), sim)
        if len(term) >= 3:
            for candidate in self._completions(term):
                found[candidate] = max(found.get(candidate, 0.0), PREFIX_SIMILARITY)
        return found

    def _near(self, term: str, limit: int) -> set[str]:
        """Vocabulary terms that share a one-letter deletion with ``term`` (or two)."""
        candidates: set[str] = set()
        variants = {term} | set(_deletions(term))
        if limit == 2:
            variants |= {d for v in list(variants) for d in _deletions(v)}
        for variant in variants:
            candidates.update(self._deletions.get(variant, ()))
        return candidates

    def _completions(self, prefix: str) -> list[str]:
        """The most frequent vocabulary terms that start with ``prefix``."""
        vocabulary = self._vocabulary
        start = _bisect(vocabulary, prefix)
        found: list[str] = []
        for term in _takewhile_prefix(vocabulary, start, prefix):
            found.append(term)
        found.sort(key=lambda t: (self._idf[t], t))
        return found[:PREFIX_LIMIT]


def _idf(documents: int, frequency: float) -> float:
    """BM25's inverse document frequency, always positive."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _deletion_index(vocabulary: list[str]) -> dict[str, list[str]]:
    """Map each term, and each term less one letter, to the terms it came from."""
    index: dict[str, list[str]] = defaultdict(list)
    for term in vocabulary:
        if not term.isalpha() or len(term) < 3:
            continue
        index[term].append(term)
        for variant in set(_deletions(term)):
            index[variant].append(term)
    return dict(index)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (adjacent swaps cost one), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def _bisect(words: list[str], prefix: str) -> int:
    low, high = 0, len(words)
    while low < high:
        middle = (low + high) // 2
        if words[middle] < prefix:
            low = middle + 1
        else:
            high = middle
    return low


def _takewhile_prefix(words: list[str], start: int, prefix: str) -> Iterator[str]:
    for i in range(start, len(words)):
        if not words[i].startswith(prefix):
            return
        yield words[i]
