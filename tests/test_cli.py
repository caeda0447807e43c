"""The skillsx command: exit codes, messages, and the store left as it was on errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillsx.cli.main import app

from .conftest import AEI, CIP

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
