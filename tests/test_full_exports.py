"""Every format, for every framework of a full build: bulk-exported, then each file checked.

One test per format: ``export_build`` writes all 923 files (in two worker processes for the
formats that are slow to render), then two processes check each file as the per-format tests
check theirs: schemas, required structure, round trips, JSON-LD expansion, sheets, headings,
and the PDF's pages read by poppler.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pyld import jsonld
from sqlalchemy import Engine

from skillsx.export import FORMATS, filename
from skillsx.export.bulk import export_build
from skillsx.export.external import export_external
from skillsx.export.sections import COLUMNS
from skillsx.ingest.imports import read_framework_bytes
from skillsx.store.builds import get_build, iter_documents

from .schema_support import fast_validator, load_schema
from .test_export_case import check_package
from .test_export_ctdl import no_network
from .test_export_rsd import REQUIRED as RSD_REQUIRED

pytestmark = pytest.mark.slow

# fastjsonschema: the same verdicts as jsonschema on our schemas (tests/schema_support.py),
# five times faster over 923 documents.
V1_ERRORS = fast_validator(load_schema("framework-export-1.0.schema.json"))
FULL_ERRORS = fast_validator(load_schema("framework-full.schema.json"))


BASE = "https://skills.example.org"
LATER = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
SECTION_KEYS = ("ai_use", "evidence", "durable", "enrichment")
MD_HEADINGS = {
    "ai_use": "## AI use by level",
    "evidence": "## Evidence pack",
    "durable": "## Durable skills",
    "enrichment": "## O*NET enrichment",
}
SHEETS = {"ai_use": "AI use", "durable": "Durable skills"}
#: Formats worth two render processes; for the others, sending each document to a worker
#: costs more than rendering it (bench/export.py: json-1.0 2.5 s in-process, 8.4 s with two).
HEAVY = {"json-full", "case", "xlsx", "pdf"}


@dataclass(frozen=True)
class Expected:
    """What one framework's files must hold, read from its stored page document."""

    soc: str
    title: str
    themes: int
    statements: int  # framework statements
    anchors: int  # anchors of the framework statements
    ai_use: int  # AI-use statements (0 when the page has none)
    durable: int  # durable-skills statements
    sections: tuple[str, ...]  # the optional sections the page has

    @classmethod
    def of(cls, document: dict[str, Any]) -> Expected:
        framework = document["framework"]
        durable = document.get("durable") or {"domains": []}
        return cls(
            soc=document["occupation"]["soc"],
            title=document["occupation"]["title"],
            themes=len(framework["themes"]),
            statements=len(framework["statements"]),
            anchors=sum(len(s["anchors"]) for s in framework["statements"]),
            ai_use=len((document.get("ai_use") or {"statements": []})["statements"]),
            durable=sum(len(d["statements"]) for d in durable["domains"]),
            sections=tuple(k for k in SECTION_KEYS if document.get(k)),
        )


def _json_v1(data: bytes, exp: Expected) -> None:
    doc = json.loads(data)
    assert V1_ERRORS(doc) == []
    assert doc["occupation"]["soc"] == exp.soc
    again = json.loads(
        export_external(
            "json-1.0", read_framework_bytes(data, "f.json").document, "json-1.0", now=LATER
        )
    )
    assert again.pop("exportedAt") == "2030-01-02T03:04:05Z"
    doc.pop("exportedAt")
    assert again == doc


def _json_full(data: bytes, exp: Expected) -> None:
    doc = json.loads(data)
    assert FULL_ERRORS(doc) == []
    assert (doc["soc"], len(doc["framework"]["statements"])) == (exp.soc, exp.statements)


def _case(data: bytes, exp: Expected) -> None:
    pkg = json.loads(data)
    check_package(pkg)
    types = Counter(i["CFItemType"] for i in pkg["CFItems"])
    assert types == {"Proficiency Level": 4, "Theme": exp.themes, "Competency": exp.statements}
    related = sum(a["associationType"] == "isRelatedTo" for a in pkg["CFAssociations"])
    assert related == exp.anchors
    assert pkg["CFDocument"]["uri"].startswith(BASE + "/ims/case/v1p1/CFDocuments/")
    # Import and export again: the same bytes (the store keeps the document as JSON text).
    imported = read_framework_bytes(data, "f.json")
    assert imported.kind == "case"
    assert export_external("case", json.loads(json.dumps(imported.document)), "case") == data


def _ctdl(data: bytes, exp: Expected) -> None:
    graph = json.loads(data)
    expanded = jsonld.expand(graph, {"documentLoader": no_network})
    nodes = {n["@id"]: n for n in expanded[0]["@graph"]}
    assert len(nodes) == len(graph["@graph"]) == 1 + exp.themes + exp.statements + 1 + 4
    for node in graph["@graph"]:
        assert len(nodes[node["@id"]]) == len(node), node["@id"]  # no property dropped
    assert graph["@id"].startswith(BASE + "/ctdl/resources/ce-")


def _rsd(data: bytes, exp: Expected) -> None:
    collection = json.loads(data)
    assert collection["type"] == "RichSkillCollection"
    assert collection["id"].startswith(BASE + "/api/collections/")
    skills = collection["skills"]
    assert len(skills) == len({s["uuid"] for s in skills}) == exp.statements
    for skill in skills:
        assert all(key in skill for key in RSD_REQUIRED)
        assert skill["occupations"][0]["code"] == exp.soc


def _csv(data: bytes, exp: Expected) -> None:
    assert data.startswith(b"\xef\xbb\xbf")
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header, *rows = list(reader)
    assert tuple(header) == COLUMNS
    assert len(rows) == exp.statements + exp.ai_use + exp.durable
    assert {row[0] for row in rows} == {exp.soc}
    assert Counter(row[2] for row in rows)["framework"] == exp.statements


def _xlsx(data: bytes, exp: Expected) -> None:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    sheets = ["About", "Framework", *(SHEETS[k] for k in SHEETS if k in exp.sections)]
    sheets += [s.title() for s in ("evidence", "enrichment") if s in exp.sections]
    assert wb.sheetnames == sheets
    rows = list(wb["Framework"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS and len(rows) == exp.statements + 1
    wb.close()


def _md(data: bytes, exp: Expected) -> None:
    lines = data.decode().splitlines()
    headings = [ln for ln in lines if ln.startswith("## ")]
    assert headings == [
        "## Proficiency framework",
        *(MD_HEADINGS[k] for k in SECTION_KEYS if k in exp.sections),
        "## Sources",
    ]
    assert lines[0].startswith("# ")
    assert sum(ln.startswith("### ") for ln in lines) >= 4


def _pdf(data: bytes, exp: Expected) -> None:
    assert data.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, check=True, capture_output=True
    ).stdout.decode()
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for n, page in enumerate(pages, 1):
        assert f"· {exp.soc}" in page, (exp.soc, n)
        assert f"Page {n} of {len(pages)}" in page, (exp.soc, n)
    flat = " ".join(text.split())
    for heading in (
        "Proficiency framework",
        "Sources",
        *(MD_HEADINGS[k][3:] for k in exp.sections),
    ):
        assert heading in flat, (exp.soc, heading)


CHECKS = {
    "json-1.0": _json_v1,
    "json-full": _json_full,
    "case": _case,
    "ctdl-asn": _ctdl,
    "rsd": _rsd,
    "csv": _csv,
    "xlsx": _xlsx,
    "md": _md,
    "pdf": _pdf,
}


def _check_file(job: tuple[str, Path, Expected]) -> str:
    """Check one exported file in a worker; the failure as text (assertions do not pickle)."""
    name, path, exp = job
    try:
        CHECKS[name](path.read_bytes(), exp)
    except Exception as exc:  # any failure, reported with the file's name
        return f"{path.name}: {type(exc).__name__}: {str(exc)[:300]}"
    return ""


@pytest.fixture(scope="module")
def expected(full_store: Engine) -> dict[str, Expected]:
    with full_store.connect() as conn:
        return {soc: Expected.of(doc) for soc, doc in iter_documents(conn, get_build(conn).id)}


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(max_workers=2) as executor:
        yield executor


def test_checks_cover_every_format() -> None:
    assert set(CHECKS) == set(FORMATS)


#: The formats exported beside tests/test_full_build.py and tests/test_full_page.py (group
#: "full"); the rest go to a second group, so two xdist workers share the work (about half
#: each) on the one full build of the run (``full_store`` in conftest.py).
WITH_THE_BUILD = {"case", "pdf", "rsd"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xdist_group("full" if name in WITH_THE_BUILD else "full-exports"),
        )
        for name in FORMATS
    ],
)
def test_every_framework_exports_and_checks(
    name: str,
    full_store: Engine,
    expected: dict[str, Expected],
    pool: ProcessPoolExecutor,
    tmp_path: Path,
) -> None:
    if name == "pdf" and shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is installed by .ci/run")
    out = tmp_path / name
    workers = 2 if name in HEAVY else 1
    result = export_build(full_store, None, name, out, workers=workers, base_url=BASE)
    assert result.skipped == []
    assert result.files == len(expected) == 923
    jobs = [(name, out / filename(soc, name), exp) for soc, exp in expected.items()]
    failures = [f for f in pool.map(_check_file, jobs, chunksize=16) if f]
    assert failures[:5] == [], f"{len(failures)} of {len(jobs)} files failed"
    shutil.rmtree(out)
