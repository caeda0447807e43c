"""CASE 1.1 CFPackage: required properties of each class, stable identifiers, structure.

The CASE 1.1 JSON schema is not available offline, so the required properties of each class
(from the CASE 1.1 information model) are written down here and checked on every node.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import Engine

from skillsx.errors import ExportError
from skillsx.export import FORMATS, export_document
from skillsx.export.case import case_id, changed_at, export_case
from skillsx.store.builds import get_build, get_document, list_framework_socs

SOC = "11-2022.00"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+00:00|Z)$")
LINK = ("title", "identifier", "uri")
REQUIRED = {
    "CFPackage": ("CFDocument",),
    "CFDocument": (
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
        "CFPackageURI",
    ),
    "CFItem": ("identifier", "fullStatement", "uri", "lastChangeDateTime", "CFDocumentURI"),
    "CFAssociation": (
        "identifier",
        "associationType",
        "uri",
        "originNodeURI",
        "destinationNodeURI",
        "lastChangeDateTime",
    ),
    "CFItemType": (
        "identifier",
        "uri",
        "title",
        "description",
        "hierarchyCode",
        "lastChangeDateTime",
    ),
    "CFLicense": ("identifier", "uri", "title", "licenseText", "lastChangeDateTime"),
    "CFRubric": ("identifier", "uri", "lastChangeDateTime"),
    "CFRubricCriterion": ("identifier", "uri", "lastChangeDateTime", "rubricId"),
    "CFRubricCriterionLevel": ("identifier", "uri", "lastChangeDateTime", "rubricCriterionId"),
}
ASSOCIATION_TYPES = {
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
}


@pytest.fixture
def document(built_store: Engine) -> dict[str, Any]:
    with built_store.connect() as conn:
        return get_document(conn, SOC)


def _check(node: dict[str, Any], cls: str) -> None:
    missing = [key for key in REQUIRED[cls] if key not in node]
    assert not missing, f"{cls} lacks {missing}"
    if "identifier" in node:
        assert UUID.match(node["identifier"]), node["identifier"]
    if "lastChangeDateTime" in node:
        assert DATETIME.match(node["lastChangeDateTime"])
    for key in ("CFPackageURI", "CFDocumentURI", "originNodeURI", "destinationNodeURI"):
        if key in node:
            assert sorted(node[key]) == sorted(LINK)


def check_package(pkg: dict[str, Any]) -> None:
    """Every node of a CFPackage has its class's required properties; identifiers unique."""
    _check(pkg, "CFPackage")
    _check(pkg["CFDocument"], "CFDocument")
    assert pkg["CFDocument"]["caseVersion"] == "1.1"
    for item in pkg["CFItems"]:
        _check(item, "CFItem")
        assert item["CFDocumentURI"]["identifier"] == pkg["CFDocument"]["identifier"]
    for assoc in pkg["CFAssociations"]:
        _check(assoc, "CFAssociation")
        assert assoc["associationType"] in ASSOCIATION_TYPES
    for item_type in pkg["CFDefinitions"]["CFItemTypes"]:
        _check(item_type, "CFItemType")
    for licence in pkg["CFDefinitions"]["CFLicenses"]:
        _check(licence, "CFLicense")
    for rubric in pkg["CFRubrics"]:
        _check(rubric, "CFRubric")
        for crit in rubric["CFRubricCriteria"]:
            _check(crit, "CFRubricCriterion")
            for level in crit["CFRubricCriterionLevels"]:
                _check(level, "CFRubricCriterionLevel")
    identifiers = [pkg["CFDocument"]["identifier"]]
    identifiers += [n["identifier"] for n in pkg["CFItems"] + pkg["CFAssociations"]]
    assert len(identifiers) == len(set(identifiers))


def test_required_properties_of_every_class(document: dict[str, Any]) -> None:
    check_package(json.loads(export_document("case", document, "v.26.11")))
    with pytest.raises(AssertionError, match=r"^CFItem lacks \['fullStatement'\]"):
        broken = json.loads(export_document("case", document, "v.26.11"))
        del broken["CFItems"][3]["fullStatement"]
        check_package(broken)


def test_structure(document: dict[str, Any]) -> None:
    pkg = export_case(document, "v.26.11")
    types = Counter(i["CFItemType"] for i in pkg["CFItems"])
    n_themes = len(document["framework"]["themes"])
    assert 1 <= n_themes <= 10
    assert types == {"Proficiency Level": 4, "Theme": n_themes, "Competency": 40}
    levels = [i["fullStatement"] for i in pkg["CFItems"] if i["CFItemType"] == "Proficiency Level"]
    assert levels == [
        "Emerging (Entry / Apprentice)",
        "Developing (Mid-level / Established)",
        "Proficient (Senior / Expert IC)",
        "Advanced (Lead / Principal / Executive)",
    ]
    by_type = Counter(a["associationType"] for a in pkg["CFAssociations"])
    anchors = sum(len(s["anchors"]) for s in document["framework"]["statements"])
    assert by_type == {
        "isChildOf": 4 + n_themes + 40,
        "hasSkillLevel": 40,
        "precedes": 3 + 30,
        "isRelatedTo": anchors,
    }
    related = next(a for a in pkg["CFAssociations"] if a["associationType"] == "isRelatedTo")
    assert related["destinationNodeURI"]["uri"] == (
        "https://www.onetonline.org/link/summary/11-2022.00"
    )
    assert related["destinationNodeURI"]["title"].startswith("O*NET 30.1 task ")
    rubric = pkg["CFRubrics"][0]
    assert len(rubric["CFRubricCriteria"]) == n_themes
    assert [lv["quality"] for lv in rubric["CFRubricCriteria"][0]["CFRubricCriterionLevels"]] == [
        "Emerging",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    doc = pkg["CFDocument"]
    assert doc["title"] == "Sales Managers proficiency framework"
    assert doc["version"] == "v.26.11"
    assert doc["lastChangeDateTime"] == "2026-11-01T00:00:00+00:00"
    assert doc["officialSourceURL"] == "https://www.onetonline.org/link/summary/11-2022.00"


def test_identifiers_are_stable(document: dict[str, Any]) -> None:
    first = export_document("case", document, "v.26.11")
    second = export_document("case", json.loads(json.dumps(document)), "v.26.11")
    assert first == second
    pkg = json.loads(first)
    # uuid5 of our namespace and the content identity: these values must never change.
    assert pkg["CFDocument"]["identifier"] == "9796cddb-88b7-58f3-a5ae-7ab3c98c9e35"
    assert case_id("document", SOC) == "9796cddb-88b7-58f3-a5ae-7ab3c98c9e35"
    statement = next(i for i in pkg["CFItems"] if i["CFItemType"] == "Competency")
    assert statement["identifier"] == case_id("statement", SOC, "emerging", "T01", 1)
    # A later build of the same framework keeps every identifier; only the dates move.
    later = export_case(document, "v.27.01")
    assert [i["identifier"] for i in later["CFItems"]] == [i["identifier"] for i in pkg["CFItems"]]


def test_every_fixture_framework_exports(built_store: Engine) -> None:
    with built_store.connect() as conn:
        socs = list_framework_socs(conn, get_build(conn).id)
        docs = [get_document(conn, soc) for soc in socs]
    ids = set()
    for doc in docs:
        pkg = json.loads(export_document("case", doc, "v.26.11"))
        ids.add(pkg["CFDocument"]["identifier"])
        assert all(UUID.match(i["identifier"]) for i in pkg["CFItems"])
    assert len(ids) == len(docs) == 7
    assert FORMATS["case"].media_type == "application/json"


def test_bad_version() -> None:
    assert changed_at("v.26.11") == "2026-11-01T00:00:00+00:00"
    with pytest.raises(ExportError, match=r'^Build version "26.11" is not v\.YY\.MM\.$'):
        changed_at("26.11")


def test_uris_start_with_the_public_url(document: dict[str, Any]) -> None:
    default = json.loads(export_document("case", document, "v.26.11"))
    doc_id = case_id("document", SOC)
    assert default["CFDocument"]["uri"] == (
        f"http://localhost:8000/ims/case/v1p1/CFDocuments/{doc_id}"
    )
    site = export_document("case", document, "v.26.11", base_url="https://skills.example.org/")
    pkg = json.loads(site)
    assert pkg["CFDocument"]["uri"] == (
        f"https://skills.example.org/ims/case/v1p1/CFDocuments/{doc_id}"
    )
    uris = [pkg["CFDocument"]["uri"]] + [n["uri"] for n in pkg["CFItems"] + pkg["CFAssociations"]]
    assert all(u.startswith("https://skills.example.org/ims/case/v1p1/") for u in uris)
    # Identifiers name content, not places: the same under any base.
    assert [i["identifier"] for i in pkg["CFItems"]] == [
        i["identifier"] for i in default["CFItems"]
    ]
