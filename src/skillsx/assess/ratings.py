"""Ratings of a framework's statements, and how a saved snapshot compares with a rebuild.

An assessment keeps a snapshot of every statement it was made against (id, level, theme,
text, anchors and a hash of text and anchors), so its levels never change when the site is
rebuilt, and a revisit can say which ratings still refer to the statement on the page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from skillsx.errors import SkillsxError
from skillsx.models import Level

#: The four answers, lowest first, and how the site writes them.
RATINGS = ("not_yet", "with_help", "independently", "can_teach")
RATING_LABELS = {
    "not_yet": "Not yet",
    "with_help": "With help",
    "independently": "Independently",
    "can_teach": "Can teach it",
}
#: Ratings that count towards a level (and whose anchors a move can build on).
HELD = frozenset({"independently", "can_teach"})
LEVELS = tuple(level.value for level in Level)
#: A statement's id within one framework: its level and its place in that level.
STATEMENT_ID = re.compile(r"^(emerging|developing|proficient|advanced):([1-9]\d?)$")
#: The most ratings one assessment can carry (frameworks have 40 statements).
MAX_RATINGS = 200


@dataclass(frozen=True)
class RatedStatement:
    """One statement of the framework as it was when rated, with its rating (None: unrated)."""

    id: str  # "emerging:3"
    level: str
    order: int
    theme: str
    theme_label: str
    text: str
    anchors: tuple[str, ...]  # "kind:id", e.g. "dwa:4.A.2.b.1.I01.D07"
    hash: str
    rating: str | None = None

    @property
    def held(self) -> bool:
        return self.rating in HELD

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "order": self.order,
            "theme": self.theme,
            "theme_label": self.theme_label,
            "text": self.text,
            "anchors": list(self.anchors),
            "hash": self.hash,
            "rating": self.rating,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RatedStatement:
        return cls(
            id=str(data["id"]),
            level=str(data["level"]),
            order=int(data["order"]),
            theme=str(data["theme"]),
            theme_label=str(data["theme_label"]),
            text=str(data["text"]),
            anchors=tuple(str(a) for a in data["anchors"]),
            hash=str(data["hash"]),
            rating=None if data.get("rating") is None else str(data["rating"]),
        )


def statement_id(level: str, order: int) -> str:
    return f"{level}:{order}"


def anchor_key(anchor: Mapping[str, Any]) -> str:
    return f"{anchor['kind']}:{anchor['id']}"


def statement_hash(text: str, anchors: Iterable[str]) -> str:
    """A digest of what a rating refers to: the statement's words and the records it cites."""
    raw = text + "\n" + "\n".join(sorted(anchors))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def snapshot(framework: Mapping[str, Any]) -> list[RatedStatement]:
    """Every statement of a framework (a stored page's ``framework``), unrated, level by level."""
    labels = {t["id"]: t["label"] for t in framework.get("themes", [])}
    rank = {level: i for i, level in enumerate(LEVELS)}
    out = []
    for s in sorted(framework["statements"], key=lambda s: (rank[s["level"]], s["order"])):
        text = f"{s['subject']} — {s['action']}"
        anchors = tuple(anchor_key(a) for a in s["anchors"])
        out.append(
            RatedStatement(
                id=statement_id(s["level"], s["order"]),
                level=s["level"],
                order=int(s["order"]),
                theme=s["theme"],
                theme_label=labels.get(s["theme"], s["theme"]),
                text=text,
                anchors=anchors,
                hash=statement_hash(text, anchors),
            )
        )
    return out


def rate(framework: Mapping[str, Any], ratings: Mapping[str, str]) -> list[RatedStatement]:
    """The framework's statements with these ratings (statement id → rating; others unrated).

    Refuses, naming the field, an id the framework does not have or an unknown rating.
    """
    if len(ratings) > MAX_RATINGS:
        raise SkillsxError(
            f"ratings: {len(ratings)} given, at most {MAX_RATINGS}; "
            "send one rating per statement of the framework."
        )
    statements = snapshot(framework)
    known = {s.id for s in statements}
    for key, value in ratings.items():
        if key not in known:
            shown = key[:40]
            raise SkillsxError(
                f'ratings["{shown}"]: the framework has no such statement; ids are a level and '
                f'its number, from "emerging:1" to "advanced:{_last(statements)}".'
            )
        if value not in RATINGS:
            raise SkillsxError(
                f'ratings["{key}"]: "{str(value)[:40]}" is not a rating; use one of: '
                + ", ".join(RATINGS)
                + "."
            )
    return [replace(s, rating=ratings.get(s.id)) for s in statements]


def _last(statements: list[RatedStatement]) -> int:
    return max((s.order for s in statements if s.level == LEVELS[-1]), default=10)


def ratings_of(statements: Iterable[RatedStatement]) -> dict[str, str]:
    """statement id → rating, for the rated statements."""
    return {s.id: s.rating for s in statements if s.rating is not None}


def held_anchors(statements: Iterable[RatedStatement]) -> set[str]:
    """The anchors ("kind:id") of every statement rated independently or can teach it."""
    return {a for s in statements if s.held for a in s.anchors}


# ---------------------------------------------------------------- revisiting after a rebuild


@dataclass(frozen=True)
class Revisit:
    """How saved ratings line up with the framework on the site now.

    ``carried`` maps the current framework's statement ids to the saved rating that still
    applies: the same statement (same words, same records) at the same place or moved.
    """

    same: int  # rated statements unchanged at the same place
    moved: list[tuple[str, str]]  # (saved id, current id): unchanged statement, new place
    changed: list[dict[str, Any]]  # rated statements whose place now holds other words
    gone: list[dict[str, Any]]  # rated statements that are no longer in the framework
    unrated_now: int  # current statements no saved rating applies to
    carried: dict[str, str]

    @property
    def rated(self) -> int:
        return self.same + len(self.moved) + len(self.changed) + len(self.gone)

    @property
    def matching(self) -> int:
        return self.same + len(self.moved)


def revisit(saved: list[RatedStatement], current: list[RatedStatement]) -> Revisit:
    """Compare saved, rated statements with the current framework's (``snapshot``)."""
    by_id = {s.id: s for s in current}
    by_hash: dict[str, list[RatedStatement]] = {}
    for s in current:
        by_hash.setdefault(s.hash, []).append(s)
    carried: dict[str, str] = {}
    same, moved, changed, gone = 0, [], [], []
    rated = [s for s in saved if s.rating is not None]
    # Same place first, so a statement that stayed put is never claimed by a moved one.
    for s in rated:
        now = by_id.get(s.id)
        if now is not None and now.hash == s.hash:
            carried[s.id] = s.rating  # type: ignore[assignment]
            same += 1
    for s in rated:
        if s.id in carried and by_id[s.id].hash == s.hash:
            continue
        twin = next((c for c in by_hash.get(s.hash, []) if c.id not in carried), None)
        if twin is not None:
            carried[twin.id] = s.rating  # type: ignore[assignment]
            moved.append((s.id, twin.id))
            continue
        old = {"id": s.id, "text": s.text, "rating": s.rating}
        if s.id in by_id:
            changed.append({**old, "now": by_id[s.id].text})
        else:
            gone.append(old)
    return Revisit(
        same=same,
        moved=moved,
        changed=changed,
        gone=gone,
        unrated_now=len(current) - len(carried),
        carried=carried,
    )
