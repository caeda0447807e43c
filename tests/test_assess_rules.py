"""The level rule: 80% rounded up per level, every lower level reached; per theme the same."""

from __future__ import annotations

import pytest

from skillsx.assess import RULE, THEME_RULE, RatedStatement, derive_levels, required
from skillsx.assess.rules import standing

LEVELS = ("emerging", "developing", "proficient", "advanced")


def _framework(ratings: dict[str, list[str | None]], theme_of=None) -> list[RatedStatement]:
    """Rated statements: ratings[level] lists each statement's rating in order."""
    out = []
    for level in LEVELS:
        for order, rating in enumerate(ratings.get(level, []), start=1):
            theme = theme_of(level, order) if theme_of else "T01"
            out.append(
                RatedStatement(
                    id=f"{level}:{order}",
                    level=level,
                    order=order,
                    theme=theme,
                    theme_label=f"Theme {theme}",
                    text=f"{level} statement {order}",
                    anchors=(f"task:{order}",),
                    hash=f"{level}{order}",
                    rating=rating,
                )
            )
    return out


def _all(rating: str | None, n: int = 10) -> list[str | None]:
    return [rating] * n


@pytest.mark.parametrize(
    ("statements", "needed"),
    [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 5), (7, 6), (9, 8), (10, 8), (20, 16)],
)
def test_required_is_80_percent_rounded_up(statements: int, needed: int) -> None:
    assert required(statements) == needed


def test_eight_of_ten_reach_a_level_seven_do_not() -> None:
    eight = ["independently"] * 8 + ["with_help", "not_yet"]
    seven = ["can_teach"] * 7 + ["with_help"] * 3
    assert derive_levels(_framework({"emerging": eight})).overall.level == "emerging"
    result = derive_levels(_framework({"emerging": seven})).overall
    assert result.level is None
    assert result.label == "Not yet at Emerging"
    assert result.levels[0].to_go == 1
    assert result.next is not None and result.next.level == "emerging"


def test_with_help_and_unrated_count_as_not_yet() -> None:
    ratings = ["independently"] * 7 + ["with_help", None, "not_yet"]
    result = derive_levels(_framework({"emerging": ratings}))
    assert result.overall.levels[0].held == 7
    assert result.rated == 9
    assert result.total == 10
    assert result.counts == {"independently": 7, "with_help": 1, "unrated": 1, "not_yet": 1}


def test_a_higher_level_met_over_a_missing_lower_one_is_not_reached() -> None:
    statements = _framework(
        {
            "emerging": _all("independently"),
            "developing": _all("not_yet"),
            "proficient": _all("can_teach"),
            "advanced": _all("can_teach"),
        }
    )
    overall = derive_levels(statements).overall
    assert overall.level == "emerging"
    assert [(t.met, t.reached) for t in overall.levels] == [
        (True, True),
        (False, False),
        (True, False),
        (True, False),
    ]
    assert overall.next is not None and overall.next.level == "developing"


def test_all_levels_held_reach_advanced_and_nothing_is_next() -> None:
    statements = _framework({level: _all("can_teach") for level in LEVELS})
    overall = derive_levels(statements).overall
    assert overall.level == "advanced"
    assert overall.label == "Advanced"
    assert overall.next is None


def test_nothing_rated_gives_no_level() -> None:
    result = derive_levels(_framework({level: _all(None) for level in LEVELS}))
    assert result.overall.level is None
    assert result.rated == 0
    assert [t.required for t in result.overall.levels] == [8, 8, 8, 8]


def test_themes_skip_levels_without_their_statements() -> None:
    # T01: emerging 1-2 and advanced 1; T02: starts at proficient (1-3); the rest T03.
    def theme_of(level: str, order: int) -> str:
        if (level == "emerging" and order <= 2) or (level == "advanced" and order == 1):
            return "T01"
        if level == "proficient" and order <= 3:
            return "T02"
        return "T03"

    ratings = {
        "emerging": ["independently", "can_teach", *_all("not_yet", 8)],
        "developing": _all("not_yet"),
        "proficient": ["independently", "independently", "independently", *_all(None, 7)],
        "advanced": ["can_teach", *_all(None, 9)],
    }
    themes = {t.theme: t.standing for t in derive_levels(_framework(ratings, theme_of)).themes}
    # T01 has nothing at developing or proficient: judged on emerging, then advanced.
    assert themes["T01"].level == "advanced"
    assert [t.statements for t in themes["T01"].levels] == [2, 0, 0, 1]
    # T02 starts at proficient: 3 of 3 held reaches it with no lower level to reach.
    assert themes["T02"].level == "proficient"
    assert themes["T02"].levels[0].reached is False and themes["T02"].levels[2].reached
    assert themes["T03"].level is None
    assert themes["T03"].label == "Not yet at Emerging"
    # Overall, emerging has only 2 of 10 held.
    assert derive_levels(_framework(ratings, theme_of)).overall.level is None


def test_a_theme_cell_of_one_to_four_statements_needs_all_of_them() -> None:
    three_of_four = ["can_teach", "can_teach", "independently", "with_help"]
    result = standing(("emerging", r in ("can_teach", "independently")) for r in three_of_four)
    assert result.level is None
    assert result.levels[0].required == 4
    five = [*three_of_four, "independently"]
    result = standing(("emerging", r in ("can_teach", "independently")) for r in five)
    assert result.level == "emerging"  # 4 of 5 = 80%


def test_a_theme_missing_a_middle_rung_still_needs_the_rungs_it_has() -> None:
    flags = [("emerging", False), ("proficient", True)]
    result = standing(flags)
    assert result.level is None
    assert standing([("developing", False)]).label == "Not yet at Developing"
    assert result.levels[2].met and not result.levels[2].reached


def test_the_rules_are_stated_in_words() -> None:
    assert "8 of 10" in RULE and "every lower level" in RULE and "Unrated" in RULE
    assert "skipped" in THEME_RULE and "1 to 4" in THEME_RULE
