"""An assessment as a plain dict: what the API returns, pages show and credentials carry."""

from __future__ import annotations

from typing import Any

from skillsx.assess.ratings import RATING_LABELS, RatedStatement
from skillsx.assess.rules import RULE, THEME_RULE, LevelTally, Standing, derive_levels
from skillsx.assess.store import Assessment, FrameworkRef
from skillsx.models import Level


def tally_dict(t: LevelTally) -> dict[str, Any]:
    return {
        "key": t.level,
        "label": t.label,
        "statements": t.statements,
        "held": t.held,
        "required": t.required,
        "to_go": t.to_go,
        "met": t.met,
        "reached": t.reached,
    }


def standing_dict(s: Standing) -> dict[str, Any]:
    after = s.next
    return {
        "level": s.level,
        "label": s.label,
        "next": None if after is None else {"key": after.level, "label": after.label},
        "levels": [tally_dict(t) for t in s.levels],
    }


def statement_dict(s: RatedStatement) -> dict[str, Any]:
    return {
        "id": s.id,
        "level": s.level,
        "level_label": Level(s.level).label,
        "order": s.order,
        "theme": s.theme,
        "theme_label": s.theme_label,
        "text": s.text,
        "anchors": list(s.anchors),
        "rating": s.rating,
        "rating_label": RATING_LABELS[s.rating] if s.rating else "Not rated",
    }


def levels_dict(statements: list[RatedStatement]) -> dict[str, Any]:
    """The derived levels, overall and per theme, with the rule in words."""
    result = derive_levels(statements)
    return {
        "overall": standing_dict(result.overall),
        "themes": [
            {"theme": t.theme, "theme_label": t.label, **standing_dict(t.standing)}
            for t in result.themes
        ],
        "rated": result.rated,
        "total": result.total,
        "counts": {key: result.counts.get(key, 0) for key in (*RATING_LABELS, "unrated")},
        "rule": RULE,
        "theme_rule": THEME_RULE,
    }


def framework_dict(f: FrameworkRef) -> dict[str, Any]:
    return {
        "soc": f.soc,
        "title": f.title,
        "version": f.version,
        "build_id": f.build_id,
        "build_label": f.build_label,
        "release": f.release,
        "content_hash": f.content_hash,
    }


def rated_document(
    framework: FrameworkRef,
    statements: list[RatedStatement],
    *,
    public_id: str | None = None,
    created_at: str | None = None,
    updated_at: str | None = None,
) -> dict[str, Any]:
    """The document of an assessment, saved (with its id and dates) or not (None there)."""
    return {
        "id": public_id,
        "type": "self-assessment",
        "self_assessed": True,
        "soc": framework.soc,
        "title": framework.title,
        "framework": framework_dict(framework),
        "ratings": [statement_dict(s) for s in statements],
        "levels": levels_dict(statements),
        "created_at": created_at,
        "updated_at": updated_at,
    }


def assessment_document(a: Assessment) -> dict[str, Any]:
    """A saved assessment as a plain dict, for the API and for credentials.

    ``id`` is the public id (safe to show: random, not the row id, no account in it);
    ``ratings`` holds every statement rated against, with its text, level, theme, anchors
    and rating; ``levels`` the derived levels and the rule; ``framework`` the build,
    version and release the ratings refer to. The owner's private note is not in it.
    """
    return rated_document(
        a.framework,
        a.statements,
        public_id=a.public_id,
        created_at=a.created_at,
        updated_at=a.updated_at,
    )


def credential_input(document: dict[str, Any]) -> dict[str, Any]:
    """An assessment document in the shape ``skillsx.credentials`` signs: the rated
    statements (unrated ones carry nothing to attest), the derived level of each theme and
    overall, and the build the ratings refer to."""
    levels = document["levels"]
    framework = document["framework"]
    return {
        "soc": document["soc"],
        "title": document["title"],
        "build": {"version": framework["version"], "label": framework.get("build_label")},
        "release": framework.get("release"),
        "created_at": document.get("created_at"),
        "updated_at": document.get("updated_at"),
        "ratings": [
            {
                "statement_id": r["id"],
                "theme": r["theme"],
                "level": r["level"],
                "text": r["text"],
                "rating": r["rating"],
            }
            for r in document["ratings"]
            if r["rating"]
        ],
        "themes": [
            {"id": t["theme"], "label": t["theme_label"], "level": t["level"]}
            for t in levels["themes"]
        ],
        "overall": levels["overall"]["level"],
    }
