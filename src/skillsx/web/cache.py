"""A small per-process LRU cache for what is immutable within one build."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

# What a cached object that is not bytes, text or a list is taken to weigh. An occupation
# context (nested dicts and lists) measured about 0.7 MB resident on the full release.
OBJECT_WEIGHT = 1 << 20
# What each item of a cached list (search hits, occupation summaries) is taken to weigh.
ITEM_WEIGHT = 256
# Default budget per worker (SKILLSX_CACHE_MB sets the site's): about 10 occupations'
# context, page and JSON. A crawler reading every page then leaves each worker ~27 MB
# bigger (bench/serve.py --crawl); with 64 MB it was ~63 MB.
BUDGET = 16 << 20


def weigh(value: Any) -> int:
    """Bytes and text weigh their length, tuples their parts, lists ITEM_WEIGHT an item,
    anything else (an occupation context) OBJECT_WEIGHT."""
    if isinstance(value, bytes | str):
        return len(value)
    if isinstance(value, tuple):
        return sum(weigh(part) for part in value)
    if isinstance(value, list):
        return ITEM_WEIGHT * len(value)
    return OBJECT_WEIGHT


class BuildCache:
    """Rendered pages, documents and exports keyed by (kind, build id, ...); bounded LRU.

    Keys carry the build id, so a new build never serves the old one's bytes; old entries
    simply age out. The cache holds at most ``size`` entries and about ``budget`` bytes
    (``weigh``): a crawler reading every occupation page otherwise keeps ~1 MB each, which
    is ~900 MB per worker on the full release.
    """

    def __init__(self, size: int = 2048, budget: int = BUDGET) -> None:
        self._size = size
        self._budget = budget
        self._weight = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        # Keys being made now, each with the lock its maker holds (see get_or_make).
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            held = self._items.get(key)
            if held is None:
                return None
            self._items.move_to_end(key)
            return held[0]

    def put(self, key: Hashable, value: Any) -> Any:
        weight = weigh(value)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._weight -= old[1]
            self._items[key] = (value, weight)
            self._weight += weight
            while len(self._items) > 1 and (
                len(self._items) > self._size or self._weight > self._budget
            ):
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped
        return value

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The cached value of ``key``, else ``make()`` cached.

        Threads that miss the same key at once make it once: the first makes it, the
        others wait for it and take its value. Under load a cold page otherwise had every
        worker thread building the same context at once (a 0.3 s brief and ~4 MB each).
        If the maker raises, the next waiter makes it in turn.
        """
        value = self.get(key)
        if value is not None:
            return value
        with self._lock:
            gate = self._making.get(key)
            if gate is None:
                gate = self._making[key] = threading.Lock()
        with gate:
            value = self.get(key)
            if value is not None:
                return value
            try:
                return self.put(key, make())
            finally:
                with self._lock:
                    if self._making.get(key) is gate:
                        del self._making[key]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0

    @property
    def weight(self) -> int:
        """The summed weight of what the cache holds now."""
        return self._weight

    def __len__(self) -> int:
        return len(self._items)
