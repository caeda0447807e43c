"""Loading releases: one transaction, idempotent, side by side, unchanged on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from skillsx.errors import IngestError, StoreError
from skillsx.ingest import load as load_module
from skillsx.ingest.evidence import load_aei
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store import schema
from skillsx.store.queries import get_release, list_releases

from .conftest import AEI


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


def test_values_no_store_holds_get_one_message_on_both_backends(
    empty_engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    """A huge whole number or a NUL byte is refused by the reader, with its file and line,
    before either store sees it: SQLite and PostgreSQL give the same message."""
    load_release(empty_engine, read_release(release_dir))
    before = counts(empty_engine)
    bad = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, bad)
    tasks = bad / "Task Statements.txt"
    good = tasks.read_bytes()
    lines = good.split(b"\r\n")
    for row, message in (
        (
            b"\t".join(
                [lines[3].split(b"\t")[0], b"99999999999999999999", *lines[3].split(b"\t")[2:]]
            ),
            'column "Task ID": "99999999999999999999" is too large; a whole number here lies '
            "between -9223372036854775808 and 9223372036854775807.",
        ),
        (
            lines[3].replace(b" ", b"\x00", 1),
            'column "Task": the line holds a NUL byte (U+0000); O*NET text files hold none. '
            "Use the release's original file.",
        ),
    ):
        tasks.write_bytes(b"\r\n".join([*lines[:3], row, *lines[4:]]))
        with pytest.raises(IngestError) as info:
            load_release(empty_engine, read_release(bad))
        assert str(info.value) == f"Task Statements.txt, line 4, {message}"
    assert counts(empty_engine) == before


def aei_rows(engine: Engine) -> list[tuple[str, int, str, str]]:
    u = schema.aei_task_usage
    with engine.connect() as conn:
        return sorted(conn.execute(select(u.c.soc, u.c.task_id, u.c.task_name, u.c.match)).all())


def reorder_columns(path: Path) -> None:
    """Write a file with its columns in reverse order: the same content, other bytes."""
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(
        b"\r\n".join(b"\t".join(reversed(ln.split(b"\t"))) if ln else ln for ln in lines)
    )


def test_reingesting_a_release_keeps_its_ai_evidence(
    empty_engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    load_release(empty_engine, read_release(release_dir))
    load_aei(empty_engine, AEI)
    before = aei_rows(empty_engine)
    assert len(before) > 10
    # The same release with the columns of its task files reordered: new content hash.
    copy = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, copy)
    for name in ("Task Statements.txt", "Tasks to DWAs.txt"):
        reorder_columns(copy / name)
    result = load_release(empty_engine, read_release(copy))
    assert result.changed
    assert aei_rows(empty_engine) == before
    assert result.aei is not None
    assert (result.aei.before, result.aei.after) == (len(before), len(before))
    assert result.aei.tasks_after == result.aei.tasks_before == len({r[2] for r in before})
    # A copy in which one task matched by its text was reworded: only its matches are lost,
    # and the result says so.
    soc, task_id, name, _ = next(r for r in before if r[3] == "exact")
    tasks = copy / "Task Statements.txt"
    lines = tasks.read_bytes().split(b"\r\n")
    for i, line in enumerate(lines):
        fields = line.split(b"\t")
        # Reordered: ..., Task, Task ID, O*NET-SOC Code.
        if fields[-2:] == [str(task_id).encode(), soc.encode()]:
            fields[-3] = b"Sell sand in the desert."
            lines[i] = b"\t".join(fields)
    tasks.write_bytes(b"\r\n".join(lines))
    result = load_release(empty_engine, read_release(copy))
    assert result.aei is not None
    kept = [r for r in before if r[2] != name]
    assert (result.aei.before, result.aei.after) == (len(before), len(kept))
    assert result.aei.tasks_after == result.aei.tasks_before - 1
    assert aei_rows(empty_engine) == kept


def test_a_row_the_store_refuses_is_a_store_error(empty_engine: Engine, release_dir: Path) -> None:
    """The last guard, for values the reader lets through: the file named, no traceback."""
    data = read_release(release_dir)
    data.files["Task Statements.txt"].rows[0]["task_id"] = 2**70
    with pytest.raises(StoreError) as info:
        load_release(empty_engine, data)
    assert str(info.value).startswith("The store refused the rows of Task Statements.txt (")
    assert counts(empty_engine) == dict.fromkeys(schema.ONET_TABLES, 0)
