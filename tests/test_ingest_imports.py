"""Import of json-1.0 and CASE files: round trips, and one exact error (nothing stored) per
malformed or hostile file."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from skillsx.cli.main import app
from skillsx.errors import ExportError, IngestError
from skillsx.export import export_document
from skillsx.export.external import export_external
from skillsx.ingest.imports import MAX_BYTES, read_framework_bytes, read_framework_file
from skillsx.store import schema
from skillsx.store.builds import get_document
from skillsx.store.external import get_external, list_external, load_external
from skillsx.store.migrations import migrate

SOC = "11-2022.00"
runner = CliRunner()


@pytest.fixture
def document(built_store: Engine) -> dict[str, Any]:
    with built_store.connect() as conn:
        return get_document(conn, SOC)


def _store(engine: Engine, data: bytes, name: str) -> int:
    found = read_framework_bytes(data, name)
    info, _ = load_external(
        engine,
        kind=found.kind,
        identifier=found.identifier,
        title=found.title,
        soc=found.soc,
        version=found.version,
        document=found.document,
        source_name=name,
    )
    return info.id


def test_case_round_trip_is_identical(built_store: Engine, document: dict[str, Any]) -> None:
    migrate(built_store)
    first = export_document("case", document, "v.26.11")
    number = _store(built_store, first, "sales.case.json")
    with built_store.connect() as conn:
        info, stored = get_external(conn, number)
    assert (info.kind, info.identifier, info.soc, info.version) == (
        "case",
        "9796cddb-88b7-58f3-a5ae-7ab3c98c9e35",
        SOC,
        "v.26.11",
    )
    assert info.title == "Sales Managers proficiency framework"
    assert export_external("case", stored, "case") == first


def test_json_round_trip_is_identical_but_for_the_time(
    built_store: Engine, document: dict[str, Any]
) -> None:
    migrate(built_store)
    first = export_document("json-1.0", document, "v.26.11")
    number = _store(built_store, first, "sales.json")
    with built_store.connect() as conn:
        info, stored = get_external(conn, number)
    assert (info.kind, info.identifier, info.version) == ("json-1.0", SOC, "v.26.11")
    later = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    again = json.loads(export_external("json-1.0", stored, "json-1.0", now=later))
    original = json.loads(first)
    assert again.pop("exportedAt") == "2030-01-02T03:04:05Z"
    original.pop("exportedAt")
    assert again == original
    with pytest.raises(ExportError, match=r"exports only as its own format \(json-1.0\), not "):
        export_external("json-1.0", stored, "case")


def test_reimport_replaces_and_keeps_identifiers(
    built_store: Engine, document: dict[str, Any]
) -> None:
    migrate(built_store)
    data = export_document("case", document, "v.26.11")
    _store(built_store, data, "a.json")
    _store(built_store, data, "b.json")
    with built_store.connect() as conn:
        same = [x for x in list_external(conn) if x.kind == "case"]
    assert [(x.identifier, x.source_name) for x in same] == [
        ("9796cddb-88b7-58f3-a5ae-7ab3c98c9e35", "b.json")
    ]


def test_someone_elses_case_package() -> None:
    pkg = {
        "CFDocument": {
            "identifier": "c5fb0812-d7cb-11e8-824f-0242ac160002",
            "uri": "https://example.org/CFDocuments/c5fb0812-d7cb-11e8-824f-0242ac160002",
            "creator": "Example State",
            "title": "Example Standards",
            "lastChangeDateTime": "2019-01-01T00:00:00+00:00",
        },
        "CFItems": [
            {
                "identifier": "c5fb0813-d7cb-11e8-824f-0242ac160002",
                "uri": "https://example.org/CFItems/c5fb0813-d7cb-11e8-824f-0242ac160002",
                "fullStatement": "Explain a thing.",
                "lastChangeDateTime": "2019-01-01T00:00:00+00:00",
                "x-vendor": {"kept": True},
            }
        ],
    }
    found = read_framework_bytes(json.dumps(pkg).encode(), "other.json")
    assert (found.kind, found.identifier, found.soc, found.version) == (
        "case",
        "c5fb0812-d7cb-11e8-824f-0242ac160002",
        None,
        None,
    )
    assert found.document == pkg


def _case(document: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_document("case", document, "v.26.11"))
    return data


def _json(document: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_document("json-1.0", document, "v.26.11"))
    return data


def _edit(data: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node = out
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


def _deep(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


HOSTILE_BYTES = [
    (b"", "f.json: not JSON: Expecting value at line 1, column 1."),
    (
        b"{'a': 1}",
        "f.json: not JSON: Expecting property name enclosed in double quotes at line 1, column 2.",
    ),
    (b"\xff\xfe{}", "f.json: not UTF-8 text (byte 0 is invalid)."),
    (b'{"a": NaN}', "f.json: not JSON: NaN is not a JSON number."),
    (
        b"[1, 2]",
        "f.json: the top level is an array; expected an object (a json-1.0 export "
        "or a CASE CFPackage).",
    ),
    (
        b'{"hello": "world"}',
        'f.json: neither a json-1.0 export (no "schemaVersion") nor a '
        'CASE CFPackage (no "CFDocument").',
    ),
    (_deep(100_000), "f.json: JSON nested deeper than 32 levels."),
    (b'{"CFDocument": ' + _deep(40) + b"}", "f.json: JSON nested deeper than 32 levels."),
    (
        b"{" + b" " * (MAX_BYTES + 1) + b"}",
        f"f.json: the file is {MAX_BYTES + 3:,} bytes; the limit is {MAX_BYTES:,} bytes.",
    ),
]


@pytest.mark.parametrize(("data", "message"), HOSTILE_BYTES)
def test_hostile_bytes(data: bytes, message: str) -> None:
    with pytest.raises(IngestError) as info:
        read_framework_bytes(data, "f.json")
    assert str(info.value) == message


JSON_CASES = [
    (["schemaVersion"], "2.0", 'f.json: unknown schemaVersion "2.0"; this version reads "1.0".'),
    (["schemaVersion"], 1, 'f.json: unknown schemaVersion 1; this version reads "1.0".'),
    (
        ["occupation", "jobZone"],
        "four",
        "f.json: occupation.jobZone: 'four' is not of type 'integer'.",
    ),
    (["occupation", "title"], KeyError, "f.json: occupation: 'title' is a required property."),
    (
        ["framework", "levels", "emerging", "statements"],
        ["Too short."],
        "f.json: framework.levels.emerging.statements: ['Too short.'] is too short.",
    ),
    (
        ["framework", "description"],
        "x" * 20_001,
        "f.json: framework.description is a string of 20,001 characters; the limit is 20,000.",
    ),
    (
        ["extra"],
        1,
        "f.json: the top level: Additional properties are not allowed ('extra' was unexpected).",
    ),
]


@pytest.mark.parametrize(("path", "value", "message"), JSON_CASES)
def test_malformed_json_v1(
    document: dict[str, Any], path: list[Any], value: Any, message: str
) -> None:
    data = json.dumps(_edit(_json(document), path, value)).encode()
    with pytest.raises(IngestError) as info:
        read_framework_bytes(data, "f.json")
    assert str(info.value) == message


CASE_CASES = [
    (
        ["CFDocument", "caseVersion"],
        "2.0",
        'f.json: unknown CFDocument.caseVersion "2.0"; this version reads 1.0 and 1.1.',
    ),
    (["CFDocument"], [], "f.json: CFDocument must be an object (CFDocument), not an array."),
    (
        ["CFDocument", "title"],
        KeyError,
        'f.json: CFDocument (CFDocument) lacks the required property "title".',
    ),
    (
        ["CFDocument", "identifier"],
        "not-a-uuid",
        'f.json: CFDocument.identifier "not-a-uuid" is not a UUID.',
    ),
    (["CFItems"], {}, "f.json: CFItems must be an array, not an object."),
    (
        ["CFItems", 3, "fullStatement"],
        42,
        "f.json: CFItems[3].fullStatement must be a string, not a number.",
    ),
    (
        ["CFItems", 5, "uri"],
        KeyError,
        'f.json: CFItems[5] (CFItem) lacks the required property "uri".',
    ),
    (
        ["CFAssociations", 0, "associationType"],
        "isFriendOf",
        "f.json: CFAssociations[0]"
        '.associationType "isFriendOf" is not a CASE association type (isChildOf, isPeerOf, '
        "isPartOf, exactMatchOf, precedes, isRelatedTo, replacedBy, exemplar, hasSkillLevel, "
        "isTranslationOf).",
    ),
    (
        ["CFAssociations", 1, "originNodeURI", "identifier"],
        KeyError,
        "f.json: "
        'CFAssociations[1].originNodeURI (LinkURI) lacks the required property "identifier".',
    ),
    (
        ["CFItems", 1, "fullStatement"],
        "y" * 30_000,
        "f.json: CFItems[1].fullStatement is a string of 30,000 characters; the limit is 20,000.",
    ),
    (
        ["CFRubrics", 0, "CFRubricCriteria", 2, "CFRubricCriterionLevels", 1, "identifier"],
        None,
        "f.json: CFRubrics[0].CFRubricCriteria[2].CFRubricCriterionLevels[1].identifier must be "
        "a string, not null.",
    ),
    (["CFDefinitions"], "none", "f.json: CFDefinitions must be an object, not a string."),
]


@pytest.mark.parametrize(("path", "value", "message"), CASE_CASES)
def test_malformed_case(
    document: dict[str, Any], path: list[Any], value: Any, message: str
) -> None:
    data = json.dumps(_edit(_case(document), path, value)).encode()
    with pytest.raises(IngestError) as info:
        read_framework_bytes(data, "f.json")
    assert str(info.value) == message


def test_duplicate_case_identifier(document: dict[str, Any]) -> None:
    pkg = _case(document)
    pkg["CFItems"][2]["identifier"] = pkg["CFItems"][0]["identifier"]
    with pytest.raises(IngestError) as info:
        read_framework_bytes(json.dumps(pkg).encode(), "f.json")
    assert str(info.value) == (
        f'f.json: CFItems[2].identifier "{pkg["CFItems"][0]["identifier"]}" is also CFItems[0].'
    )


def test_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"^.*/nope\.json: no such file\.$"):
        read_framework_file(tmp_path / "nope.json")
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(IngestError) as info:
        read_framework_file(big)
    assert str(info.value) == (
        f"big.json: the file is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,} bytes."
    )


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(schema.external_frameworks)))


def test_cli_import_and_export(
    built_store: Engine,
    document: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    migrate(built_store)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", built_store.url.render_as_string(False))
    exported = tmp_path / "sales.case.json"
    result = runner.invoke(app, ["export", SOC, "--format", "case", "--out", str(exported)])
    assert result.exit_code == 0, result.output
    before = _count(built_store)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schemaVersion": "9.9"}')
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 1
    assert (
        result.output == 'Error: bad.json: unknown schemaVersion "9.9"; this version reads "1.0".\n'
    )
    assert _count(built_store) == before

    result = runner.invoke(app, ["import", str(exported)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        'Imported case framework "Sales Managers proficiency framework" '
        "(9796cddb-88b7-58f3-a5ae-7ab3c98c9e35) as number "
    )
    number = result.output.split("as number ")[1].split(";")[0].rstrip(".\n")
    again = tmp_path / "again.json"
    # An import exports in its own format unless told otherwise.
    result = runner.invoke(app, ["export", "--external", number, "--out", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == exported.read_bytes()
    result = runner.invoke(app, ["export", "--external", number, "--format", "pdf"])
    assert result.exit_code == 1
    assert 'exports only as its own format (case), not "pdf".' in result.output
