"""A fast JSON Schema check for the full-build tests (923 documents per format).

``fastjsonschema`` compiles a schema to Python and is about five times faster than
``jsonschema`` on our page documents; it implements drafts 4-7. Our schemas declare draft
2020-12 but use only keywords those drafts share, which ``fast_validator`` asserts, so the two
libraries judge our documents alike (``tests/test_schema_support.py`` checks that they do).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema

SCHEMAS = Path(__file__).resolve().parents[1] / "src/skillsx/export/schemas"
# Keywords with the same meaning in draft 7 and draft 2020-12.
SHARED_KEYWORDS = frozenset(
    """$schema $id $ref $defs title description type properties required additionalProperties
items minItems maxItems uniqueItems minLength maxLength pattern minimum maximum enum const
format if then else minProperties maxProperties anyOf oneOf allOf not""".split()
)


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text())


def keywords(schema: Any) -> set[str]:
    """Every keyword a schema uses (property names and $defs names excluded)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= keywords(sub)
            else:
                found |= keywords(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= keywords(item)
    return found


def fast_validator(schema: dict[str, Any]) -> Callable[[Any], list[str]]:
    """A compiled check returning the first error message (empty list when valid)."""
    unknown = keywords(schema) - SHARED_KEYWORDS
    assert not unknown, f"schema uses keywords fastjsonschema may not implement: {unknown}"
    compiled = fastjsonschema.compile(schema)

    def errors(document: Any) -> list[str]:
        try:
            compiled(document)
        except fastjsonschema.JsonSchemaValueException as exc:
            return [f"{exc.name}: {exc.message}"]
        return []

    return errors
