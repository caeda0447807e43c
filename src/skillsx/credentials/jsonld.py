"""JSON-LD: expand a credential offline and find the terms the contexts do not define.

The Open Badges 3.0 context is the 1EdTech file (``schemas/context-3.0.3.json``, a copy of
``../shared/schema/openbadges-3.0/``). The W3C ``https://www.w3.org/ns/credentials/v2``
context ships with no package on PyPI, so it is declared here: the terms of the VC Data Model
2.0 that credentials use, each mapped to the IRI the W3C context gives it, with the same
``@vocab`` (``…/issuer-dependent#``) that catches every other term. Nothing is fetched: a
context not known here is an error.

A term the contexts do not define is either dropped by the expansion or, through that
``@vocab``, becomes an "issuer-dependent" IRI no other party understands; ``unknown_terms``
reports both, by the path of the key in the credential.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pyld import jsonld

from skillsx.errors import CredentialError

SCHEMAS = Path(__file__).parent / "schemas"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXTS = [VC_V2, OB_V3]
ISSUER_DEPENDENT = "https://www.w3.org/ns/api/v1/credentials/issuer-dependent#"
_CRED = "https://www.w3.org/2018/credentials#"
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: The VC 2.0 context's terms as credentials use them (see the module docstring).
VC_V2_CONTEXT: dict[str, Any] = {
    "@context": {
        "@protected": True,
        "@vocab": ISSUER_DEPENDENT,
        "id": "@id",
        "type": "@type",
        "description": "https://schema.org/description",
        "name": "https://schema.org/name",
        "VerifiableCredential": {
            "@id": _CRED + "VerifiableCredential",
            "@context": {
                "@protected": True,
                "id": "@id",
                "type": "@type",
                "credentialSchema": {"@id": _CRED + "credentialSchema", "@type": "@id"},
                "credentialStatus": {"@id": _CRED + "credentialStatus", "@type": "@id"},
                "credentialSubject": {"@id": _CRED + "credentialSubject", "@type": "@id"},
                "description": "https://schema.org/description",
                "evidence": {"@id": _CRED + "evidence", "@type": "@id"},
                "issuer": {"@id": _CRED + "issuer", "@type": "@id"},
                "name": "https://schema.org/name",
                "refreshService": {"@id": _CRED + "refreshService", "@type": "@id"},
                "termsOfUse": {"@id": _CRED + "termsOfUse", "@type": "@id"},
                "validFrom": {"@id": _CRED + "validFrom", "@type": _XSD + "dateTime"},
                "validUntil": {"@id": _CRED + "validUntil", "@type": _XSD + "dateTime"},
            },
        },
    }
}


@functools.cache
def _ob_context() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((SCHEMAS / "context-3.0.3.json").read_text())
    return doc


def _documents() -> dict[str, dict[str, Any]]:
    # Either OB context URL form the schema allows resolves to the one file we have.
    return {
        VC_V2: VC_V2_CONTEXT,
        OB_V3: _ob_context(),
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json": _ob_context(),
    }


def load_document(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: the contexts above, never the network."""
    document = _documents().get(url)
    if document is None:
        raise CredentialError(
            f"JSON-LD context {url} is not available offline; skillsx knows only "
            f"{', '.join(CONTEXTS)}."
        )
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(document)}


def expand(credential: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON-LD expansion of a credential, with the contexts loaded locally."""
    try:
        expanded: list[dict[str, Any]] = jsonld.expand(
            copy.deepcopy(credential), {"documentLoader": load_document}
        )
    except jsonld.JsonLdError as exc:
        raise CredentialError(f"The credential is not valid JSON-LD: {_cause(exc)}") from None
    return expanded


def _cause(exc: BaseException) -> str:
    """The innermost message of a pyld error (it wraps the loader's and its own)."""
    while True:
        inner = getattr(exc, "cause", None) or exc.__cause__
        if not isinstance(inner, BaseException):
            break
        exc = inner
    if isinstance(exc, jsonld.JsonLdError):
        return str(getattr(exc, "message", exc)).strip() or type(exc).__name__
    return str(exc)


def _input_leaves(value: Any) -> int:
    """How many scalar values a compact document holds (its ``@context`` aside)."""
    if isinstance(value, dict):
        return sum(_input_leaves(v) for k, v in value.items() if k != "@context")
    if isinstance(value, list):
        return sum(_input_leaves(v) for v in value)
    return 0 if value is None else 1


def _expanded_leaves(value: Any) -> int:
    """How many values an expansion kept: ids, types, literal values."""
    if isinstance(value, list):
        return sum(_expanded_leaves(v) for v in value)
    if not isinstance(value, dict):
        return 0
    if "@value" in value:
        return 1
    count = 0
    for key, item in value.items():
        if key == "@id":
            count += 1
        elif key == "@type":
            count += len(item) if isinstance(item, list) else 1
        else:
            count += _expanded_leaves(item)
    return count


def _paths(value: Any, prefix: str = "") -> Iterator[tuple[str, list[Any]]]:
    """Every key of a compact document as (path, route), e.g. ``credentialSubject.result[0]``."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                continue
            path = f"{prefix}.{key}" if prefix else key
            yield path, [key]
            for sub, route in _paths(item, path):
                yield sub, [key, *route]
    elif isinstance(value, list):
        for n, item in enumerate(value):
            for sub, route in _paths(item, f"{prefix}[{n}]"):
                yield sub, [n, *route]


def _without(document: Any, route: list[Any]) -> Any:
    clone = copy.deepcopy(document)
    node = clone
    for step in route[:-1]:
        node = node[step]
    del node[route[-1]]
    return clone


def _vocab_terms(value: Any, found: set[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _vocab_terms(item, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key.startswith(ISSUER_DEPENDENT):
                found.add(key[len(ISSUER_DEPENDENT) :])
            if key == "@type" and "@value" not in value:
                types = item if isinstance(item, list) else [item]
                found.update(
                    t[len(ISSUER_DEPENDENT) :] for t in types if t.startswith(ISSUER_DEPENDENT)
                )
            _vocab_terms(item, found)


def unknown_terms(credential: dict[str, Any]) -> list[str]:
    """Terms of ``credential`` its contexts do not define; empty when every term is known.

    Each entry names the term and how it was lost: ``"foo (issuer-dependent)"`` for a term
    only the ``@vocab`` caught, ``"credentialSubject.foo (dropped)"`` for one the expansion
    left out.
    """
    expanded = expand(credential)
    found: set[str] = set()
    _vocab_terms(expanded, found)
    problems = [f"{term} (issuer-dependent)" for term in sorted(found)]
    kept = _expanded_leaves(expanded)
    if kept != _input_leaves(credential):
        # Rare and only on failure: find the keys whose removal the expansion does not notice.
        dropped: list[str] = []
        for path, route in _paths(credential):
            if any(path.startswith((d + ".", d + "[")) for d in dropped):
                continue  # inside a key already found dropped
            smaller = _without(credential, route)
            if _expanded_leaves(expand(smaller)) == kept and _input_leaves(smaller) < _input_leaves(
                credential
            ):
                dropped.append(path)
        problems += [f"{path} (dropped)" for path in dropped]
        if not dropped:
            problems.append(f"{_input_leaves(credential) - kept} value(s) (dropped)")
    return problems
