"""Verify a VC-JWT credential: signature, key validity, dates, schema, claims, JSON-LD, subject.

Checks run in that order and the first failure refuses the credential with
``InvalidCredential``, whose message names the check and what was found:

1. the token is a compact JWS whose header says ``alg`` EdDSA and names a ``kid``;
2. the ``kid`` is one of the trusted keys (matched by the key's thumbprint), and the
   signature verifies with it;
3. that key has not expired (a key past its ``exp`` vouches for nothing it signed);
4. the payload is an ``OpenBadgeCredential`` valid against the Open Badges 3.0 JSON Schema;
5. the registered claims agree with the credential (``iss``, ``jti``, ``nbf``, ``exp``,
   ``sub``), and ``validFrom`` ≤ now < ``validUntil``;
6. ``validFrom`` falls inside the key's validity window;
7. every JSON-LD term is defined by the contexts (nothing dropped, nothing issuer-dependent);
8. with ``subject``, the credential is about that email address or DID.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt

from skillsx.credentials.achievement import email_hash
from skillsx.credentials.jsonld import unknown_terms
from skillsx.credentials.keys import PublicKey
from skillsx.credentials.schema import schema_problems
from skillsx.credentials.sign import ALGORITHM, claims_for, parse_stamp, stamp
from skillsx.errors import CredentialError, InvalidCredential

CLAIMS = ("iss", "jti", "nbf", "exp", "sub")
_MAX_TOKEN = 1 << 20


@dataclass(frozen=True)
class Verified:
    """A credential that passed every check."""

    credential: dict[str, Any]
    header: dict[str, Any]
    key: PublicKey
    valid_from: datetime
    valid_until: datetime | None

    @property
    def name(self) -> str:
        return str(self.credential.get("name", ""))

    @property
    def subject(self) -> str:
        """The subject as the credential shows it: a DID, or "email (hashed)"."""
        subject = self.credential["credentialSubject"]
        if "id" in subject:
            return str(subject["id"])
        kinds = {i.get("identityType", "?") for i in subject.get("identifier", [])}
        return ", ".join(sorted(kinds)) + " (hashed)"


def _refuse(check: str, message: str) -> InvalidCredential:
    return InvalidCredential(f"Credential refused ({check}): {message}")


def _header(token: str) -> dict[str, Any]:
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise _refuse("format", "not a compact JWT (three base64url parts joined by dots).")
    try:
        raw = base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4))
        header = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _refuse("format", "the JOSE header is not base64url JSON.") from None
    if not isinstance(header, dict):
        raise _refuse("format", "the JOSE header is not a JSON object.")
    if header.get("alg") != ALGORITHM:
        raise _refuse(
            "signature", f'algorithm "{str(header.get("alg"))[:20]}" is not accepted; only EdDSA.'
        )
    if not isinstance(header.get("kid"), str) or not header["kid"]:
        raise _refuse("signature", 'the header names no key ("kid").')
    return header


def _find_key(kid: str, keys: list[PublicKey]) -> PublicKey:
    thumb = kid.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    for key in keys:
        if key.thumbprint == thumb:
            return key
    known = ", ".join(k.thumbprint for k in keys) or "none"
    raise _refuse(
        "signature",
        f"signed with key {kid[:200]}, which is not a trusted key (trusted: {known}). Pass the "
        "issuer's key set with --keys (its /.well-known/jwks.json).",
    )


def verify_credential(
    token: str,
    keys: list[PublicKey],
    *,
    subject: str | None = None,
    now: datetime | None = None,
) -> Verified:
    """Check a VC-JWT against the trusted ``keys``; the credential, or ``InvalidCredential``."""
    moment = now or datetime.now(UTC)
    token = token.strip()
    if len(token) > _MAX_TOKEN:
        raise _refuse("format", "over 1 MiB; not a credential of ours.")
    header = _header(token)
    key = _find_key(header["kid"], keys)
    try:
        # The claims are checked below against the credential, with messages of our own.
        payload = jwt.decode(
            token,
            key.key,
            algorithms=[ALGORITHM],
            options={
                "verify_signature": True,
                "verify_exp": False,
                "verify_nbf": False,
                "verify_iss": False,
                "verify_sub": False,
                "verify_jti": False,
            },
        )
    except jwt.InvalidSignatureError:
        raise _refuse(
            "signature", "the signature does not match; the credential was changed after signing."
        ) from None
    except jwt.DecodeError as exc:
        raise _refuse("format", f"cannot be decoded ({exc}).") from None
    except jwt.InvalidTokenError as exc:
        raise _refuse("claims", str(exc)) from None

    if key.expires is not None and moment.timestamp() >= key.expires:
        raise _refuse(
            "key",
            f"signed with key {key.thumbprint}, which expired on {key.expires_text()}; "
            "credentials signed with an expired key are no longer accepted.",
        )
    credential = {k: v for k, v in payload.items() if k not in CLAIMS}
    problems = schema_problems(credential)
    if problems:
        raise _refuse("schema", "; ".join(problems))
    valid_from, valid_until = _check_claims_and_dates(payload, credential, moment)
    _check_key_window(key, valid_from)
    try:
        unknown = unknown_terms(credential)
    except CredentialError as exc:
        raise _refuse("JSON-LD", str(exc)) from None
    if unknown:
        raise _refuse("JSON-LD", "terms not defined by the contexts: " + ", ".join(unknown))
    if subject is not None:
        check_subject(credential, subject)
    return Verified(credential, header, key, valid_from, valid_until)


def _check_key_window(key: PublicKey, valid_from: datetime) -> None:
    """Refuse a credential that says it became valid outside its key's window."""
    at = valid_from.timestamp()
    if key.not_before is not None and at < key.not_before:
        raise _refuse(
            "key", f"valid from {stamp(valid_from)}, before its key {key.thumbprint} existed."
        )
    if key.expires is not None and at >= key.expires:
        raise _refuse("key", f"valid from after its key {key.thumbprint} expired.")


def _check_claims_and_dates(
    payload: dict[str, Any], credential: dict[str, Any], moment: datetime
) -> tuple[datetime, datetime | None]:
    expected = claims_for(credential)
    for claim in CLAIMS:
        if payload.get(claim) != expected.get(claim):
            member = {
                "iss": "issuer.id",
                "jti": "id",
                "nbf": "validFrom",
                "exp": "validUntil",
                "sub": "credentialSubject.id",
            }[claim]
            raise _refuse(
                "claims",
                f'JWT claim "{claim}" is {str(payload.get(claim))[:100]!r} but the credential\'s '
                f"{member} says {str(expected.get(claim))[:100]!r}.",
            )
    valid_from = parse_stamp(credential["validFrom"])
    if valid_from is None:
        raise _refuse(
            "dates", f"validFrom {credential['validFrom']!r} is not a date-time with a zone."
        )
    valid_until = None
    if "validUntil" in credential:
        valid_until = parse_stamp(credential["validUntil"])
        if valid_until is None:
            raise _refuse(
                "dates", f"validUntil {credential['validUntil']!r} is not a date-time with a zone."
            )
    if moment < valid_from:
        raise _refuse("dates", f"not valid yet: valid from {stamp(valid_from)}.")
    if valid_until is not None and moment >= valid_until:
        raise _refuse("dates", f"expired on {stamp(valid_until)}.")
    return valid_from, valid_until


def check_subject(credential: dict[str, Any], subject: str) -> None:
    """Refuse unless the credential is about ``subject`` (an email address or a DID)."""
    holder = credential.get("credentialSubject", {})
    text = subject.strip()
    if text.startswith("did:"):
        if holder.get("id") == text:
            return
        raise _refuse("subject", f"it is not about {text[:200]}.")
    for identity in holder.get("identifier", []):
        if identity.get("identityType") != "emailAddress":
            continue
        salt = identity.get("salt", "")
        if identity.get("hashed") and identity.get("identityHash") == email_hash(text, salt):
            return
        if not identity.get("hashed") and str(identity.get("identityHash", "")).lower() == (
            text.lower()
        ):
            return
    raise _refuse("subject", f"it is not about {text[:200]}.")
