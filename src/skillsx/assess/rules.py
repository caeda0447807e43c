"""The level rule: which level a set of held statements reaches, overall and per theme.

A level is reached when at least 80% of its statements, rounded up, are held (rated
"independently" or "can teach it"): 8 of a level's 10. Every lower level must be reached too,
so ten Advanced statements held over an unmet Emerging level give no level at all: the
framework is a ladder, and the result says which rung is missing.

Per theme the same rule runs over that theme's statements at each level. Most themes have
one or two statements at a level (in the 923 frameworks built from O*NET 30.1, 16,667 of the 23,887
theme-level cells hold one statement), so there 80% rounded up means all of them. Levels
where a theme has no statement are skipped: a theme that starts at Proficient is judged
from Proficient.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skillsx.assess.ratings import LEVELS, RatedStatement
from skillsx.models import Level

#: Share of a level's statements that must be held, as a fraction (numerator, denominator).
SHARE = (4, 5)
RULE = (
    "A level is reached when at least 80% of its statements, rounded up (8 of 10), are rated "
    "“independently” or “can teach it”, and every lower level is reached. Unrated statements "
    "count as not yet."
)
THEME_RULE = (
    "Per theme, the same rule over that theme's statements at each level: at least 80% of "
    "them, rounded up (so all of them where the theme has 1 to 4 statements at a level); "
    "levels where the theme has no statement are skipped."
)
NO_LEVEL = "Not yet at {level}"


def required(statements: int) -> int:
    """How many of a level's ``statements`` must be held: 80%, rounded up (0 of 0)."""
    num, den = SHARE
    return (num * statements + den - 1) // den


@dataclass(frozen=True)
class LevelTally:
    """One level of one scope (the whole framework or a theme)."""

    level: str
    statements: int
    held: int
    required: int
    met: bool  # enough of this level's statements are held
    reached: bool  # met, and every lower level with statements reached

    @property
    def label(self) -> str:
        return Level(self.level).label

    @property
    def to_go(self) -> int:
        return max(0, self.required - self.held)


@dataclass(frozen=True)
class Standing:
    """The level reached over some statements, with the tally behind it."""

    level: str | None  # the highest level reached; None below Emerging
    levels: list[LevelTally]

    @property
    def label(self) -> str:
        """The level reached, or "Not yet at" the first level with statements."""
        if self.level:
            return Level(self.level).label
        first = next((t for t in self.levels if t.statements), None)
        return NO_LEVEL.format(level=first.label if first else Level.EMERGING.label)

    @property
    def next(self) -> LevelTally | None:
        """The first level with statements not reached (what to work on next)."""
        return next((t for t in self.levels if t.statements and not t.reached), None)


def standing(flags: Iterable[tuple[str, bool]]) -> Standing:
    """Apply the rule to (level, held?) pairs, one per statement."""
    counts = {level: [0, 0] for level in LEVELS}
    for level, is_held in flags:
        counts[level][0] += 1
        counts[level][1] += int(is_held)
    tallies, below_ok, top = [], True, None
    for level in LEVELS:
        n, held = counts[level]
        need = required(n)
        met = n > 0 and held >= need
        reached = below_ok and met
        if n:
            below_ok = reached
            if reached:
                top = level
        tallies.append(LevelTally(level, n, held, need, met, reached))
    return Standing(top, tallies)


@dataclass(frozen=True)
class ThemeStanding:
    theme: str
    label: str
    standing: Standing


@dataclass(frozen=True)
class Result:
    overall: Standing
    themes: list[ThemeStanding]
    rated: int
    total: int
    counts: dict[str, int]  # rating → statements ("unrated" for none)


def derive_levels(statements: list[RatedStatement]) -> Result:
    """The level overall and per theme (themes in the order they first appear)."""
    themes: dict[str, list[RatedStatement]] = {}
    for s in statements:
        themes.setdefault(s.theme, []).append(s)
    counts: dict[str, int] = {}
    for s in statements:
        key = s.rating or "unrated"
        counts[key] = counts.get(key, 0) + 1
    return Result(
        overall=standing((s.level, s.held) for s in statements),
        themes=[
            ThemeStanding(theme, items[0].theme_label, standing((s.level, s.held) for s in items))
            for theme, items in themes.items()
        ],
        rated=sum(s.rating is not None for s in statements),
        total=len(statements),
        counts=counts,
    )
