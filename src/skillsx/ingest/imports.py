"""Read a framework file of another system (or ours): a json-1.0 export or a CASE CFPackage.

Everything is checked before anything is stored: size, encoding, JSON syntax, nesting depth,
string lengths, then the format's own structure. The first problem found is raised as one
``IngestError`` that names the file, the place in it and what was expected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from skillsx.errors import IngestError

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 32
MAX_STRING = 20_000
JSON_V1 = "json-1.0"
CASE = "case"
CASE_VERSIONS = ("1.0", "1.1")
#: Required properties of each CASE 1.1 class this reads (from the CASE 1.1 information model).
CASE_REQUIRED: dict[str, tuple[str, ...]] = {
    "CFDocument": ("identifier", "uri", "creator", "title", "lastChangeDateTime"),
    "CFItem": ("identifier", "fullStatement", "uri", "lastChangeDateTime"),
    "CFAssociation": (
        "identifier",
        "associationType",
        "uri",
        "originNodeURI",
        "destinationNodeURI",
        "lastChangeDateTime",
    ),
    "LinkURI": ("title", "identifier", "uri"),
    "CFRubric": ("identifier", "uri", "lastChangeDateTime"),
    "CFRubricCriterion": ("identifier", "uri", "lastChangeDateTime"),
    "CFRubricCriterionLevel": ("identifier", "uri", "lastChangeDateTime"),
}
ASSOCIATION_TYPES = (
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
)
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
SCHEMA_FILE = Path(__file__).parents[1] / "export/schemas/framework-export-1.0.schema.json"
_SOC_URL = re.compile(r"/summary/(\d{2}-\d{4}\.\d{2})$")


@dataclass(frozen=True)
class ImportedFramework:
    """A checked framework file, ready to store."""

    kind: str  # json-1.0 | case
    identifier: str  # CFDocument identifier, or the SOC code of a json-1.0 file
    title: str
    soc: str | None
    version: str | None
    document: dict[str, Any]


def _fail(name: str, message: str) -> IngestError:
    return IngestError(message, file=name)


def _where(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "the top level"


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


def _parse(data: bytes, name: str) -> Any:
    if len(data) > MAX_BYTES:
        raise _fail(name, f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(name, f"not UTF-8 text (byte {exc.start:,} is invalid).") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _fail(
            name, f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except ValueError as exc:
        raise _fail(name, f"not JSON: {exc}.") from None
    except RecursionError:
        raise _fail(name, f"JSON nested deeper than {MAX_DEPTH} levels.") from None


def _check_shape(value: Any, name: str) -> None:
    """Depth and string length, without recursion (a hostile file must not exhaust the stack)."""
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise _fail(name, f"JSON nested deeper than {MAX_DEPTH} levels.")
        if isinstance(node, str) and len(node) > MAX_STRING:
            raise _fail(
                name,
                f"{_where(path)} is a string of {len(node):,} characters; "
                f"the limit is {MAX_STRING:,}.",
            )
        if isinstance(node, dict):
            for key, child in node.items():
                if len(key) > MAX_STRING:
                    raise _fail(name, f"a key in {_where(path)} is too long.")
                stack.append((child, [*path, key]))
        elif isinstance(node, list):
            stack.extend((child, [*path, i]) for i, child in enumerate(node))


@cache
def _json_v1_validator() -> jsonschema.Draft202012Validator:
    # The export's committed copy of the contract, read as a file (ingest does not import export).
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _read_json_v1(doc: dict[str, Any], name: str) -> ImportedFramework:
    version = doc["schemaVersion"]
    if version != "1.0":
        raise _fail(name, f'unknown schemaVersion {json.dumps(version)}; this version reads "1.0".')
    error = jsonschema.exceptions.best_match(_json_v1_validator().iter_errors(doc))
    if error is not None:
        raise _fail(name, f"{_where(list(error.absolute_path))}: {error.message}.")
    occupation = doc["occupation"]
    return ImportedFramework(
        kind=JSON_V1,
        identifier=occupation["soc"],
        title=occupation["title"],
        soc=occupation["soc"],
        version=doc["framework"]["version"],
        document=doc,
    )


def _require(node: Any, cls: str, path: list[str | int], name: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise _fail(name, f"{_where(path)} must be an object ({cls}), not {_kind(node)}.")
    for key in CASE_REQUIRED[cls]:
        if key not in node:
            raise _fail(name, f'{_where(path)} ({cls}) lacks the required property "{key}".')
    for key in ("identifier", "uri", "title", "fullStatement", "lastChangeDateTime"):
        if key in node and not isinstance(node[key], str):
            raise _fail(name, f"{_where([*path, key])} must be a string, not {_kind(node[key])}.")
    if "identifier" in node and not _UUID.match(node["identifier"]):
        raise _fail(name, f'{_where([*path, "identifier"])} "{node["identifier"]}" is not a UUID.')
    return node


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _array(pkg: dict[str, Any], key: str, name: str, path: list[str | int]) -> list[Any]:
    value = pkg.get(key, [])
    if not isinstance(value, list):
        raise _fail(name, f"{_where([*path, key])} must be an array, not {_kind(value)}.")
    return value


def _read_case(pkg: dict[str, Any], name: str) -> ImportedFramework:
    doc = _require(pkg["CFDocument"], "CFDocument", ["CFDocument"], name)
    case_version = doc.get("caseVersion", "1.0")
    if case_version not in CASE_VERSIONS:
        raise _fail(
            name,
            f"unknown CFDocument.caseVersion {json.dumps(case_version)}; this version reads "
            f"{' and '.join(CASE_VERSIONS)}.",
        )
    seen: dict[str, str] = {doc["identifier"]: "CFDocument"}

    def unique(node: dict[str, Any], path: list[str | int]) -> None:
        ident = node["identifier"]
        if ident in seen:
            raise _fail(name, f'{_where(path)}.identifier "{ident}" is also {seen[ident]}.')
        seen[ident] = _where(path)

    for i, item in enumerate(_array(pkg, "CFItems", name, [])):
        unique(_require(item, "CFItem", ["CFItems", i], name), ["CFItems", i])
    for i, assoc in enumerate(_array(pkg, "CFAssociations", name, [])):
        path: list[str | int] = ["CFAssociations", i]
        unique(_require(assoc, "CFAssociation", path, name), path)
        if assoc["associationType"] not in ASSOCIATION_TYPES:
            raise _fail(
                name,
                f"{_where([*path, 'associationType'])} {json.dumps(assoc['associationType'])} "
                f"is not a CASE association type ({', '.join(ASSOCIATION_TYPES)}).",
            )
        for end in ("originNodeURI", "destinationNodeURI"):
            _require(assoc[end], "LinkURI", [*path, end], name)
    for i, rubric in enumerate(_array(pkg, "CFRubrics", name, [])):
        rpath: list[str | int] = ["CFRubrics", i]
        unique(_require(rubric, "CFRubric", rpath, name), rpath)
        for j, crit in enumerate(_array(rubric, "CFRubricCriteria", name, rpath)):
            cpath = [*rpath, "CFRubricCriteria", j]
            unique(_require(crit, "CFRubricCriterion", cpath, name), cpath)
            for k, level in enumerate(_array(crit, "CFRubricCriterionLevels", name, cpath)):
                lpath = [*cpath, "CFRubricCriterionLevels", k]
                unique(_require(level, "CFRubricCriterionLevel", lpath, name), lpath)
    definitions = pkg.get("CFDefinitions", {})
    if not isinstance(definitions, dict):
        raise _fail(name, f"CFDefinitions must be an object, not {_kind(definitions)}.")
    source = doc.get("officialSourceURL")
    match = _SOC_URL.search(source) if isinstance(source, str) else None
    version = doc.get("version")
    return ImportedFramework(
        kind=CASE,
        identifier=doc["identifier"],
        title=doc["title"],
        soc=match[1] if match else None,
        version=version if isinstance(version, str) else None,
        document=pkg,
    )


def read_framework_bytes(data: bytes, name: str) -> ImportedFramework:
    """Check one framework file's bytes; ``name`` is used in error messages."""
    doc = _parse(data, name)
    if not isinstance(doc, dict):
        raise _fail(
            name,
            f"the top level is {_kind(doc)}; expected an object (a json-1.0 export or a CASE "
            "CFPackage).",
        )
    _check_shape(doc, name)
    if "schemaVersion" in doc:
        return _read_json_v1(doc, name)
    if "CFDocument" in doc:
        return _read_case(doc, name)
    raise _fail(
        name,
        'neither a json-1.0 export (no "schemaVersion") nor a CASE CFPackage (no "CFDocument").',
    )


def read_framework_file(path: Path) -> ImportedFramework:
    """Check one framework file: a json-1.0 export or a CASE 1.0/1.1 CFPackage."""
    if not path.is_file():
        raise _fail(str(path), "no such file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _fail(path.name, f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes.")
    return read_framework_bytes(path.read_bytes(), path.name)
