"""Load everything from a data folder laid out like ../shared/data in one call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from skillsx.errors import IngestError
from skillsx.ingest.evidence import AeiResult, load_aei, load_cip
from skillsx.ingest.load import LoadResult, load_release
from skillsx.ingest.read import read_release
from skillsx.store.lock import holds_writer_lock

#: Where each dataset lives under the data folder.
LAYOUT = {
    "onet": "onet/db_30_1_text",
    "onet_extra": "onet/db_29_x_excel_subset",
    "aei": "anthropic_economic_index/release_2025_02_10",
    "cip": "crosswalks/cip_soc",
}


@dataclass(frozen=True)
class BundleResult:
    onet: LoadResult
    aei: AeiResult
    cip_pairs: int


@holds_writer_lock("ingest")
def load_data_folder(engine: Engine, data: Path) -> BundleResult:
    """Ingest the O*NET release (with its 29.x extra), the AEI evidence and the CIP crosswalk."""
    paths = {key: data / rel for key, rel in LAYOUT.items()}
    for key in ("onet", "aei", "cip"):
        if not paths[key].exists():
            raise IngestError(
                f"{data}: expected {LAYOUT[key]} inside it. Point --data at the shared data "
                "folder (the one holding onet/, anthropic_economic_index/, crosswalks/)."
            )
    extras = [paths["onet_extra"]] if paths["onet_extra"].exists() else []
    onet = load_release(engine, read_release(paths["onet"], extras))
    return BundleResult(onet, load_aei(engine, paths["aei"]), load_cip(engine, paths["cip"]))
