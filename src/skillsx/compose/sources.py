"""The attributions every dataset on a page requires, with its release and licence."""

from __future__ import annotations

from skillsx.models import Brief, SourceCredit

ONET_URL = "https://www.onetcenter.org/license_db.html"
AEI_URL = "https://huggingface.co/datasets/Anthropic/EconomicIndex"
PATHSMITH = "Pathsmith Durable Skills Framework (America Succeeds with CompTIA)"


def onet_attribution(release: str) -> str:
    """O*NET's required CC BY 4.0 wording for a release (see its licence page)."""
    return (
        f"This product includes information from the O*NET {release} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
        "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Modified by Skills "
        "Exchange: statements are composed from the data; USDOL/ETA has not approved, endorsed "
        "or tested these modifications."
    )


def compose_sources(brief: Brief, aei_release: str | None) -> list[SourceCredit]:
    """Every dataset the page draws on, in the order the page uses them."""
    credits = [
        SourceCredit(
            key="onet",
            name="O*NET Database",
            release=brief.release,
            licence="CC BY 4.0",
            attribution=onet_attribution(brief.release),
            url=ONET_URL,
        )
    ]
    # Files borrowed from another release (Skills and Knowledge from 29.x beside 30.1).
    extra: dict[str, list[str]] = {}
    for section in ("skills", "knowledge"):
        items = getattr(brief, section)
        if items and items[0].release != brief.release:
            extra.setdefault(items[0].release, []).append(section.capitalize())
    for release, files in sorted(extra.items()):
        credits.append(
            SourceCredit(
                key=f"onet-{release}",
                name=f"O*NET Database ({' and '.join(files)})",
                release=release,
                licence="CC BY 4.0",
                attribution=onet_attribution(release)
                + f" {' and '.join(files)} come from this release, not {brief.release}.",
                url=ONET_URL,
            )
        )
    if aei_release:
        credits.append(
            SourceCredit(
                key="aei",
                name="Anthropic Economic Index",
                release=aei_release,
                licence="CC BY (data, per the dataset card; the card's metadata says MIT)",
                attribution=f"Anthropic Economic Index (Handa et al., 2025), release "
                f"{aei_release}, {AEI_URL}. Task usage matched to O*NET tasks by Skills Exchange.",
                url=AEI_URL,
            )
        )
    if brief.cip:
        credits.append(
            SourceCredit(
                key="cip",
                name="CIP 2020 to SOC 2018 Crosswalk",
                release="CIP 2020 / SOC 2018",
                licence="Public domain (U.S. federal government work)",
                attribution="NCES and BLS, CIP 2020 to SOC 2018 Crosswalk.",
                url="https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
            )
        )
    credits.append(
        SourceCredit(
            key="soc",
            name="Standard Occupational Classification",
            release="SOC 2018",
            licence="Public domain (U.S. federal government work)",
            attribution="BLS, 2018 Standard Occupational Classification system.",
            url="https://www.bls.gov/soc/2018/",
        )
    )
    credits.append(
        SourceCredit(
            key="durable",
            name=PATHSMITH,
            release="Starter Edition",
            licence="Named only; no text reproduced",
            attribution=f"The ten durable-skill domains follow the {PATHSMITH}, © America "
            "Succeeds. Domain names only; descriptions and statements are Skills Exchange's own.",
            url="https://americasucceeds.org/",
        )
    )
    return credits
