"""The exchange JSON, schema version 1.0 (``export/schemas/framework-export-1.0.schema.json``)."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.metadata import version as package_version
from typing import Any

from skillsx.errors import ExportError
from skillsx.models import Framework, Level

SCHEMA_VERSION = "1.0"
ONET_ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the "
    "CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Skills Exchange has modified "
    "this information; USDOL/ETA has not approved, endorsed, or tested these modifications."
)
_VERSION = package_version("skills-exchange")
CROSSWALK = "NCES and BLS, CIP 2020 to SOC 2018 Crosswalk (public domain)"


def _timestamp(now: datetime | None) -> str:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def export_json_v1(
    document: dict[str, Any], build_version: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Write one stored page document as the 1.0 exchange JSON."""
    occupation = document["occupation"]
    framework = Framework.model_validate(document["framework"])
    if occupation["job_zone"] is None:
        raise ExportError(
            f"{occupation['soc']} has no Job Zone (rated or inferred); the 1.0 schema needs one."
        )
    levels = {
        level.value: {"label": level.label, "statements": [s.text for s in framework.level(level)]}
        for level in Level
    }
    release = occupation["release"]
    return {
        "schemaVersion": SCHEMA_VERSION,
        "exportedAt": _timestamp(now),
        "occupation": {
            "soc": occupation["soc"],
            "title": occupation["title"],
            "group": occupation["group"],
            # No O*NET file of this release names an occupation's main industry.
            "sector": None,
            "jobZone": occupation["job_zone"],
            "jobZoneInferred": occupation["job_zone_inferred"],
        },
        "framework": {
            "version": build_version,
            "description": framework.description,
            "contextCovered": framework.context_covered,
            "levels": levels,
        },
        "sources": {
            "onet": f"O*NET {release} Database (CC BY 4.0)",
            "crosswalk": CROSSWALK,
            "generator": f"{framework.engine} (skills-exchange {_VERSION})",
        },
        "attribution": ONET_ATTRIBUTION.format(release=release),
    }
