"""AEI task usage matched to O*NET tasks, and the CIP–SOC crosswalk."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from skillsx.errors import IngestError, StoreError
from skillsx.ingest.evidence import load_aei, load_cip, normalise_task
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store import schema

from .conftest import AEI, CIP


def test_normalise_task() -> None:
    assert normalise_task("Answer customers’  questions, (prices).") == normalise_task(
        "answer customers' questions prices"
    )


def test_aei_matches_by_text_then_task_id(store: Engine) -> None:
    with store.connect() as conn:
        rows = conn.execute(
            select(schema.aei_task_usage).where(schema.aei_task_usage.c.soc == "41-3091.00")
        ).all()
    matched = {r.task_id: r for r in rows}
    # "Negotiate prices or terms of sales or service agreements." is an AEI task of
    # 41-3091.00 and, word for word, of 41-4012.00 (outside the fixture).
    assert sorted(matched) == [23233, 23235]
    assert (matched[23235].match, matched[23235].shared_by) == ("exact", 1)
    assert matched[23235].pct == pytest.approx(0.007687196258029211)
    # The AEI wrote "maintain customer records, using automated systems." with a comma.
    assert matched[23233].match == "normalised"
    assert {r.match for r in rows} <= {"exact", "normalised", "task_id"}


def test_aei_full_release_rates(empty_engine: Engine, release_dir: Path) -> None:
    load_release(empty_engine, read_release(release_dir))
    result = load_aei(empty_engine, AEI)
    # Rates are over all 3,514 AEI task texts; the fixture release holds few occupations.
    assert result.release == "2025-02-10" and result.aei_tasks == 3514
    assert result.exact + result.normalised + result.by_task_id + result.unmatched == 3514


def test_aei_needs_a_release(empty_engine: Engine) -> None:
    with pytest.raises(StoreError, match="No O\\*NET release is loaded"):
        load_aei(empty_engine, AEI)


def test_aei_bad_pct_is_refused_and_nothing_changes(store: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "release_2025_02_10"
    bad.mkdir()
    (bad / "onet_task_mappings.csv").write_text("task_name,pct\nsell things.,lots\n")
    (bad / "automation_vs_augmentation.csv").write_text("interaction_type,pct\nnone,1\n")
    with store.connect() as conn:
        before = conn.execute(select(schema.aei_task_usage)).all()
    with pytest.raises(IngestError) as info:
        load_aei(store, bad)
    assert (
        str(info.value) == 'onet_task_mappings.csv, line 2, column "pct": "lots" is not a number.'
    )
    with store.connect() as conn:
        assert conn.execute(select(schema.aei_task_usage)).all() == before


def test_cip_crosswalk(store: Engine, tmp_path: Path) -> None:
    with store.connect() as conn:
        codes = set(
            conn.scalars(
                select(schema.cip_soc.c.cip_code).where(schema.cip_soc.c.soc2018 == "11-2022")
            )
        )
    assert "52.1401" in codes
    bad = tmp_path / "CIP2020_SOC2018_Crosswalk.csv"
    bad.write_text("CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title\n52.14,Marketing,11-2022,X\n")
    with pytest.raises(IngestError) as info:
        load_cip(store, bad)
    assert str(info.value) == (
        'CIP2020_SOC2018_Crosswalk.csv, line 2, column "CIP2020Code": "52.14" is not a CIP code '
        'like "52.1401".'
    )
    assert CIP.exists()
