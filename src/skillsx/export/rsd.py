"""Open Skills Network Rich Skill Descriptors: one RSD per statement, in one collection.

Field names follow the RSD 1.0 JSON that OSMT serves (``skillName``, ``skillStatement``,
``categories``, ``keywords``, ``alignments``, ``occupations``, ``collections`` …). UUIDs are
the CASE ones, so a statement is the same skill in every format.
"""

from __future__ import annotations

from typing import Any

from skillsx.config import Settings
from skillsx.export.case import ONET_SUMMARY, case_id, changed_at
from skillsx.models import Framework, Level

RSD_CONTEXT = "https://rsd.openskillsnetwork.org/context-v1.json"
#: Where skills and collections live under the site's public URL (``Settings.public_url``).
API_PATH = "/api"
AUTHOR = "Skills Exchange"


def export_rsd(
    document: dict[str, Any], build_version: str, *, base_url: str = Settings.public_url
) -> dict[str, Any]:
    """Write one stored page document as an RSD collection; ids start with ``base_url``."""
    base = base_url.rstrip("/") + API_PATH
    occ = document["occupation"]
    fw = Framework.model_validate(document["framework"])
    soc, title, release = occ["soc"], occ["title"], occ["release"]
    stamp = changed_at(build_version).replace("+00:00", "Z")
    themes = {t.id: t.label for t in fw.themes}
    collection_id = case_id("document", soc)
    collection_ref = {"uuid": collection_id, "name": f"{title} proficiency framework"}
    occupation = {
        "code": soc,
        "targetNodeName": title,
        "frameworkName": "o*net",
        "targetNode": ONET_SUMMARY.format(soc=soc),
    }
    skills = []
    for level in Level:
        for s in fw.level(level):
            uid = case_id("statement", soc, level.value, s.theme, s.order)
            theme = themes.get(s.theme, s.theme)
            skills.append(
                {
                    "@context": RSD_CONTEXT,
                    "type": "RichSkillDescriptor",
                    "id": f"{base}/skills/{uid}",
                    "uuid": uid,
                    "status": "published",
                    "creationDate": stamp,
                    "updateDate": stamp,
                    "publishDate": stamp,
                    "skillName": f"{s.subject} ({level.label})",
                    "skillStatement": s.text,
                    "categories": [theme],
                    "keywords": [level.label, level.band, theme, s.subject],
                    "authors": [AUTHOR],
                    "alignments": [
                        {
                            "id": ONET_SUMMARY.format(soc=soc),
                            "skillName": f"O*NET {a.kind} {a.id}",
                            "isPartOf": {"name": f"O*NET {a.release} ({soc})"},
                        }
                        for a in s.anchors
                    ],
                    "occupations": [occupation],
                    "standards": [],
                    "certifications": [],
                    "employers": [],
                    "collections": [collection_ref],
                }
            )
    return {
        "type": "RichSkillCollection",
        "uuid": collection_id,
        "id": f"{base}/collections/{collection_id}",
        "name": collection_ref["name"],
        "description": fw.context_covered,
        "author": AUTHOR,
        "status": "published",
        "creationDate": stamp,
        "updateDate": stamp,
        "publishDate": stamp,
        "version": build_version,
        "source": f"O*NET {release} Database (CC BY 4.0) by USDOL/ETA, modified by {AUTHOR}",
        "skills": skills,
    }
