from skillsx.compose.themes import THEME_COUNT, plan_themes
from tests.test_compose_briefs import SMALL, make_brief


def test_small_brief_gets_ten_themes_from_tasks_dwas_and_technology():
    themes = plan_themes(SMALL)
    assert len(themes) == THEME_COUNT
    assert [t.id for t in themes][:3] == ["T01", "T02", "T03"]
    # Task themes come first, in the brief's order; extra themes follow.
    assert themes[0].label == "Customer complaints about sales and service"
    assert themes[1].label == "Price schedules and discount rates"
    kinds = {f.kind for t in themes for f in t.facets}
    assert {"task", "dwa", "technology"} <= kinds


def test_tasks_sharing_a_dwa_cluster_together():
    dwa = ("4.A.4.a.3.I01.D01", "Resolve customer complaints or problems.")
    tasks = [
        (
            i,
            f"Inspect widget part {i} for cracks.",
            [(f"4.A.2.a.1.I0{i % 9}.D0{i % 9}", "Inspect products.")],
        )
        for i in range(1, 13)
    ]
    tasks.append((20, "Resolve customer complaints about widgets.", [dwa]))
    tasks.append((21, "Handle customer complaints about deliveries.", [dwa]))
    themes = plan_themes(make_brief(tasks))
    assert len(themes) == THEME_COUNT
    holder = [t for t in themes if any(a.id == "20" for a in t.anchors)]
    assert len(holder) == 1
    assert {"20", "21"} <= {a.id for a in holder[0].anchors if a.kind == "task"}


def test_theme_anchors_belong_to_the_brief():
    task_ids = {str(t.id) for t in SMALL.tasks}
    for theme in plan_themes(SMALL):
        for a in theme.anchors:
            assert a.release == "30.1"
            if a.kind == "task":
                assert a.id in task_ids
