"""The title index laid out in flat arrays, so a worker holds it in a few megabytes.

A first version kept one Python object per document (frozensets of terms, tuples of
holders, dicts of postings): about 113 MB for the 83,000 records the site indexes. Here
every table is a *CSR* pair -- an ``offsets`` array and a flat ``values`` array, row ``i``
being ``values[offsets[i]:offsets[i + 1]]`` -- of machine integers or floats, and strings
exist once each (terms, SOC codes, record texts).

Ids: terms are numbered in sorted order (``vocabulary``), occupations in order of their SOC
code (``socs``), record texts in order of first appearance (``texts``), kinds by their
position in ``KINDS``.
"""

from __future__ import annotations

import bisect
import itertools
import math
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from skillsx.search.normalise import analyse

__all__ = [
    "KEYWORD_KINDS",
    "KINDS",
    "Kind",
    "Layout",
    "Rows",
    "TitleRecord",
    "deletions",
    "terms_hash",
    "word_hash",
    "lay_out",
]

Kind = Literal["title", "alternate", "short", "reported", "task", "statement"]

# Kinds in order of their id; ``index.KIND_WEIGHTS`` gives their weights.
KINDS = ("title", "reported", "alternate", "short", "task", "statement")
# Long texts always hold words the query lacks, so only their cover counts.
KEYWORD_KINDS = frozenset({"task", "statement"})
_KIND_ID = {kind: number for number, kind in enumerate(KINDS)}
_KEYWORD_IDS = frozenset(_KIND_ID[kind] for kind in KEYWORD_KINDS)
_REPORTED = _KIND_ID["reported"]


@dataclass(frozen=True, slots=True)
class TitleRecord:
    """One searchable text of an occupation."""

    soc: str
    title: str
    kind: Kind


class Rows:
    """A read-only table of integer rows: ``offsets`` into one flat ``values`` array."""

    __slots__ = ("offsets", "values")

    def __init__(self, rows: Iterable[Iterable[int]], code: str = "i") -> None:
        self.offsets = array("i", [0])
        self.values = array(code)
        for row in rows:
            self.values.extend(row)
            self.offsets.append(len(self.values))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, number: int) -> array:
        return self.values[self.offsets[number] : self.offsets[number + 1]]

    def span(self, number: int) -> range:
        """Positions of row ``number`` in ``values``."""
        return range(self.offsets[number], self.offsets[number + 1])

    def size(self, number: int) -> int:
        return self.offsets[number + 1] - self.offsets[number]


@dataclass(slots=True)
class Layout:
    """Everything ``TitleIndex`` searches, in flat arrays (see the module docstring)."""

    size: int  # records given to ``lay_out``
    vocabulary: list[str]
    term_id: dict[str, int]
    idf: array  # per term
    socs: list[str]
    titles: list[str | None]  # official title per occupation
    texts: bytes  # every record text, UTF-8, one after another
    text_ends: array  # per text id: where it ends in ``texts``
    doc_terms: Rows  # per document: its term ids
    doc_heads: Rows  # per document: head term ids (none for keyword text)
    keyword: bytes  # per document: 1 for task or statement text
    inverse_weight: array  # per document: 1 / sum of its terms' idf
    holders: Rows  # per document: occupation id, kind id, text id, repeated
    postings: Rows  # per term: documents holding it, best fit first
    spread: Rows  # per term: occupation id, number of its title records holding it, ...
    spread_idf: array  # per term (0 where no title record holds it)
    head_counts: Rows  # per term: occupation id, number of its records headed by it, ...
    occupation_terms: Rows  # per occupation: the terms of its title records (sorted ids)
    keyword_socs: Rows  # per term: occupations whose keyword text holds it
    reported: array  # per occupation: reported titles
    records: array  # per occupation: title records of every kind
    deletion_hashes: array  # sorted hashes of words and words less one letter
    deletion_terms: array  # the term id each hash came from
    exact_hashes: array  # sorted hashes of each title document's term ids (not keyword text)
    exact_docs: array  # the document each hash came from

    def text(self, number: int) -> str:
        """Record text ``number``."""
        start = self.text_ends[number - 1] if number else 0
        return self.texts[start : self.text_ends[number]].decode()

    def exact(self, terms: Iterable[int]) -> list[int]:
        """Title documents (not keyword text) with exactly the term ids ``terms``."""
        wanted = sorted(set(terms))
        key = terms_hash(wanted)
        at = bisect.bisect_left(self.exact_hashes, key)
        found = []
        while at < len(self.exact_hashes) and self.exact_hashes[at] == key:
            number = self.exact_docs[at]
            if list(self.doc_terms[number]) == wanted:
                found.append(number)
            at += 1
        return found


def lay_out(records: Iterable[TitleRecord]) -> Layout:
    """Analyse ``records`` and lay the index out; texts normalising to nothing are skipped."""
    documents: dict[tuple[frozenset[str], bool], int] = {}
    doc_terms: list[frozenset[str]] = []
    doc_heads: list[set[str]] = []
    doc_holders: list[dict[str, tuple[int, str]]] = []
    titles: dict[str, str] = {}
    reported: dict[str, int] = defaultdict(int)
    counted: dict[str, int] = defaultdict(int)
    size = 0
    for record in records:
        size += 1
        kind = _KIND_ID.get(record.kind)
        if kind is None:
            raise ValueError(
                f'TitleRecord {record.soc} "{record.title}": kind "{record.kind}" is not'
                f" one of {', '.join(KINDS)}."
            )
        if kind == 0:
            titles.setdefault(record.soc, record.title)
        analysis = analyse(record.title)
        if not analysis.terms:
            continue
        keyword = kind in _KEYWORD_IDS
        if not keyword:
            counted[record.soc] += 1
            reported[record.soc] += kind == _REPORTED
        terms = frozenset(analysis.terms)
        number = documents.setdefault((terms, keyword), len(doc_terms))
        if number == len(doc_terms):
            doc_terms.append(terms)
            doc_heads.append(set())
            doc_holders.append({})
        if not keyword:
            doc_heads[number] |= analysis.heads
        held = doc_holders[number].get(record.soc)
        if held is None or held[0] > kind:  # a lower kind id weighs more
            doc_holders[number][record.soc] = (kind, record.title)
    keywords = [keyword for _, keyword in documents]
    return _arrays(size, doc_terms, doc_heads, doc_holders, keywords, titles, reported, counted)


def _arrays(
    size: int,
    doc_terms: list[frozenset[str]],
    doc_heads: list[set[str]],
    doc_holders: list[dict[str, tuple[int, str]]],
    keywords: list[bool],
    titles: dict[str, str],
    reported: dict[str, int],
    counted: dict[str, int],
) -> Layout:
    vocabulary = sorted({term for terms in doc_terms for term in terms})
    term_id = {term: number for number, term in enumerate(vocabulary)}
    socs = sorted({soc for holders in doc_holders for soc in holders} | set(titles))
    soc_id = {soc: number for number, soc in enumerate(socs)}
    text_id: dict[str, int] = {}
    holders = Rows(
        _flat(
            (soc_id[soc], kind, text_id.setdefault(text, len(text_id)))
            for soc, (kind, text) in sorted(held.items())
        )
        for held in doc_holders
    )
    terms = Rows(sorted(term_id[t] for t in doc) for doc in doc_terms)
    postings_lists: list[list[int]] = [[] for _ in vocabulary]
    for number in range(len(terms)):
        for term in terms[number]:
            postings_lists[term].append(number)
    idf = array("d", (_idf(len(doc_terms), len(ids)) for ids in postings_lists))
    inverse = array("d", (1 / sum(idf[t] for t in terms[n]) for n in range(len(terms))))
    for ids in postings_lists:
        ids.sort(key=inverse.__getitem__, reverse=True)
    spread, heads, keyword_socs = _occupation_tables(
        terms, doc_heads, term_id, holders, keywords, len(vocabulary)
    )
    occupations = len(socs)
    spread_idf = array(
        "d",
        (
            _idf(occupations, spread.size(t) // 2) if spread.size(t) else 0.0
            for t in term_id.values()
        ),
    )
    hashes, sources = _deletion_index(vocabulary)
    exact = sorted(
        (terms_hash(terms[number]), number) for number in range(len(terms)) if not keywords[number]
    )
    encoded = [text.encode() for text in text_id]
    return Layout(
        size=size,
        vocabulary=vocabulary,
        term_id=term_id,
        idf=idf,
        socs=socs,
        titles=[titles.get(soc) for soc in socs],
        texts=b"".join(encoded),
        text_ends=array("q", itertools.accumulate(len(text) for text in encoded)),
        doc_terms=terms,
        doc_heads=Rows(sorted(term_id[t] for t in h) for h in doc_heads),
        keyword=bytes(keywords),
        inverse_weight=inverse,
        holders=holders,
        postings=Rows(postings_lists),
        spread=spread,
        spread_idf=spread_idf,
        head_counts=heads,
        occupation_terms=_transpose(spread, occupations),
        keyword_socs=keyword_socs,
        reported=array("i", (reported.get(soc, 0) for soc in socs)),
        records=array("i", (counted.get(soc, 0) for soc in socs)),
        deletion_hashes=hashes,
        deletion_terms=sources,
        exact_hashes=array("q", (h for h, _ in exact)),
        exact_docs=array("i", (n for _, n in exact)),
    )


def _occupation_tables(
    terms: Rows,
    doc_heads: list[set[str]],
    term_id: dict[str, int],
    holders: Rows,
    keywords: list[bool],
    vocabulary: int,
) -> tuple[Rows, Rows, Rows]:
    """Per term: title records holding it, records headed by it, keyword texts holding it."""
    spread: list[dict[int, int]] = [defaultdict(int) for _ in range(vocabulary)]
    heads: list[dict[int, int]] = [defaultdict(int) for _ in range(vocabulary)]
    keyword_socs: list[set[int]] = [set() for _ in range(vocabulary)]
    for number in range(len(terms)):
        socs = holders[number][::3]
        if keywords[number]:
            for term in terms[number]:
                keyword_socs[term].update(socs)
            continue
        for term in terms[number]:
            for soc in socs:
                spread[term][soc] += 1
        for head in doc_heads[number]:
            for soc in socs:
                heads[term_id[head]][soc] += 1
    return (
        Rows(_flat(sorted(counts.items())) for counts in spread),
        Rows(_flat(sorted(counts.items())) for counts in heads),
        Rows(sorted(socs) for socs in keyword_socs),
    )


def _transpose(spread: Rows, occupations: int) -> Rows:
    """Per occupation, the terms whose ``spread`` row names it."""
    terms: list[list[int]] = [[] for _ in range(occupations)]
    for term in range(len(spread)):
        for soc in spread[term][::2]:
            terms[soc].append(term)
    return Rows(terms)


def _flat(rows: Iterable[tuple[int, ...]]) -> Iterator[int]:
    for row in rows:
        yield from row


def _idf(documents: int, frequency: float) -> float:
    """BM25's inverse document frequency, always positive."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def deletions(word: str) -> Iterator[str]:
    """``word`` less one letter, each way."""
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def word_hash(word: str) -> int:
    """A hash of ``word`` that is the same in every process."""
    return zlib.crc32(word.encode())


def terms_hash(terms: Iterable[int]) -> int:
    """A hash of sorted term ids that is the same in every process."""
    return zlib.crc32(array("i", terms).tobytes())


def _deletion_index(vocabulary: list[str]) -> tuple[array, array]:
    """Hashes of each word and each word less one letter, sorted, with their word ids.

    Hashes rather than strings keep the table small; a collision only proposes a word,
    which the edit distance check then rejects. CRC-32, not ``hash``: Python's string
    hashes differ between processes, and an index may be built in another one.
    """
    pairs: set[tuple[int, int]] = set()
    for number, term in enumerate(vocabulary):
        if term.isalpha() and len(term) >= 3:
            pairs.add((word_hash(term), number))
            pairs.update((word_hash(variant), number) for variant in deletions(term))
    ordered = sorted(pairs)
    return array("q", (h for h, _ in ordered)), array("i", (n for _, n in ordered))
