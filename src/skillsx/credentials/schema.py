"""The Open Badges 3.0 ``AchievementCredential`` JSON Schema (1EdTech, draft 2019-09).

``schemas/achievementcredential.schema.json`` is a copy of
``../shared/schema/openbadges-3.0/`` (a test keeps them identical).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft201909Validator

from skillsx.credentials.jsonld import SCHEMAS


@functools.cache
def _validator() -> Draft201909Validator:
    schema = json.loads((SCHEMAS / "achievementcredential.schema.json").read_text())
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def schema_problems(credential: Any, limit: int = 5) -> list[str]:
    """What the schema finds wrong with ``credential``, each with the path of the value."""
    errors = sorted(_validator().iter_errors(credential), key=lambda e: list(e.absolute_path))
    out = []
    for error in errors[:limit]:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        out.append(f"{where.lstrip('.') or '(the credential)'}: {error.message[:200]}")
    if len(errors) > limit:
        out.append(f"and {len(errors) - limit} more")
    return out
