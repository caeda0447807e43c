"""Read a framework file of another system (or ours): a json-1.0 export or a CASE CFPackage.

Everything is checked before anything is stored: size, encoding, JSON syntax (finite numbers
only), nesting depth, string lengths, the text itself (no control characters, lone surrogates,
HTML markup or script links), the size of each node, then the format's own structure and, for
CASE, its graph (``isChildOf`` ends present, no cycles or self-loops). Problems are raised as
one ``IngestError`` that names the file, the place in it and what was expected; when there are
several, the first few and a count, so a hostile file cannot make the message itself huge.

HTML in imported text is refused rather than rewritten: an import is stored and exported back
as the very file that came in (a CASE round trip is byte-identical), so changing it silently
would be worse than saying what to fix. Text such as ``a < b`` is fine; ``<b``, ``<script``,
``<!--`` and ``</`` are markup.
"""

from __future__ import annotations

import json
import math
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
#: The most JSON (in characters) one node may hold outside the node lists it contains: the
#: json-1.0 document; a CASE package's own properties (CFDocument, anything unknown), each
#: CFItem, CFAssociation, definition and rubric (criteria and levels each counted apart).
MAX_NODE = 200_000
#: The most digits an integer may have (larger ones lose precision in most JSON readers).
MAX_DIGITS = 30
#: How many problems an error message lists before it only counts the rest.
SHOWN_PROBLEMS = 3
#: How much of a quoted value or a key a message shows.
CLIP = 60
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
#: CASE lists of nodes: their entries are measured one by one against ``MAX_NODE``.
NODE_LISTS = frozenset(
    {
        "CFItems",
        "CFAssociations",
        "CFRubrics",
        "CFRubricCriteria",
        "CFRubricCriterionLevels",
        "CFConcepts",
        "CFSubjects",
        "CFLicenses",
        "CFItemTypes",
        "CFAssociationGroupings",
    }
)
#: C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: The start of an HTML tag, end tag, comment, doctype or processing instruction.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
#: Links that run code when followed (checked in properties named *uri, *url or href, after
#: dropping the spaces and controls a browser ignores there).
_SCRIPT_LINK = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_IGNORED_IN_LINKS = re.compile(r"[\x00-\x20\x7f-\x9f]+")
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


def _clip(text: str, limit: int = CLIP) -> str:
    """``text`` cut to ``limit`` characters for a message, control characters shown as
    ``U+XXXX`` so the message itself stays one printable line."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", lambda m: f"<U+{ord(m[0]):04X}>", text)


def _problems(name: str, problems: list[str], total: int | None = None) -> IngestError:
    """One error for several problems: the first few in full, then how many there are."""
    total = len(problems) if total is None else total
    shown = [_clip(p, 300) for p in problems[:SHOWN_PROBLEMS]]
    if total == 1:
        return _fail(name, shown[0])
    more = total - len(shown)
    tail = f"; and {more:,} more" if more else ""
    return _fail(
        name, f"{total:,} problems: " + "; ".join(p.rstrip(".") for p in shown) + tail + "."
    )


def _where(path: list[str | int]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = _clip(part, 40)
            out += f".{part}" if out else part
    return out or "the top level"


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(f"{_clip(token, 30)} is not a finite number")
    return value


def _bounded_int(token: str) -> int:
    digits = len(token.lstrip("-"))
    if digits > MAX_DIGITS:
        raise ValueError(f"an integer of {digits:,} digits is too long (the limit is {MAX_DIGITS})")
    return int(token)


def _parse(data: bytes, name: str) -> Any:
    if len(data) > MAX_BYTES:
        raise _fail(name, f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(name, f"not UTF-8 text (byte {exc.start:,} is invalid).") from None
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise _fail(
            name, f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except ValueError as exc:
        raise _fail(name, f"not JSON: {exc}.") from None
    except RecursionError:
        raise _fail(name, f"JSON nested deeper than {MAX_DEPTH} levels.") from None


def _text_problem(text: str, path: list[str | int], what: str = "") -> str | None:
    """What is wrong with one string of the file (a value, or a key when ``what`` says so)."""
    where = what or _where(path)
    if len(text) > MAX_STRING:
        if what:
            return f"{where} is too long ({len(text):,} characters; the limit is {MAX_STRING:,})."
        return f"{where} is a string of {len(text):,} characters; the limit is {MAX_STRING:,}."
    bad = _SURROGATE.search(text)
    if bad:
        return f"{where} holds a lone surrogate (U+{ord(bad[0]):04X}), which is not text."
    bad = _CONTROL.search(text)
    if bad:
        return (
            f"{where} holds the control character U+{ord(bad[0]):04X}; only tab, line feed and "
            "carriage return are allowed."
        )
    bad = _MARKUP.search(text)
    if bad:
        start = text[bad.start() : bad.start() + 12]
        return f'{where} holds HTML markup ("{_clip(start)}…"); imported text must be plain text.'
    key = path[-1] if path and isinstance(path[-1], str) else ""
    if not what and key.lower().endswith(("uri", "url", "href")):
        link = _SCRIPT_LINK.match(_IGNORED_IN_LINKS.sub("", text))
        if link:
            return f"{where} is a {link[1].lower()}: link; links must be http(s) addresses."
    return None


def _check_shape(value: Any, name: str) -> None:
    """Depth, string length and the text of every string and key, without recursion (a hostile
    file must not exhaust the stack); problems are gathered, in file order."""
    problems: list[str] = []
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise _fail(name, f"JSON nested deeper than {MAX_DEPTH} levels.")
        if isinstance(node, str):
            found = _text_problem(node, path)
            if found:
                problems.append(found)
        elif isinstance(node, dict):
            for key in node:
                found = _text_problem(key, path, f"a key in {_where(path)}")
                if found:
                    problems.append(found)
            stack.extend((child, [*path, key]) for key, child in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((node[i], [*path, i]) for i in range(len(node) - 1, -1, -1))
    if problems:
        raise _problems(name, problems)


def _nodes(node: dict[str, Any], path: list[str | int]) -> Any:
    """(path, JSON) of every unit measured against ``MAX_NODE``: ``node`` without its node
    lists, then each entry of those lists the same way."""
    own = {k: v for k, v in node.items() if not (k in NODE_LISTS or k == "CFDefinitions")}
    yield path, own
    for key, value in node.items():
        if key == "CFDefinitions" and isinstance(value, dict):
            yield from _nodes(value, [*path, key])
        elif key in NODE_LISTS and isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, dict):
                    yield from _nodes(entry, [*path, key, i])
                else:
                    yield [*path, key, i], entry


def _check_sizes(doc: dict[str, Any], name: str) -> None:
    """No node holds more than ``MAX_NODE`` characters of JSON (junk in a side property)."""
    problems = []
    for path, unit in _nodes(doc, []):
        size = len(json.dumps(unit, ensure_ascii=False))
        if size > MAX_NODE:
            largest = ""
            if isinstance(unit, dict) and unit:
                key = max(unit, key=lambda k: len(json.dumps(unit[k], ensure_ascii=False)))
                largest = f" (most of it in {_where([*path, key])})"
            problems.append(
                f"{_where(path)} holds {size:,} characters of JSON{largest}; the limit for one "
                f"node is {MAX_NODE:,}."
            )
    if problems:
        raise _problems(name, problems)


@cache
def _json_v1_validator() -> jsonschema.Draft202012Validator:
    # The export's committed copy of the contract, read as a file (ingest does not import export).
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _read_json_v1(doc: dict[str, Any], name: str) -> ImportedFramework:
    version = doc["schemaVersion"]
    if version != "1.0":
        raise _fail(
            name, f'unknown schemaVersion {_clip(json.dumps(version))}; this version reads "1.0".'
        )
    error = jsonschema.exceptions.best_match(_json_v1_validator().iter_errors(doc))
    if error is not None:
        raise _fail(name, _clip(f"{_where(list(error.absolute_path))}: {error.message}", 300) + ".")
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
        ident = _clip(node["identifier"])
        raise _fail(name, f'{_where([*path, "identifier"])} "{ident}" is not a UUID.')
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
            f"unknown CFDocument.caseVersion {_clip(json.dumps(case_version))}; this version reads "
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
            kind = _clip(json.dumps(assoc["associationType"]))
            raise _fail(
                name,
                f"{_where([*path, 'associationType'])} {kind} "
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
    _check_graph(pkg, name)
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


def _check_graph(pkg: dict[str, Any], name: str) -> None:
    """The package's own references hold: both ends of each ``isChildOf`` are nodes of the
    package (a CFItem, a child of a CFItem or of the CFDocument), no item is its own parent or
    ancestor, items name this CFDocument, rubric criteria name its items. Other association
    types may point outside the package (ours relate statements to O*NET records)."""
    doc_id = pkg["CFDocument"]["identifier"]
    items = {item["identifier"] for item in pkg.get("CFItems", [])}
    problems: list[str] = []
    parents: dict[str, list[str]] = {}
    for i, assoc in enumerate(pkg.get("CFAssociations", [])):
        if assoc["associationType"] != "isChildOf":
            continue
        path: list[str | int] = ["CFAssociations", i]
        child = assoc["originNodeURI"]["identifier"]
        parent = assoc["destinationNodeURI"]["identifier"]
        if child not in items:
            problems.append(
                f'{_where(path)} (isChildOf): originNodeURI "{_clip(child)}" is not a CFItem '
                "of this package."
            )
        if parent not in items and parent != doc_id:
            problems.append(
                f'{_where(path)} (isChildOf): destinationNodeURI "{_clip(parent)}" is neither '
                "a CFItem of this package nor its CFDocument."
            )
        if child == parent:
            problems.append(f'{_where(path)} (isChildOf): "{_clip(child)}" is its own parent.')
        elif child in items and parent in items:
            parents.setdefault(child, []).append(parent)
    problems += [
        "isChildOf cycle: " + " → ".join(f'"{_clip(n, 40)}"' for n in cycle) + "."
        for cycle in _cycles(parents)
    ]
    for i, item in enumerate(pkg.get("CFItems", [])):
        link = item.get("CFDocumentURI")
        if isinstance(link, dict) and link.get("identifier") != doc_id:
            problems.append(
                f"{_where(['CFItems', i, 'CFDocumentURI'])} does not name this package's "
                "CFDocument."
            )
    for i, rubric in enumerate(pkg.get("CFRubrics", [])):
        for j, crit in enumerate(rubric.get("CFRubricCriteria", [])):
            link = crit.get("CFItemURI")
            if isinstance(link, dict) and link.get("identifier") not in items:
                where = _where(["CFRubrics", i, "CFRubricCriteria", j, "CFItemURI"])
                problems.append(f"{where} is not a CFItem of this package.")
    if problems:
        raise _problems(name, problems)


def _cycles(parents: dict[str, list[str]]) -> list[list[str]]:
    """Cycles of the child → parent graph (each found once, shown closed: a → b → a);
    iterative, so a long chain cannot exhaust the stack."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: list[list[str]] = []
    for start in parents:
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, nxt = stack.pop()
            if nxt == 0:
                state[node] = 1
                path.append(node)
            edges = parents.get(node, [])
            if nxt < len(edges):
                stack.append((node, nxt + 1))
                target = edges[nxt]
                if state.get(target) == 1:
                    found.append([*path[path.index(target) :], target])
                elif target not in state:
                    stack.append((target, 0))
            else:
                state[node] = 2
                path.pop()
    return found


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
    _check_sizes(doc, name)
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
