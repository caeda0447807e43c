"""SOC major group names agree with the BLS file in ../shared/data."""

from __future__ import annotations

import csv

from skillsx.store.groups import MAJOR_GROUPS, group_name

from .conftest import DATA


def test_major_groups_match_bls() -> None:
    path = DATA / "crosswalks" / "soc_2018" / "soc_2018_major_groups.csv"
    with path.open(encoding="utf-8-sig") as fh:
        rows = {
            r["SOC Major Group Code"][:2]: r["SOC Major Group Title"] for r in csv.DictReader(fh)
        }
    assert rows == MAJOR_GROUPS


def test_short_names() -> None:
    assert group_name("41") == "Sales & Related"
    assert group_name("27") == "Arts, Design, Entertainment, Sports & Media"
    assert group_name("29") == "Healthcare Practitioners & Technical"
    assert group_name("99") == "Group 99"
