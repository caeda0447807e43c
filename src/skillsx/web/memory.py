"""Keep a web worker's heap small: fewer glibc malloc arenas.

glibc gives each thread that allocates concurrently its own arena, up to eight per core.
A worker runs request handlers on a pool of threads, so pages freed in one arena are not
reused by another and the process keeps them. Two arenas were measured to hold a warm
worker about 7 MB smaller after the load bench (bench/serve.py), with no change in
throughput. Other C libraries (musl, macOS) have no such option: nothing is done there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

# mallopt's parameter number for M_ARENA_MAX (glibc malloc.h).
M_ARENA_MAX = -8
ARENAS = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Ask glibc for at most ``arenas`` malloc arenas; True if it agreed.

    ``MALLOC_ARENA_MAX`` in the environment wins: then nothing is changed here.
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))
