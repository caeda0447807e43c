"""Hostile CASE and json-1.0 imports (issue 11, item 9): broken graphs, non-finite numbers,
control characters, lone surrogates, markup, oversize side data; short messages; nothing
stored (on both backends through the command)."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

import skillsx.cli.main as cli_main
from skillsx.cli.main import app
from skillsx.errors import IngestError
from skillsx.ingest.imports import MAX_NODE, read_framework_bytes
from skillsx.store import schema
from skillsx.store.migrations import migrate

runner = CliRunner()
STAMP = "2019-01-01T00:00:00+00:00"
DOC = "c5fb0812-d7cb-11e8-824f-0242ac160002"
A, B, C = (f"c5fb081{n}-d7cb-11e8-824f-0242ac160002" for n in (3, 4, 5))
MISSING = "00000000-0000-4000-8000-000000000000"


def _link(ident: str) -> dict[str, str]:
    return {"title": ident[:8], "identifier": ident, "uri": f"https://example.org/{ident}"}


def _child(child: str, parent: str) -> dict[str, Any]:
    ident = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{child}>{parent}"))
    return {
        "identifier": ident,
        "associationType": "isChildOf",
        "uri": f"https://example.org/CFAssociations/{ident}",
        "originNodeURI": _link(child),
        "destinationNodeURI": _link(parent),
        "lastChangeDateTime": STAMP,
    }


def package() -> dict[str, Any]:
    """A small valid CFPackage: a document, items A, B, C; B and C children of A."""
    return {
        "CFDocument": {
            "identifier": DOC,
            "uri": f"https://example.org/CFDocuments/{DOC}",
            "creator": "Example State",
            "title": "Example Standards",
            "lastChangeDateTime": STAMP,
            "officialSourceURL": "https://example.org/standards",
        },
        "CFItems": [
            {
                "identifier": ident,
                "uri": f"https://example.org/CFItems/{ident}",
                "fullStatement": f"Explain thing {n} (where a < b).",
                "lastChangeDateTime": STAMP,
                "sequenceNumber": n,
                "CFDocumentURI": _link(DOC),
            }
            for n, ident in enumerate((A, B, C), 1)
        ],
        "CFAssociations": [
            _child(A, DOC),
            _child(B, A),
            _child(C, A),
            {**_child(C, MISSING), "associationType": "isRelatedTo"},  # outside: allowed
        ],
    }


def _read(pkg: dict[str, Any] | bytes) -> str:
    data = pkg if isinstance(pkg, bytes) else json.dumps(pkg).encode()
    with pytest.raises(IngestError) as info:
        read_framework_bytes(data, "f.json")
    return str(info.value)


def test_the_valid_package_is_accepted() -> None:
    found = read_framework_bytes(json.dumps(package()).encode(), "f.json")
    assert (found.identifier, found.title) == (DOC, "Example Standards")


def _with(edit: Any) -> dict[str, Any]:
    pkg = copy.deepcopy(package())
    edit(pkg)
    return pkg


def test_references_to_missing_nodes() -> None:
    pkg = _with(lambda p: p["CFAssociations"].append(_child(MISSING, A)))
    assert _read(pkg) == (
        f'f.json: CFAssociations[4] (isChildOf): originNodeURI "{MISSING}" is not a CFItem of '
        "this package."
    )
    pkg = _with(lambda p: p["CFAssociations"].append(_child(B, MISSING)))
    assert _read(pkg) == (
        f'f.json: CFAssociations[4] (isChildOf): destinationNodeURI "{MISSING}" is neither a '
        "CFItem of this package nor its CFDocument."
    )
    pkg = _with(lambda p: p["CFItems"][1].update(CFDocumentURI=_link(MISSING)))
    assert _read(pkg) == (
        "f.json: CFItems[1].CFDocumentURI does not name this package's CFDocument."
    )


def test_self_loops_and_cycles() -> None:
    pkg = _with(lambda p: p["CFAssociations"].append(_child(B, B)))
    assert _read(pkg) == f'f.json: CFAssociations[4] (isChildOf): "{B}" is its own parent.'
    pkg = _with(lambda p: p["CFAssociations"].append(_child(A, C)))  # A → C → A
    assert _read(pkg) == f'f.json: isChildOf cycle: "{A}" → "{C}" → "{A}".'


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"CFDocument": {}, "x": 1e999}', "f.json: not JSON: 1e999 is not a finite number."),
        (b'{"x": [-1E400]}', "f.json: not JSON: -1E400 is not a finite number."),
        (b'{"x": Infinity}', "f.json: not JSON: Infinity is not a JSON number."),
        (
            b'{"x": ' + b"9" * 40 + b"}",
            "f.json: not JSON: an integer of 40 digits is too long (the limit is 30).",
        ),
    ],
)
def test_non_finite_and_huge_numbers(raw: bytes, message: str) -> None:
    assert _read(raw) == message


def test_text_that_is_not_plain_text() -> None:
    def title(value: str) -> dict[str, Any]:
        return _with(lambda p: p["CFDocument"].update(title=value))

    assert _read(title("Sales\x00Managers")) == (
        "f.json: CFDocument.title holds the control character U+0000; only tab, line feed and "
        "carriage return are allowed."
    )
    assert _read(title("Bell\x07")).endswith(
        "holds the control character U+0007; only tab, line feed and carriage return are allowed."
    )
    # A lone surrogate (valid JSON escape, not text): refused, not an "unexpected failure".
    raw = json.dumps(package()).replace("Example Standards", "Example \\udc80").encode()
    assert _read(raw) == (
        "f.json: CFDocument.title holds a lone surrogate (U+DC80), which is not text."
    )
    assert _read(title("<script>alert(1)</script>")) == (
        'f.json: CFDocument.title holds HTML markup ("<script>aler…"); imported text must be '
        "plain text."
    )
    assert "holds HTML markup" in _read(title("x <img src=x onerror=alert(1)>"))
    assert "holds HTML markup" in _read(title("<!-- hidden -->"))
    pkg = _with(lambda p: p["CFDocument"].update(officialSourceURL=" java\tscript:alert(1)"))
    assert _read(pkg) == (
        "f.json: CFDocument.officialSourceURL is a javascript: link; links must be http(s) "
        "addresses."
    )
    pkg = _with(lambda p: p["CFItems"][0].update({"bad\x00key": 1}))
    assert _read(pkg) == (
        "f.json: a key in CFItems[0] holds the control character U+0000; only tab, line feed "
        "and carriage return are allowed."
    )


def test_oversize_side_data() -> None:
    junk = ["x" * 10_000] * 1_900  # 19 MB in a property nobody reads
    pkg = _with(lambda p: p.update(sources=junk))
    size = len(
        json.dumps(
            {k: v for k, v in pkg.items() if k != "CFItems" and k != "CFAssociations"},
            ensure_ascii=False,
        )
    )
    assert _read(pkg) == (
        f"f.json: the top level holds {size:,} characters of JSON (most of it in sources); "
        f"the limit for one node is {MAX_NODE:,}."
    )
    pkg = _with(lambda p: p["CFItems"][2].update({"x-notes": ["y" * 19_000] * 12}))
    message = _read(pkg)
    assert message.startswith("f.json: CFItems[2] holds ") and "(most of it in CFItems[2].x-n" in (
        message
    )
    # json-1.0: junk in the open "sources" object.
    doc = {"schemaVersion": "1.0", "sources": {f"k{i}": "z" * 19_000 for i in range(20)}}
    assert _read(doc).startswith("f.json: the top level holds ")


def test_many_problems_make_a_short_message() -> None:
    pkg = package()
    pkg["CFAssociations"] += [_child(str(uuid.uuid4()), A) for _ in range(5_000)]
    message = _read(pkg)
    assert message.startswith("f.json: 5,000 problems: CFAssociations[4] (isChildOf): ")
    assert message.endswith("; and 4,997 more.") and len(message) < 1_000
    # A schema error on a big value quotes it only in part.
    doc = {"schemaVersion": "1.0", "occupation": {"jobZone": ["q" * 15_000] * 10}}
    message = _read(doc)
    assert len(message) < 400 and message.startswith("f.json: ")
    # Many bad strings: the same.
    pkg = _with(lambda p: p.update(extra=["\x00"] * 10_000))
    message = _read(pkg)
    assert message.startswith("f.json: 10,000 problems: extra[0] holds the control character")
    assert len(message) < 1_000


def test_cli_refuses_and_stores_nothing(
    empty_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(empty_engine)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", empty_engine.url.render_as_string(False))
    opened: list[Engine] = []
    real_engine = cli_main.engine

    def engine(create: bool = False) -> Engine:
        opened.append(real_engine(create=create))
        return opened[-1]

    monkeypatch.setattr("skillsx.cli.main.engine", engine)
    hostile = {
        "surrogate.json": json.dumps(package())
        .replace("Example Standards", "Example \\ud800")
        .encode(),
        "cycle.json": json.dumps(
            _with(lambda p: p["CFAssociations"].append(_child(A, B)))
        ).encode(),
        "nul.json": json.dumps(_with(lambda p: p["CFDocument"].update(title="a\x00"))).encode(),
        "inf.json": json.dumps(package())
        .replace('"sequenceNumber": 1', '"sequenceNumber": 1e999')
        .encode(),
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(app, ["import", str(tmp_path / name)])
        assert result.exit_code == 1, result.output
        assert result.output.startswith(f"Error: {name}: "), result.output
        assert "unexpected" not in result.output and "Traceback" not in result.output
    with empty_engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(schema.external_frameworks))
    assert count == 0
    good = tmp_path / "good.json"
    good.write_text(json.dumps(package()))
    result = runner.invoke(app, ["import", str(good)])
    assert result.exit_code == 0, result.output
    for eng in opened:
        eng.dispose()
