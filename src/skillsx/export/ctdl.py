"""Credential Engine CTDL-ASN as JSON-LD: a competency framework with a progression model.

The ``@context`` is inline (only the terms used here), so the file expands without fetching
anything. Identifiers share the CASE namespace, so one framework keeps one set of UUIDs::

    ceasn:CompetencyFramework
    ├── ceasn:Competency (theme)        ceasn:hasTopChild of the framework
    │   └── ceasn:Competency (statement) ceasn:isChildOf its theme,
    │                                    asn:hasProgressionLevel its level
    └── ceterms:ProgressionModel        skos:hasTopConcept → four ceterms:ProgressionLevel
"""

from __future__ import annotations

from typing import Any

from skillsx.config import Settings
from skillsx.export.case import ONET_SUMMARY, case_id, changed_at
from skillsx.models import ROLE_BANDS, Framework, Level

#: Where the resources live under the site's public URL (``Settings.public_url``).
RESOURCES_PATH = "/ctdl/resources"
ONET_TAXONOMY = "https://www.onetcenter.org/taxonomy.html"

_ID = {"@type": "@id"}
_LANG = {"@container": "@language"}
CONTEXT: dict[str, Any] = {
    "ceasn": "https://purl.org/ctdlasn/terms/",
    "ceterms": "https://purl.org/ctdl/terms/",
    "asn": "http://purl.org/ASN/schema/core/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "ceterms:ctid": {"@type": "xsd:string"},
    "ceasn:name": _LANG,
    "ceasn:description": _LANG,
    "ceasn:competencyText": _LANG,
    "ceasn:competencyLabel": _LANG,
    "ceasn:competencyCategory": _LANG,
    "ceasn:publisherName": _LANG,
    "ceasn:inLanguage": {"@type": "xsd:language"},
    "ceasn:dateModified": {"@type": "xsd:date"},
    "ceasn:codedNotation": {"@type": "xsd:string"},
    "ceasn:listID": {"@type": "xsd:string"},
    "ceasn:license": _ID,
    "ceasn:source": _ID,
    "ceasn:isPartOf": _ID,
    "ceasn:isChildOf": _ID,
    "ceasn:hasChild": _ID,
    "ceasn:isTopChildOf": _ID,
    "ceasn:hasTopChild": _ID,
    "ceasn:exactAlignment": _ID,
    "ceasn:conceptKeyword": _LANG,
    "asn:hasProgressionLevel": _ID,
    "skos:prefLabel": _LANG,
    "skos:definition": _LANG,
    "skos:notation": {"@type": "xsd:string"},
    "skos:inScheme": _ID,
    "skos:hasTopConcept": _ID,
    "skos:topConceptOf": _ID,
    "ceterms:precedes": _ID,
    "ceterms:framework": _ID,
    "ceterms:frameworkName": _LANG,
    "ceterms:targetNode": _ID,
    "ceterms:targetNodeName": _LANG,
    "ceterms:codedNotation": {"@type": "xsd:string"},
}


def _en(text: str) -> dict[str, str]:
    return {"en-US": text}


def export_ctdl(
    document: dict[str, Any], build_version: str, *, base_url: str = Settings.public_url
) -> dict[str, Any]:
    """Write one stored page document as a CTDL-ASN JSON-LD graph; ``@id``s under ``base_url``."""
    base = base_url.rstrip("/") + RESOURCES_PATH
    occ = document["occupation"]
    fw = Framework.model_validate(document["framework"])
    soc, title = occ["soc"], occ["title"]

    def uri(*parts: object) -> str:
        return f"{base}/ce-{case_id(*parts)}"

    def ctid(*parts: object) -> str:
        return f"ce-{case_id(*parts)}"

    framework_id, model_id = uri("document", soc), uri("progression-model", soc)
    level_ids = {level: uri("level", soc, level.value) for level in Level}
    theme_ids = {t.id: uri("theme", soc, t.id) for t in fw.themes}
    date = changed_at(build_version)[:10]
    graph: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    children: dict[str, list[str]] = {t.id: [] for t in fw.themes}
    for level in Level:
        for s in fw.level(level):
            sid = uri("statement", soc, level.value, s.theme, s.order)
            children.setdefault(s.theme, []).append(sid)
            statements.append(
                {
                    "@id": sid,
                    "@type": "ceasn:Competency",
                    "ceterms:ctid": ctid("statement", soc, level.value, s.theme, s.order),
                    "ceasn:competencyLabel": _en(s.subject),
                    "ceasn:competencyText": _en(s.text),
                    "ceasn:codedNotation": f"{soc}.{s.theme}.{level.label[0]}{s.order}",
                    "ceasn:listID": str(s.order),
                    "ceasn:isPartOf": framework_id,
                    "ceasn:isChildOf": theme_ids.get(s.theme, framework_id),
                    "asn:hasProgressionLevel": level_ids[level],
                    "ceasn:conceptKeyword": {"en-US": [f"{a.kind}:{a.id}" for a in s.anchors]},
                }
            )
    graph.append(
        {
            "@id": framework_id,
            "@type": "ceasn:CompetencyFramework",
            "ceterms:ctid": ctid("document", soc),
            "ceasn:name": _en(f"{title} proficiency framework"),
            "ceasn:description": _en(fw.description),
            "ceasn:inLanguage": "en-US",
            "ceasn:publisherName": _en("Skills Exchange"),
            "ceasn:dateModified": date,
            "ceasn:license": "https://creativecommons.org/licenses/by/4.0/",
            "ceasn:source": ONET_SUMMARY.format(soc=soc),
            "ceasn:hasTopChild": [theme_ids[t.id] for t in fw.themes],
            "ceterms:occupationType": [
                {
                    "@type": "ceterms:CredentialAlignmentObject",
                    "ceterms:framework": ONET_TAXONOMY,
                    "ceterms:frameworkName": _en(f"O*NET-SOC ({occ['release']})"),
                    "ceterms:targetNode": ONET_SUMMARY.format(soc=soc),
                    "ceterms:targetNodeName": _en(title),
                    "ceterms:codedNotation": soc,
                }
            ],
        }
    )
    for n, theme in enumerate(fw.themes, 1):
        graph.append(
            {
                "@id": theme_ids[theme.id],
                "@type": "ceasn:Competency",
                "ceterms:ctid": ctid("theme", soc, theme.id),
                "ceasn:competencyLabel": _en(theme.label),
                "ceasn:competencyText": _en(theme.label),
                "ceasn:competencyCategory": _en("Theme"),
                "ceasn:codedNotation": f"{soc}.{theme.id}",
                "ceasn:listID": str(n),
                "ceasn:isPartOf": framework_id,
                "ceasn:isTopChildOf": framework_id,
                "ceasn:hasChild": children[theme.id],
            }
        )
    graph.extend(statements)
    graph.append(
        {
            "@id": model_id,
            "@type": "ceterms:ProgressionModel",
            "ceterms:ctid": ctid("progression-model", soc),
            "ceasn:name": _en("Skills Exchange proficiency levels"),
            "ceasn:description": _en(
                "Four levels of autonomy, scope, complexity and influence, Emerging to Advanced."
            ),
            "ceasn:inLanguage": "en-US",
            "skos:hasTopConcept": [level_ids[level] for level in Level],
        }
    )
    levels = list(Level)
    for n, level in enumerate(levels):
        node: dict[str, Any] = {
            "@id": level_ids[level],
            "@type": "ceterms:ProgressionLevel",
            "ceterms:ctid": ctid("level", soc, level.value),
            "skos:prefLabel": _en(level.label),
            "skos:definition": _en(ROLE_BANDS[level]),
            "skos:notation": str(n + 1),
            "skos:inScheme": model_id,
            "skos:topConceptOf": model_id,
        }
        if n + 1 < len(levels):
            node["ceterms:precedes"] = level_ids[levels[n + 1]]
        graph.append(node)
    return {"@context": CONTEXT, "@id": framework_id, "@graph": graph}
