"""The JSON-LD check: offline contexts, and every undefined term found by name."""

from __future__ import annotations

import pytest

from skillsx.credentials.jsonld import OB_V3, VC_V2, expand, load_document, unknown_terms
from skillsx.errors import CredentialError


def _credential(**subject: object) -> dict:
    return {
        "@context": [VC_V2, OB_V3],
        "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://skills.example.org/i", "type": ["Profile"], "name": "X"},
        "validFrom": "2026-11-29T12:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "id": "did:web:a.example", **subject},
    }


def test_known_terms_expand_to_their_iris() -> None:
    (node,) = expand(_credential(role="Intern"))
    assert node["@type"] == [
        "https://www.w3.org/2018/credentials#VerifiableCredential",
        "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential",
    ]
    assert node["https://www.w3.org/2018/credentials#validFrom"] == [
        {"@type": "http://www.w3.org/2001/XMLSchema#dateTime", "@value": "2026-11-29T12:00:00Z"}
    ]
    (subject,) = node["https://www.w3.org/2018/credentials#credentialSubject"]
    assert subject["https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"] == [
        {"@value": "Intern"}
    ]
    assert unknown_terms(_credential(role="Intern")) == []


def test_unknown_terms_are_named() -> None:
    assert unknown_terms(_credential(mood="good", rank={"score": 3})) == [
        "mood (issuer-dependent)",
        "rank (issuer-dependent)",
        "score (issuer-dependent)",
    ]
    # A context that turns the vocabulary off makes the expansion drop terms instead.
    dropped = _credential(rank={"score": 3, "name": "x"})
    dropped["credentialSubject"]["@context"] = {"@vocab": None}
    assert unknown_terms(dropped) == ["credentialSubject.rank (dropped)"]


def test_no_network() -> None:
    with pytest.raises(CredentialError, match="https://example.org/c is not available offline"):
        load_document("https://example.org/c")
    remote = _credential()
    remote["@context"] = [*remote["@context"], "https://example.org/c"]
    with pytest.raises(CredentialError, match="not valid JSON-LD: JSON-LD context https://example"):
        expand(remote)
