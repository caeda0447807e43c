"""Loading releases: one transaction, idempotent, side by side, unchanged on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from skillsx.ingest import load as load_module
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store import schema
from skillsx.store.queries import get_release, list_releases


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table)) or 0
            for name, table in schema.ONET_TABLES.items()
        }


def test_load_counts_and_files(empty_engine: Engine, release_dir: Path, extra_dir: Path) -> None:
    result = load_release(empty_engine, read_release(release_dir, [extra_dir]))
    assert result.changed and result.release == "30.1"
    c = counts(empty_engine)
    assert c["onet_occupations"] == 1016
    assert c["onet_dwa_reference"] == 2087
    # 41-3091.00 has 15 tasks, 11-2022.00 has 21; all fixture task rows are loaded.
    assert c["onet_task_statements"] == len(
        [ln for ln in (release_dir / "Task Statements.txt").read_text().splitlines()[1:] if ln]
    )
    with empty_engine.connect() as conn:
        release = get_release(conn)
    status = {f.name: (f.status, f.release) for f in release.files}
    assert status["Skills.txt"] == ("extra", "29.x")
    assert status["Work Context.txt"] == ("absent", "30.1")
    assert status["Task Statements.txt"] == ("loaded", "30.1")


def test_reingest_is_idempotent(empty_engine: Engine, release_dir: Path) -> None:
    data = read_release(release_dir)
    assert load_release(empty_engine, data).changed
    before = counts(empty_engine)
    again = load_release(empty_engine, read_release(release_dir))
    assert not again.changed
    assert counts(empty_engine) == before


def test_releases_side_by_side(empty_engine: Engine, release_dir: Path, tmp_path: Path) -> None:
    load_release(empty_engine, read_release(release_dir))
    older = tmp_path / "db_29_3_text"
    shutil.copytree(release_dir, older)
    (older / "Read Me.txt").write_text("O*NET 29.3 Database\r\nMay 2025 Release\r\n")
    load_release(empty_engine, read_release(older))
    with empty_engine.connect() as conn:
        names = [(r.name, r.current) for r in list_releases(conn)]
    assert names == [("30.1", False), ("29.3", True)]
    assert counts(empty_engine)["onet_occupations"] == 2 * 1016
    # Ingesting 30.1 again changes nothing but makes it current again.
    assert not load_release(empty_engine, read_release(release_dir)).changed
    with empty_engine.connect() as conn:
        assert get_release(conn).name == "30.1"


def test_failure_mid_load_leaves_store_as_before(
    empty_engine: Engine, release_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_release(empty_engine, read_release(release_dir))
    before = counts(empty_engine)
    changed = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, changed)
    titles = changed / "Alternate Titles.txt"
    titles.write_bytes(titles.read_bytes() + b"41-3091.00\tService Seller\tn/a\t08\r\n")
    calls = {"n": 0}
    real_insert = load_module._insert

    def failing_insert(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("disk full")
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(load_module, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk full"):
        load_release(empty_engine, read_release(changed))
    assert counts(empty_engine) == before
    with empty_engine.connect() as conn:
        assert get_release(conn).content_hash == read_release(release_dir).content_hash
