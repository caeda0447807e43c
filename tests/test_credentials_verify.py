"""Verification refuses tampered, expired, mis-addressed and inconsistent credentials."""

from __future__ import annotations

import base64
import copy
import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from skillsx.credentials import create_key, issue_statement_credential, verify_credential
from skillsx.errors import InvalidCredential
from skillsx.store.builds import get_build, get_document

from .credentials_support import NOW, PUBLIC_URL, SOC, body, payload, resign

KEY = create_key(60, now=NOW - timedelta(days=1))
EMAIL = "ada@example.org"
DID = "did:web:holder.example"


@pytest.fixture(scope="module")
def tokens(built_store: Engine) -> dict[str, str]:
    with built_store.connect() as conn:
        build = get_build(conn)
        document = get_document(conn, SOC, build.id)
    return {
        subject: issue_statement_credential(
            document, build.version, "proficient:2", subject, KEY, PUBLIC_URL, now=NOW
        )
        for subject in (EMAIL, DID)
    }


def _refused(token: str, message: str, **kwargs: Any) -> None:
    with pytest.raises(InvalidCredential) as info:
        verify_credential(token, [KEY.public], **{"now": NOW, **kwargs})
    assert message in str(info.value)


def test_valid_credentials(tokens: dict[str, str]) -> None:
    for subject, token in tokens.items():
        verified = verify_credential(token, [KEY.public], subject=subject, now=NOW)
        assert verified.key == KEY.public
        assert verified.header == {
            "alg": "EdDSA",
            "typ": "JWT",
            "kid": f"{PUBLIC_URL}/api/v1/credentials/keys/{KEY.thumbprint}",
        }
        assert verified.credential == body(token)
    assert verify_credential(tokens[EMAIL], [KEY.public], now=NOW).subject == (
        "emailAddress (hashed)"
    )
    # Upper case and spaces in the address given to check it do not matter.
    verify_credential(tokens[EMAIL], [KEY.public], subject=" Ada@Example.ORG", now=NOW)


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_tampered_credentials_are_refused(tokens: dict[str, str]) -> None:
    token = tokens[DID]
    head, _, sig = token.split(".")
    changed = payload(token)
    changed["credentialSubject"]["result"][0]["value"] = "Can teach it (self-assessed)"
    _refused(f"{head}.{_b64(changed)}.{sig}", "(signature): the signature does not match")
    flipped = sig[:-2] + ("A" if sig[-2] != "A" else "B") + sig[-1]
    _refused(f"{head}.{token.split('.')[1]}.{flipped}", "the signature does not match")
    none = _b64({"alg": "none", "typ": "JWT"})
    _refused(f"{none}.{token.split('.')[1]}.{sig}", 'algorithm "none" is not accepted')
    _refused("not a token", "(format): not a compact JWT")
    _refused(f"{_b64({'alg': 'EdDSA'})}.{token.split('.')[1]}.{sig}", 'names no key ("kid")')


def test_untrusted_key_is_refused(tokens: dict[str, str]) -> None:
    other = create_key(now=NOW - timedelta(days=1))
    with pytest.raises(InvalidCredential, match="which is not a trusted key"):
        verify_credential(tokens[DID], [other.public], now=NOW)
    # Signed by another key under our key's kid: the signature gives it away.
    forged = resign(body(tokens[DID]), other, header={"kid": payload_kid(tokens[DID])})
    _refused(forged, "the signature does not match")


def payload_kid(token: str) -> str:
    head = token.split(".")[0]
    return str(json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))["kid"])


def test_expired_key(tokens: dict[str, str]) -> None:
    after = NOW + timedelta(days=60)  # the credential itself runs a year; the key, 60 days
    _refused(tokens[DID], "which expired on 2027-01-27T12:00:00Z", now=after)
    # A credential that says it became valid before its key existed is refused too.
    early = create_key(now=NOW)
    credential = body(tokens[DID])
    credential["validFrom"] = "2026-11-28T12:00:00Z"
    with pytest.raises(InvalidCredential, match="before its key"):
        verify_credential(resign(credential, early), [early.public], now=NOW)


def test_wrong_subject_is_refused(tokens: dict[str, str]) -> None:
    _refused(
        tokens[EMAIL], "(subject): it is not about bob@example.org.", subject="bob@example.org"
    )
    _refused(tokens[EMAIL], "it is not about did:web:holder.example", subject=DID)
    _refused(tokens[DID], "it is not about did:web:other.example", subject="did:web:other.example")
    _refused(tokens[DID], "it is not about ada@example.org", subject=EMAIL)


def test_dates(tokens: dict[str, str]) -> None:
    _refused(tokens[DID], "not valid yet: valid from 2026-11-29T12:00:00Z", now=NOW - timedelta(1))
    credential = body(tokens[DID])
    credential["validUntil"] = "2026-12-01T00:00:00Z"
    late = NOW + timedelta(days=3)
    with pytest.raises(InvalidCredential, match=r"\(dates\): expired on 2026-12-01T00:00:00Z"):
        verify_credential(resign(credential, KEY), [KEY.public], now=late)


@pytest.mark.parametrize(
    ("claim", "value", "message"),
    [
        ("jti", "urn:uuid:0", "JWT claim \"jti\" is 'urn:uuid:0' but the credential's id says"),
        ("iss", "https://else.example", 'JWT claim "iss"'),
        ("nbf", 1, 'JWT claim "nbf" is'),
        ("exp", 4102444800, 'JWT claim "exp"'),
        ("sub", "did:web:other.example", 'JWT claim "sub"'),
    ],
)
def test_claims_must_match_the_credential(
    tokens: dict[str, str], claim: str, value: Any, message: str
) -> None:
    credential = body(tokens[DID])
    claims = {k: v for k, v in payload(tokens[DID]).items() if k not in credential}
    claims[claim] = value
    _refused(resign(credential, KEY, claims=claims), f"(claims): {message}")


def test_schema_and_json_ld(tokens: dict[str, str]) -> None:
    credential = body(tokens[DID])
    broken = copy.deepcopy(credential)
    del broken["credentialSubject"]["achievement"]["criteria"]
    _refused(resign(broken, KEY), "(schema): credentialSubject.achievement: 'criteria' is a")
    broken = copy.deepcopy(credential)
    broken["type"] = ["VerifiableCredential"]
    _refused(resign(broken, KEY), "(schema): type:")
    unknown = copy.deepcopy(credential)
    unknown["credentialSubject"]["achievement"]["levelOfTrust"] = "verified"
    _refused(resign(unknown, KEY), "(JSON-LD): terms not defined by the contexts: levelOfTrust")
    remote = copy.deepcopy(credential)
    remote["@context"] = [*remote["@context"], "https://example.org/context.json"]
    _refused(resign(remote, KEY), "context https://example.org/context.json is not available")
