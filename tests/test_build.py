"""Versioned builds: complete-then-switch, stable hashes, partial builds, and a real kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from skillsx.build import run_build
from skillsx.errors import SkillsxError
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store import schema
from skillsx.store.builds import content_hashes, get_build, get_framework, list_builds

from .conftest import FIXTURE_SOCS, cut_release

WITH_TASKS = sorted(set(FIXTURE_SOCS) - {"15-1299.00"})
NOV = datetime(2026, 11, 23, tzinfo=UTC)


def test_build_versions_and_switch(empty_engine: Engine, release_dir: Path) -> None:
    load_release(empty_engine, read_release(release_dir))
    first = run_build(empty_engine, workers=1, now=NOV)
    assert (first.label, first.current, first.frameworks) == ("v.26.11", True, len(WITH_TASKS))
    second = run_build(empty_engine, workers=1, now=NOV)
    assert second.label == "v.26.11 build 2" and second.version == "v.26.11"
    with empty_engine.connect() as conn:
        builds = list_builds(conn)
        assert [(b.label, b.current) for b in builds] == [
            ("v.26.11", False),
            ("v.26.11 build 2", True),
        ]
        # Same inputs, same content hashes.
        assert content_hashes(conn, first.id) == content_hashes(conn, second.id)
        assert sorted(content_hashes(conn, second.id)) == WITH_TASKS
        framework = get_framework(conn, "11-2022.00")
    assert framework.soc == "11-2022.00" and len(framework.statements) == 40


def test_partial_build_carries_the_rest(empty_engine: Engine, release_dir: Path) -> None:
    load_release(empty_engine, read_release(release_dir))
    full = run_build(empty_engine, workers=1, now=NOV)
    partial = run_build(empty_engine, socs=["29-1141.00"], workers=1, now=NOV)
    with empty_engine.connect() as conn:
        assert content_hashes(conn, partial.id) == content_hashes(conn, full.id)
    assert partial.frameworks == full.frameworks


def test_parallel_build_equals_serial(empty_engine: Engine, release_dir: Path) -> None:
    load_release(empty_engine, read_release(release_dir))
    serial = run_build(empty_engine, workers=1, now=NOV)
    parallel = run_build(empty_engine, workers=2, batch=2, now=NOV)
    with empty_engine.connect() as conn:
        assert content_hashes(conn, serial.id) == content_hashes(conn, parallel.id)


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    import skillsx.build as build
    from skillsx.store.db import open_engine

    real_store = build._store

    def slow_store(*args, **kwargs):
        real_store(*args, **kwargs)
        time.sleep(0.3)  # leave time for the test to kill us between batches

    build._store = slow_store
    build.run_build(open_engine(sys.argv[1]), workers=1, batch=1)
    """
)


def test_killed_build_leaves_previous_current(
    empty_engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    load_release(empty_engine, read_release(release_dir))
    previous = run_build(empty_engine, workers=1, now=NOV)
    with empty_engine.connect() as conn:
        hashes = content_hashes(conn, previous.id)
    script = tmp_path / "killed_build.py"
    script.write_text(KILLED_BUILD)
    url = empty_engine.url.render_as_string(hide_password=False)
    proc = subprocess.Popen([sys.executable, str(script), url])
    f, b = schema.frameworks, schema.builds
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while stored < 2 and time.monotonic() < deadline:
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
        assert stored >= 2, "the build never got under way"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with empty_engine.connect() as conn:
        current = get_build(conn)
        assert current.id == previous.id and current.status == "complete"
        assert content_hashes(conn, previous.id) == hashes
        assert [b.status for b in list_builds(conn)] == ["complete", "building"]
    # The next build discards the dead one and completes.
    after = run_build(empty_engine, workers=1, now=NOV)
    with empty_engine.connect() as conn:
        assert [b.label for b in list_builds(conn)] == ["v.26.11", after.label]
        assert content_hashes(conn, after.id) == hashes


def test_build_runs_the_checks_across_the_whole_build(
    empty_engine: Engine, release_dir: Path, monkeypatch
) -> None:
    """``validate_build`` sees every framework of the build, its findings are stored and counted,
    and a partial build re-checks the whole build rather than keeping stale findings."""
    import skillsx.build as build_module
    from skillsx.models import Problem
    from skillsx.store.builds import list_problems

    seen: list[list[str]] = []

    def fake_validate_build(entries):  # type: ignore[no-untyped-def]
        socs = sorted(e.soc for e in entries)
        seen.append(socs)
        assert all(len(e.statements) == 40 for e in entries)
        return [
            Problem(
                rule="build.position",
                severity="warning",
                soc=socs[0],
                where="emerging#1",
                message=f"seen {len(socs)}",
            )
        ]

    monkeypatch.setattr(build_module, "validate_build", fake_validate_build)
    load_release(empty_engine, read_release(release_dir))
    full = run_build(empty_engine, workers=1, now=NOV)
    partial = run_build(empty_engine, socs=["29-1141.00"], workers=1, now=NOV)
    assert seen == [WITH_TASKS, WITH_TASKS]
    assert full.warnings >= 1
    with empty_engine.connect() as conn:
        for build in (full, partial):
            found = [p for p in list_problems(conn, build.id) if p.rule == "build.position"]
            assert [p.message for p in found] == [f"seen {len(WITH_TASKS)}"]


def test_recheck_runs_todays_rules_over_stored_pages(
    empty_engine: Engine, release_dir: Path
) -> None:
    """A page edited in the store (as if composed under older rules) is caught by a recheck;
    the stored findings of the build are left as they were."""
    import json

    from sqlalchemy import update

    from skillsx.build import recheck
    from skillsx.store.builds import list_problems

    load_release(empty_engine, read_release(release_dir))
    build = run_build(empty_engine, workers=1, now=NOV)
    assert [p for p in recheck(empty_engine, workers=1) if p.severity == "error"] == []
    f = schema.frameworks
    with empty_engine.begin() as conn:
        row = conn.execute(
            select(f.c.document).where(f.c.build_id == build.id, f.c.soc == "29-1141.00")
        ).one()
        doc = json.loads(row.document)
        doc["framework"]["statements"][0]["subject"] = "Assistance provision"
        conn.execute(
            update(f)
            .where(f.c.build_id == build.id, f.c.soc == "29-1141.00")
            .values(document=json.dumps(doc))
        )
    found = recheck(empty_engine, socs=["29-1141.00"], workers=1)
    assert [(p.soc, p.rule) for p in found if p.severity == "error"] == [
        ("29-1141.00", "subject.nominal")
    ]
    with empty_engine.connect() as conn:
        assert [p for p in list_problems(conn, build.id) if p.severity == "error"] == []


def test_a_build_that_shrinks_is_refused_unless_allowed(
    empty_engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    load_release(empty_engine, read_release(release_dir))
    full = run_build(empty_engine, workers=1, now=NOV)
    # The same release again, but with the task data of two occupations only.
    smaller = cut_release(release_dir, tmp_path / "db_30_1_text", ("11-2022.00", "41-3091.00"))
    load_release(empty_engine, read_release(smaller))
    with pytest.raises(SkillsxError) as info:
        run_build(empty_engine, workers=1, now=NOV)
    assert str(info.value) == (
        f"This build would hold 2 frameworks, under 90% of the {len(WITH_TASKS)} of the current "
        "build v.26.11; nothing was built and v.26.11 stays current. Check the release "
        "(`skillsx releases`); if the smaller build is intended, run `skillsx build "
        "--allow-shrink`."
    )
    with empty_engine.connect() as conn:
        assert [(b.id, b.current) for b in list_builds(conn)] == [(full.id, True)]
    allowed = run_build(empty_engine, workers=1, now=NOV, allow_shrink=True)
    assert (allowed.frameworks, allowed.current) == (2, True)


def test_a_build_of_no_frameworks_is_refused(empty_engine: Engine, release_dir: Path) -> None:
    from skillsx.build import _check_shrink

    load_release(empty_engine, read_release(release_dir))
    with pytest.raises(SkillsxError) as info:
        _check_shrink(empty_engine, 0, allow_shrink=True)
    assert str(info.value).startswith(
        "O*NET 30.1 has no occupation with task data, so a build would hold no frameworks; "
        "nothing was built."
    )
