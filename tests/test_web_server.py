"""The limits ``skillsx serve`` gives uvicorn (skillsx.web.server), on a real server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from skillsx.web.server import MAX_HEAD_BYTES, LimitedH11Protocol, server_options

TIMEOUT = 0.6
PENDING = 4


class QuickProtocol(LimitedH11Protocol):
    """The same protocol with a short deadline and a small cap, so the test is quick."""

    request_timeout = TIMEOUT
    max_pending = PENDING


async def hello(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def]
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hello"})


@pytest.fixture()
def port() -> Iterator[int]:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    options = server_options() | {"http": QuickProtocol}
    config = uvicorn.Config(hello, log_level="critical", lifespan="off", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield sock.getsockname()[1]
    server.should_exit = True
    thread.join(10)
    sock.close()


def _connect(port: int) -> socket.socket:
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
    return conn


def _request(port: int, head: bytes) -> bytes:
    with _connect(port) as conn:
        conn.sendall(head)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
        return data


def _closed_within(conn: socket.socket, seconds: float) -> bool:
    conn.settimeout(seconds)
    try:
        return conn.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_the_serve_command_uses_the_limits() -> None:
    options = server_options()
    assert options["http"] is LimitedH11Protocol
    assert options["h11_max_incomplete_event_size"] == MAX_HEAD_BYTES == 16 * 1024
    assert options["server_header"] is False
    assert options["limit_concurrency"] and options["timeout_keep_alive"]


def test_answers_without_a_server_header(port: int) -> None:
    reply = _request(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head = reply.split(b"\r\n\r\n")[0].lower()
    assert head.startswith(b"http/1.1 200") and b"hello" in reply
    assert b"\r\nserver:" not in head


def test_a_large_request_head_is_refused(port: int) -> None:
    ok = b"X-Pad: " + b"a" * (MAX_HEAD_BYTES // 2) + b"\r\n"
    reply = _request(port, b"GET / HTTP/1.1\r\nHost: x\r\n" + ok + b"Connection: close\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 200")
    # Whole in one read (h11's own limit misses these) or in many pieces.
    answered = []
    for size in (MAX_HEAD_BYTES, 100_000, 1 << 20):
        big = b"X-Pad: " + b"a" * size + b"\r\n"
        with _connect(port) as conn:
            try:
                conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n" + big + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                continue  # closed before all of it was sent: refused as well
            reply = conn.recv(1024)
        assert reply.startswith(b"HTTP/1.1 431 Request Header Fields Too Large"), size
        answered.append(size)
    assert MAX_HEAD_BYTES in answered


def test_an_unfinished_request_is_dropped(port: int) -> None:
    with _connect(port) as silent, _connect(port) as slow, _connect(port) as body:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # the head never ends
        body.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        started = time.monotonic()
        for conn in (silent, slow, body):
            assert _closed_within(conn, TIMEOUT + 3)
        assert time.monotonic() - started < TIMEOUT + 3
    # A request that arrives in time, even in pieces, is answered.
    with _connect(port) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\n")
        time.sleep(TIMEOUT / 3)
        conn.sendall(b"Host: x\r\nConnection: close\r\n\r\n")
        assert conn.recv(1024).startswith(b"HTTP/1.1 200")


def test_pending_connections_are_capped(port: int) -> None:
    held = [_connect(port) for _ in range(PENDING)]
    time.sleep(0.1)
    try:
        extra = _connect(port)
        assert _closed_within(extra, 1.0)  # closed at once: the cap is reached …
        extra.close()
        assert not any(_closed_within(conn, 0.05) for conn in held)  # … the others wait
        for conn in held:
            assert _closed_within(conn, TIMEOUT + 3)  # until their deadline
        time.sleep(0.1)
        reply = _request(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert reply.startswith(b"HTTP/1.1 200")  # and then there is room again
    finally:
        for conn in held:
            conn.close()
