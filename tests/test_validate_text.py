"""Shared text checks: plain answers about one statement's text."""

from __future__ import annotations

import pytest

from skillsx.validate.text import (
    dangling_word,
    doubled_word,
    ends_with_one_period,
    has_one_spaced_dash,
    seam,
    words,
)


def test_words() -> None:
    assert words("Patient's care — record 2 follow-up notes/charts.") == [
        "Patient's",
        "care",
        "record",
        "2",
        "follow-up",
        "notes/charts",
    ]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Records — keep them.", True),
        ("Records—keep them.", False),
        ("Records — keep — them.", False),
        ("Records - keep them.", False),
    ],
)
def test_has_one_spaced_dash(text: str, ok: bool) -> None:
    assert has_one_spaced_dash(text) is ok


@pytest.mark.parametrize(("text", "ok"), [("Done.", True), ("Done", False), ("Done..", False)])
def test_ends_with_one_period(text: str, ok: bool) -> None:
    assert ends_with_one_period(text) is ok


def test_doubled_word() -> None:
    assert doubled_word("check the The records") == "the"
    assert doubled_word("lift 20 20 kg loads") is None
    assert doubled_word("check the records", ["check", "check"]) == "check"


@pytest.mark.parametrize(
    ("part", "last"),
    [
        ("report gaps to", "to"),
        ("report gaps,", "gaps"),
        ("report gaps", None),
        ("report gaps (daily)", None),
        ("", ""),
    ],
)
def test_dangling_word(part: str, last: str | None) -> None:
    assert dangling_word(part) == last


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Records — keep them current.", None),
        ("Records — keep n/a current.", "n/a"),
        ("Records — keep ( ) current.", "( )"),
        ("Records — keep  them current.", "  "),
        ("Records — keep them , current.", " ,"),
        ("Records — keep {obj} current.", "{"),
        ("Records — keep them current .", " ."),
        ("Records — keep them,, current.", ",,"),
        ("Records — keep the 2.5 kg set (daily).", None),
    ],
)
def test_seam(text: str, found: str | None) -> None:
    assert seam(text) == found


def test_form_findings_names_each_shared_check() -> None:
    from skillsx.validate.text import form_findings

    good = "Price schedules — apply them to routine quotes under direct guidance."
    parts = (
        ("subject", "Price schedules"),
        ("action", "apply them to routine quotes under direct guidance."),
    )
    assert form_findings(good, parts, (5, 24), (20, 260)) == []
    bad = "Price schedules of — apply the the quotes ,"
    found = {
        check
        for check, _ in form_findings(
            bad,
            (("subject", "Price schedules of"), ("action", "apply the the quotes ,")),
            (13, 24),
            (60, 260),
        )
    }
    assert found == {"period", "words", "chars", "doubled", "dangling", "seam"}
