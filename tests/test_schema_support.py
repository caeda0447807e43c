"""The fast validator of the full-build tests judges our documents as jsonschema does."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from sqlalchemy import Engine

from skillsx.export import export_document
from skillsx.store.builds import get_build, get_document
from tests.schema_support import fast_validator, load_schema


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("framework-full.schema.json", "json-full"), ("framework-export-1.0.schema.json", "json-1.0")],
)
def test_fast_and_reference_validators_agree(built_store: Engine, name: str, fmt: str) -> None:
    schema = load_schema(name)
    reference = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    fast = fast_validator(schema)
    with built_store.connect() as conn:
        build = get_build(conn)
        doc = json.loads(
            export_document(fmt, get_document(conn, "29-1141.00", build.id), build.version)
        )
    assert fast(doc) == [] and list(reference.iter_errors(doc)) == []
    broken = [copy.deepcopy(doc) for _ in range(4)]
    broken[0]["unexpected"] = 1  # additionalProperties
    broken[1].pop(next(iter(schema["required"])))  # required
    occupation = (lambda d: d["occupation"]) if "occupation" in doc else (lambda d: d)
    occupation(broken[2])["soc"] = "41-3091"  # pattern
    occupation(broken[3])["title"] = ""  # minLength
    for bad in broken:
        assert fast(bad) != [], bad.keys()
        assert list(reference.iter_errors(bad)) != []
