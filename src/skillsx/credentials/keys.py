"""The issuer's Ed25519 key: made once, kept in a JWK file, published as a JWK Set.

The private key file is a JSON Web Key (RFC 8037, ``kty`` OKP, ``crv`` Ed25519) with two
members of our own besides: ``iat`` and ``exp``, the key's validity window in seconds since
the epoch. A key past its ``exp`` signs nothing, and a credential signed with it is refused
by the verifier, however recent the credential (its ``validUntil`` never passes the key's
``exp`` anyway: ``skillsx.credentials.sign``).

The key's identifier is its RFC 7638 thumbprint. In a credential's JOSE header ``kid`` is the
URL the site publishes that public key at (``{public_url}/api/v1/credentials/keys/{thumbprint}``);
``/.well-known/jwks.json`` lists the same key under the same ``kid``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from skillsx.errors import ConfigError, CredentialError

#: How long a new key is valid unless told otherwise (``skillsx keys create --valid-days``).
DEFAULT_VALID_DAYS = 730
#: Where the site publishes one public key, by thumbprint (``skillsx.web.credentials``).
KEY_PATH = "/api/v1/credentials/keys/"
JWKS_PATH = "/.well-known/jwks.json"
_MAX_KEY_FILE = 64 * 1024


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64url(text: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        raise CredentialError(f"{what} is not base64url.") from None


def thumbprint(x: str) -> str:
    """The RFC 7638 SHA-256 thumbprint of an Ed25519 public key given as its JWK ``x``."""
    canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"))
    return b64url(hashlib.sha256(canonical.encode()).digest())


def key_url(public_url: str, thumb: str) -> str:
    """The ``kid`` of a key: the URL its public JWK is published at."""
    return public_url.rstrip("/") + KEY_PATH + thumb


def _stamp(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key a verifier trusts, with its validity window."""

    x: str  # the JWK "x": the raw 32-byte key, base64url
    not_before: int | None  # seconds since the epoch ("iat"); None: no lower bound
    expires: int | None  # "exp"; None: no expiry (keys from outside skillsx may lack one)

    @property
    def thumbprint(self) -> str:
        return thumbprint(self.x)

    @property
    def key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(_unb64url(self.x, 'The key\'s "x"'))

    def expires_text(self) -> str:
        return _stamp(self.expires) if self.expires is not None else "never"

    def jwk(self, public_url: str) -> dict[str, Any]:
        """The public JWK as the site publishes it, ``kid`` the URL it is published at."""
        jwk: dict[str, Any] = {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": self.x,
            "use": "sig",
            "alg": "EdDSA",
            "kid": key_url(public_url, self.thumbprint),
        }
        if self.not_before is not None:
            jwk["iat"] = self.not_before
        if self.expires is not None:
            jwk["exp"] = self.expires
        return jwk


@dataclass(frozen=True)
class IssuerKey:
    """The issuer's private key with its validity window (``iat`` … ``exp``)."""

    private: Ed25519PrivateKey
    created: int
    expires: int

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(x=b64url(raw), not_before=self.created, expires=self.expires)

    @property
    def thumbprint(self) -> str:
        return self.public.thumbprint

    def check_usable(self, now: datetime) -> None:
        """Refuse to sign with a key outside its validity window."""
        at = int(now.timestamp())
        if at >= self.expires:
            raise CredentialError(
                f"The issuer key {self.thumbprint} expired on {_stamp(self.expires)}; create a "
                "new one with `skillsx keys create --out NEW.jwk` and point SKILLSX_ISSUER_KEY "
                "at it."
            )
        if at < self.created:
            raise CredentialError(
                f"The issuer key {self.thumbprint} is valid only from {_stamp(self.created)}."
            )

    def jwk(self) -> dict[str, Any]:
        """The private JWK as ``write_key`` stores it."""
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        d = self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {
            "kty": "OKP",
            "crv": "Ed25519",
            "x": self.public.x,
            "d": b64url(d),
            "use": "sig",
            "alg": "EdDSA",
            "kid": self.thumbprint,
            "iat": self.created,
            "exp": self.expires,
        }


def create_key(valid_days: int = DEFAULT_VALID_DAYS, now: datetime | None = None) -> IssuerKey:
    """A new Ed25519 key, valid from ``now`` for ``valid_days`` days."""
    if not 1 <= valid_days <= 3650:
        raise CredentialError(
            f"--valid-days: {valid_days} is out of range; give 1 to 3650 days (default "
            f"{DEFAULT_VALID_DAYS})."
        )
    start = now or datetime.now(UTC)
    created = int(start.timestamp())
    expires = int((start + timedelta(days=valid_days)).timestamp())
    return IssuerKey(Ed25519PrivateKey.generate(), created, expires)


def write_key(key: IssuerKey, path: Path) -> None:
    """Write the private JWK to a new file readable by its owner only (0600).

    An existing file is never replaced: a key that signed credentials must not be lost.
    """
    if path.is_dir():
        raise CredentialError(
            f"--out: {path} is a folder; name a new file, e.g. {path}/issuer.jwk."
        )
    if not path.parent.is_dir():
        raise CredentialError(f"--out: the folder {path.parent} does not exist.")
    body = (json.dumps(key.jwk(), indent=2) + "\n").encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CredentialError(
            f"--out: {path} already exists; a key file is never overwritten. Choose another "
            "name, or remove the old key yourself once no credential needs it."
        ) from None
    except OSError as exc:
        raise CredentialError(f"--out: cannot create {path} ({exc.strerror}).") from None
    with os.fdopen(fd, "wb") as out:
        out.write(body)
    os.chmod(path, 0o600)  # whatever the umask


def _read_json(path: Path, what: str) -> Any:
    try:
        raw = path.read_bytes()[: _MAX_KEY_FILE + 1]
    except FileNotFoundError:
        raise ConfigError(
            f"{what}: {path} does not exist; create a key with `skillsx keys create --out {path}`."
        ) from None
    except OSError as exc:
        raise ConfigError(f"{what}: cannot read {path} ({exc.strerror}).") from None
    if len(raw) > _MAX_KEY_FILE:
        raise CredentialError(f"{what}: {path} is over 64 KiB; it is not a key file.")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise CredentialError(
            f"{what}: {path} is not JSON; expected a JWK written by `skillsx keys create`."
        ) from None


def _seconds(jwk: dict[str, Any], name: str, where: str) -> int | None:
    value = jwk.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise CredentialError(f'{where}: "{name}" must be whole seconds since 1970, not {value!r}.')
    return value


def _public_from_jwk(jwk: Any, where: str) -> PublicKey:
    if not isinstance(jwk, dict) or jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise CredentialError(
            f'{where}: not an Ed25519 JWK (expected "kty": "OKP", "crv": "Ed25519").'
        )
    x = jwk.get("x")
    if not isinstance(x, str) or len(_unb64url(x, f'{where}: "x"')) != 32:
        raise CredentialError(f'{where}: "x" is not a 32-byte Ed25519 public key.')
    return PublicKey(
        x=x, not_before=_seconds(jwk, "iat", where), expires=_seconds(jwk, "exp", where)
    )


def read_key(path: Path, what: str = "SKILLSX_ISSUER_KEY") -> IssuerKey:
    """The private key in ``path`` (a JWK from ``write_key``), checked for consistency."""
    jwk = _read_json(path, what)
    where = f"{what}: {path}"
    public = _public_from_jwk(jwk, where)
    d = jwk.get("d")
    if not isinstance(d, str):
        raise CredentialError(f'{where}: no private key ("d"); it holds a public key only.')
    raw = _unb64url(d, f'{where}: "d"')
    if len(raw) != 32:
        raise CredentialError(f'{where}: "d" is not a 32-byte Ed25519 private key.')
    if public.not_before is None or public.expires is None:
        raise CredentialError(
            f'{where}: no validity window ("iat" and "exp"); create the key with '
            "`skillsx keys create`."
        )
    key = IssuerKey(Ed25519PrivateKey.from_private_bytes(raw), public.not_before, public.expires)
    if key.public.x != public.x:
        raise CredentialError(f'{where}: "x" is not the public half of "d"; the file is damaged.')
    return key


def read_public_keys(path: Path) -> list[PublicKey]:
    """The keys a verifier trusts, from a JWK Set (``jwks.json``) or one JWK (public or not)."""
    data = _read_json(path, "--keys")
    where = f"--keys: {path}"
    if isinstance(data, dict) and isinstance(data.get("keys"), list):
        keys = [_public_from_jwk(k, f"{where}, key {n}") for n, k in enumerate(data["keys"], 1)]
        if not keys:
            raise CredentialError(f"{where}: the key set holds no key.")
        return keys
    return [_public_from_jwk(data, where)]


def jwks(keys: list[PublicKey], public_url: str) -> dict[str, Any]:
    """The JWK Set the site publishes at ``/.well-known/jwks.json``."""
    return {"keys": [k.jwk(public_url) for k in keys]}
