"""Open Badges 3.0 credentials of self-assessed skills, signed as VC-JWTs (docs/credentials.md).

keys.py         the issuer's Ed25519 key (JWK file with a validity window), the JWK Set
achievement.py  issuer profile, achievement, subject, self-assessed results, CASE links
issue.py        issue_statement_credential, issue_theme_credential,
                issue_assessment_credential
sign.py         VC-JWT signing (EdDSA), after the schema and JSON-LD checks
verify.py       verify_credential: signature, key validity, dates, schema, claims,
                JSON-LD, subject
schema.py       the Open Badges 3.0 JSON Schema
jsonld.py       offline JSON-LD expansion and the check for undefined terms
"""

from skillsx.credentials.issue import (
    issue_assessment_credential,
    issue_statement_credential,
    issue_theme_credential,
)
from skillsx.credentials.keys import (
    IssuerKey,
    PublicKey,
    create_key,
    jwks,
    read_key,
    read_public_keys,
    write_key,
)
from skillsx.credentials.verify import Verified, verify_credential

__all__ = [
    "IssuerKey",
    "PublicKey",
    "Verified",
    "create_key",
    "issue_assessment_credential",
    "issue_statement_credential",
    "issue_theme_credential",
    "jwks",
    "read_key",
    "read_public_keys",
    "verify_credential",
    "write_key",
]
