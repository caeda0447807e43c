"""1EdTech CASE 1.1: one CFPackage per occupation framework.

Identifiers are UUIDv5 over a fixed namespace and the content identity of each node (SOC,
level, theme, order), so the same framework gets the same identifiers in every export, and
``lastChangeDateTime`` is the first day of the build's month, so two exports of one build are
byte-identical.

    CFDocument                       the occupation's framework
    ├── CFItem "Proficiency Level"   Emerging … Advanced, isChildOf the document,
    │                                each precedes the next
    ├── CFItem "Theme"               isChildOf the document
    │   └── CFItem "Competency"      a statement: isChildOf its theme, hasSkillLevel its level,
    │                                precedes the same theme's statement one level up,
    │                                isRelatedTo the O*NET records that ground it
    └── CFRubric                     one criterion per theme, the four levels as criterion levels
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from skillsx.config import Settings
from skillsx.errors import ExportError
from skillsx.models import ROLE_BANDS, Framework, Level

CASE_VERSION = "1.1"
#: Namespace of every identifier we mint (uuid5 of our project URL; never change it).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/skills-exchange/skillsx/case")
#: Where the CASE service lives under the site's public URL (``Settings.public_url``).
CASE_PATH = "/ims/case/v1p1"
ONET_SUMMARY = "https://www.onetonline.org/link/summary/{soc}"
LICENCE_URI = "https://creativecommons.org/licenses/by/4.0/"


def case_id(*parts: object) -> str:
    """The stable identifier of a node named by its content identity."""
    return str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


def changed_at(build_version: str) -> str:
    """``v.26.11`` → ``2026-11-01T00:00:00+00:00``: stable for every export of a build."""
    match = re.fullmatch(r"v\.(\d{2})\.(\d{2})", build_version)
    if match is None:
        raise ExportError(f'Build version "{build_version}" is not v.YY.MM.')
    return f"20{match[1]}-{match[2]}-01T00:00:00+00:00"


def case_bytes(package: dict[str, Any]) -> bytes:
    """A package as compact JSON: CASE files are large, and compact is four times faster."""
    return json.dumps(package, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _link(kind: str, identifier: str, title: str, base: str) -> dict[str, str]:
    return {"title": title, "identifier": identifier, "uri": f"{base}/{kind}/{identifier}"}


def export_case(
    document: dict[str, Any], build_version: str, *, base_url: str = Settings.public_url
) -> dict[str, Any]:
    """Write one stored page document as a CASE 1.1 CFPackage; URIs start with ``base_url``."""
    base = base_url.rstrip("/") + CASE_PATH
    occ = document["occupation"]
    fw = Framework.model_validate(document["framework"])
    soc, title, release = occ["soc"], occ["title"], occ["release"]
    stamp = changed_at(build_version)
    doc_id = case_id("document", soc)
    doc_link = _link("CFDocuments", doc_id, f"{title} proficiency framework", base)
    items: list[dict[str, Any]] = []
    links: dict[str, dict[str, str]] = {}
    associations: list[dict[str, Any]] = []

    def item(identifier: str, statement: str, item_type: str, **extra: Any) -> None:
        node = {
            "identifier": identifier,
            "uri": f"{base}/CFItems/{identifier}",
            "fullStatement": statement,
            **extra,
            "CFItemType": item_type,
            "CFItemTypeURI": _link("CFItemTypes", case_id("item-type", item_type), item_type, base),
            "language": "en",
            "licenseURI": _link("CFLicenses", case_id("licence", "CC BY 4.0"), "CC BY 4.0", base),
            "lastChangeDateTime": stamp,
            "CFDocumentURI": doc_link,
        }
        items.append(node)
        links[identifier] = _link("CFItems", identifier, statement[:60], base)

    def associate(
        kind: str, origin: dict[str, str], dest: dict[str, str], seq: int | None = None
    ) -> None:
        identifier = case_id("association", origin["identifier"], kind, dest["identifier"])
        node: dict[str, Any] = {
            "identifier": identifier,
            "associationType": kind,
            "uri": f"{base}/CFAssociations/{identifier}",
            "originNodeURI": origin,
            "destinationNodeURI": dest,
            "lastChangeDateTime": stamp,
            "CFDocumentURI": doc_link,
        }
        if seq is not None:
            node["sequenceNumber"] = seq
        associations.append(node)

    level_ids = {level: case_id("level", soc, level.value) for level in Level}
    for n, level in enumerate(Level, 1):
        item(
            level_ids[level],
            f"{level.label} ({ROLE_BANDS[level]})",
            "Proficiency Level",
            humanCodingScheme=level.label[0],
            listEnumeration=str(n),
            abbreviatedStatement=level.label,
        )
        associate("isChildOf", links[level_ids[level]], doc_link, n)
    for lower, upper in zip(list(Level), list(Level)[1:], strict=False):
        associate("precedes", links[level_ids[lower]], links[level_ids[upper]])

    onet_nodes: dict[tuple[str, str], dict[str, str]] = {}

    def onet(kind: str, ident: str, rel: str) -> dict[str, str]:
        key = (kind, ident)
        if key not in onet_nodes:
            onet_nodes[key] = {
                "title": f"O*NET {rel} {kind} {ident} ({soc})",
                "identifier": case_id("onet", rel, soc, kind, ident),
                "uri": ONET_SUMMARY.format(soc=soc),
            }
        return onet_nodes[key]

    for n, theme in enumerate(fw.themes, 1):
        theme_id = case_id("theme", soc, theme.id)
        item(
            theme_id,
            theme.label,
            "Theme",
            humanCodingScheme=theme.id,
            listEnumeration=str(n),
        )
        associate("isChildOf", links[theme_id], doc_link, len(Level) + n)
        ladder = []
        for level in Level:
            for s in fw.level(level):
                if s.theme != theme.id:
                    continue
                sid = case_id("statement", soc, level.value, s.theme, s.order)
                item(
                    sid,
                    s.text,
                    "Competency",
                    humanCodingScheme=f"{theme.id}.{level.label[0]}{s.order}",
                    listEnumeration=str(s.order),
                    abbreviatedStatement=s.subject,
                )
                associate("isChildOf", links[sid], links[theme_id], s.order)
                associate("hasSkillLevel", links[sid], links[level_ids[level]])
                for a in s.anchors:
                    associate("isRelatedTo", links[sid], onet(a.kind, a.id, a.release))
                ladder.append(sid)
        for lower_id, upper_id in zip(ladder, ladder[1:], strict=False):
            associate("precedes", links[lower_id], links[upper_id])

    rubric_id = case_id("rubric", soc)
    criteria = []
    for n, theme in enumerate(fw.themes, 1):
        crit_id = case_id("criterion", soc, theme.id)
        levels = []
        for pos, level in enumerate(Level, 1):
            texts = [s.text for s in fw.level(level) if s.theme == theme.id]
            lvl_id = case_id("criterion-level", soc, theme.id, level.value)
            levels.append(
                {
                    "identifier": lvl_id,
                    "uri": f"{base}/CFRubricCriterionLevels/{lvl_id}",
                    "description": " ".join(texts) or f"No {level.label} statement.",
                    "quality": level.label,
                    "score": float(pos),
                    "feedback": ROLE_BANDS[level],
                    "position": pos,
                    "rubricCriterionId": crit_id,
                    "lastChangeDateTime": stamp,
                }
            )
        criteria.append(
            {
                "identifier": crit_id,
                "uri": f"{base}/CFRubricCriteria/{crit_id}",
                "category": "Theme",
                "description": theme.label,
                "CFItemURI": links[case_id("theme", soc, theme.id)],
                "weight": 1.0,
                "position": n,
                "rubricId": rubric_id,
                "lastChangeDateTime": stamp,
                "CFRubricCriterionLevels": levels,
            }
        )
    rubric = {
        "identifier": rubric_id,
        "uri": f"{base}/CFRubrics/{rubric_id}",
        "title": f"{title}: proficiency by theme",
        "description": "Each theme of the framework at the four levels, Emerging to Advanced.",
        "lastChangeDateTime": stamp,
        "CFRubricCriteria": criteria,
    }
    cf_document = {
        "identifier": doc_id,
        "uri": doc_link["uri"],
        "creator": "Skills Exchange",
        "title": doc_link["title"],
        "lastChangeDateTime": stamp,
        "officialSourceURL": ONET_SUMMARY.format(soc=soc),
        "publisher": "Skills Exchange",
        "description": fw.description,
        "subject": [title],
        "language": "en",
        "version": build_version,
        "adoptionStatus": "Draft",
        "licenseURI": _link("CFLicenses", case_id("licence", "CC BY 4.0"), "CC BY 4.0", base),
        "notes": (
            f"O*NET-SOC {soc}. {fw.context_covered} Built by {fw.engine} from the O*NET "
            f"{release} Database (CC BY 4.0) by USDOL/ETA; USDOL/ETA has not approved, "
            "endorsed, or tested these modifications."
        ),
        "frameworkType": "Occupation proficiency framework",
        "caseVersion": CASE_VERSION,
        "CFPackageURI": _link("CFPackages", doc_id, doc_link["title"], base),
    }
    item_types = sorted({i["CFItemType"] for i in items})
    return {
        "CFDocument": cf_document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    "identifier": case_id("item-type", t),
                    "uri": f"{base}/CFItemTypes/{case_id('item-type', t)}",
                    "title": t,
                    "description": t,
                    "hierarchyCode": t,
                    "lastChangeDateTime": stamp,
                }
                for t in item_types
            ],
            "CFLicenses": [
                {
                    "identifier": case_id("licence", "CC BY 4.0"),
                    "uri": f"{base}/CFLicenses/{case_id('licence', 'CC BY 4.0')}",
                    "title": "CC BY 4.0",
                    "licenseText": LICENCE_URI,
                    "lastChangeDateTime": stamp,
                }
            ],
        },
        "CFRubrics": [rubric],
    }
