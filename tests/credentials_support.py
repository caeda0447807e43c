"""Helpers for the credential tests: the shared Open Badges files, decoding, re-signing."""

from __future__ import annotations

import copy
import itertools
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
from jsonschema import Draft201909Validator
from pyld import jsonld

from skillsx.credentials.achievement import RATINGS
from skillsx.credentials.jsonld import VC_V2, VC_V2_CONTEXT
from skillsx.credentials.keys import IssuerKey, key_url
from skillsx.credentials.sign import claims_for
from skillsx.credentials.verify import CLAIMS

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "schema" / "openbadges-3.0"
PUBLIC_URL = "https://skills.example.org"
SOC = "41-3091.00"
#: A fixed moment inside every test key's window, so dates in tests never drift.
NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)


def shared_validator() -> Draft201909Validator:
    schema = json.loads((SHARED / "achievementcredential.schema.json").read_text())
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


def shared_loader(url: str, options: Any = None) -> dict[str, Any]:
    """The OB context from ../shared (never the package's copy), the W3C one as declared."""
    documents = {
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": json.loads(
            (SHARED / "context-3.0.3.json").read_text()
        ),
        VC_V2: copy.deepcopy(VC_V2_CONTEXT),
    }
    if url not in documents:
        raise AssertionError(f"the expansion asked for {url}")
    return {"contextUrl": None, "documentUrl": url, "document": documents[url]}


def expand_shared(credential: dict[str, Any]) -> list[dict[str, Any]]:
    return jsonld.expand(copy.deepcopy(credential), {"documentLoader": shared_loader})


def payload(token: str) -> dict[str, Any]:
    """The JWT payload, unverified."""
    return jwt.decode(token.strip(), options={"verify_signature": False})


def body(token: str) -> dict[str, Any]:
    """The credential in a token: its payload without the registered claims."""
    return {k: v for k, v in payload(token).items() if k not in CLAIMS}


def resign(
    credential: dict[str, Any],
    key: IssuerKey,
    *,
    claims: dict[str, Any] | None = None,
    header: dict[str, Any] | None = None,
) -> str:
    """Sign ``credential`` as-is (no checks), claims derived from it unless given."""
    head = {"alg": "EdDSA", "typ": "JWT", "kid": key_url(PUBLIC_URL, key.thumbprint)}
    return jwt.encode(
        {**credential, **(claims if claims is not None else claims_for(credential))},
        key.private,
        algorithm="EdDSA",
        headers={**head, **(header or {})},
    )


def keys_of(value: Any) -> set[str]:
    """Every key of a JSON document, at any depth (its @context aside)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "@context":
                found.add(k)
                found |= keys_of(v)
    elif isinstance(value, list):
        for v in value:
            found |= keys_of(v)
    return found


def iris_of(value: Any) -> set[str]:
    """Every property IRI of an expanded document."""
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("@"):
                found.add(k)
            found |= iris_of(v)
    elif isinstance(value, list):
        for v in value:
            found |= iris_of(v)
    return found


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def assessment_of(document: dict[str, Any], version: str) -> dict[str, Any]:
    """A whole self-assessment in the shape docs/credentials.md gives, over every statement."""
    fw = document["framework"]
    cycle = itertools.cycle(RATINGS)
    ratings = [
        {
            "statement_id": f"{s['level']}:{s['order']}",
            "theme": s["theme"],
            "level": s["level"],
            "text": f"{s['subject']} — {s['action']}",
            "rating": next(cycle),
        }
        for s in fw["statements"]
    ]
    themes = [
        {"id": t["id"], "label": t["label"], "level": "developing" if n % 2 else None}
        for n, t in enumerate(fw["themes"])
    ]
    return {
        "soc": document["occupation"]["soc"],
        "title": document["occupation"]["title"],
        "build": {"id": 1, "version": version},
        "release": document["occupation"]["release"],
        "created_at": "2026-11-28T09:00:00+00:00",
        "updated_at": "2026-11-29T09:30:00+00:00",
        "ratings": ratings,
        "themes": themes,
        "overall": "developing",
    }
