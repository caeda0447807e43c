"""Occupation title search: find the O*NET occupation for a job title as people write it."""

from skillsx.search.index import SearchHit, TitleIndex
from skillsx.search.layout import TitleRecord

__all__ = ["SearchHit", "TitleIndex", "TitleRecord"]
