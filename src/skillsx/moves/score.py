"""The transferability score: a weighted mean of named components, each between 0 and 1.

``SimilarityIndex`` holds every occupation's records as compact arrays (sparse postings for
DWAs, IWAs, software and tools; dense rows for skills, knowledge and work styles), so the
score of one occupation against all others is a few array operations (about a millisecond
over 923 occupations). The comparison of two occupations uses the same arrays, so its score
is the one the similar list ranks by.

Components of the move FROM → TO (``COMPONENTS``; the README and docs/moves.md explain them):

- ``tasks``: the share of TO's task-weighted DWAs that FROM performs too. A DWA weighs the
  tasks of TO that use it (Core 1, Supplemental 0.5).
- ``activities``: the same at the level of IWAs (the groups DWAs belong to).
- ``knowledge_areas``: how alike the two importance profiles of the 33 knowledge areas are
  (Pearson correlation, below 0 read as 0): whether the same things must be known.
- ``knowledge_levels`` / ``skill_levels``: 1 minus the importance-weighted mean level gap,
  with a gap of 3 level points or more counting fully. A level TO needs and FROM lacks counts
  fully; a level above what TO needs counts half (the move is possible, the work differs).
  An area weighs the larger of the two importances minus 1.
- ``work_styles``: how alike the two work-style impact profiles are (correlation, from 0).
- ``software`` / ``tools``: the share of TO's software products / tool commodities FROM uses
  too, each weighted by its rarity (log((N+1)/(n+1)), n of N occupations use it), so office
  software counts little and a clinical records system a lot.
- ``job_zone``: 1 - |Job Zone difference| / 4.

A component with no data on either side (no skills ratings for 44 occupations in 29.x) is
left out and the weights of the others scale up; the basis says which.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from skillsx.moves.records import Profile

Array = NDArray[np.float64]


@dataclass(frozen=True)
class ComponentSpec:
    key: str
    label: str
    weight: float
    means: str


#: The components and their weights. Tuned on half of the occupations against O*NET's
#: "Primary-Short" related occupations (bench/similar.py --tune); see docs/moves.md.
COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        "tasks", "Work activities (DWAs)", 2.0,
        "share of the target's task-weighted Detailed Work Activities the origin performs too",
    ),
    ComponentSpec(
        "activities", "Activity groups (IWAs)", 2.0,
        "the same share at the level of Intermediate Work Activities",
    ),
    ComponentSpec(
        "knowledge_areas", "Knowledge areas that matter", 6.0,
        "correlation of the two knowledge importance profiles (below 0 counts as 0)",
    ),
    ComponentSpec(
        "knowledge_levels", "Knowledge levels", 2.0,
        "1 minus the importance-weighted mean knowledge level gap (3 points or more = full gap;"
        " levels above the target's count half)",
    ),
    ComponentSpec(
        "skill_levels", "Skill levels", 1.0,
        "1 minus the importance-weighted mean skill level gap (as for knowledge)",
    ),
    ComponentSpec(
        "work_styles", "Work styles", 3.0,
        "correlation of the two work-style impact profiles (below 0 counts as 0)",
    ),
    ComponentSpec(
        "software", "Software", 0.5,
        "share of the target's software the origin uses too, rarer products weighing more",
    ),
    ComponentSpec(
        "tools", "Tools", 1.0,
        "share of the target's tool kinds the origin uses too, rarer tools weighing more",
    ),
    ComponentSpec("job_zone", "Job Zone", 0.5, "1 - |Job Zone difference| / 4"),
)  # fmt: skip
SPECS = {c.key: c for c in COMPONENTS}
#: A level gap this large (in O*NET level points, scale 0-7) counts as a full gap.
FULL_GAP = 3.0
#: How much a level above what the target needs counts, against one it lacks.
EXCESS_SHARE = 0.5


@dataclass(frozen=True)
class Component:
    """One component of a score: its value, weight and what it adds."""

    key: str
    label: str
    means: str
    weight: float  # the share of the score it carries for this pair (0 when left out)
    value: float | None  # None: no data on one side, left out
    contribution: float  # weight * value


@dataclass(frozen=True)
class Score:
    from_soc: str
    to_soc: str
    value: float
    components: tuple[Component, ...]

    def component(self, key: str) -> Component:
        return next(c for c in self.components if c.key == key)


def rarity(users: int, total: int) -> float:
    """The weight of a software product or tool that ``users`` of ``total`` occupations use."""
    return math.log((total + 1) / (users + 1))


class _Sparse:
    """A set-valued feature (DWAs, IWAs, software, tools) of every occupation, both ways.

    ``held`` rows list the features each occupation has; ``weights`` columns hold, per
    feature, the occupations that have it and their normalised weight (the feature's share
    of that occupation's total).
    """

    def __init__(self, rows: list[dict[Any, float]], scale: Mapping[Any, float] | None) -> None:
        n = len(rows)
        vocab: dict[Any, int] = {}
        for row in rows:
            for key in row:
                vocab.setdefault(key, len(vocab))
        self.vocab = vocab
        held_ptr = [0]
        held_idx: list[int] = []
        by_col: list[list[tuple[int, float]]] = [[] for _ in vocab]
        for i, row in enumerate(rows):
            weights = {
                k: w * (scale.get(k, 0.0) if scale is not None else 1.0) for k, w in row.items()
            }
            total = sum(weights.values())
            for key, w in weights.items():
                j = vocab[key]
                held_idx.append(j)
                by_col[j].append((i, w / total if total > 0 else 0.0))
            held_ptr.append(len(held_idx))
        self.held_ptr = np.array(held_ptr, dtype=np.int64)
        self.held_idx = np.array(held_idx, dtype=np.int32)
        col_ptr = [0]
        col_rows: list[int] = []
        col_vals: list[float] = []
        for postings in by_col:
            col_rows += [i for i, _ in postings]
            col_vals += [w for _, w in postings]
            col_ptr.append(len(col_rows))
        self.col_ptr = np.array(col_ptr, dtype=np.int64)
        self.col_rows = np.array(col_rows, dtype=np.int32)
        self.col_vals = np.array(col_vals, dtype=np.float64)
        self.has = np.array([bool(r) for r in rows])
        self.n = n

    def keys(self) -> list[Any]:
        """The features by column number."""
        if not hasattr(self, "_keys"):
            self._keys = list(self.vocab)
        return self._keys

    def shared(self, f: int, t: int) -> list[Any]:
        """Features both ``f`` and ``t`` hold, the heaviest for ``t`` first."""
        mine = set(self._features(f).tolist())
        theirs = self._features(t).tolist()
        weight = {}
        for j in theirs:
            s, e = self.col_ptr[j], self.col_ptr[j + 1]
            rows = self.col_rows[s:e]
            weight[j] = float(self.col_vals[s:e][rows == t].sum())
        keys = self.keys()
        return [keys[j] for j in sorted(set(theirs) & mine, key=lambda j: (-weight[j], j))]

    def _features(self, i: int) -> NDArray[np.int32]:
        return self.held_idx[self.held_ptr[i] : self.held_ptr[i + 1]]

    def covered_by(self, f: int) -> Array:
        """For every occupation t: the share of t's weight on features that ``f`` holds."""
        cols = self._features(f)
        if not len(cols):
            return np.zeros(self.n)
        starts, ends = self.col_ptr[cols], self.col_ptr[cols + 1]
        rows = np.concatenate([self.col_rows[s:e] for s, e in zip(starts, ends, strict=True)])
        vals = np.concatenate([self.col_vals[s:e] for s, e in zip(starts, ends, strict=True)])
        out: Array = np.bincount(rows, weights=vals, minlength=self.n).astype(np.float64)
        return out

    def covering(self, t: int) -> Array:
        """For every occupation f: the share of ``t``'s weight on features that f holds."""
        cols = self._features(t)
        out = np.zeros(self.n)
        for j in cols.tolist():
            s, e = self.col_ptr[j], self.col_ptr[j + 1]
            rows = self.col_rows[s:e]
            mine = self.col_vals[s:e][rows == t]
            if len(mine):
                out[rows] += mine[0]
        return out


def _centred(values: Array) -> Array:
    """Rows centred and scaled to unit length: their dot products are correlations."""
    x = values - values.mean(axis=1, keepdims=True)
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    norm[norm == 0] = 1.0
    out: Array = x / norm
    return out


class _Rated:
    """Importance and level of every skill (or knowledge area) of every occupation."""

    def __init__(self, ratings: list[dict[str, Any]]) -> None:
        elements = sorted({e for r in ratings for e in r})
        self.elements = elements
        n, m = len(ratings), len(elements)
        self.importance = np.zeros((n, m))
        self.level = np.zeros((n, m))
        for i, r in enumerate(ratings):
            for j, e in enumerate(elements):
                if e in r:
                    self.importance[i, j] = r[e].importance
                    self.level[i, j] = r[e].level
        self.has = np.array([bool(r) for r in ratings])
        self.profile = _centred(self.importance)
        self.weight = np.clip(self.importance - 1.0, 0.0, None)

    def alike(self, i: int) -> Array:
        """Correlation of ``i``'s importance profile with every other, from 0."""
        out: Array = np.clip(self.profile @ self.profile[i], 0.0, 1.0)
        return out

    def level_match(self, f: int, t: int | None = None) -> Array:
        """1 - weighted mean level gap of the move f -> t, for every t (or every f if
        ``t`` is given and ``f`` is None-like: see ``SimilarityIndex``)."""
        if t is None:  # from f to every occupation
            d = self.level - self.level[f]
            w = np.maximum(self.weight, self.weight[f])
        else:  # from every occupation to t
            d = self.level[t] - self.level
            w = np.maximum(self.weight, self.weight[t])
        gap = np.clip((np.maximum(d, 0) + EXCESS_SHARE * np.maximum(-d, 0)) / FULL_GAP, 0, 1)
        total = w.sum(axis=1)
        total[total == 0] = 1.0
        out: Array = 1.0 - (w * gap).sum(axis=1) / total
        return out


class SimilarityIndex:
    """Every occupation's records as arrays; scores one occupation against all at once."""

    def __init__(
        self,
        profiles: Iterable[Profile],
        software_users: Mapping[str, int] | None = None,
        tool_users: Mapping[int, int] | None = None,
        occupations: int | None = None,
        dwa_iwa: Mapping[str, str] | None = None,
    ) -> None:
        """``software_users`` / ``tool_users`` / ``occupations``: release-wide counts for the
        rarity weights; default: counted over ``profiles`` (the whole release)."""
        plist = sorted(profiles, key=lambda p: p.soc)
        self.socs = [p.soc for p in plist]
        self.titles = {p.soc: p.title for p in plist}
        self.row = {s: i for i, s in enumerate(self.socs)}
        self.release = plist[0].release if plist else ""
        total = occupations if occupations is not None else len(plist)
        if software_users is None:
            counts: dict[str, int] = {}
            for p in plist:
                for k in p.software:
                    counts[k] = counts.get(k, 0) + 1
            software_users = counts
        if tool_users is None:
            tcounts: dict[int, int] = {}
            for p in plist:
                for c in p.tools:
                    tcounts[c] = tcounts.get(c, 0) + 1
            tool_users = tcounts
        self.tool_titles = {c: t.title for p in plist for c, t in p.tools.items()}
        self.software_rarity = {k: rarity(n, total) for k, n in software_users.items()}
        self.tool_rarity = {k: rarity(n, total) for k, n in tool_users.items()}
        iwa_of = dwa_iwa or {}
        iwas: list[dict[str, float]] = []
        for p in plist:
            row: dict[str, float] = {}
            for d, w in p.dwas.items():
                if d in iwa_of:
                    row[iwa_of[d]] = row.get(iwa_of[d], 0.0) + w
            iwas.append(row)
        self.sets = {
            "tasks": _Sparse([dict(p.dwas) for p in plist], None),
            "activities": _Sparse(iwas, None),
            "software": _Sparse(
                [dict.fromkeys(p.software, 1.0) for p in plist], self.software_rarity
            ),
            "tools": _Sparse([dict.fromkeys(p.tools, 1.0) for p in plist], self.tool_rarity),
        }
        self.knowledge = _Rated([p.knowledge for p in plist])
        self.skills = _Rated([p.skills for p in plist])
        styles = sorted({e for p in plist for e in p.work_styles})
        ws = np.array([[p.work_styles.get(e, 0.0) for e in styles] for p in plist]).reshape(
            len(plist), len(styles)
        )
        self.styles_has = np.array([bool(p.work_styles) for p in plist])
        self.styles = _centred(ws) if len(styles) else ws
        self.zone = np.array([p.job_zone or 0 for p in plist], dtype=np.float64)

    def __len__(self) -> int:
        return len(self.socs)

    def _row(self, soc: str) -> int:
        if soc not in self.row:
            raise KeyError(soc)
        return self.row[soc]

    def _values(self, i: int, outward: bool) -> dict[str, tuple[Array, NDArray[np.bool_]]]:
        """Each component's value for every pair (i -> t) if ``outward`` else (f -> i), with
        where it has data."""
        n = len(self.socs)
        out: dict[str, tuple[Array, NDArray[np.bool_]]] = {}
        for key, sparse in self.sets.items():
            values = sparse.covered_by(i) if outward else sparse.covering(i)
            # A set the target lacks says nothing about the move; one the origin lacks is 0.
            target_has = sparse.has if outward else np.full(n, sparse.has[i])
            out[key] = (values, target_has)
        for key, rated in (("knowledge", self.knowledge), ("skill", self.skills)):
            both = rated.has & rated.has[i]
            level = rated.level_match(i) if outward else rated.level_match(0, t=i)
            out[f"{key}_levels"] = (level, both)
            if key == "knowledge":
                out["knowledge_areas"] = (rated.alike(i), both)
        both = self.styles_has & self.styles_has[i]
        out["work_styles"] = (np.clip(self.styles @ self.styles[i], 0.0, 1.0), both)
        zone_known = (self.zone > 0) & (self.zone[i] > 0)
        out["job_zone"] = (1.0 - np.abs(self.zone - self.zone[i]) / 4.0, zone_known)
        return out

    def _combine(
        self,
        values: dict[str, tuple[Array, NDArray[np.bool_]]],
        weights_by_key: Mapping[str, float] | None = None,
    ) -> tuple[Array, Array]:
        n = len(self.socs)
        total, weights = np.zeros(n), np.zeros(n)
        for spec in COMPONENTS:
            w = spec.weight if weights_by_key is None else weights_by_key.get(spec.key, 0.0)
            if not w:
                continue
            v, ok = values[spec.key]
            total += np.where(ok, v, 0.0) * w
            weights += ok * w
        safe = np.where(weights > 0, weights, 1.0)
        return total / safe, weights

    def scores_from(self, soc: str, weights: Mapping[str, float] | None = None) -> Array:
        """The score of the move from ``soc`` to every occupation (itself included).

        ``weights`` (component key -> weight) replaces ``COMPONENTS``' weights: the bench
        tunes and ablates with it."""
        score, _ = self._combine(self._values(self._row(soc), outward=True), weights)
        return score

    def component_values(self, soc: str) -> dict[str, tuple[Array, NDArray[np.bool_]]]:
        """Each component's values of the moves from ``soc`` to all, with where it has data."""
        return self._values(self._row(soc), outward=True)

    def combine(
        self,
        values: dict[str, tuple[Array, NDArray[np.bool_]]],
        weights: Mapping[str, float] | None = None,
    ) -> Array:
        """The scores from ``component_values`` under ``weights`` (default: COMPONENTS)."""
        return self._combine(values, weights)[0]

    def scores_into(self, soc: str) -> Array:
        """The score of the move from every occupation to ``soc``."""
        score, _ = self._combine(self._values(self._row(soc), outward=False))
        return score

    def score(self, from_soc: str, to_soc: str) -> Score:
        """The score of one move with each component's weight, value and contribution."""
        f, t = self._row(from_soc), self._row(to_soc)
        values = self._values(f, outward=True)
        present = sum(spec.weight for spec in COMPONENTS if values[spec.key][1][t])
        parts = []
        for spec in COMPONENTS:
            v, ok = values[spec.key]
            share = spec.weight / present if ok[t] and present else 0.0
            value = round(float(v[t]), 4) if ok[t] else None
            parts.append(
                Component(
                    key=spec.key,
                    label=spec.label,
                    means=spec.means,
                    weight=round(share, 4),
                    value=value,
                    contribution=round(share * float(v[t]), 4) if ok[t] else 0.0,
                )
            )
        score, _ = self._combine(values)
        return Score(from_soc, to_soc, round(float(score[t]), 4), tuple(parts))
