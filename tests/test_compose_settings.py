"""How a statement names a tool or a technology (skillsx.compose.settings)."""

from __future__ import annotations

import pytest

from skillsx.compose.settings import tech_phrase, tool_phrase
from skillsx.models import Technology, Tool


@pytest.mark.parametrize(
    ("example", "phrase"),
    [
        ("Programmable logic controllers PLC", "using programmable logic controllers (PLC)"),
        (
            "Global positioning system GPS receivers",
            "using global positioning system (GPS) receivers",
        ),
        ("Wirefeed welders", "using wirefeed welders"),  # O*NET's sentence case
        ("Swan Ganz artery catheters", "using Swan Ganz artery catheters"),  # a name
    ],
)
def test_tool_phrase(example: str, phrase: str) -> None:
    # A long example gives way to the commodity title: the same text here.
    assert tool_phrase(Tool(commodity_code=1, commodity_title=example, example=example)) == phrase


@pytest.mark.parametrize(
    ("example", "phrase"),
    [
        ("Structured query language SQL", "using structured query language (SQL)"),
        ("Microsoft Visual Basic VB", "using Microsoft Visual Basic VB"),  # a product name
        ("Salesforce", "using Salesforce"),
    ],
)
def test_tech_phrase(example: str, phrase: str) -> None:
    tech = Technology(
        commodity_code=1, commodity_title="Software", example=example, hot=False, in_demand=False
    )
    assert tech_phrase(tech) == phrase
