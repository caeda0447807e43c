"""The per-worker build cache: least recently used goes first, by count and by weight."""

from __future__ import annotations

from skillsx.web.cache import ITEM_WEIGHT, OBJECT_WEIGHT, BuildCache, weigh


def test_weigh() -> None:
    assert weigh(b"abc") == 3
    assert weigh("abcd") == 4
    assert weigh((b"body", '"etag"')) == 10
    assert weigh([1, 2, 3]) == 3 * ITEM_WEIGHT
    assert weigh({"title": "Sales Managers"}) == OBJECT_WEIGHT


def test_least_recently_used_goes_first_by_count() -> None:
    cache = BuildCache(size=2)
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.get("a") == b"1"  # now "b" is the least recently used
    cache.put("c", b"3")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"1", None, b"3")
    assert len(cache) == 2


def test_budget_bounds_the_weight() -> None:
    cache = BuildCache(budget=10)
    cache.put("a", b"x" * 4)
    cache.put("b", b"x" * 4)
    assert cache.weight == 8
    cache.put("c", b"x" * 4)  # 12 > 10: "a" goes
    assert cache.get("a") is None
    assert cache.weight == 8
    cache.put("b", b"x")  # replacing an entry replaces its weight
    assert cache.weight == 5
    cache.put("big", b"x" * 50)  # over budget alone: kept, everything else goes
    assert cache.get("big") == b"x" * 50
    assert (len(cache), cache.weight) == (1, 50)


def test_get_or_make_makes_once() -> None:
    cache = BuildCache()
    made: list[int] = []

    def make() -> bytes:
        made.append(1)
        return b"page"

    assert cache.get_or_make("k", make) == b"page"
    assert cache.get_or_make("k", make) == b"page"
    assert made == [1]
    cache.clear()
    assert (len(cache), cache.weight, cache.get("k")) == (0, 0, None)


def test_concurrent_misses_make_once() -> None:
    import threading
    import time

    cache = BuildCache()
    calls = []
    start = threading.Barrier(8)

    def make() -> bytes:
        calls.append(1)
        time.sleep(0.05)  # long enough that the other threads miss while this one makes
        return b"page"

    results: list[bytes] = []

    def worker() -> None:
        start.wait()
        results.append(cache.get_or_make("k", make))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [b"page"] * 8
    assert len(calls) == 1


def test_a_failed_make_lets_the_next_caller_make() -> None:
    import pytest

    cache = BuildCache()

    def fail() -> bytes:
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        cache.get_or_make("k", fail)
    assert cache.get_or_make("k", lambda: b"ok") == b"ok"
    assert cache._making == {}
