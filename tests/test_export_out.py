"""``skillsx export --out`` (issue 11, item 12): a missing or unwritable folder is a clear error
(not an "unexpected failure"), a failed write leaves the old file, and files in a folder are
named once: ``SOC.csv``, not ``SOC.csv.csv``."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from skillsx.cli.main import app
from skillsx.export import FORMATS, filename
from skillsx.store.migrations import migrate

SOC = "11-2022.00"
runner = CliRunner()


def test_file_names_name_the_format_once() -> None:
    names = {name: filename(SOC, name) for name in FORMATS}
    assert names == {
        "json-1.0": "11-2022.00.json-1.0.json",
        "json-full": "11-2022.00.json-full.json",
        "case": "11-2022.00.case.json",
        "ctdl-asn": "11-2022.00.ctdl-asn.jsonld",
        "rsd": "11-2022.00.rsd.json",
        "csv": "11-2022.00.csv",
        "xlsx": "11-2022.00.xlsx",
        "md": "11-2022.00.md",
        "pdf": "11-2022.00.pdf",
    }


@pytest.fixture
def cli(built_store: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    migrate(built_store)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", built_store.url.render_as_string(False))
    return built_store


def _export(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["export", *args])
    assert "unexpected" not in result.output and "Traceback" not in result.output
    return result.exit_code, result.output


def test_out_folder_gets_correct_names(cli: Engine, tmp_path: Path) -> None:
    for name in ("csv", "md", "json-1.0"):
        code, output = _export(SOC, "--format", name, "--out", str(tmp_path))
        assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "11-2022.00.csv",
        "11-2022.00.json-1.0.json",
        "11-2022.00.md",
    ]
    code, output = _export("--all", "--format", "csv", "--out", str(tmp_path / "all"))
    assert code == 0, output
    assert all(p.name.count(".csv") == 1 for p in (tmp_path / "all").iterdir())


def test_missing_or_unwritable_folder(cli: Engine, tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "x.csv"
    code, output = _export(SOC, "--format", "csv", "--out", str(missing))
    assert (code, output) == (
        1,
        f"Error: Cannot write {missing}: the folder {missing.parent} does not exist. Create it "
        "first, or give --out an existing folder or a file in one.\n",
    )
    blocker = tmp_path / "file"
    blocker.write_text("keep")
    code, output = _export(SOC, "--out", str(blocker / "x.json"))
    assert (code, output) == (
        1,
        f"Error: Cannot write {blocker}/x.json: {blocker} is a file, not a folder.\n",
    )
    assert blocker.read_text() == "keep"
    if Path("/sys/kernel").is_dir():
        # sysfs refuses new files even to root: a folder nobody can write to.
        code, output = _export(SOC, "--format", "csv", "--out", "/sys/x.csv")
        assert code == 1 and output.startswith("Error: Cannot write /sys/x.csv: ")
        assert output.endswith(
            "Give --out a folder that exists and that you can write to, or a file in one.\n"
        )
        code, output = _export("--all", "--format", "csv", "--out", "/sys/skillsx-out")
        assert code == 1 and output.strip().startswith("Error: Cannot write /sys/skillsx-out: ")


def test_failed_write_leaves_the_old_file(
    cli: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sm.csv"
    target.write_text("old")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("skillsx.export.output.os.replace", full)
    code, output = _export(SOC, "--format", "csv", "--out", str(target))
    assert (code, output) == (
        1,
        f"Error: Cannot write {target}: no space left on device. Give --out a folder that "
        "exists and that you can write to, or a file in one.\n",
    )
    assert target.read_text() == "old" and sorted(tmp_path.iterdir()) == [target]
