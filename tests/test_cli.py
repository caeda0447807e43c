"""The skillsx command: exit codes, messages, and the store left as it was on errors."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import insert, make_url
from typer.testing import CliRunner

from skillsx.cli.main import app
from skillsx.store import schema
from skillsx.store.db import open_engine
from skillsx.store.migrations import migrate

from .conftest import AEI, CIP, POSTGRES_URL, cut_release

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "cli.db"
    monkeypatch.setenv("SKILLSX_DATABASE_URL", f"sqlite:///{db}")
    return db


def test_ingest_brief_and_errors(
    env: Path, release_dir: Path, extra_dir: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["ingest", str(release_dir), "--extra", str(extra_dir)])
    assert result.exit_code == 0, result.output
    assert "Loaded O*NET 30.1: 36 files" in result.output
    assert "Skills.txt: from O*NET 29.x (--extra)" in result.output
    assert "Work Context.txt: not in this release" in result.output

    result = runner.invoke(app, ["ingest-evidence", "aei", str(AEI)])
    assert result.exit_code == 0 and "AEI 2025-02-10: 3,514 task texts" in result.output
    result = runner.invoke(app, ["ingest-evidence", "cip", str(CIP)])
    assert result.exit_code == 0 and "programme–occupation pairs" in result.output

    result = runner.invoke(app, ["brief", "41-3091.00"])
    assert result.exit_code == 0
    assert result.output.startswith("Job Title: Sales Representatives of Services")
    result = runner.invoke(app, ["brief", "11-2022.00", "--format", "json"])
    data = json.loads(result.output)
    assert data["soc"] == "11-2022.00" and data["tasks"][0]["id"] > 0

    result = runner.invoke(app, ["occupations", "--group", "41", "--job-zone", "2"])
    assert result.exit_code == 0 and "41-3091.00" in result.output

    # A bad release: one clear line, exit 1, the store unchanged.
    bad = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, bad)
    (bad / "Task Statements.txt").write_bytes(b"")
    before = env.read_bytes()
    result = runner.invoke(app, ["ingest", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Task Statements.txt: the file is empty;")
    assert "Traceback" not in result.output
    after = runner.invoke(app, ["brief", "41-3091.00"])
    assert after.exit_code == 0 and "- Quote prices, credit terms" in after.output
    assert len(before) > 0

    result = runner.invoke(app, ["brief", "41-3091"])
    assert result.exit_code == 1 and result.output.startswith('Error: No occupation "41-3091"')


def test_brief_without_store_says_what_to_do(env: Path) -> None:
    migrate(open_engine(f"sqlite:///{env}"))  # a store, but nothing ingested
    result = runner.invoke(app, ["brief", "41-3091.00"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No O*NET release is loaded. Run `skillsx ingest PATH`")


def test_bad_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLSX_DATABASE_URL", "mysql://x")
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 1
    assert result.output.startswith('Error: SKILLSX_DATABASE_URL: "mysql://x" is not a sqlite')


def test_build_framework_check_export(env: Path, release_dir: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest", str(release_dir)]).exit_code == 0
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No build yet. Run `skillsx build`")
    result = runner.invoke(app, ["build", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "7 frameworks" in result.output and "now current" in result.output
    result = runner.invoke(app, ["framework", "11-2022.00", "--anchors"])
    assert result.exit_code == 0
    assert result.output.startswith("Sales Managers (11-2022.00) · framework v.")
    assert "Emerging — Entry / Apprentice" in result.output
    assert "anchors: task:" in result.output
    result = runner.invoke(app, ["check", "--soc", "11-2022.00"])
    assert "Build v." in result.output and result.exit_code in (0, 1)
    out = tmp_path / "sm.json"
    result = runner.invoke(app, ["export", "11-2022.00", "--format", "json-1.0", "--out", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["schemaVersion"] == "1.0"
    # CASE links start with the public address the settings give.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLSX_PUBLIC_URL", "https://skills.example.org")
        result = runner.invoke(app, ["export", "11-2022.00", "--format", "case"])
    assert result.exit_code == 0, result.output
    assert "https://skills.example.org/" in result.output
    assert "http://localhost:8000" not in result.output
    result = runner.invoke(app, ["check", "--recheck"])
    assert "Build v." in result.output and "7 frameworks" in result.output
    result = runner.invoke(app, ["export", "15-1299.00"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: No framework for 15-1299.00 Computer Occupations, All Other: O*NET 30.1 has no "
        "task data for it, and a framework is never composed without tasks. Occupations with "
        "frameworks nearby: 15-1299.08 Computer Systems Engineers/Architects."
    )
    result = runner.invoke(app, ["build", "--soc", "99-0000.00"])
    assert result.exit_code == 1 and '"99-0000.00" is not an occupation with O*NET task data' in (
        result.output
    )
    # A release that lost most of its task data: the build refuses to shrink, unless allowed.
    smaller = cut_release(release_dir, tmp_path / "db_30_1_text", ("11-2022.00",))
    assert runner.invoke(app, ["ingest", str(smaller)]).exit_code == 0
    result = runner.invoke(app, ["build", "--workers", "1"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Error: This build would hold 1 frameworks, under 90% of the 7 of" in result.output
    result = runner.invoke(app, ["build", "--workers", "1", "--allow-shrink"])
    assert result.exit_code == 0 and "1 frameworks" in result.output


def test_check_fails_on_an_empty_build(env: Path, release_dir: Path) -> None:
    assert runner.invoke(app, ["ingest", str(release_dir)]).exit_code == 0
    # A build of no frameworks, as an ingest of an empty release made current before.
    engine = open_engine(f"sqlite:///{env}")
    with engine.begin() as conn:
        conn.execute(
            insert(schema.builds).values(
                version="v.26.11",
                number=1,
                release_id=1,
                engine="grounded",
                status="complete",
                is_current=True,
                started_at="2026-11-23T00:00:00+00:00",
                finished_at="2026-11-23T00:00:01+00:00",
                frameworks=0,
            )
        )
    engine.dispose()
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: Build v.26.11 holds no frameworks: nothing would be served. Check the release "
        "(`skillsx releases`) and run `skillsx build` again.\n"
    )


def test_commands_that_read_refuse_a_missing_store(
    env: Path, tmp_path: Path, release_dir: Path
) -> None:
    for command in (["releases"], ["builds"], ["check"], ["brief", "41-3091.00"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert result.output == (
            f"Error: No store at {env}: the file does not exist. If the path is mistyped, fix "
            "SKILLSX_DATABASE_URL; to create a store there, run `skillsx ingest PATH` or "
            "`skillsx ingest-all DATA`.\n"
        )
    assert not env.exists()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLSX_DATABASE_URL", f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")
        result = runner.invoke(app, ["ingest", str(release_dir)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: Cannot create the store {tmp_path / 'nowhere' / 'x.db'}: the folder "
        f"{tmp_path / 'nowhere'} does not exist. Create it, or fix the path in "
        "SKILLSX_DATABASE_URL.\n"
    )


def test_a_store_that_cannot_be_used_names_cause_and_fix(env: Path) -> None:
    env.write_bytes(b"not a database, but a note" * 100)
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: The store sqlite:///{env} cannot be used (file is not a database). The file "
        "is not a SQLite store, or it is damaged: check the path.\n"
    )


@pytest.mark.postgres
def test_a_postgres_store_that_cannot_be_reached(monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(POSTGRES_URL)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", url.set(port=1).render_as_string(False))
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 1 and "unexpected failure" not in result.output
    assert result.output.startswith(f"Error: The store {url.set(port=1)} cannot be used (")
    assert result.output.endswith(
        "Check that the PostgreSQL server is running and that the host and port in "
        "SKILLSX_DATABASE_URL are right.\n"
    )
    monkeypatch.setenv(
        "SKILLSX_DATABASE_URL", url.set(database="skillsx_no_such_db").render_as_string(False)
    )
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 1
    assert 'database "skillsx_no_such_db" does not exist' in result.output
    assert result.output.endswith(
        "Create the database (e.g. `createdb NAME`) or fix its name in SKILLSX_DATABASE_URL.\n"
    )


def test_ingest_says_what_became_of_the_ai_evidence(
    env: Path, release_dir: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(release_dir)]).exit_code == 0
    assert runner.invoke(app, ["ingest-evidence", "aei", str(AEI)]).exit_code == 0
    copy = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, copy)
    tasks = copy / "Task Statements.txt"
    lines = tasks.read_bytes().split(b"\r\n")
    tasks.write_bytes(b"\r\n".join(b"\t".join(reversed(ln.split(b"\t"))) for ln in lines))
    result = runner.invoke(app, ["ingest", str(copy)])
    assert result.exit_code == 0, result.output
    assert re.search(
        r"AEI 2025-02-10 evidence matched again to the new content of O\*NET 30\.1: (\d+) of "
        r"\1 AEI task texts, (\d+) task matches \(before: \2\)\.",
        result.output.replace("\n", " "),
    ), result.output


def test_a_bad_release_leaves_the_store_as_it_was(
    env: Path, release_dir: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, ["ingest", str(release_dir)]).exit_code == 0
    before = runner.invoke(app, ["releases"]).output
    bad = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, bad)
    tasks = bad / "Task Statements.txt"
    tasks.write_bytes(tasks.read_bytes().split(b"\r\n")[0] + b"\r\n")
    result = runner.invoke(app, ["ingest", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: Task Statements.txt: the file has a header but no rows")
    (bad / "Task Statements.txt").unlink()
    (bad / "Task Statements.txt").mkdir()
    result = runner.invoke(app, ["ingest", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Task Statements.txt: is a folder, not a file.")
    assert runner.invoke(app, ["releases"]).output == before
