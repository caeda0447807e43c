"""One writer at a time (issue 11, item 8): while a build, ingest or import holds the store's
lock, another is refused with a clear message and writes nothing; a real second build started
during a first one is refused and the first completes intact. On SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

import skillsx.cli.main as cli_main
from skillsx.build import run_build
from skillsx.cli.main import app
from skillsx.errors import StoreError
from skillsx.ingest.evidence import load_aei, load_cip
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store import schema
from skillsx.store.builds import content_hashes, get_build, list_builds
from skillsx.store.external import list_external, load_external
from skillsx.store.lock import writer_lock
from skillsx.store.migrations import migrate

from .conftest import AEI, CIP

SOC = "11-2022.00"
BUSY = (
    r"^The store is busy: skillsx (build|ingest|import) \(pid \d+, since [0-9T:+-]+\) is "
    r"writing to it\. Only one build, ingest or import runs at a time; wait for it to "
    r"finish, then run this again\.$"
)
runner = CliRunner()


@contextmanager
def held_elsewhere(engine: Engine, operation: str = "build") -> Iterator[None]:
    """Hold the writer lock from another thread (its own connection or file handle)."""
    taken, release = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def hold() -> None:
        try:
            with writer_lock(engine, operation):
                taken.set()
                release.wait(60)
        except BaseException as exc:  # pragma: no cover - reported below
            failed.append(exc)
            taken.set()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(30)
    assert not failed, failed
    try:
        yield
    finally:
        release.set()
        thread.join(30)


def test_writers_are_refused_while_the_lock_is_held(
    empty_engine: Engine, release_dir: Path
) -> None:
    load_release(empty_engine, read_release(release_dir))
    first = run_build(empty_engine, socs=[SOC], workers=1)
    with held_elsewhere(empty_engine, "build"):
        for write in (
            lambda: run_build(empty_engine, socs=[SOC], workers=1),
            lambda: load_release(empty_engine, read_release(release_dir)),
            lambda: load_aei(empty_engine, AEI),
            lambda: load_cip(empty_engine, CIP),
            lambda: load_external(
                empty_engine,
                kind="json-1.0",
                identifier="11-2022.00",
                title="t",
                soc="11-2022.00",
                version="v.26.11",
                document={},
                source_name="f.json",
            ),
        ):
            with pytest.raises(StoreError, match=BUSY.replace("(build|ingest|import)", "build")):
                write()
        with empty_engine.connect() as conn:
            assert [(b.id, b.status, b.current) for b in list_builds(conn)] == [
                (first.id, "complete", True)
            ]
            assert list_external(conn) == []
    # Released: the next writer goes ahead, and the lock is re-entrant within one thread.
    with writer_lock(empty_engine, "ingest"):
        second = run_build(empty_engine, socs=[SOC], workers=1)
    assert second.current and second.frameworks == first.frameworks


def test_cli_says_the_store_is_busy(
    empty_engine: Engine, release_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(empty_engine)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", empty_engine.url.render_as_string(False))
    opened: list[Engine] = []  # the commands' engines, closed at the end (PostgreSQL warns)
    real_engine = cli_main.engine

    def engine(create: bool = False) -> Engine:
        opened.append(real_engine(create=create))
        return opened[-1]

    monkeypatch.setattr("skillsx.cli.main.engine", engine)
    framework = tmp_path / "f.json"
    framework.write_text("{}")
    with held_elsewhere(empty_engine, "ingest"):
        for args in (["ingest", str(release_dir)], ["build", "--workers", "1"]):
            result = runner.invoke(app, args)
            assert result.exit_code == 1, result.output
            assert result.output.strip().startswith(
                "Error: The store is busy: skillsx ingest (pid "
            ), result.output
            assert "Traceback" not in result.output and "unexpected" not in result.output
    with empty_engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(schema.releases)) == 0
    for eng in opened:
        eng.dispose()


SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    import skillsx.build as build
    from skillsx.store.db import open_engine

    real_store = build._store

    def slow_store(*args, **kwargs):
        real_store(*args, **kwargs)
        time.sleep(1.0)  # a build long enough for the test to start another meanwhile

    build._store = slow_store
    socs = ["11-2022.00", "29-1141.00"]
    info = build.run_build(open_engine(sys.argv[1]), socs=socs, workers=1, batch=1)
    print(info.id, info.frameworks, info.current)
    """
)


def test_a_second_build_during_a_first_is_refused(
    empty_engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    """Two real builds at once: the second is refused while the first runs; the first ends
    complete and current with exactly its own frameworks (before: the second discarded the
    first's rows and reused its id)."""
    load_release(empty_engine, read_release(release_dir))
    script = tmp_path / "slow_build.py"
    script.write_text(SLOW_BUILD)
    url = empty_engine.url.render_as_string(hide_password=False)
    proc = subprocess.Popen(
        [sys.executable, str(script), url], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    f, b = schema.frameworks, schema.builds
    try:
        deadline, stored = time.monotonic() + 60, 0
        while stored < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
            with empty_engine.connect() as conn:
                stored = (
                    conn.scalar(
                        select(func.count())
                        .select_from(f)
                        .join(b, b.c.id == f.c.build_id)
                        .where(b.c.status == "building")
                    )
                    or 0
                )
        assert stored >= 1, "the first build never got under way"
        with pytest.raises(StoreError, match=BUSY.replace("(build|ingest|import)", "build")):
            run_build(empty_engine, workers=1)
    finally:
        out, errors = proc.communicate(timeout=120)
    assert proc.returncode == 0, errors.decode()
    build_id, frameworks, current = out.decode().split()
    assert (int(frameworks), current) == (2, "True")
    with empty_engine.connect() as conn:
        assert [(x.id, x.status, x.current) for x in list_builds(conn)] == [
            (int(build_id), "complete", True)
        ]
        assert sorted(content_hashes(conn, get_build(conn).id)) == ["11-2022.00", "29-1141.00"]
