"""An in-memory index of occupation titles, searched by weighted term overlap.

Every record is normalised to a set of terms (``normalise.normalise``); records with the
same term set share one *document*, so "Registered Nurse", "registered nurses" and "RN"
are scored once. A query's terms are weighed by inverse document frequency (a rare
"welder" counts for more than a common "worker"), and an occupation's score mixes two
views of it:

* **best record** (weight ``1 - GAMMA``): ``cover * (1 - SPAN + SPAN * fit)``, where
  ``cover`` is the share of the query's weight the record holds and ``fit`` the share of
  the record's weight the query holds -- every query word should be found, and among
  records holding them all the one with least left over wins. The score is raised by
  ``HEAD`` when the query's head word (its last, "nurse" in "registered nurse") is a
  head word of the record, so "Welder Helper" does not win "welder", and multiplied by
  the record kind's weight (official titles first). Keyword text (task and framework
  statements) scores ``cover`` alone at a low kind weight.
* **all records** (weight ``GAMMA``): for each query word, how many of the occupation's
  records hold it, saturating (``n / (n + SATURATION)``) and weighed by how few
  occupations use the word. It lets "economics lecturer" find the economics teachers
  even when no single record says both words.

Query words missing from the vocabulary stand for known words within one edit (two for
words of eight letters or more, "sofware" -> "software") or that they begin ("maint"
-> "maintenance"), at a reduced similarity. The query is also read with such a word split
into two known ones ("bandmill" -> "band mill") and with two words joined into a known
one ("sales person" -> "salesperson"); each occupation keeps its best reading.

Documents are read in groups that hold the same query words, highest cover first, and
the search stops as soon as no unread document can change the top ``limit``: results are
exact, and a common word ("operator", in 4,500 documents) costs little.

Only record texts and SOC codes are kept, so the index does not care whether the
records came from files or a database.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from skillsx.search.normalise import analyse

__all__ = ["Kind", "SearchHit", "TitleIndex", "TitleRecord"]

Kind = Literal["title", "alternate", "short", "reported", "task", "statement"]

KIND_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "reported": 0.98,
    "alternate": 0.97,
    "short": 0.95,
    "task": 0.4,
    "statement": 0.4,
}
# Long texts always hold words the query lacks, so only their cover counts.
KEYWORD_KINDS = frozenset({"task", "statement"})
# Share of a record's score that rewards having little besides the query's words.
SPAN = 0.5
# Raise a record's score by this share when it shares the query's head word.
HEAD = 0.2
# Share of an occupation's score that comes from all its records together.
GAMMA = 0.5
# An occupation's n records holding a word count n / (n + SATURATION).
SATURATION = 2.0
# Similarity of a stand-in for a query word missing from the vocabulary.
SPLIT_SIMILARITY = 0.9
JOIN_SIMILARITY = 1.0
PREFIX_SIMILARITY = 0.75
EDIT2_SIMILARITY = 0.7
# One edit in a short word is more likely another word than a typo.
EDIT1_SIMILARITY = {4: 0.7, 5: 0.75, 6: 0.8, 7: 0.8}
EDIT1_LONG_SIMILARITY = 0.85
# At most this many stand-ins per missing word, most similar and most frequent first.
STAND_INS = 3
# Weight of a query word that matches nothing: as rare as a word can be.
_UNKNOWN_FREQUENCY = 0.5
_MAX_KIND = max(KIND_WEIGHTS.values())
_MAX_KEYWORD_KIND = max(KIND_WEIGHTS[kind] for kind in KEYWORD_KINDS)
# Documents scored between two checks for an early stop.
_CHECK_EVERY = 64
# Scores are divided by this, so an official title that equals the query scores ~1.
_SCALE = (1 - GAMMA) * (1 + HEAD) * _MAX_KIND + GAMMA

_Slot = dict[str, float]  # the vocabulary terms one query word may stand for -> similarity


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
    matched best; ``score`` is about 1 for an exact official title, lower for less.
    """

    soc: str
    title: str
    score: float
    matched: str


@dataclass(slots=True)
class _Document:
    terms: frozenset[str]
    keyword: bool
    heads: frozenset[str]
    # Best (kind weight, text) of each occupation holding this term set.
    holders: dict[str, tuple[float, str]]


class TitleIndex:
    """Occupation titles, searchable by the words people use for them."""

    def __init__(self, documents: list[_Document], titles: dict[str, str], size: int) -> None:
        self._titles = titles
        self._size = size
        self._keyword = [d.keyword for d in documents]
        self._heads = [d.heads for d in documents]
        self._holders = [
            tuple((soc, weight, text) for soc, (weight, text) in d.holders.items())
            for d in documents
        ]

        postings: dict[str, list[int]] = defaultdict(list)
        spread: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for number, document in enumerate(documents):
            for term in document.terms:
                postings[term].append(number)
                if not document.keyword:
                    for soc in document.holders:
                        spread[term][soc] += 1
        self._terms = [d.terms for d in documents]
        self._idf = {term: _idf(len(documents), len(ids)) for term, ids in postings.items()}
        self._inverse_weight = [1 / sum(self._idf[t] for t in d.terms) for d in documents]
        # Best fit first: a common word's documents are read in this order when searched.
        for ids in postings.values():
            ids.sort(key=self._inverse_weight.__getitem__, reverse=True)
        self._postings = dict(postings)
        occupations = len({soc for d in documents for soc in d.holders})
        self._spread = {term: dict(counts) for term, counts in spread.items()}
        self._spread_idf = {t: _idf(occupations, len(c)) for t, c in self._spread.items()}
        self._unknown_idf = _idf(len(documents), _UNKNOWN_FREQUENCY)
        self._unknown_spread_idf = _idf(occupations, _UNKNOWN_FREQUENCY)
        self._vocabulary = sorted(postings)
        self._deletions = _deletion_index(self._vocabulary)

    @classmethod
    def build(cls, records: Iterable[TitleRecord]) -> TitleIndex:
        """Index ``records``; texts that normalise to nothing are skipped."""
        documents: dict[tuple[frozenset[str], bool], _Document] = {}
        titles: dict[str, str] = {}
        size = 0
        for record in records:
            size += 1
            weight = KIND_WEIGHTS.get(record.kind)
            if weight is None:
                raise ValueError(
                    f'TitleRecord {record.soc} "{record.title}": kind "{record.kind}" is not'
                    f" one of {', '.join(KIND_WEIGHTS)}."
                )
            if record.kind == "title":
                titles.setdefault(record.soc, record.title)
            analysis = analyse(record.title)
            if not analysis.terms:
                continue
            terms = frozenset(analysis.terms)
            keyword = record.kind in KEYWORD_KINDS
            document = documents.get((terms, keyword))
            if document is None:
                document = _Document(terms, keyword, frozenset(), {})
                documents[terms, keyword] = document
            if not keyword:
                document.heads |= analysis.heads
            held = document.holders.get(record.soc)
            if held is None or held[0] < weight:
                document.holders[record.soc] = (weight, record.title)
        return cls(list(documents.values()), titles, size)

    def __len__(self) -> int:
        """Return the number of records indexed."""
        return self._size

    def search(self, q: str, limit: int = 10) -> list[SearchHit]:
        """Return up to ``limit`` occupations for the query ``q``, best first."""
        terms, _, query_head = analyse(q)
        if not terms or limit < 1 or not self._postings:
            return []
        best: dict[str, tuple[float, str]] = {}
        for slots in self._readings(terms):
            for soc, (score, text) in self._score(slots, query_head, limit).items():
                held = best.get(soc)
                if held is None or held[0] < score:
                    best[soc] = (score, text)
        ranked = heapq.nsmallest(
            limit, ((-score, soc, text) for soc, (score, text) in best.items())
        )
        return [
            SearchHit(soc, self._titles.get(soc, text), round(-negative / _SCALE, 6), text)
            for negative, soc, text in ranked
        ]

    # ------------------------------------------------------------------ reading a query

    def _readings(self, terms: tuple[str, ...]) -> list[list[_Slot]]:
        """Return the ways to read the query: as written, an unknown word split in two,
        two words joined. Each reading is a list of slots, one per query word."""
        slots = [{t: 1.0} if t in self._idf else self._stand_ins(t) for t in terms]
        readings = [slots]
        for i, term in enumerate(terms):
            if term not in self._idf and (split := self._split(term)):
                parts = [{part: SPLIT_SIMILARITY} for part in split]
                readings.append([*slots[:i], *parts, *slots[i + 1 :]])
        for i in range(len(terms) - 1):
            if joined := self._join(terms[i], terms[i + 1]):
                readings.append([*slots[:i], {joined: JOIN_SIMILARITY}, *slots[i + 2 :]])
        return readings

    def _split(self, term: str) -> tuple[str, str] | None:
        """Split an unknown word into two known ones of three letters or more."""
        splits = [
            (self._idf[term[:cut]] + self._idf[term[cut:]], term[:cut], term[cut:])
            for cut in range(3, len(term) - 2)
            if term[:cut] in self._idf and term[cut:] in self._idf
        ]
        if not splits:
            return None
        _, left, right = min(splits)  # the most common words: the likeliest reading
        return left, right

    def _join(self, left: str, right: str) -> str | None:
        """Return the known word ``left`` and ``right`` make together ("sales person")."""
        for joined in (left + right, left + "s" + right):
            if joined in self._idf:
                return joined
        return None

    def _stand_ins(self, term: str) -> _Slot:
        """Known words close to an unknown one: one or two edits away, or completions."""
        found: dict[str, float] = {}
        if term.isalpha() and len(term) >= 4:
            limit = 2 if len(term) >= 8 else 1
            for candidate in self._near(term, limit):
                distance = _edit_distance(term, candidate, limit)
                if distance == 1:
                    sim = EDIT1_SIMILARITY.get(len(term), EDIT1_LONG_SIMILARITY)
                elif distance == 2:
                    sim = EDIT2_SIMILARITY
                else:
                    continue
                found[candidate] = max(found.get(candidate, 0.0), sim)
        if len(term) >= 3:
            start = bisect.bisect_left(self._vocabulary, term)
            for candidate in _starting_with(self._vocabulary, start, term):
                found[candidate] = max(found.get(candidate, 0.0), PREFIX_SIMILARITY)
        chosen = sorted(found.items(), key=lambda item: (-item[1], self._idf[item[0]], item[0]))
        return dict(chosen[:STAND_INS])

    def _near(self, term: str, limit: int) -> set[str]:
        """Known words that share a deletion variant with ``term`` (two deletions if 2)."""
        variants = {term, *_deletions(term)}
        if limit == 2:
            variants |= {d for v in list(variants) for d in _deletions(v)}
        found: set[str] = set()
        for variant in variants:
            found.update(self._deletions.get(variant, ()))
        return found

    # ------------------------------------------------------------------ scoring

    def _score(
        self, slots: list[_Slot], query_head: str | None, limit: int
    ) -> dict[str, tuple[float, str]]:
        """Score the occupations that can reach the top ``limit`` for one reading."""
        idf = self._idf
        query_weight = sum(
            max((sim * idf[t] for t, sim in slot.items()), default=self._unknown_idf)
            for slot in slots
        )
        spread = self._occupation_cover(slots)

        # Documents are taken in groups that match the same query words, highest cover
        # first, and within a big group best fit first; the search stops as soon as no
        # later document can change the top ``limit``. The commonest query word is not
        # accumulated: the documents holding it alone are read straight off its postings,
        # which are kept best fit first.
        common = self._commonest(slots)
        matched = self._accumulate([slot for i, slot in enumerate(slots) if i != common])
        groups: dict[float, list[int]] = defaultdict(list)
        alone: tuple[float, list[int], bool] | None = None
        if common is not None:
            ((term, sim),) = slots[common].items()
            gain = sim * idf[term]
            terms = self._terms
            for number in matched:
                if term in terms[number]:
                    matched[number] += gain
            alone = (gain, self._postings[term], True)
        for number, weight in matched.items():
            groups[weight].append(number)
        order = [(weight, documents, False) for weight, documents in groups.items()]
        if alone:
            order.append(alone)
        order.sort(key=lambda group: group[0], reverse=True)

        scores: dict[str, float] = {}
        texts: dict[str, str] = {}
        get = scores.get
        keyword, inverse, record_heads, holders = (
            self._keyword,
            self._inverse_weight,
            self._heads,
            self._holders,
        )
        raised = 1 + HEAD
        for rank, (weight, documents, skip_matched) in enumerate(order):
            cover = weight / query_weight
            # No document of a later group, nor any keyword text here, can beat ``floor``.
            later = order[rank + 1][0] / query_weight if rank + 1 < len(order) else 0.0
            floor = max(later * raised * _MAX_KIND, cover * _MAX_KEYWORD_KIND)
            fixed, varying = cover * (1 - SPAN), cover * SPAN
            checkpoint = -1
            if len(documents) > _CHECK_EVERY:
                ceiling = max(floor, cover * raised * _MAX_KIND)
                if len(scores) >= limit and self._settled(scores, spread, limit, ceiling):
                    break
                if not skip_matched:
                    documents.sort(key=inverse.__getitem__, reverse=True)
                checkpoint = _CHECK_EVERY
            for position, number in enumerate(documents):
                if position == checkpoint:
                    checkpoint += _CHECK_EVERY
                    fit = min(1.0, weight * inverse[number])
                    ceiling = max(floor, (fixed + varying * fit) * raised * _MAX_KIND)
                    if len(scores) >= limit and self._settled(scores, spread, limit, ceiling):
                        return self._finish(scores, texts, spread)
                if skip_matched and number in matched:
                    continue  # it holds other query words too: scored in its own group
                if keyword[number]:
                    score = cover
                else:
                    fit = weight * inverse[number]
                    score = cover if fit >= 1.0 else fixed + varying * fit
                    if query_head in record_heads[number]:
                        score *= raised
                for soc, kind_weight, text in holders[number]:
                    value = score * kind_weight
                    if value > get(soc, -1.0):
                        scores[soc] = value
                        texts[soc] = text
        return self._finish(scores, texts, spread)

    def _commonest(self, slots: list[_Slot]) -> int | None:
        """The position of the exact query word with the most documents, if that is many."""
        sizes = [
            (len(self._postings[term]), position)
            for position, slot in enumerate(slots)
            if len(slot) == 1
            for term in slot
        ]
        if not sizes:
            return None
        size, position = max(sizes)
        return position if size > _CHECK_EVERY else None

    @staticmethod
    def _finish(
        scores: dict[str, float], texts: dict[str, str], spread: dict[str, float]
    ) -> dict[str, tuple[float, str]]:
        """Mix each occupation's best record with the cover of all its records."""
        return {
            soc: ((1 - GAMMA) * score + GAMMA * spread.get(soc, 0.0), texts[soc])
            for soc, score in scores.items()
        }

    @staticmethod
    def _settled(
        best: dict[str, float],
        spread: dict[str, float],
        limit: int,
        ceiling: float,
    ) -> bool:
        """Whether documents scoring at most ``ceiling`` can no longer change the top."""
        final = {soc: (1 - GAMMA) * s + GAMMA * spread.get(soc, 0.0) for soc, s in best.items()}
        top = heapq.nlargest(limit, final, key=final.__getitem__)
        if any(best[soc] < ceiling for soc in top):
            return False  # a later document could still raise one of the top
        last = final[top[-1]]
        chosen = set(top)
        for soc, cover in spread.items():
            if soc not in chosen:
                if (1 - GAMMA) * max(ceiling, best.get(soc, 0.0)) + GAMMA * cover >= last:
                    return False
        return True

    def _accumulate(self, slots: list[_Slot]) -> dict[int, float]:
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

    def _occupation_cover(self, slots: list[_Slot]) -> dict[str, float]:
        """Score each occupation by how many of its records hold each query word."""
        total = 0.0
        covered: dict[str, float] = defaultdict(float)
        for slot in slots:
            slot_weight = 0.0
            slot_best: dict[str, float] = {}
            for term, sim in slot.items():
                counts = self._spread.get(term)
                if not counts:
                    continue
                gain = sim * self._spread_idf[term]
                slot_weight = max(slot_weight, gain)
                for soc, count in counts.items():
                    value = gain * count / (count + SATURATION)
                    if slot_best.get(soc, 0.0) < value:
                        slot_best[soc] = value
            total += slot_weight or self._unknown_spread_idf
            for soc, value in slot_best.items():
                covered[soc] += value
        return {soc: value / total for soc, value in covered.items()}


def _idf(documents: int, frequency: float) -> float:
    """BM25's inverse document frequency, always positive."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _deletion_index(vocabulary: list[str]) -> dict[str, list[str]]:
    """Map each word, and each word less one letter, to the words it came from."""
    index: dict[str, list[str]] = defaultdict(list)
    for term in vocabulary:
        if not term.isalpha() or len(term) < 3:
            continue
        index[term].append(term)
        for variant in set(_deletions(term)):
            index[variant].append(term)
    return dict(index)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), capped."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[len(b)], limit + 1)


def _starting_with(words: list[str], start: int, prefix: str) -> Iterator[str]:
    for i in range(start, len(words)):
        if not words[i].startswith(prefix):
            return
        yield words[i]
