"""Issued credentials: Open Badges 3.0 schema, JSON-LD with no lost term, CASE alignments,
honest self-assessed results, subjects; on a built store of each backend."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest
from pyld import jsonld
from sqlalchemy import Engine

from skillsx.credentials import (
    create_key,
    issue_assessment_credential,
    issue_statement_credential,
    issue_theme_credential,
)
from skillsx.credentials.achievement import RATINGS, SELF_ASSESSED, rating_level_id
from skillsx.credentials.jsonld import ISSUER_DEPENDENT, SCHEMAS, unknown_terms
from skillsx.errors import CredentialError
from skillsx.export.case import export_case
from skillsx.models import Level
from skillsx.store.builds import get_build, get_document

from .credentials_support import (
    NOW,
    PUBLIC_URL,
    SHARED,
    SOC,
    assessment_of,
    body,
    expand_shared,
    iris_of,
    keys_of,
    payload,
    shared_loader,
    shared_validator,
)

KEY = create_key(now=NOW - timedelta(days=1))


@pytest.fixture(scope="module")
def page(built_store: Engine) -> tuple[dict[str, Any], str]:
    with built_store.connect() as conn:
        build = get_build(conn)
        return get_document(conn, SOC, build.id), build.version


@pytest.fixture(scope="module")
def case_items(page: tuple[dict[str, Any], str]) -> dict[str, str]:
    """CASE CFItem URIs of the same build, by fullStatement (themes by their label)."""
    document, version = page
    package = export_case(document, version, base_url=PUBLIC_URL)
    return {item["fullStatement"]: item["uri"] for item in package["CFItems"]}


def _statement(document: dict[str, Any], level: str, order: int) -> dict[str, Any]:
    (s,) = [
        s
        for s in document["framework"]["statements"]
        if s["level"] == level and s["order"] == order
    ]
    return s


def _check_valid(credential: dict[str, Any]) -> None:
    """The shared schema, and a JSON-LD expansion with the shared context that keeps every key."""
    errors = [e.message for e in shared_validator().iter_errors(credential)]
    assert errors == []
    expanded = expand_shared(credential)
    assert not any(iri.startswith(ISSUER_DEPENDENT) for iri in iris_of(expanded))
    # Compact the expansion again with the same contexts: every key put in comes back.
    back = jsonld.compact(
        expanded, {"@context": credential["@context"]}, {"documentLoader": shared_loader}
    )
    assert keys_of(back) == keys_of(credential)
    assert unknown_terms(credential) == []


def test_package_copies_are_the_shared_files() -> None:
    for name in ("achievementcredential.schema.json", "context-3.0.3.json"):
        assert (SCHEMAS / name).read_bytes() == (SHARED / name).read_bytes()


def test_statement_credential(page: tuple[dict[str, Any], str], case_items: dict[str, str]) -> None:
    document, version = page
    token = issue_statement_credential(
        document, version, "developing:3", "did:web:holder.example", KEY, PUBLIC_URL, now=NOW
    )
    credential = body(token)
    _check_valid(credential)
    s = _statement(document, "developing", 3)
    text = f"{s['subject']} — {s['action']}"
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = credential["credentialSubject"]
    assert subject["id"] == "did:web:holder.example"
    achievement = subject["achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["criteria"]["narrative"] == text
    assert achievement["creator"] == credential["issuer"]
    assert credential["issuer"]["id"] == f"{PUBLIC_URL}/api/v1/credentials/issuer"
    assert achievement["version"] == version
    (aligned,) = achievement["alignment"]
    assert aligned["targetType"] == "CFItem"
    assert aligned["targetUrl"] == case_items[text]  # exactly the CASE export's item
    assert aligned["targetUrl"].startswith(f"{PUBLIC_URL}/ims/case/v1p1/CFItems/")
    # The result: the holder's own rating, said to be self-assessed, verified by no one.
    (result,) = subject["result"]
    assert result["value"] == "Independently (self-assessed)"
    assert result["achievedLevel"] == rating_level_id("independently")
    (scale,) = achievement["resultDescription"]
    assert scale["id"] == result["resultDescription"]
    assert scale["name"] == "Self-assessed rating (not verified by anyone)"
    assert [lv["name"] for lv in scale["rubricCriterionLevel"]] == list(RATINGS.values())
    assert credential["name"].startswith("Self-assessed: ")
    assert credential["description"].endswith(SELF_ASSESSED)
    assert credential["evidence"][0]["genre"] == "Self-assessment"
    # Dates and the JWT claims OB 3.0 asks for.
    assert credential["validFrom"] == "2026-11-29T12:00:00Z"
    assert credential["validUntil"] == "2027-11-29T12:00:00Z"
    claims = payload(token)
    assert claims["iss"] == credential["issuer"]["id"] and claims["jti"] == credential["id"]
    assert claims["sub"] == "did:web:holder.example"
    assert claims["nbf"] == int(NOW.timestamp())
    assert claims["exp"] == int((NOW + timedelta(days=365)).timestamp())


def test_email_subject_is_hashed(page: tuple[dict[str, Any], str]) -> None:
    document, version = page
    token = issue_statement_credential(
        document, version, "emerging:1", "Ada@Example.org", KEY, PUBLIC_URL, now=NOW
    )
    credential = body(token)
    _check_valid(credential)
    subject = credential["credentialSubject"]
    assert "id" not in subject and "sub" not in payload(token)
    (identity,) = subject["identifier"]
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True
    assert "ada@" not in str(credential).lower()
    import hashlib

    digest = hashlib.sha256(("ada@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${digest}"


def test_credential_ends_with_its_key(page: tuple[dict[str, Any], str]) -> None:
    document, version = page
    short = create_key(30, now=NOW - timedelta(days=1))
    credential = body(
        issue_statement_credential(
            document, version, "advanced:1", "did:web:x.example", short, PUBLIC_URL, now=NOW
        )
    )
    assert credential["validUntil"] == "2026-12-28T12:00:00Z"  # the key's expiry, not a year


def test_theme_credential(page: tuple[dict[str, Any], str], case_items: dict[str, str]) -> None:
    document, version = page
    statements = document["framework"]["statements"]
    counts = {
        key: len(list(group))
        for key, group in itertools.groupby(sorted((s["theme"], s["level"]) for s in statements))
    }
    (theme, level), count = max(counts.items(), key=lambda kv: kv[1])
    token = issue_theme_credential(
        document, version, theme, level, "ada@example.org", KEY, PUBLIC_URL,
        rating="can_teach", now=NOW,
    )  # fmt: skip
    credential = body(token)
    _check_valid(credential)
    achievement = credential["credentialSubject"]["achievement"]
    label = {t["id"]: t["label"] for t in document["framework"]["themes"]}[theme]
    chosen = sorted(
        (s for s in statements if s["theme"] == theme and s["level"] == level),
        key=lambda s: s["order"],
    )
    texts = [f"{s['subject']} — {s['action']}" for s in chosen]
    urls = [a["targetUrl"] for a in achievement["alignment"]]
    assert urls == [case_items[label]] + [case_items[t] for t in texts]
    assert achievement["criteria"]["narrative"] == "\n".join(f"- {t}" for t in texts)
    (result,) = credential["credentialSubject"]["result"]
    assert result["value"] == "Can teach it (self-assessed)"
    assert len(result["alignment"]) == count


def test_refusals(page: tuple[dict[str, Any], str]) -> None:
    document, version = page
    fw = document["framework"]
    absent = next(
        (t["id"], lv.value)
        for t in fw["themes"]
        for lv in Level
        if not any(s["theme"] == t["id"] and s["level"] == lv.value for s in fw["statements"])
    )

    def statement(sid: str, subject: str = "ada@example.org", rating: str = "independently"):
        return issue_statement_credential(
            document, version, sid, subject, KEY, PUBLIC_URL, rating=rating, now=NOW
        )

    with pytest.raises(CredentialError, match='--statement: "top:1" is not a statement id'):
        statement("top:1")
    with pytest.raises(
        CredentialError,
        match=f"--statement: {SOC} has no statement proficient:99; its Proficient statements "
        "are proficient:1 to proficient:10.",
    ):
        statement("proficient:99")
    with pytest.raises(CredentialError, match='--subject: "ada" is neither an email address'):
        statement("emerging:1", subject="ada")
    with pytest.raises(CredentialError, match='--rating: "great" is not a rating'):
        statement("emerging:1", rating="great")
    with pytest.raises(CredentialError, match='"not_yet" earns no credential'):
        statement("emerging:1", rating="not_yet")
    with pytest.raises(CredentialError, match=f'--theme: {SOC} has no theme "T99"'):
        issue_theme_credential(document, version, "T99", "emerging", "a@b.org", KEY, PUBLIC_URL)
    with pytest.raises(CredentialError, match=f"has no {absent[1]} statement in {SOC}"):
        issue_theme_credential(document, version, *absent, "a@b.org", KEY, PUBLIC_URL)
    with pytest.raises(CredentialError, match='--level: "top" is not a level'):
        issue_theme_credential(document, version, "T01", "top", "a@b.org", KEY, PUBLIC_URL)
    expired = create_key(1, now=NOW - timedelta(days=3))
    with pytest.raises(CredentialError, match="expired on"):
        issue_statement_credential(
            document, version, "emerging:1", "a@b.org", expired, PUBLIC_URL, now=NOW
        )


def test_assessment_credential(
    page: tuple[dict[str, Any], str], case_items: dict[str, str]
) -> None:
    document, version = page
    assessment = assessment_of(document, version)
    token = issue_assessment_credential(
        assessment, "did:key:z6MkholderExample", KEY, PUBLIC_URL, now=NOW
    )
    credential = body(token)
    _check_valid(credential)
    subject = credential["credentialSubject"]
    achievement = subject["achievement"]
    assert achievement["achievementType"] == "Competency"
    assert [a["targetUrl"] for a in achievement["alignment"]] == [
        case_items[r["text"]] for r in assessment["ratings"]
    ]
    results = subject["result"]
    rated = [r for r in results if r["value"].endswith("(self-assessed)")]
    derived = [r for r in results if r["value"].endswith("(derived from self-assessed ratings)")]
    with_level = [t for t in assessment["themes"] if t["level"]]
    assert len(rated) == len(assessment["ratings"]) == 40
    assert len(derived) == len(with_level) + 1  # each theme with a level, and overall
    assert [r["value"].split(" (")[0] for r in rated] == [
        RATINGS[r["rating"]] for r in assessment["ratings"]
    ]
    assert derived[-1]["value"] == (
        f"Developing: overall, {assessment['title']} (derived from self-assessed ratings)"
    )
    assert derived[0]["alignment"][0]["targetUrl"] == case_items[with_level[0]["label"]]
    assert [d["name"] for d in achievement["resultDescription"]] == [
        "Self-assessed rating (not verified by anyone)",
        "Framework level derived from self-assessed ratings (not verified by anyone)",
    ]
    assert "created 2026-11-28T09:00:00+00:00" in credential["description"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: a.pop("ratings"), '"ratings" is missing'),
        (lambda a: a.update(ratings=[]), "no ratings; rate at least one statement"),
        (lambda a: a["ratings"][1].update(rating="great"), 'ratings[2].rating: "great" is not'),
        (lambda a: a["ratings"][0].update(level="advanced"), '"level" is advanced but'),
        (lambda a: a["ratings"][0].pop("theme"), 'ratings[1]: "theme" is missing'),
        (lambda a: a.update(build=7), '"build" has the wrong type'),
        (lambda a: a.update(overall="top"), 'assessment.overall: "top" is not a level'),
        (lambda a: a["themes"][1].update(level="x"), 'themes[2].level: "x" is not a level'),
    ],
)
def test_assessment_refusals(page: tuple[dict[str, Any], str], change: Any, message: str) -> None:
    document, version = page
    assessment = assessment_of(document, version)
    change(assessment)
    with pytest.raises(CredentialError, match=message.replace("[", r"\[").replace("]", r"\]")):
        issue_assessment_credential(assessment, "a@b.org", KEY, PUBLIC_URL, now=NOW)
