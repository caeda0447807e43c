"""The issuer key: made with a validity window, written 0600 and never overwritten, read back."""

from __future__ import annotations

import json
import re
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from skillsx.credentials import create_key, jwks, read_key, read_public_keys, write_key
from skillsx.credentials.keys import key_url, thumbprint
from skillsx.errors import ConfigError, CredentialError

from .credentials_support import NOW, PUBLIC_URL


def test_create_write_read_round_trip(tmp_path: Path) -> None:
    key = create_key(30, now=NOW)
    assert key.expires - key.created == 30 * 86400
    path = tmp_path / "issuer.jwk"
    write_key(key, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text())
    assert stored["kty"] == "OKP" and stored["crv"] == "Ed25519" and stored["alg"] == "EdDSA"
    assert stored["iat"] == int(NOW.timestamp()) and stored["kid"] == key.thumbprint
    again = read_key(path)
    assert again.public == key.public and again.expires == key.expires


def test_thumbprint_is_rfc7638() -> None:
    # RFC 8037, appendix A.3: the thumbprint of its example Ed25519 public key.
    assert (
        thumbprint("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    )


def test_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "issuer.jwk"
    write_key(create_key(), path)
    before = path.read_bytes()
    with pytest.raises(CredentialError, match="already exists; a key file is never overwritten"):
        write_key(create_key(), path)
    assert path.read_bytes() == before
    with pytest.raises(CredentialError, match="is a folder"):
        write_key(create_key(), tmp_path)
    with pytest.raises(CredentialError, match="does not exist"):
        write_key(create_key(), tmp_path / "no" / "k.jwk")


@pytest.mark.parametrize("days", [0, 3651])
def test_validity_range(days: int) -> None:
    with pytest.raises(CredentialError, match=f"--valid-days: {days} is out of range"):
        create_key(days)


def test_expired_key_refuses_to_sign() -> None:
    key = create_key(1, now=NOW - timedelta(days=2))
    with pytest.raises(CredentialError, match=r"expired on 2026-11-28T12:00:00Z; create a new one"):
        key.check_usable(NOW)
    key.check_usable(NOW - timedelta(days=1, seconds=1))  # inside its window: no error


def test_bad_key_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist; create a key with `skillsx keys"):
        read_key(tmp_path / "missing.jwk")
    bad = tmp_path / "bad.jwk"
    bad.write_text("not json")
    with pytest.raises(CredentialError, match="is not JSON"):
        read_key(bad)
    key = create_key(now=NOW)
    jwk = key.jwk()
    cases = {
        "rsa": ({**jwk, "kty": "RSA"}, "not an Ed25519 JWK"),
        "public": ({k: v for k, v in jwk.items() if k != "d"}, 'no private key ("d")'),
        "window": ({k: v for k, v in jwk.items() if k != "exp"}, "no validity window"),
        "mixed": ({**jwk, "x": create_key().public.x}, '"x" is not the public half of "d"'),
        "exp": ({**jwk, "exp": "soon"}, '"exp" must be whole seconds'),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / f"{name}.jwk"
        path.write_text(json.dumps(content))
        with pytest.raises(CredentialError, match=re.escape(message)):
            read_key(path)


def test_public_keys_from_a_set_or_a_key(tmp_path: Path) -> None:
    key = create_key(now=NOW)
    published = jwks([key.public], PUBLIC_URL)
    (entry,) = published["keys"]
    assert "d" not in entry
    assert entry["kid"] == key_url(PUBLIC_URL, key.thumbprint)
    assert entry["kid"] == f"{PUBLIC_URL}/api/v1/credentials/keys/{key.thumbprint}"
    assert entry["exp"] == key.expires
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(published))
    assert read_public_keys(path) == [key.public]
    private = tmp_path / "issuer.jwk"
    write_key(key, private)
    assert read_public_keys(private) == [key.public]  # its public half
    path.write_text(json.dumps({"keys": []}))
    with pytest.raises(CredentialError, match="holds no key"):
        read_public_keys(path)
