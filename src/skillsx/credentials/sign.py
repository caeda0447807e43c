"""Sign a credential as a VC-JWT (Open Badges 3.0, section 8.2) with the issuer's Ed25519 key.

The JWT's payload is the credential itself plus the registered claims OB 3.0 asks for, each
the same as a member of the credential: ``iss`` = ``issuer.id``, ``jti`` = ``id``, ``nbf`` =
``validFrom``, ``exp`` = ``validUntil``, ``sub`` = ``credentialSubject.id`` (only when the
subject has an id: a DID; an email is carried as a salted hash and has none). The JOSE
header is ``{"alg": "EdDSA", "typ": "JWT", "kid": <URL of the public key>}``.

A credential is valid for a year (``CREDENTIAL_DAYS``), and never past the key's own expiry.
Before signing, the credential is checked against the Open Badges JSON Schema and for JSON-LD
terms its contexts do not define: skillsx never signs a credential it would refuse.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from skillsx.credentials.jsonld import unknown_terms
from skillsx.credentials.keys import IssuerKey, key_url
from skillsx.credentials.schema import schema_problems
from skillsx.errors import CredentialError

CREDENTIAL_DAYS = 365
ALGORITHM = "EdDSA"
MEDIA_TYPE = "application/jwt"


def stamp(moment: datetime) -> str:
    """``2026-11-29T10:04:05Z``: the credential's date form (whole seconds, UTC)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def claims_for(credential: dict[str, Any]) -> dict[str, Any]:
    """The JWT registered claims a credential implies (OB 3.0, 8.2.4.2)."""
    issuer = credential.get("issuer")
    claims: dict[str, Any] = {
        "iss": issuer.get("id") if isinstance(issuer, dict) else issuer,
        "jti": credential.get("id"),
        "nbf": _seconds(credential.get("validFrom")),
    }
    if "validUntil" in credential:
        claims["exp"] = _seconds(credential["validUntil"])
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and "id" in subject:
        claims["sub"] = subject["id"]
    return claims


def _seconds(value: Any) -> int | None:
    moment = parse_stamp(value)
    return None if moment is None else int(moment.timestamp())


def parse_stamp(value: Any) -> datetime | None:
    """A ``date-time`` with its zone as an aware datetime; None if it is not one."""
    if not isinstance(value, str) or not value[:1].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def sign_credential(
    credential: dict[str, Any], key: IssuerKey, public_url: str, now: datetime | None = None
) -> str:
    """Date, identify, check and sign an unsigned credential; the compact VC-JWT."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    key.check_usable(moment)
    until = min(moment + timedelta(days=CREDENTIAL_DAYS), datetime.fromtimestamp(key.expires, UTC))
    body = {
        **credential,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "validFrom": stamp(moment),
        "validUntil": stamp(until),
    }
    problems = schema_problems(body)
    unknown = unknown_terms(body)
    if problems or unknown:
        # A bug of ours, never the user's input: say what, so it can be fixed.
        raise CredentialError(
            "The credential would not be valid, so it was not signed: "
            + "; ".join(problems + [f"term {t}" for t in unknown])
        )
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": key_url(public_url, key.thumbprint)}
    payload = {**body, **claims_for(body)}
    return jwt.encode(payload, key.private, algorithm=ALGORITHM, headers=header)
