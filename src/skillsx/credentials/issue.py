"""Issue signed, self-assessed credentials: a statement, a theme at a level, an assessment.

``document`` is a stored page of a build (``skillsx.store.builds.get_document``): its
``occupation`` and ``framework``. Each function returns the compact VC-JWT.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from skillsx.credentials import achievement as ach
from skillsx.credentials.keys import IssuerKey
from skillsx.credentials.sign import sign_credential
from skillsx.errors import CredentialError
from skillsx.models import ROLE_BANDS, Level

_MAX_TEXT = 2000


def _page_url(public_url: str, soc: str) -> str:
    return f"{public_url.rstrip('/')}/occupations/{soc}"


def _framework_name(title: str, soc: str) -> str:
    return f"{title} ({soc}) proficiency framework"


def _statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document["framework"]["statements"])


def _text(statement: dict[str, Any]) -> str:
    return f"{statement['subject']} — {statement['action']}"


def _code(statement: dict[str, Any]) -> str:
    # As the CASE export's humanCodingScheme: theme, level initial, order ("T02.P3").
    return f"{statement['theme']}.{statement['level'][0].upper()}{statement['order']}"


def _statement_alignment(public_url: str, soc: str, framework: str, s: dict) -> dict[str, Any]:
    url = ach.cfitem_url(public_url, soc, s["level"], s["theme"], s["order"])
    return ach.alignment(url, _text(s), _code(s), framework)


def _evidence(narrative: str) -> list[dict[str, Any]]:
    return [
        {
            "type": ["Evidence"],
            "name": "Self-assessment",
            "genre": "Self-assessment",
            "narrative": narrative,
        }
    ]


def _sign(
    body: dict[str, Any], evidence: str, key: IssuerKey, public_url: str, now: datetime | None
) -> str:
    return sign_credential({**body, "evidence": _evidence(evidence)}, key, public_url, now)


def find_statement(document: dict[str, Any], statement_id: str) -> dict[str, Any]:
    """The statement ``LEVEL:ORDER`` of a stored page, or a ``CredentialError`` naming it."""
    level, order = ach.parse_statement_id(statement_id)
    for s in _statements(document):
        if s["level"] == level.value and s["order"] == order:
            return s
    count = sum(1 for s in _statements(document) if s["level"] == level.value)
    raise CredentialError(
        f"--statement: {document['occupation']['soc']} has no statement {level.value}:{order}; "
        f"its {level.label} statements are {level.value}:1 to {level.value}:{count}."
    )


def _earned(rating: str) -> None:
    """A rating that earns a credential: any but "not yet"."""
    ach.check_rating(rating)
    if rating == "not_yet":
        raise CredentialError('--rating: "not_yet" earns no credential; rate it once you can.')


def issue_statement_credential(
    document: dict[str, Any],
    build_version: str,
    statement_id: str,
    subject: str,
    key: IssuerKey,
    public_url: str,
    *,
    rating: str = "independently",
    now: datetime | None = None,
) -> str:
    """A credential for one statement of a framework, at the holder's self-assessed rating."""
    _earned(rating)
    occ = document["occupation"]
    soc, title = occ["soc"], occ["title"]
    s = find_statement(document, statement_id)
    level = Level(s["level"])
    framework = _framework_name(title, soc)
    aligned = [_statement_alignment(public_url, soc, framework, s)]
    achievement = ach.achievement(
        identity=("statement", soc, build_version, s["level"], s["theme"], s["order"]),
        name=f"{s['subject']} ({level.label}, {title})",
        description=(
            f"A {level.label} ({ROLE_BANDS[level]}) statement of the {framework}, Skills "
            f"Exchange {build_version}, composed from O*NET {occ['release']} records."
        ),
        narrative=_text(s),
        criteria_url=_page_url(public_url, soc),
        alignments=aligned,
        public_url=public_url,
        human_code=f"{soc} {_code(s)}",
        version=build_version,
        scales=[ach.rating_scale()],
    )
    subject_node = ach.credential_subject(subject)
    subject_node["achievement"] = achievement
    subject_node["result"] = [ach.rating_result(rating, aligned)]
    body = ach.credential(
        name=f"Self-assessed: {s['subject']} ({level.label}, {title})",
        description=(
            f'The holder rated themselves "{ach.RATINGS[rating]}" on this statement: '
            f"{_text(s)} {ach.SELF_ASSESSED}"
        ),
        subject=subject_node,
        public_url=public_url,
    )
    narrative = f'Rated "{ach.RATINGS[rating]}" by the holder on: {_text(s)}'
    return _sign(body, narrative, key, public_url, now)


def issue_theme_credential(
    document: dict[str, Any],
    build_version: str,
    theme_id: str,
    level_name: str,
    subject: str,
    key: IssuerKey,
    public_url: str,
    *,
    rating: str = "independently",
    now: datetime | None = None,
) -> str:
    """A credential for a theme's statements at one level, at one self-assessed rating."""
    _earned(rating)
    occ = document["occupation"]
    soc, title = occ["soc"], occ["title"]
    level = _level(level_name)
    themes = {t["id"]: t for t in document["framework"]["themes"]}
    theme = themes.get(theme_id) or themes.get(theme_id.strip().upper())
    if theme is None:
        raise CredentialError(
            f'--theme: {soc} has no theme "{theme_id[:40]}"; its themes are '
            f"{', '.join(sorted(themes))}."
        )
    chosen = sorted(
        (s for s in _statements(document) if s["theme"] == theme["id"] and s["level"] == level),
        key=lambda s: s["order"],
    )
    if not chosen:
        present = sorted(
            {s["level"] for s in _statements(document) if s["theme"] == theme["id"]},
            key=[lv.value for lv in Level].index,
        )
        raise CredentialError(
            f"--level: theme {theme['id']} ({theme['label']}) has no {level.value} statement in "
            f"{soc}; it has statements at: {', '.join(present)}."
        )
    framework = _framework_name(title, soc)
    theme_url = ach.theme_cfitem_url(public_url, soc, theme["id"])
    aligned = [ach.alignment(theme_url, theme["label"], theme["id"], framework)] + [
        _statement_alignment(public_url, soc, framework, s) for s in chosen
    ]
    achievement = ach.achievement(
        identity=("theme", soc, build_version, theme["id"], level.value),
        name=f"{theme['label']} at {level.label} ({title})",
        description=(
            f"The {level.label} ({ROLE_BANDS[level]}) statements of the theme "
            f'"{theme["label"]}" in the {framework}, Skills Exchange {build_version}, composed '
            f"from O*NET {occ['release']} records."
        ),
        narrative="\n".join(f"- {_text(s)}" for s in chosen),
        criteria_url=_page_url(public_url, soc),
        alignments=aligned,
        public_url=public_url,
        human_code=f"{soc} {theme['id']}.{level.label[0]}",
        version=build_version,
        scales=[ach.rating_scale()],
    )
    subject_node = ach.credential_subject(subject)
    subject_node["achievement"] = achievement
    subject_node["result"] = [ach.rating_result(rating, aligned[1:])]
    body = ach.credential(
        name=f"Self-assessed: {theme['label']} at {level.label} ({title})",
        description=(
            f'The holder rated themselves "{ach.RATINGS[rating]}" on the {len(chosen)} '
            f"{level.label} statement(s) of this theme. {ach.SELF_ASSESSED}"
        ),
        subject=subject_node,
        public_url=public_url,
    )
    narrative = (
        f'Rated "{ach.RATINGS[rating]}" by the holder on the {level.label} statements of '
        f'"{theme["label"]}".'
    )
    return _sign(body, narrative, key, public_url, now)


def _level(name: Any, what: str = "--level") -> Level:
    try:
        return Level(str(name).strip().lower())
    except ValueError:
        raise CredentialError(
            f'{what}: "{str(name)[:40]}" is not a level; use one of: '
            f"{', '.join(lv.value for lv in Level)}."
        ) from None


# ---------------------------------------------------------------- whole self-assessments


def _field(data: Any, name: str, kind: type | tuple[type, ...], where: str = "assessment") -> Any:
    if not isinstance(data, dict) or name not in data:
        raise CredentialError(f'{where}: "{name}" is missing.')
    value = data[name]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CredentialError(f'{where}: "{name}" has the wrong type ({type(value).__name__}).')
    if isinstance(value, str) and not value.strip():
        raise CredentialError(f'{where}: "{name}" is empty.')
    if isinstance(value, str) and len(value) > _MAX_TEXT:
        raise CredentialError(f'{where}: "{name}" is over {_MAX_TEXT} characters.')
    return value


def _build_version(assessment: dict[str, Any]) -> str:
    build = assessment.get("build")
    if isinstance(build, dict):
        return str(_field(build, "version", str, "assessment.build"))
    return str(_field(assessment, "build", str))


def _optional_level(value: Any, where: str) -> Level | None:
    return None if value is None else _level(value, where)


def issue_assessment_credential(
    assessment: dict[str, Any],
    subject: str,
    key: IssuerKey,
    public_url: str,
    *,
    now: datetime | None = None,
) -> str:
    """A credential for a whole self-assessment against one framework (docs/credentials.md).

    ``assessment`` is a plain dict::

        {"soc": "41-3091.00", "title": "Sales Representatives of Services…",
         "build": "v.26.11" (or {"version": "v.26.11", …}), "release": "30.1",
         "created_at": "2026-11-29T09:00:00+00:00", "updated_at": "…",
         "ratings": [{"statement_id": "developing:3", "theme": "T02", "level": "developing",
                      "text": "Subject — action.", "rating": "independently"}, …],
         "themes": [{"id": "T02", "label": "Promote products…", "level": "developing" | None}],
         "overall": "developing" | None}

    Every rating becomes a self-assessed result aligned to its statement's CASE item; each
    theme's derived level and the overall level become results too (a None level is left
    out: nothing derived yet).
    """
    soc = _field(assessment, "soc", str)
    title = _field(assessment, "title", str)
    version = _build_version(assessment)
    release = str(assessment.get("release") or "")
    ratings = _field(assessment, "ratings", list)
    if not ratings:
        raise CredentialError("assessment: no ratings; rate at least one statement first.")
    if len(ratings) > 400:
        raise CredentialError("assessment: over 400 ratings; a framework has 40 statements.")
    framework = _framework_name(title, soc)
    results, aligned = [], []
    for n, rating in enumerate(ratings, 1):
        where = f"assessment.ratings[{n}]"
        level, order = ach.parse_statement_id(_field(rating, "statement_id", str, where))
        stated = _level(_field(rating, "level", str, where), f"{where}.level")
        if stated != level:
            raise CredentialError(
                f'{where}: "level" is {stated.value} but statement_id is at {level.value}.'
            )
        theme = _field(rating, "theme", str, where)
        text = _field(rating, "text", str, where)
        value = ach.check_rating(_field(rating, "rating", str, where), f"{where}.rating")
        s = {"level": level.value, "order": order, "theme": theme}
        url = ach.cfitem_url(public_url, soc, level.value, theme, order)
        one = ach.alignment(url, text, _code(s), framework)
        aligned.append(one)
        results.append(ach.rating_result(value, [one]))
    themes = assessment.get("themes") or []
    if not isinstance(themes, list):
        raise CredentialError('assessment: "themes" must be a list.')
    for n, theme in enumerate(themes, 1):
        where = f"assessment.themes[{n}]"
        if not isinstance(theme, dict):
            raise CredentialError(f"{where}: must be an object with id, label and level.")
        derived = _optional_level(theme.get("level"), f"{where}.level")
        if derived is None:
            continue
        theme_id = _field(theme, "id", str, where)
        label = _field(theme, "label", str, where)
        url = ach.theme_cfitem_url(public_url, soc, theme_id)
        results.append(
            ach.level_result(derived, label, [ach.alignment(url, label, theme_id, framework)])
        )
    overall = _optional_level(assessment.get("overall"), "assessment.overall")
    if overall is not None:
        results.append(ach.level_result(overall, f"overall, {title}"))
    dates = ", ".join(
        f"{k.replace('_at', '')} {assessment[k]}"
        for k in ("created_at", "updated_at")
        if isinstance(assessment.get(k), str)
    )
    source = f", composed from O*NET {release} records" if release else ""
    achievement = ach.achievement(
        identity=("assessment", soc, version),
        name=f"Self-assessment against the {framework}",
        description=(
            f"A self-assessment of {len(ratings)} statement(s) of the {framework}, Skills "
            f"Exchange {version}{source}."
        ),
        narrative=(
            "The holder rated themselves on each statement: not yet, with help, independently, "
            "or can teach it. Levels per theme and overall are derived from those ratings."
        ),
        criteria_url=_page_url(public_url, soc),
        alignments=aligned,
        public_url=public_url,
        human_code=f"{soc} self-assessment",
        version=version,
        scales=[ach.rating_scale(), ach.level_scale()],
    )
    subject_node = ach.credential_subject(subject)
    subject_node["achievement"] = achievement
    subject_node["result"] = results
    body = ach.credential(
        name=f"Self-assessed: {title} proficiency framework",
        description=(
            f"The holder's self-assessment against the {framework} ({len(ratings)} rating(s)"
            f"{'; ' + dates if dates else ''}). {ach.SELF_ASSESSED}"
        ),
        subject=subject_node,
        public_url=public_url,
    )
    narrative = f"The holder's own ratings of {len(ratings)} statement(s) of the {framework}."
    return _sign(body, narrative, key, public_url, now)
