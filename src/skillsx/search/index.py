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

For a title-like query (``TITLE_LIKE_WORDS`` words at most), occupations matched only by
task text come after every occupation a title record matches, and count at all without
one only if a task holds every word. Then ``rules.py`` moves the occupation a title
names to the front: supervisors, apprentices, listed titles, specialty endings.

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
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from skillsx.search.layout import (
    KEYWORD_KINDS,
    KINDS,
    Kind,
    Layout,
    TitleRecord,
    deletions,
    lay_out,
    word_hash,
)
from skillsx.search.normalise import Analysis, analyse, family
from skillsx.search.rank import RERANK_DEPTH, Evidence, occupation_priors
from skillsx.search.rules import Groups, promote

__all__ = ["Kind", "SearchHit", "TitleIndex", "TitleRecord", "index_bytes"]

KIND_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "reported": 0.98,
    "alternate": 0.97,
    "short": 0.95,
    "task": 0.4,
    "statement": 0.4,
}
# Share of a record's score that rewards having little besides the query's words.
SPAN = 0.5
# Raise a record's score by this share when it shares the query's head word.
HEAD = 0.2
# Share of an occupation's score that comes from all its records together.
GAMMA = 0.5
# An occupation's n records holding a word count n / (n + SATURATION).
SATURATION = 2.0
# A query of at most this many words (outside brackets) is read as a title: task text
# never puts an occupation above one a title record matches.
TITLE_LIKE_WORDS = 6
# Similarity of a stand-in for a query word missing from the vocabulary.
SPLIT_SIMILARITY = 0.9
JOIN_SIMILARITY = 1.0
PREFIX_SIMILARITY = 0.75
EDIT2_SIMILARITY = 0.7
# One edit in a short word is more likely another word than a typo.
EDIT1_SIMILARITY = {4: 0.7, 5: 0.75, 6: 0.8, 7: 0.8}
EDIT1_LONG_SIMILARITY = 0.85
# An unknown word ending in a known one of at least SUFFIX_MIN letters stands for it.
SUFFIX_MIN = 6
SUFFIX_SIMILARITY = 0.7
# Else it stands for the words sharing its longest beginning, if that is STEM_MIN or more.
STEM_MIN = 5
STEM_SIMILARITY = 0.6
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

_TITLE = KINDS.index("title")
_Slot = dict[int, float]  # the vocabulary terms one query word may stand for -> similarity


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


class TitleIndex:
    """Occupation titles, searchable by the words people use for them."""

    def __init__(self, layout: Layout) -> None:
        self._data = layout
        documents, occupations = len(layout.doc_terms), len(layout.socs)
        self._unknown_idf = _idf(documents, _UNKNOWN_FREQUENCY)
        self._unknown_spread_idf = _idf(occupations, _UNKNOWN_FREQUENCY)
        # Read once per scored document: a list and a tuple hand out their float objects,
        # where an array would box a new one on every read (~2 MB for ~30% less latency).
        self._kind_weights = tuple(KIND_WEIGHTS[kind] for kind in KINDS)
        self._inverse = layout.inverse_weight.tolist()
        self._short = KINDS.index("short")
        self._priors = occupation_priors(layout)
        self._groups = Groups(layout)

    @classmethod
    def build(cls, records: Iterable[TitleRecord]) -> TitleIndex:
        """Index ``records``; texts that normalise to nothing are skipped."""
        return cls(lay_out(records))

    def to_bytes(self) -> bytes:
        """Serialise the index, for ``from_bytes`` in this or another process."""
        return pickle.dumps(self._data, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, blob: bytes) -> TitleIndex:
        """Load an index made by ``to_bytes`` (only ever from a trusted source: it unpickles)."""
        layout = pickle.loads(blob)
        if not isinstance(layout, Layout):
            raise ValueError("These bytes do not hold a TitleIndex.")
        return cls(layout)

    def __len__(self) -> int:
        """Return the number of records indexed."""
        return self._data.size

    def search(self, q: str, limit: int = 10) -> list[SearchHit]:
        """Return up to ``limit`` occupations for the query ``q``, best first."""
        analysis = analyse(q)
        if not analysis.terms or limit < 1 or not self._data.vocabulary:
            return []
        depth = max(limit, RERANK_DEPTH)
        ranked = self._ranked(analysis, depth)
        promoted = promote(
            self._groups,
            analysis.terms,
            analysis.plain,
            [soc for soc, _, _ in ranked],
            self._rank_terms,
            self._listed,
        )
        data = self._data
        if promoted:
            # A promoted occupation takes the top score; it keeps the text it matched, or
            # shows the listed title or its official title that the rule went by.
            found = {soc: (score, text) for soc, score, text in ranked}
            top = ranked[0][1] if ranked else 0.0
            first = []
            for soc, text in promoted:
                score, matched = found.get(soc, (top, text or data.titles[soc] or ""))
                first.append((soc, max(score, top), text or matched))
            moved = {soc for soc, _ in promoted}
            ranked = _capped(first + [hit for hit in ranked if hit[0] not in moved])
        return [
            SearchHit(data.socs[soc], data.titles[soc] or text, round(score, 6), text)
            for soc, score, text in ranked[:limit]
        ]

    def listed_under(self, q: str) -> list[str]:
        """SOC codes with a title record (not task text) of exactly the words of ``q``.

        "Project Engineer" is listed under 14 occupations: a searcher cannot know which one
        a user means, so the site says so. Words are compared after normalising, so
        "project engineers" and "Project Engr" count too; typos do not.
        """
        return sorted(self._data.socs[soc] for soc in self._listed(analyse(q).terms))

    def _listed(self, terms: tuple[str, ...]) -> dict[int, tuple[str, bool]]:
        """Occupations with a title record of exactly ``terms``: that record's text, and
        whether it is the occupation's official title."""
        data = self._data
        if not terms or any(t not in data.term_id for t in terms):
            return {}
        found: dict[int, tuple[str, bool]] = {}
        for number in data.exact(data.term_id[t] for t in terms):
            holders = data.holders[number]
            for at in range(0, len(holders), 3):
                found[holders[at]] = (data.text(holders[at + 2]), holders[at + 1] == _TITLE)
        return found

    def _rank_terms(self, terms: tuple[str, ...]) -> list[int]:
        """Occupations for a query of ``terms`` (the rest of a title), best first."""
        analysis = Analysis(terms, frozenset(terms[-1:]), terms[-1], len(terms), True)
        return [soc for soc, _, _ in self._ranked(analysis, RERANK_DEPTH)]

    def _ranked(self, analysis: Analysis, depth: int) -> list[tuple[int, float, str]]:
        """The best ``depth`` occupations: (id, score, matched text), best first.

        For a title-like query (``TITLE_LIKE_WORDS`` words at most), occupations that no
        title record matches come after every one that a title record matches, and count
        at all only if some title record matches or their task text holds every word.
        """
        head = self._data.term_id.get(analysis.head) if analysis.head else None
        readings = self._readings(analysis.terms)
        spreads = [self._occupation_cover(slots) for slots in readings]
        titled: bytearray | None = None
        if analysis.words <= TITLE_LIKE_WORDS:
            titled = bytearray(len(self._data.socs))
            for spread in spreads:
                for soc in spread:
                    titled[soc] = 1
        best: dict[int, tuple[float, int, int]] = {}
        for slots, spread in zip(readings, spreads, strict=True):
            for soc, found in self._score(slots, head, depth, spread, titled, True).items():
                held = best.get(soc)
                if held is None or held[0] < found[0]:
                    best[soc] = found
        untitled: dict[int, tuple[float, int, int]] = {}
        if titled is not None and len(best) < depth:
            # Too few occupations a title matches: the others, by their task text alone.
            for slots in readings:
                found_here = self._score(slots, head, depth - len(best), {}, titled, False)
                for soc, found in found_here.items():
                    held = untitled.get(soc)
                    if held is None or held[0] < found[0]:
                        untitled[soc] = found
            if not best:
                whole = (1 - GAMMA) * _MAX_KEYWORD_KIND * (1 - 1e-9)
                untitled = {soc: f for soc, f in untitled.items() if f[0] >= whole}
        order = [
            *heapq.nsmallest(depth, best, key=lambda soc: (-best[soc][0], soc)),
            *heapq.nsmallest(
                depth - min(depth, len(best)), untitled, key=lambda soc: (-untitled[soc][0], soc)
            ),
        ]
        best |= untitled
        # The query's words as typed, and with each unknown one read as its best stand-in.
        spelt = {
            self._data.vocabulary[max(slot, key=slot.__getitem__)] for slot in readings[0] if slot
        }
        asked = [frozenset(analysis.terms), frozenset(spelt)]
        final = self._rerank(order, best, analysis.terms, head, asked)
        tier = (lambda soc: not titled[soc]) if titled is not None else (lambda soc: False)
        data = self._data
        return [(soc, final[soc], data.text(best[soc][1])) for soc in _reorder(order, final, tier)]

    def _rerank(
        self,
        shortlist: list[int],
        best: dict[int, tuple[float, int, int]],
        terms: tuple[str, ...],
        head: int | None,
        asked: list[frozenset[str]],
    ) -> dict[int, float]:
        """Each shortlisted occupation's score after the priors of ``rank.py``."""
        data = self._data
        known = [data.term_id[t] for t in terms if t in data.term_id]
        evidence = Evidence(data, known, len(terms), head)
        final = {}
        for soc in shortlist:
            score, _, kind = best[soc]
            title = data.titles[soc]
            exact = (
                kind == _TITLE and title is not None and frozenset(analyse(title).terms) in asked
            )
            adjust = evidence.adjust(soc, short=kind == self._short, exact_title=exact)
            final[soc] = score / _SCALE + self._priors[soc] + adjust
        return final

    # ------------------------------------------------------------------ reading a query

    def _readings(self, terms: tuple[str, ...]) -> list[list[_Slot]]:
        """Return the ways to read the query: as written, an unknown word split in two,
        two words joined. Each reading is a list of slots, one per query word."""
        ids = self._data.term_id
        slots = [{ids[t]: 1.0} if t in ids else self._stand_ins(t) for t in terms]
        readings = [slots]
        for i, term in enumerate(terms):
            if term not in ids and (split := self._split(term)):
                parts = [{ids[part]: SPLIT_SIMILARITY} for part in split]
                readings.append([*slots[:i], *parts, *slots[i + 1 :]])
        for i in range(len(terms) - 1):
            if joined := self._join(terms[i], terms[i + 1]):
                readings.append([*slots[:i], {ids[joined]: JOIN_SIMILARITY}, *slots[i + 2 :]])
        return readings

    def _split(self, term: str) -> tuple[str, str] | None:
        """Split an unknown word into two known ones of three letters or more."""
        ids, idf = self._data.term_id, self._data.idf
        splits = [
            (idf[ids[term[:cut]]] + idf[ids[term[cut:]]], term[:cut], term[cut:])
            for cut in range(3, len(term) - 2)
            if term[:cut] in ids and term[cut:] in ids
        ]
        if not splits:
            return None
        _, left, right = min(splits)  # the most common words: the likeliest reading
        return left, right

    def _join(self, left: str, right: str) -> str | None:
        """Return the known word ``left`` and ``right`` make together ("sales person")."""
        for joined in (left + right, left + "s" + right):
            joined = family(joined)
            if joined in self._data.term_id:
                return joined
        return None

    def _stand_ins(self, term: str) -> _Slot:
        """Known words close to an unknown one: one or two edits away, or completions."""
        data = self._data
        found: dict[int, float] = {}
        if term.isalpha() and len(term) >= 4:
            limit = 2 if len(term) >= 8 else 1
            for candidate in self._near(term, limit):
                distance = _edit_distance(term, data.vocabulary[candidate], limit)
                if distance == 1:
                    sim = EDIT1_SIMILARITY.get(len(term), EDIT1_LONG_SIMILARITY)
                elif distance == 2:
                    sim = EDIT2_SIMILARITY
                else:
                    continue
                found[candidate] = max(found.get(candidate, 0.0), sim)
        if len(term) >= 3:
            start = bisect.bisect_left(data.vocabulary, term)
            for candidate in _starting_with(data.vocabulary, start, term):
                found[candidate] = max(found.get(candidate, 0.0), PREFIX_SIMILARITY)
        if not found and (ending := self._ending(term)) is not None:
            found[ending] = SUFFIX_SIMILARITY
        if not found:
            found = dict.fromkeys(self._same_stem(term), STEM_SIMILARITY)
        chosen = sorted(found.items(), key=lambda item: (-item[1], data.idf[item[0]], item[0]))
        return dict(chosen[:STAND_INS])

    def _same_stem(self, term: str) -> list[int]:
        """Known words sharing the longest beginning with ``term``, if ``STEM_MIN`` or more.

        The last resort for a word nothing else matches: "geodesist" shares "geode" with
        "geodetic", "cytologist" shares "cytolog" with "cytology".
        """
        words = self._data.vocabulary
        at = bisect.bisect_left(words, term)
        best = STEM_MIN - 1
        found: list[int] = []
        # Sorted words sharing the longest beginning with ``term`` sit around its place.
        for step in (-1, 1):
            i = at if step == 1 else at - 1
            while 0 <= i < len(words):
                shared = _shared_start(term, words[i])
                if shared < best:
                    break
                if shared > best:
                    best, found = shared, []
                found.append(i)
                i += step
        return found if best >= STEM_MIN else []

    def _ending(self, term: str) -> int | None:
        """The longest known word of ``SUFFIX_MIN`` letters or more that ends ``term``.

        A compound the index has never seen names its kind last: "cytopathologist" is a
        pathologist, "nanophotographer" a photographer. Only tried when nothing is near.
        """
        ids = self._data.term_id
        for cut in range(1, len(term) - SUFFIX_MIN + 1):
            if (found := ids.get(term[cut:])) is not None:
                return found
        return None

    def _near(self, term: str, limit: int) -> set[int]:
        """Known words that share a deletion variant with ``term`` (two deletions if 2)."""
        variants = {term, *deletions(term)}
        if limit == 2:
            variants |= {d for v in list(variants) for d in deletions(v)}
        hashes, sources = self._data.deletion_hashes, self._data.deletion_terms
        found: set[int] = set()
        for variant in variants:
            key = word_hash(variant)
            at = bisect.bisect_left(hashes, key)
            while at < len(hashes) and hashes[at] == key:
                found.add(sources[at])
                at += 1
        return found

    # ------------------------------------------------------------------ scoring

    def _score(
        self,
        slots: list[_Slot],
        query_head: int | None,
        limit: int,
        spread: dict[int, float],
        titled: bytearray | None,
        wanted: bool,
    ) -> dict[int, tuple[float, int, int]]:
        """Score the occupations that can reach the top ``limit`` for one reading.

        ``spread`` is the reading's all-records view (``_occupation_cover``). With
        ``titled``, only occupations whose flag there equals ``wanted`` are scored.
        """
        data = self._data
        idf = data.idf
        query_weight = sum(
            max((sim * idf[t] for t, sim in slot.items()), default=self._unknown_idf)
            for slot in slots
        )

        # Documents are taken in groups that match the same query words, highest cover
        # first, and within a big group best fit first; the search stops as soon as no
        # later document can change the top ``limit``. The commonest query word is not
        # accumulated: the documents holding it alone are read straight off its postings,
        # which are kept best fit first.
        common = self._commonest(slots)
        matched = self._accumulate([slot for i, slot in enumerate(slots) if i != common])
        groups: dict[float, list[int]] = defaultdict(list)
        alone: tuple[float, Sequence[int], bool] | None = None
        if common is not None:
            ((term, sim),) = slots[common].items()
            gain = sim * idf[term]
            term_at, terms = data.doc_terms.offsets, data.doc_terms.values
            for number in matched:
                if term in terms[term_at[number] : term_at[number + 1]]:
                    matched[number] += gain
            alone = (gain, data.postings[term], True)
        for number, weight in matched.items():
            groups[weight].append(number)
        order: list[tuple[float, Sequence[int], bool]] = [
            (weight, documents, False) for weight, documents in groups.items()
        ]
        if alone:
            order.append(alone)
        order.sort(key=lambda group: group[0], reverse=True)

        scores: dict[int, float] = {}
        texts: dict[int, tuple[int, int]] = {}
        get = scores.get
        keyword, inverse = data.keyword, self._inverse
        head_at, heads = data.doc_heads.offsets, data.doc_heads.values
        if query_head is None:
            query_head = -1  # no term has this id
        hold_at, hold = data.holders.offsets, data.holders.values
        kind_weights = self._kind_weights
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
                    documents.sort(key=inverse.__getitem__, reverse=True)  # type: ignore[attr-defined]
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
                    if query_head in heads[head_at[number] : head_at[number + 1]]:
                        score *= raised
                for at in range(hold_at[number], hold_at[number + 1], 3):
                    soc, kind = hold[at], hold[at + 1]
                    if titled is not None and titled[soc] != wanted:
                        continue
                    value = score * kind_weights[kind]
                    if value > get(soc, -1.0):
                        scores[soc] = value
                        texts[soc] = (hold[at + 2], kind)
        return self._finish(scores, texts, spread)

    def _commonest(self, slots: list[_Slot]) -> int | None:
        """The position of the exact query word with the most documents, if that is many."""
        sizes = [
            (self._data.postings.size(term), position)
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
        scores: dict[int, float], texts: dict[int, tuple[int, int]], spread: dict[int, float]
    ) -> dict[int, tuple[float, int, int]]:
        """Mix each occupation's best record with the cover of all its records."""
        return {
            soc: ((1 - GAMMA) * score + GAMMA * spread.get(soc, 0.0), *texts[soc])
            for soc, score in scores.items()
        }

    @staticmethod
    def _settled(
        best: dict[int, float],
        spread: dict[int, float],
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
        idf, postings = self._data.idf, self._data.postings
        matched: dict[int, float] = {}
        get = matched.get
        for slot in slots:
            if len(slot) == 1:
                ((term, sim),) = slot.items()
                gain = sim * idf[term]
                for number in postings[term]:
                    matched[number] = get(number, 0.0) + gain
                continue
            slot_best: dict[int, float] = {}
            for term, sim in slot.items():
                gain = sim * idf[term]
                for number in postings[term]:
                    if slot_best.get(number, 0.0) < gain:
                        slot_best[number] = gain
            for number, gain in slot_best.items():
                matched[number] = get(number, 0.0) + gain
        return matched

    def _occupation_cover(self, slots: list[_Slot]) -> dict[int, float]:
        """Score each occupation by how many of its records hold each query word."""
        spread, spread_idf = self._data.spread, self._data.spread_idf
        total = 0.0
        covered: dict[int, float] = defaultdict(float)
        for slot in slots:
            slot_weight = 0.0
            slot_best: dict[int, float] = {}
            for term, sim in slot.items():
                counts = spread[term]
                if not counts:
                    continue
                gain = sim * spread_idf[term]
                slot_weight = max(slot_weight, gain)
                for at in range(0, len(counts), 2):
                    soc, count = counts[at], counts[at + 1]
                    value = gain * count / (count + SATURATION)
                    if slot_best.get(soc, 0.0) < value:
                        slot_best[soc] = value
            total += slot_weight or self._unknown_spread_idf
            for soc, value in slot_best.items():
                covered[soc] += value
        return {soc: value / total for soc, value in covered.items()}


def _reorder(
    shortlist: list[int], final: dict[int, float], tier: Callable[[int], bool]
) -> list[int]:
    """Order the best ``RERANK_DEPTH`` matches by tier, then final score; the rest by match.

    Only the first ``RERANK_DEPTH`` change places, so every search is the start of the
    same search with a higher ``limit``. The tier puts occupations matched only by task
    text after the others (``shortlist`` already has them last). Scores are capped at the
    one before, so they never rise down the list.
    """
    first = sorted(shortlist[:RERANK_DEPTH], key=lambda soc: (tier(soc), -final[soc], soc))
    ordered = first + shortlist[RERANK_DEPTH:]
    floor = math.inf
    for soc in ordered:
        floor = final[soc] = min(final[soc], floor)
    return ordered


def _capped(hits: list[tuple[int, float, str]]) -> list[tuple[int, float, str]]:
    """``hits`` with each score capped at the one before."""
    floor = math.inf
    capped = []
    for soc, score, text in hits:
        floor = min(score, floor)
        capped.append((soc, floor, text))
    return capped


def index_bytes(records: list[TitleRecord]) -> bytes:
    """Build an index of ``records`` and return ``to_bytes`` of it (for a child process)."""
    return TitleIndex.build(records).to_bytes()


def _idf(documents: int, frequency: float) -> float:
    """BM25's inverse document frequency, always positive."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


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


def _shared_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` have in common at the start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _starting_with(words: list[str], start: int, prefix: str) -> Iterator[int]:
    """Positions, from ``start``, of the sorted ``words`` that begin with ``prefix``."""
    for i in range(start, len(words)):
        if not words[i].startswith(prefix):
            return
        yield i
