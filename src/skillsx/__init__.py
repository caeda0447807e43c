"""Skills Exchange: proficiency frameworks composed from O*NET, with their evidence.

The public API is what ``__all__`` lists; everything else is private to the package.
"""

from skillsx.build import run_build
from skillsx.config import Settings
from skillsx.errors import (
    ConfigError,
    ExportError,
    IngestError,
    NotFound,
    SkillsxError,
    StoreError,
)
from skillsx.ingest.bundle import load_data_folder
from skillsx.ingest.evidence import load_aei, load_cip
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.models import Anchor, Brief, Framework, Level, Problem, Statement, Theme
from skillsx.store.db import open_engine
from skillsx.store.migrations import migrate
from skillsx.store.queries import get_brief, list_occupations

__all__ = [
    "Anchor",
    "Brief",
    "ConfigError",
    "ExportError",
    "Framework",
    "IngestError",
    "Level",
    "NotFound",
    "Problem",
    "Settings",
    "SkillsxError",
    "Statement",
    "StoreError",
    "Theme",
    "get_brief",
    "list_occupations",
    "load_aei",
    "load_cip",
    "load_data_folder",
    "load_release",
    "migrate",
    "open_engine",
    "read_release",
    "run_build",
]
