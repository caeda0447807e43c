"""Bulk export of a whole build to a zip or a folder, in worker processes or in-process."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from skillsx.cli.main import app
from skillsx.errors import ExportError
from skillsx.export import export_document
from skillsx.export.bulk import export_build, export_documents
from skillsx.store.builds import get_build, get_document, iter_documents, list_framework_socs

runner = CliRunner()


def test_zip_in_workers_matches_single_exports(built_store: Engine, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    out = tmp_path / "all.zip"
    result = export_build(
        built_store, None, "case", out, workers=2, progress=lambda d, t: calls.append((d, t))
    )
    with built_store.connect() as conn:
        build = get_build(conn)
        socs = list_framework_socs(conn, build.id)
        expected = {
            f"{soc}.case.json": export_document("case", get_document(conn, soc), build.version)
            for soc in socs
        }
    assert (result.files, result.skipped, result.build) == (7, [], build.label)
    assert calls == [(n, 7) for n in range(1, 8)]
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == sorted(expected)
        assert {name: zf.read(name) for name in zf.namelist()} == expected
        year, month = 2000 + int(build.version[2:4]), int(build.version[5:7])
        assert {info.date_time for info in zf.infolist()} == {(year, month, 1, 0, 0, 0)}
    assert result.bytes == sum(len(b) for b in expected.values())
    # Same build, same format: the same zip, byte for byte.
    again = export_build(built_store, build, "case", tmp_path / "again.zip", workers=1)
    assert again.files == 7
    assert (tmp_path / "again.zip").read_bytes() == out.read_bytes()
    assert not list(tmp_path.glob("*.part"))


def test_folder_and_connection(built_store: Engine, tmp_path: Path) -> None:
    with built_store.connect() as conn:
        result = export_build(conn, None, "json-1.0", tmp_path / "out", workers=1)
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert result.files == len(files) == 7
    assert files[0] == "11-2022.00.json-1.0.json"
    data = json.loads((tmp_path / "out" / files[0]).read_bytes())
    assert data["occupation"]["soc"] == "11-2022.00"


def test_errors(built_store: Engine, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match='^Unknown format "docx"; choose one of: '):
        export_build(built_store, None, "docx", tmp_path / "x.zip")
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ExportError, match=r"file is a file; give a folder or a \.zip path\.$"):
        export_build(built_store, None, "csv", blocker)


def test_cli_export_all(
    built_store: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLSX_DATABASE_URL", built_store.url.render_as_string(False))
    out = tmp_path / "md.zip"
    result = runner.invoke(app, ["export", "--all", "--format", "md", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith("Wrote 7 md files of build ")
    with zipfile.ZipFile(out) as zf:
        assert len(zf.namelist()) == 7
    result = runner.invoke(app, ["export", "--all", "--format", "md"])
    assert result.exit_code == 1
    assert result.output == "Error: --all needs --out: a folder, or a file ending in .zip.\n"
    result = runner.invoke(app, ["export", "--format", "md"])
    assert result.output == "Error: Give one of: a SOC code, --all, or --external NUMBER.\n"


def test_documents_in_workers_with_a_public_url(built_store: Engine, tmp_path: Path) -> None:
    with built_store.connect() as conn:
        build = get_build(conn)
        documents = list(iter_documents(conn, build.id))
    assert [soc for soc, _ in documents] == sorted(soc for soc, _ in documents)
    base = "https://skills.example.org"
    calls: list[tuple[int, int]] = []
    result = export_documents(
        documents,
        build,
        "rsd",
        tmp_path / "rsd",
        workers=2,
        progress=lambda d, t: calls.append((d, t)),
        base_url=base,
    )
    assert (result.files, result.skipped) == (7, [])
    assert calls == [(n, 7) for n in range(1, 8)]  # no total given: the list's length
    for soc, doc in documents:
        written = (tmp_path / "rsd" / f"{soc}.rsd.json").read_bytes()
        assert written == export_document("rsd", doc, build.version, base_url=base)
        assert json.loads(written)["id"].startswith(base + "/api/collections/")
