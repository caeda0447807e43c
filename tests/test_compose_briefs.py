"""Hand-made briefs for the composer and validator tests (no store needed)."""

from __future__ import annotations

from skillsx.models import Brief, Dwa, Task, Technology, Tool


def make_brief(
    tasks: list[tuple[int, str, list[tuple[str, str]]]], soc: str = "99-0001.00"
) -> Brief:
    """A brief with the given tasks: (id, text, [(dwa_id, dwa_title)])."""
    return Brief(
        soc=soc,
        title="Test Workers",
        description="Do test work in workshops.",
        release="30.1",
        group_code="99-0000",
        group_name="Test",
        job_zone=None,
        has_task_data=True,
        tasks=[
            Task(
                id=tid,
                text=text,
                type="Core",
                dwas=[
                    Dwa(id=d, title=t, iwa_id=d[:-4], iwa_title="x", element_id=d[:9])
                    for d, t in dwas
                ],
            )
            for tid, text, dwas in tasks
        ],
        knowledge=[],
        skills=[],
        technology=[
            Technology(
                commodity_code=43232306,
                commodity_title="Data base user interface and query software",
                example="Microsoft Access",
                hot=True,
                in_demand=False,
            )
        ],
        tools=[Tool(commodity_code=23171500, commodity_title="Welder", example="Arc welders")],
        work_styles=[],
        interests=[],
        related=[],
        alternate_titles=[],
        reported_titles=[],
        cip=[],
        education=None,
    )


SMALL = make_brief(
    [
        (
            1,
            "Resolve customer complaints regarding sales and service.",
            [("4.A.4.a.3.I01.D01", "Resolve customer complaints or problems.")],
        ),
        (
            2,
            "Determine price schedules and discount rates.",
            [("4.A.2.b.1.I05.D02", "Determine pricing or monetary policies.")],
        ),
        (
            3,
            "Prepare budgets and approve budget expenditures.",
            [("4.A.4.b.4.I09.D01", "Prepare operational budgets.")],
        ),
        (
            4,
            "Maintain records of welds and inspections.",
            [("4.A.3.b.6.I01.D03", "Record operational or production data.")],
        ),
    ]
)


def test_small_brief_is_well_formed():
    assert [t.id for t in SMALL.tasks] == [1, 2, 3, 4]
    assert all(t.type == "Core" and len(t.dwas) == 1 for t in SMALL.tasks)
