"""The parts of an Open Badges 3.0 credential: issuer, achievement, subject, results.

Every achievement is a ``Competency`` of one occupation's framework, aligned to the CASE
``CFItem`` of each statement it covers: the same URL ``skillsx export SOC --format case``
gives that item (``cfitem_url`` is built from ``skillsx.export.case``'s own identifiers).

Nothing here says anyone checked the holder's level. Each result is the holder's own rating
on the self-assessment scale (not yet / with help / independently / can teach it), described
as self-assessed in the result description, the result's value, the achievement's name and
the credential's name and description.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from typing import Any

from skillsx.errors import CredentialError
from skillsx.export.case import CASE_PATH, case_id
from skillsx.models import ROLE_BANDS, Level

#: Namespace of the identifiers minted here (uuid5; never change it).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/skills-exchange/skillsx/credentials")
ISSUER_NAME = "Skills Exchange"
ISSUER_PATH = "/api/v1/credentials/issuer"

#: The self-assessment scale, lowest first.
RATINGS: dict[str, str] = {
    "not_yet": "Not yet",
    "with_help": "With help",
    "independently": "Independently",
    "can_teach": "Can teach it",
}
RATING_MEANINGS: dict[str, str] = {
    "not_yet": "The holder says they cannot yet do this.",
    "with_help": "The holder says they can do this with help or guidance.",
    "independently": "The holder says they can do this on their own.",
    "can_teach": "The holder says they can do this and teach it to others.",
}
SELF_ASSESSED = (
    "Self-assessed: the holder rated themselves. Skills Exchange records the rating as given; "
    "neither Skills Exchange nor anyone else has verified it."
)
_STATEMENT = re.compile(
    r"^(?:statement:|s-)?(emerging|developing|proficient|advanced)[:-](\d{1,3})$"
)
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_DID = re.compile(r"^did:[a-z0-9]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$")


def minted_id(*parts: object) -> str:
    """A stable ``urn:uuid`` for something named by its content identity."""
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


def cfitem_url(public_url: str, soc: str, level: str, theme: str, order: int) -> str:
    """The CASE ``CFItem`` URI of a statement, exactly as the CASE export writes it."""
    identifier = case_id("statement", soc, level, theme, order)
    return f"{public_url.rstrip('/')}{CASE_PATH}/CFItems/{identifier}"


def theme_cfitem_url(public_url: str, soc: str, theme: str) -> str:
    """The CASE ``CFItem`` URI of a theme, as the CASE export writes it."""
    return f"{public_url.rstrip('/')}{CASE_PATH}/CFItems/{case_id('theme', soc, theme)}"


def parse_statement_id(statement_id: str) -> tuple[Level, int]:
    """``proficient:3`` (also ``statement:proficient:3``, ``s-proficient-3``) → level, order."""
    match = _STATEMENT.fullmatch(statement_id.strip().lower())
    if match is None:
        raise CredentialError(
            f'--statement: "{statement_id[:80]}" is not a statement id; write LEVEL:ORDER, '
            "e.g. proficient:3 (levels: emerging, developing, proficient, advanced)."
        )
    return Level(match[1]), int(match[2])


def check_rating(rating: str, what: str = "--rating") -> str:
    if rating not in RATINGS:
        raise CredentialError(
            f'{what}: "{rating[:40]}" is not a rating; use one of: {", ".join(RATINGS)}.'
        )
    return rating


def issuer_profile(public_url: str) -> dict[str, Any]:
    """The exchange as an Open Badges ``Profile``: the issuer and every achievement's creator."""
    base = public_url.rstrip("/")
    return {
        "id": base + ISSUER_PATH,
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": base + "/",
        "description": (
            "An open skills exchange publishing proficiency frameworks composed from O*NET. "
            "It signs self-assessments as given; it does not assess anyone."
        ),
    }


def credential_subject(subject: str, salt: str | None = None) -> dict[str, Any]:
    """The ``AchievementSubject`` for a DID (as its ``id``) or an email (hashed, salted)."""
    text = subject.strip()
    if _DID.fullmatch(text) and len(text) <= 500:
        return {"type": ["AchievementSubject"], "id": text}
    if _EMAIL.fullmatch(text) and len(text) <= 254:
        salt = salt or secrets.token_hex(16)
        return {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": True,
                    "identityHash": email_hash(text, salt),
                    "identityType": "emailAddress",
                    "salt": salt,
                }
            ],
        }
    raise CredentialError(
        f'--subject: "{text[:80]}" is neither an email address nor a DID; give e.g. '
        "ada@example.org or did:web:example.org."
    )


def email_hash(email: str, salt: str) -> str:
    """OB 3.0's ``IdentityHash`` of an email: ``sha256$`` + hex(SHA-256(email + salt)).

    The address is lower-cased first, so ``Ada@Example.org`` and ``ada@example.org`` match.
    """
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def rating_scale() -> dict[str, Any]:
    """The ``ResultDescription`` of the self-assessment scale (the same in every credential)."""
    return {
        "id": minted_id("result-description", "self-assessed-rating"),
        "type": ["ResultDescription"],
        "name": "Self-assessed rating (not verified by anyone)",
        "resultType": "RubricCriterionLevel",
        "allowedValue": list(RATINGS.values()),
        "rubricCriterionLevel": [
            {
                "id": rating_level_id(key),
                "type": ["RubricCriterionLevel"],
                "name": label,
                "description": RATING_MEANINGS[key],
                "level": str(n),
            }
            for n, (key, label) in enumerate(RATINGS.items(), 1)
        ],
    }


def rating_level_id(rating: str) -> str:
    return minted_id("rating", rating)


def level_scale() -> dict[str, Any]:
    """The ``ResultDescription`` of the framework levels derived from self-assessed ratings."""
    return {
        "id": minted_id("result-description", "derived-level"),
        "type": ["ResultDescription"],
        "name": "Framework level derived from self-assessed ratings (not verified by anyone)",
        "resultType": "RubricCriterionLevel",
        "allowedValue": [level.label for level in Level],
        "rubricCriterionLevel": [
            {
                "id": level_id(level),
                "type": ["RubricCriterionLevel"],
                "name": level.label,
                "description": f"{level.label} ({ROLE_BANDS[level]})",
                "level": str(n),
            }
            for n, level in enumerate(Level, 1)
        ],
    }


def level_id(level: Level) -> str:
    return minted_id("level", level.value)


def alignment(url: str, name: str, code: str, framework: str) -> dict[str, Any]:
    return {
        "type": ["Alignment"],
        "targetType": "CFItem",
        "targetUrl": url,
        "targetName": name,
        "targetCode": code,
        "targetFramework": framework,
    }


def rating_result(rating: str, aligned: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The holder's own rating as an OB ``Result``, labelled self-assessed."""
    result: dict[str, Any] = {
        "type": ["Result"],
        "resultDescription": rating_scale()["id"],
        "achievedLevel": rating_level_id(rating),
        "value": f"{RATINGS[rating]} (self-assessed)",
    }
    if aligned:
        result["alignment"] = aligned
    return result


def level_result(level: Level, what: str, aligned: list[dict[str, Any]] | None = None) -> dict:
    """A framework level derived from self-assessed ratings, as an OB ``Result``."""
    result: dict[str, Any] = {
        "type": ["Result"],
        "resultDescription": level_scale()["id"],
        "achievedLevel": level_id(level),
        "value": f"{level.label}: {what} (derived from self-assessed ratings)",
    }
    if aligned:
        result["alignment"] = aligned
    return result


def achievement(
    *,
    identity: tuple[object, ...],
    name: str,
    description: str,
    narrative: str,
    criteria_url: str,
    alignments: list[dict[str, Any]],
    public_url: str,
    human_code: str,
    version: str,
    scales: list[dict[str, Any]],
) -> dict[str, Any]:
    """An OB ``Achievement`` of type Competency, created by the exchange."""
    return {
        "id": minted_id("achievement", *identity),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": name,
        "description": description,
        "criteria": {"id": criteria_url, "narrative": narrative},
        "alignment": alignments,
        "creator": issuer_profile(public_url),
        "humanCode": human_code,
        "version": version,
        "inLanguage": "en",
        "tag": ["self-assessed"],
        "resultDescription": scales,
    }


def credential(
    *,
    name: str,
    description: str,
    subject: dict[str, Any],
    public_url: str,
) -> dict[str, Any]:
    """The unsigned ``OpenBadgeCredential`` around an ``AchievementSubject``.

    ``id`` and the dates are set when it is signed (``skillsx.credentials.sign``).
    """
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "description": description,
        "issuer": issuer_profile(public_url),
        "credentialSubject": subject,
    }


OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
