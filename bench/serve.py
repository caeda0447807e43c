"""Load bench of `skillsx serve`: wrk against the framework JSON, the page and search.

Starts uvicorn on loopback with several workers against a built store, waits until every
worker has built its title index (they do at start-up), warms each endpoint,
drives each endpoint with wrk for a bounded time and prints req/s, p50/p99 latency, errors
and the server's memory over all its processes: the sum of their RSS (the target's
measure; pages shared between processes, such as libraries, count once per process) and
their PSS (shared pages split between the processes that share them).

    .venv/bin/python bench/serve.py                       # ./skillsx.db, 2 workers, 10 s each
    .venv/bin/python bench/serve.py --duration 5 --connections 32
    .venv/bin/python bench/serve.py --crawl 923           # then read that many occupations

``--crawl N`` then reads the first N occupations' pages and framework JSON over 4
connections (a crawler's pattern: every entry once, so the per-worker cache fills up to
its budget) and prints the memory again.

Needs `wrk` (apt-get install -y wrk) and a store with a complete build (`skillsx build`).
Targets on 2 cores: framework JSON >= 3,000 req/s with p99 <= 20 ms, page >= 1,000 req/s,
0 errors, RSS <= 250 MB. wrk runs on the same cores as the server, so it takes its share.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from skillsx.store.db import open_engine
from skillsx.store.migrations import migrate

ENDPOINTS = [
    ("framework JSON", "/api/v1/occupations/{soc}/framework"),
    ("occupation page", "/occupations/{soc}"),
    ("search", "/api/v1/search?q=registered+nurse&limit=10"),
]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer {url} within {timeout:.0f} s")


def warm_search(url: str, timeout: float = 180.0) -> None:
    """Wait until every worker has built its title index: 8 fresh connections answer fast."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        slowest = 0.0
        for _ in range(8):
            start = time.monotonic()
            with urllib.request.urlopen(url, timeout=timeout) as r:
                r.read()
            slowest = max(slowest, time.monotonic() - start)
        if slowest < 0.2:
            return
    raise SystemExit("search did not warm up in time")


def crawl(base: str, count: int) -> tuple[int, float]:
    """Read ``count`` occupations' pages and framework JSON; return (requests, seconds)."""
    from concurrent.futures import ThreadPoolExecutor

    socs: list[str] = []
    page, pages = 1, 1
    while page <= pages and len(socs) < count:
        with urllib.request.urlopen(f"{base}/api/v1/occupations?page={page}", timeout=60) as r:
            listing = json.load(r)
        socs += [o["soc"] for o in listing["results"] if o["has_framework"]]
        page, pages = page + 1, listing["pages"]
    socs = socs[:count]
    paths = [
        p for soc in socs for p in (f"/occupations/{soc}", f"/api/v1/occupations/{soc}/framework")
    ]

    def get(path: str) -> None:
        with urllib.request.urlopen(base + path, timeout=120) as r:
            r.read()

    start = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(get, paths))
    return len(paths), time.monotonic() - start


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    todo, found = [pid], []
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def _kb(path: str, field: str) -> float | None:
    try:
        text = Path(path).read_text()
    except OSError:
        return None
    found = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) / 1024 if found else None


def tree_rss_mb(pid: int) -> tuple[float, list[float]]:
    """Resident memory of a process and all its descendants, in MB (each process's RSS)."""
    sizes = [s for p in tree_pids(pid) if (s := _kb(f"/proc/{p}/status", "VmRSS")) is not None]
    return sum(sizes), sizes


def tree_pss_mb(pid: int) -> float:
    """Proportional set size of the tree: pages shared by n processes count 1/n each."""
    sizes = [_kb(f"/proc/{p}/smaps_rollup", "Pss") for p in tree_pids(pid)]
    return sum(s for s in sizes if s is not None)


def latency_ms(text: str, pct: str) -> float:
    found = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")


def run_wrk(url: str, duration: int, connections: int, threads: int) -> dict[str, float | str]:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if rps is None:
        sys.stderr.write(out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    kinds = {"non-2xx/3xx": int(non2xx.group(1)) if non2xx else 0}
    if sock:
        kinds.update(
            zip(("connect", "read", "write", "timeout"), map(int, sock.groups()), strict=True)
        )
    errors = sum(kinds.values())
    # Say which kind, so a run with errors can be looked into.
    detail = ", ".join(f"{kind} {n}" for kind, n in kinds.items() if n)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency_ms(out, "50"),
        "p99": latency_ms(out, "99"),
        "errors": f"{errors} ({detail})" if errors else "0",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("SKILLSX_DATABASE_URL", "sqlite:///skillsx.db")
    )
    parser.add_argument("--soc", default="11-2022.00")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--crawl", type=int, default=0, help="then read this many occupations")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    migrate(open_engine(args.database_url))  # once, before the workers start
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "SKILLSX_DATABASE_URL": args.database_url}
    server = subprocess.Popen(
        [
            sys.executable, "-m", "uvicorn", "skillsx.web.app:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers),
            "--no-access-log", "--log-level", "warning",
        ],
        env=env,
    )  # fmt: skip
    try:
        wait_until_up(base + "/api/v1/builds")
        # Each worker builds its title index at start-up (in a child process): wait until
        # every one answers searches fast, so no measurement shares the cores with that.
        warm_search(base + dict(ENDPOINTS)["search"])
        warm_rss = tree_rss_mb(server.pid)[0]
        rows = []
        for name, path in ENDPOINTS:
            url = base + path.format(soc=args.soc)
            # Warm every worker's caches for this endpoint before measuring.
            run_wrk(url, 3, args.connections, args.threads)
            rows.append((name, run_wrk(url, args.duration, args.connections, args.threads)))
        total, each = tree_rss_mb(server.pid)
        pss = tree_pss_mb(server.pid)
        crawled = crawl(base, args.crawl) if args.crawl else None
        after_crawl = tree_rss_mb(server.pid) if crawled else None
    finally:
        server.terminate()
        server.wait(20)

    out = sys.stdout.write
    out(
        f"{args.workers} workers, wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{os.cpu_count()} CPUs, store {args.database_url}\n"
    )
    out("| endpoint | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n")
    for name, r in rows:
        out(f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} |\n")
    sizes = ", ".join(f"{s:.0f}" for s in each)
    out(f"server RSS: {total:.0f} MB in {len(each)} processes ({sizes} MB)\n")
    out(f"server PSS (shared pages split between processes): {pss:.0f} MB\n")
    out(f"server RSS warm, before any load (title index built): {warm_rss:.0f} MB\n")
    if crawled and after_crawl:
        requests, seconds = crawled
        sizes = ", ".join(f"{s:.0f}" for s in after_crawl[1])
        out(
            f"after a crawl of {args.crawl} occupations ({requests} requests in {seconds:.1f} s):"
            f" server RSS {after_crawl[0]:.0f} MB ({sizes} MB)\n"
        )


if __name__ == "__main__":
    main()
